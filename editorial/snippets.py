"""Translatable snippets as the site shows them: complete translations or their source.

wagtail-localize saves a snippet translation with the source's text in every string
nobody has translated yet, so a half-done category or menu would show a label that
is partly English (or Korean) and partly Chinese. Until a translation is complete
the site shows the source instead, the same fallback a missing translation gets.
Both helpers add subqueries, never queries.
"""

from django.db.models import Exists, OuterRef, Q
from wagtail_localize.models import Translation, TranslationSource

from editorial.status import untranslated_segments


def _is_incomplete_translation():
    """True for an object that is the target of a translation with strings still missing."""
    missing = untranslated_segments()
    return Exists(
        Translation.objects.filter(
            source__object_id=OuterRef("translation_key"),
            target_locale_id=OuterRef("locale_id"),
            enabled=True,
        ).filter(Exists(missing))
    )


def complete(queryset):
    """`queryset` without the translations that still have untranslated strings."""
    return queryset.exclude(_is_incomplete_translation())


def shown_on_site(queryset):
    """`queryset` (snippets in one locale) with each incomplete translation replaced by its source.

    Keeps the queryset's ordering; one query when evaluated.
    """
    model = queryset.model
    is_source = Exists(
        TranslationSource.objects.filter(
            object_id=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
        )
    )
    waiting = queryset.filter(_is_incomplete_translation()).values("translation_key")
    sources = model._default_manager.filter(is_source, translation_key__in=waiting)
    return model._default_manager.filter(
        Q(pk__in=complete(queryset).values("pk")) | Q(pk__in=sources.values("pk"))
    ).order_by(*queryset.query.order_by)
