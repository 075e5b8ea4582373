"""The notice board's querysets, built in one place.

A locale's board lists its own live notices and, for any notice not yet translated
into it, the Chinese original (marked "not yet translated" where it is shown), so an
urgent notice written in Chinese reaches every language's list and feed at once.
Every list costs the same number of queries for 5 notices or 500.
"""

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone
from wagtail.models import Page

from home.translations import shown_on_site
from home.visibility import live_public
from notices.models import NoticeArea, NoticeAreaLink, NoticePage

PAGE_SIZE = 20


def areas_in(locale):
    """{translation_key: area} of the compounds in `locale` (the source's until translated)."""
    rows = shown_on_site(NoticeArea.objects.filter(locale=locale).order_by("sort_order", "name"))
    return {row.translation_key: row for row in rows}


def in_locale_or_source(locale):
    """Live, public notices in `locale`, plus the Chinese ones with no live translation in it."""
    visible = live_public(NoticePage.objects.all())
    own = visible.filter(locale=locale)
    if locale.language_code == settings.LANGUAGE_CODE:
        return own
    waiting = visible.filter(locale__language_code=settings.LANGUAGE_CODE).exclude(
        translation_key__in=own.values("translation_key")
    )
    return NoticePage.objects.filter(Q(pk__in=own.values("pk")) | Q(pk__in=waiting.values("pk")))


def notices(locale, kind=None, area_key=None, archive=False, now=None):
    """The board's notices, newest first: current ones, or the archive of those that ended."""
    now = now or timezone.now()
    pages = in_locale_or_source(locale)
    if archive:
        pages = pages.filter(valid_until__lte=now)
    else:
        pages = pages.filter(Q(valid_until__isnull=True) | Q(valid_until__gt=now))
    if kind:
        pages = pages.filter(kind=kind)
    if area_key:
        in_area = NoticeAreaLink.objects.filter(
            page_id=OuterRef("pk"), area__translation_key=area_key
        )
        pages = pages.filter(Q(whole_community=True) | Exists(in_area))
    return (
        pages.select_related("locale")
        .prefetch_related(Prefetch("areas", queryset=NoticeAreaLink.objects.select_related("area")))
        .defer("body")
        .order_by("-valid_from", "-pk")
    )


def area_names(notice, by_key):
    """The compounds a notice concerns, named in the list's language."""
    return [by_key.get(link.area.translation_key, link.area).name for link in notice.areas.all()]


def localized_pages(pages, locale):
    """Each page (a service, space or event) in `locale` if live there, else its Chinese page.

    Pages nobody may see (drafts, behind a view restriction) are left out. One query.
    """
    keys = [page.translation_key for page in pages]
    if not keys:
        return []
    rows = live_public(Page.objects.filter(translation_key__in=keys)).select_related("locale")

    def preference(row):
        if row.locale_id == locale.pk:
            return 0
        return 1 if row.locale.language_code == settings.LANGUAGE_CODE else 2

    shown = {}
    for row in sorted(rows, key=preference):
        shown.setdefault(row.translation_key, row)
    return [shown[key] for key in dict.fromkeys(keys) if key in shown]
