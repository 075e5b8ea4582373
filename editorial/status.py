"""Where each page stands in each language: missing, in progress, out of date or up to date.

Pages are written in the default locale (Chinese) and translated from there with
wagtail-localize. For a source page and a target locale:

* **missing**: no page in that locale yet;
* **out of date**: the source was published after its content was last handed to
  the translators (`TranslationSource.last_updated_at`, set on submit and on every
  "Sync translated pages"), so the translation lacks the latest changes;
* **in progress**: the translation exists but is not live, has unpublished changes,
  or still has strings nobody has translated;
* **up to date**: everything else.

`translation_statuses()` answers for any number of pages in five queries;
`dashboard_report()` adds snippets to translate and pages awaiting review.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import Translation, TranslationSource

from home.translations import untranslated_segments

MISSING, OUT_OF_DATE = "missing", "out_of_date"
IN_PROGRESS, UP_TO_DATE = "in_progress", "up_to_date"
STATUS_LABELS = {
    MISSING: _("Not translated"),
    OUT_OF_DATE: _("Out of date"),
    IN_PROGRESS: _("In progress"),
    UP_TO_DATE: _("Up to date"),
}
# What the one-click link next to each status does.
ACTION_LABELS = {
    MISSING: _("Translate"),
    OUT_OF_DATE: _("Sync"),
    IN_PROGRESS: _("Continue translating"),
    UP_TO_DATE: _("Edit translation"),
}
NEEDS_WORK = (MISSING, OUT_OF_DATE, IN_PROGRESS)


@dataclass
class LocaleStatus:
    """One source page in one target locale."""

    source: Page
    locale: Locale
    status: str
    translation: Page | None = None
    source_id: int | None = None  # the TranslationSource, when wagtail-localize manages it
    untranslated: int = 0  # strings still waiting for a translator
    action_url: str = field(default="", repr=False)

    @property
    def label(self):
        return STATUS_LABELS[self.status]

    @property
    def action_label(self):
        return ACTION_LABELS[self.status]

    @property
    def needs_work(self):
        return self.status in NEEDS_WORK


def source_locale():
    return Locale.get_default()


def target_locales():
    return list(Locale.objects.exclude(pk=source_locale().pk).order_by("language_code"))


def _untranslated():
    """Subquery: a Translation's strings not translated yet (0 when every one is)."""
    missing = (
        untranslated_segments().order_by().values("source_id").annotate(n=Count("pk")).values("n")
    )
    return Coalesce(Subquery(missing), 0)


def untranslated_counts(sources):
    """{(translation source id, locale id): strings not translated yet} for enabled translations."""
    rows = (
        Translation.objects.filter(source__in=sources, enabled=True)
        .annotate(untranslated=_untranslated())
        .values_list("source_id", "target_locale_id", "untranslated")
    )
    return {(source_id, locale_id): n for source_id, locale_id, n in rows}


def translation_statuses(pages, locales=None):
    """{page.pk: [LocaleStatus per target locale]} for source-locale `pages`."""
    pages = list(pages)
    locales = target_locales() if locales is None else list(locales)
    if not pages or not locales:
        return {page.pk: [] for page in pages}
    keys = [page.translation_key for page in pages]
    translated = defaultdict(dict)
    for page in Page.objects.filter(translation_key__in=keys, locale__in=locales).only(
        "id",
        "title",
        "translation_key",
        "locale_id",
        "live",
        "has_unpublished_changes",
        "latest_revision_created_at",
        "first_published_at",
    ):
        translated[page.translation_key][page.locale_id] = page
    sources = {
        (source.object_id, source.locale_id): source
        for source in TranslationSource.objects.filter(object_id__in=keys).only(
            "id", "object_id", "locale_id", "last_updated_at"
        )
    }
    counts = untranslated_counts([source.pk for source in sources.values()])

    result = {}
    for page in pages:
        rows = []
        source = sources.get((page.translation_key, page.locale_id))
        for locale in locales:
            translation = translated[page.translation_key].get(locale.pk)
            untranslated = counts.get((source.pk, locale.pk), 0) if source else 0
            if translation is None:
                status = MISSING
            elif _is_out_of_date(page, source, translation):
                status = OUT_OF_DATE
            elif not translation.live or translation.has_unpublished_changes or untranslated:
                status = IN_PROGRESS
            else:
                status = UP_TO_DATE
            row = LocaleStatus(
                source=page,
                locale=locale,
                status=status,
                translation=translation,
                source_id=source.pk if source else None,
                untranslated=untranslated,
            )
            row.action_url = action_url(row)
            rows.append(row)
        result[page.pk] = rows
    return result


