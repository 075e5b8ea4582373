"""Keep what is derived from events right when an event changes (any locale).

Publishing, unpublishing or deleting an event rebuilds its Occurrence rows.
Wagtail sends these signals after the page and its child rows (date changes,
organisers) are saved, inside the same transaction, so the rebuild sees the
published state and commits or rolls back with it.

Any change that shows in a feed (an event, a venue or organiser's name, a
category, the calendar's own title) also invalidates every cached feed body
(events/feed_cache.py); polling clients then get a new ETag.
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from events.feed_cache import FEED_PAGES, invalidate_feeds
from events.models import EventCategory, EventPage
from events.occurrences import rebuild


@receiver(page_published, sender=EventPage)
def event_published(sender, instance, **kwargs):
    rebuild(instance.translation_key)


@receiver(page_unpublished, sender=EventPage)
def event_unpublished(sender, instance, **kwargs):
    rebuild(instance.translation_key)


@receiver(post_delete, sender=EventPage)
def event_deleted(sender, instance, **kwargs):
    # If the owner went, the next page of its translation group becomes the owner.
    rebuild(instance.translation_key)


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_delete)
def page_changed(sender, instance, **kwargs):
    if isinstance(instance, FEED_PAGES):
        invalidate_feeds()


@receiver(post_page_move)
def page_moved(sender, **kwargs):
    # Feeds carry page URLs, which change with the page's place in the tree.
    if issubclass(sender, FEED_PAGES):
        invalidate_feeds()


@receiver(post_save, sender=EventCategory)
@receiver(post_delete, sender=EventCategory)
def category_changed(sender, instance, **kwargs):
    invalidate_feeds()


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, **kwargs):
    # A page made private (or public again) drops out of, or comes back into, every feed.
    invalidate_feeds()
