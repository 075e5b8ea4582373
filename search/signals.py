"""Reindex a page's translations when one of them changes (connected in SearchConfig.ready).

Partners, spaces and events are indexed with their names in every other language
(`BasePage.names_in_other_languages`), so publishing, unpublishing or renaming one
translation changes what its sibling pages must be found by.
"""

from wagtail.models import Page
from wagtail.search.index import insert_or_update_object
from wagtail.signals import page_published, page_unpublished


def indexes_other_names(model):
    return any(
        getattr(field, "field_name", None) == "names_in_other_languages"
        for field in model.get_search_fields()
    )


def translation_changed(sender, instance, **kwargs):
    if not indexes_other_names(sender):
        return
    for page in (
        Page.objects.filter(translation_key=instance.translation_key)
        .exclude(pk=instance.pk)
        .specific()
    ):
        insert_or_update_object(page)


def connect():
    page_published.connect(translation_changed, dispatch_uid="search-names-published")
    page_unpublished.connect(translation_changed, dispatch_uid="search-names-unpublished")