def _is_out_of_date(page, source, translation):
    """The source was published after the translators last received its content."""
    if page.last_published_at is None:
        return False
    if source is not None:
        handed_over = source.last_updated_at
    else:  # a translation made by copying the page, outside wagtail-localize
        handed_over = translation.latest_revision_created_at or translation.first_published_at
    return handed_over is not None and page.last_published_at > handed_over


def action_url(row):
    """The wagtail-localize view that deals with `row` in one click."""
    if row.status == MISSING:
        url = reverse("wagtail_localize:submit_page_translation", args=[row.source.pk])
        return f"{url}?select_locale={row.locale.language_code}"
    if row.status == OUT_OF_DATE and row.source_id:
        return reverse("wagtail_localize:update_translations", args=[row.source_id])
    return reverse("wagtailadmin_pages:edit", args=[row.translation.pk])


def page_statuses(page):
    """The status of one page in every other locale (the source's, if `page` is a translation)."""
    source = Page.objects.filter(
        translation_key=page.translation_key, locale=source_locale()
    ).first()
    if source is None:
        return None, []
    return source, translation_statuses([source])[source.pk]


def work_by_locale(locales, limit=None):
    """[(locale, counts by status, rows needing work)] for every live source page.

    Rows are ordered by the source's last publication, newest first, so the
    pages editors just changed come to the top.
    """
    pages = (
        Page.objects.filter(locale=source_locale(), depth__gt=1, live=True)
        .order_by("-last_published_at", "path")
        .only(
            "id",
            "title",
            "draft_title",
            "translation_key",
            "locale_id",
            "last_published_at",
            "path",
            "depth",
        )
    )
    statuses = translation_statuses(pages, locales)
    report = []
    for locale in locales:
        rows = [
            row
            for page_rows in statuses.values()
            for row in page_rows
            if row.locale.pk == locale.pk and row.needs_work
        ]
        counts = dict.fromkeys(NEEDS_WORK, 0)
        for row in rows:
            counts[row.status] += 1
        report.append((locale, counts, rows[:limit] if limit else rows))
    return report


def locales_for_user(user, locales=None):
    """The target locales whose tree `user` may edit (a translator sees only their own)."""
    locales = target_locales() if locales is None else locales
    homes = {page.locale_id: page for page in Page.objects.filter(depth=2, locale__in=locales)}
    return [
        locale
        for locale in locales
        if locale.pk in homes and homes[locale.pk].permissions_for_user(user).can_edit()
    ]


@dataclass
class SnippetWork:
    """A snippet (category, menu, contact details) whose translation has strings to translate."""

    name: str
    model_name: str
    untranslated: int
    url: str


def snippets_to_translate(locales):
    """{locale pk: [SnippetWork]} for snippet translations with untranslated strings (one query)."""
    rows = (
        Translation.objects.filter(target_locale__in=locales, enabled=True)
        .exclude(source__object_id__in=Page.objects.values("translation_key"))
        .annotate(untranslated=_untranslated())
        .filter(untranslated__gt=0)
        .order_by("source__object_repr")
        .values_list(
            "target_locale_id",
            "target_locale__language_code",
            "source__object_repr",
            "source__specific_content_type_id",
            "untranslated",
        )
    )
    work = defaultdict(list)
    for locale_id, code, name, content_type_id, untranslated in rows:
        model = ContentType.objects.get_for_id(content_type_id).model_class()  # cached
        viewset = getattr(model, "snippet_viewset", None)
        url = reverse(viewset.get_url_name("list")) + f"?locale={code}" if viewset else ""
        work[locale_id].append(SnippetWork(name, model._meta.verbose_name, untranslated, url))
    return work


def awaiting_review(locales):
    """{locale pk: [pages of that locale submitted for approval]} (one query)."""
    pages = (
        Page.objects.filter(
            locale__in=locales, _workflow_states__status=WorkflowState.STATUS_IN_PROGRESS
        )
        .order_by("-latest_revision_created_at")
        .only("id", "title", "draft_title", "locale_id", "latest_revision_created_at")
    )
    by_locale = defaultdict(list)
    for page in pages:
        by_locale[page.locale_id].append(page)
    return by_locale


def dashboard_report(locales, limit):
    """Per locale: page counts by status, pages and snippets needing work, pages awaiting review.

    Costs the same few queries whatever the number of pages and snippets.
    """
    reviews = awaiting_review(locales)
    snippets = snippets_to_translate(locales)
    return [
        SimpleNamespace(
            locale=locale,
            counts=counts,
            rows=rows,
            reviews=reviews[locale.pk][:limit],
            review_count=len(reviews[locale.pk]),
            snippets=snippets[locale.pk][:limit],
            snippet_count=len(snippets[locale.pk]),
        )
        for locale, counts, rows in work_by_locale(locales, limit)
    ]
