"""Rebuild occurrences when an event is published, unpublished or deleted (any locale).

Wagtail sends these signals after the page and its child rows (date changes,
organisers) are saved, inside the same transaction, so the rebuild sees the
published state and commits or rolls back with it.
"""

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from events.models import EventPage
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
