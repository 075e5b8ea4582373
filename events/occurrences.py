"""Keeping the Occurrence table right: rebuilt from the schedule owner on every change.

Occurrences cover a rolling window from a year ago to `EVENTS_HORIZON_DAYS`
ahead; `manage.py extend_occurrences` (run daily) moves the window forward.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from events.models import EventPage, Occurrence
from events.schedule import expand

PAST_DAYS = 365


def horizon_days():
    return getattr(settings, "EVENTS_HORIZON_DAYS", 400)


def window(now=None):
    now = now or timezone.now()
    return now - datetime.timedelta(days=PAST_DAYS), now + datetime.timedelta(days=horizon_days())


def owner_of(translation_key):
    return EventPage.objects.filter(translation_key=translation_key).order_by("pk").first()


def occurrence_rows(page, start, end, event=None):
    """Unsaved Occurrence rows for `page`'s own schedule between `start` and `end`."""
    return [
        Occurrence(
            event=event,
            translation_key=page.translation_key,
            start=o.start,
            end=o.end,
            original_start=o.original_start,
            all_day=o.all_day,
            cancelled=o.cancelled,
            moved=o.moved,
            venue_id=o.venue_id or page.venue_id,
        )
        for o in expand(page.to_schedule(), start, end)
    ]


@transaction.atomic
def rebuild(translation_key, now=None):
    """Replace the occurrences of one event (all its locales) from its owner's published state."""
    Occurrence.objects.filter(translation_key=translation_key).delete()
    owner = owner_of(translation_key)
    if owner is None or not owner.live:
        return 0
    start, end = window(now)
    rows = occurrence_rows(owner, start, end, event=owner)
    Occurrence.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def rebuild_all(now=None, progress=None):
    """Rebuild every event's occurrences (the rolling horizon moves forward)."""
    keys = list(EventPage.objects.order_by().values_list("translation_key", flat=True).distinct())
    total = 0
    for number, key in enumerate(keys, start=1):
        total += rebuild(key, now)
        if progress and (number % 100 == 0 or number == len(keys)):
            progress(number, len(keys), total)
    return total
