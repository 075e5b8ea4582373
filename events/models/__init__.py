"""Events: categories, the event page with its schedule, and materialised occurrences.

One schedule for every language: the schedule, status, venue, organisers and
the other facts of an event are read from its *schedule owner*, the original
page of its translation group (the one every translation was made from).
Translations carry their own titles and descriptions only. Publishing the owner
rebuilds the group's rows in `Occurrence`, so a moved time or a cancelled date
shows in every locale's calendar and feed at once, without a translation sync.
"""

from events.models.pages import CALENDAR_ROUTES, EventIndexPage, EventPage, default_start_date
from events.models.parts import (
    EventCategory,
    EventDateChange,
    EventOrganiser,
    FeedsVersion,
    Occurrence,
    OccurrenceQuerySet,
    WeekdaysField,
)

__all__ = [
    "CALENDAR_ROUTES",
    "EventCategory",
    "EventDateChange",
    "EventIndexPage",
    "EventOrganiser",
    "EventPage",
    "FeedsVersion",
    "Occurrence",
    "OccurrenceQuerySet",
    "WeekdaysField",
    "default_start_date",
]
