"""Translation rules every app builds on: shared facts, and snippets shown only when complete.

A synchronised field is copied from the source on every sync. wagtail-localize lets
translators override such fields by default, after which a changed date, venue or
phone number in Chinese silently stops reaching the English and Korean pages; ours
are never overridable, so the facts cannot drift apart.

wagtail-localize saves a snippet translation with the source's text in every string
nobody has translated yet, so a half-done category or menu would show a label that
is partly English (or Korean) and partly Chinese. Until a translation is complete
the site shows the source instead, the same fallback a missing translation gets.
`complete()` and `shown_on_site()` add subqueries, never queries.
"""

from django.db.models import Exists, OuterRef, Q
from wagtail.models import DraftStateMixin
from wagtail_localize.fields import SynchronizedField
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


def synchronised(*names):
    """Fields copied from the source on every sync, which no translator can override."""
    return [SynchronizedField(name, overridable=False) for name in names]


# Page fields every page type shares. The schedule is synchronised so that a translation
# goes live and comes off the site with its source (wagtail-localize skips both by default).
PAGE_FACTS = synchronised("slug", "show_in_menus", "go_live_at", "expire_at")
# The same schedule for snippets with drafts (home.models.ReviewedSnippet).
SNIPPET_FACTS = synchronised("go_live_at", "expire_at")


def untranslated_segments():
    """Subquery, inside one over Translation: its source's strings not yet translated."""
    translated = StringTranslation.objects.filter(
        translation_of_id=OuterRef("string_id"),
        context_id=OuterRef("context_id"),
        locale_id=OuterRef(OuterRef("target_locale_id")),
        has_error=False,
    )
    return StringSegment.objects.filter(source_id=OuterRef("source_id")).exclude(Exists(translated))


def _is_incomplete_translation():
    """True for an object that is the target of a translation with strings still missing."""
    return Exists(
        Translation.objects.filter(
            source__object_id=OuterRef("translation_key"),
            target_locale_id=OuterRef("locale_id"),
            enabled=True,
        ).filter(Exists(untranslated_segments()))
    )


def complete(queryset):
    """`queryset` without the translations that still have untranslated strings."""
    return queryset.exclude(_is_incomplete_translation())


def shown_on_site(queryset):
    """`queryset` (snippets in one locale) with each incomplete translation replaced by its source.

    Only published rows (`live`) of snippets that have drafts. Keeps the queryset's
    ordering; one query when evaluated.
    """
    model = queryset.model
    if issubclass(model, DraftStateMixin):
        queryset = queryset.filter(live=True)
    is_source = Exists(
        TranslationSource.objects.filter(
            object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
        )
    )
    waiting = queryset.filter(_is_incomplete_translation()).values("translation_key")
    sources = model._default_manager.filter(is_source, translation_key__in=waiting)
    if issubclass(model, DraftStateMixin):
        sources = sources.filter(live=True)
    return model._default_manager.filter(
        Q(pk__in=complete(queryset).values("pk")) | Q(pk__in=sources.values("pk"))
    ).order_by(*queryset.query.order_by)
