"""Keep events findable by their venue's and organisers' names (connected in EventsConfig.ready).

An event is indexed with the titles of its venue and organisers in its own language
(EventPage.venue_and_organiser_names). Wagtail reindexes a page only when that page
is saved, so when a public space or partner is published, unpublished or deleted in
any language, or an event's original page (whose facts its translations show) is
published, the events concerned are reindexed here.
"""

from django.db.models import Q
from django.db.models.signals import post_delete, pre_delete
from wagtail.search.index import insert_or_update_object
from wagtail.signals import page_published, page_unpublished

from events.models import EventPage
from services.models import PartnerPage, PublicSpacePage


def _event_groups_using(page):
    key = page.translation_key
    return set(
        EventPage.objects.filter(
            Q(venue__translation_key=key) | Q(organisers__partner__translation_key=key)
        ).values_list("translation_key", flat=True)
    )


def reindex_events(translation_keys, exclude_pk=None):
    if not translation_keys:
        return
    for event in EventPage.objects.filter(translation_key__in=translation_keys).exclude(
        pk=exclude_pk
    ):
        insert_or_update_object(event)


def place_changed(sender, instance, **kwargs):
    """A venue or organiser was published or unpublished in some language."""
    reindex_events(_event_groups_using(instance))


def place_deleting(sender, instance, **kwargs):
    # Afterwards the events' links to it are gone (SET_NULL, CASCADE): find them now.
    instance._search_event_groups = _event_groups_using(instance)


def place_deleted(sender, instance, **kwargs):
    reindex_events(getattr(instance, "_search_event_groups", ()))


def event_published(sender, instance, **kwargs):
    # Wagtail reindexes this page; its translations show the original's venue and organisers.
    reindex_events({instance.translation_key}, exclude_pk=instance.pk)


def connect():
    for model in (PublicSpacePage, PartnerPage):
        uid = f"search-{model.__name__}"
        page_published.connect(place_changed, sender=model, dispatch_uid=f"{uid}-published")
        page_unpublished.connect(place_changed, sender=model, dispatch_uid=f"{uid}-unpublished")
        pre_delete.connect(place_deleting, sender=model, dispatch_uid=f"{uid}-deleting")
        post_delete.connect(place_deleted, sender=model, dispatch_uid=f"{uid}-deleted")
    page_published.connect(event_published, sender=EventPage, dispatch_uid="search-event")
