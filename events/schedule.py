"""Recurrence expansion for events: pure functions, no Django.

Rules are expanded on the event's local wall-clock time and only then given a
time zone, so a weekly 19:00 event stays at 19:00 local time across daylight
saving changes (expanding in UTC drifts by an hour). Recurrence itself is
python-dateutil's RFC 5545 `rrule`; this module only maps our schedule onto it
and applies exceptions (a cancelled date, a date moved to another time or venue).
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil import rrule

DAILY, WEEKLY, MONTHLY = "daily", "weekly", "monthly"
BY_DATE, BY_WEEKDAY, BY_LAST_WEEKDAY = "date", "weekday", "last_weekday"
RRULE_DAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)
ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
FREQUENCIES = {DAILY: rrule.DAILY, WEEKLY: rrule.WEEKLY, MONTHLY: rrule.MONTHLY}


@dataclass(frozen=True)
class Rule:
    """How an event repeats. Weekdays are 0 = Monday … 6 = Sunday."""

    frequency: str
    interval: int = 1
    weekdays: tuple = ()
    monthly_by: str = BY_DATE
    until: date | None = None  # last local date an occurrence may start on (inclusive)
    count: int | None = None


@dataclass(frozen=True)
class Change:
    """An exception to one occurrence, keyed by the date it would have started on."""

    cancelled: bool = False
    start: datetime | None = None  # new local wall-clock start (naive)
    end: datetime | None = None
    venue_id: int | None = None


@dataclass(frozen=True)
class Schedule:
    """An event's schedule in its own time zone; `start`/`end` are naive local times.

    For all-day events `start` and `end` are midnight of the first and last day
    (the last day is inclusive, as editors think of it).
    """

    start: datetime
    end: datetime
    timezone: str = "Asia/Shanghai"
    all_day: bool = False
    rule: Rule | None = None
    changes: dict = field(default_factory=dict)  # {date: Change}

    @property
    def zone(self):
        return ZoneInfo(self.timezone)

    @property
    def duration(self):
        if self.all_day:
            return (self.end.date() - self.start.date()) + timedelta(days=1)
        return max(self.end - self.start, timedelta(0))


@dataclass(frozen=True)
class Occurrence:
    """One concrete occurrence, with aware datetimes in the event's zone."""

    start: datetime
    end: datetime
    original_start: datetime  # where the rule put it (RECURRENCE-ID of a moved one)
    all_day: bool
    cancelled: bool = False
    moved: bool = False
    venue_id: int | None = None

    @property
    def local_date(self):
        return self.start.date()


def nth_weekday(day):
    """(weekday, n) for "the n-th <weekday> of the month", counted from its start."""
    return day.weekday(), (day.day - 1) // 7 + 1


def is_last_weekday(day):
    return (day + timedelta(days=7)).month != day.month


def monthly_weekday(rule, day):
    """(weekday, n) of a monthly-by-weekday rule: n = -1 is the last one (RFC 5545 "-1SA").

    The 4th Saturday is sometimes also the last: which one the editor means is their choice.
    """
    weekday, n = nth_weekday(day)
    return weekday, -1 if rule.monthly_by == BY_LAST_WEEKDAY else n


def build_rrule(schedule):
    """dateutil rrule over naive local start times, or None for a one-off event."""
    rule = schedule.rule
    if rule is None:
        return None
    kwargs = {"dtstart": schedule.start, "interval": max(1, rule.interval)}
    if rule.frequency == WEEKLY:
        days = rule.weekdays or (schedule.start.weekday(),)
        kwargs["byweekday"] = [RRULE_DAYS[d] for d in sorted(set(days))]
    elif rule.frequency == MONTHLY:
        if rule.monthly_by in (BY_WEEKDAY, BY_LAST_WEEKDAY):
            weekday, n = monthly_weekday(rule, schedule.start.date())
            kwargs["byweekday"] = [RRULE_DAYS[weekday](n)]
        else:
            kwargs["bymonthday"] = schedule.start.day
    if rule.count:
        kwargs["count"] = rule.count
    elif rule.until:
        kwargs["until"] = datetime.combine(rule.until, time.max)
    return rrule.rrule(FREQUENCIES[rule.frequency], **kwargs)


def local_starts(schedule, after=None, before=None):
    """Naive local start times the rule produces (inclusive bounds), in order."""
    recurrence = build_rrule(schedule)
    if recurrence is None:
        starts = [schedule.start]
    elif after is not None and before is not None:
        starts = recurrence.between(after, before, inc=True)
    else:
        starts = list(recurrence)
    return [s for s in starts if (after is None or s >= after) and (before is None or s <= before)]


def aware(naive, zone):
    return naive.replace(tzinfo=zone)


def expand(schedule, window_start, window_end):
    """Occurrences overlapping [window_start, window_end), both aware datetimes.

    Moved occurrences are placed at their new time; cancelled ones are kept and
    flagged, so calendars can hide them and feeds can send them as EXDATE.
    """
    zone = schedule.zone
    duration = schedule.duration
    # Search the rule a little wider than the window: an occurrence that starts
    # before the window may still overlap it, and a moved one may move into it.
    local_from = window_start.astimezone(zone).replace(tzinfo=None) - duration - timedelta(days=1)
    local_to = window_end.astimezone(zone).replace(tzinfo=None) + timedelta(days=1)
    wanted = set(local_starts(schedule, local_from, local_to))
    # A date moved into the window from outside it.
    for original_date, change in schedule.changes.items():
        if change.start is not None and local_from <= change.start <= local_to:
            original = datetime.combine(original_date, schedule.start.time())
            if local_starts(schedule, original, original):
                wanted.add(original)

    occurrences = []
    for local_start in sorted(wanted):
        change = schedule.changes.get(local_start.date(), Change())
        original_start = aware(local_start, zone)
        start_local = change.start or local_start
        end_local = change.end or (start_local + duration)
        if schedule.all_day and change.start is None:
            end_local = start_local + duration
        occurrence = Occurrence(
            start=aware(start_local, zone),
            end=aware(end_local, zone),
            original_start=original_start,
            all_day=schedule.all_day,
            cancelled=change.cancelled,
            moved=change.start is not None and not change.cancelled,
            venue_id=change.venue_id,
        )
        if (occurrence.start < window_end and occurrence.end > window_start) or (
            occurrence.start == occurrence.end and window_start <= occurrence.start < window_end
        ):
            occurrences.append(occurrence)
    occurrences.sort(key=lambda o: o.start)
    return occurrences


def ical_rrule(schedule):
    """The rule as an icalendar RRULE dict; UNTIL in UTC, as RFC 5545 requires with a TZID."""
    rule = schedule.rule
    if rule is None:
        return None
    value = {"FREQ": rule.frequency.upper(), "INTERVAL": max(1, rule.interval)}
    if rule.frequency == WEEKLY:
        days = rule.weekdays or (schedule.start.weekday(),)
        value["BYDAY"] = [ICAL_DAYS[d] for d in sorted(set(days))]
    elif rule.frequency == MONTHLY:
        if rule.monthly_by in (BY_WEEKDAY, BY_LAST_WEEKDAY):
            weekday, n = monthly_weekday(rule, schedule.start.date())
            value["BYDAY"] = [f"{n}{ICAL_DAYS[weekday]}"]
        else:
            value["BYMONTHDAY"] = [schedule.start.day]
    if rule.count:
        value["COUNT"] = rule.count
    elif rule.until:
        if schedule.all_day:
            value["UNTIL"] = rule.until
        else:
            last = datetime.combine(rule.until, time(23, 59, 59))
            value["UNTIL"] = aware(last, schedule.zone).astimezone(ZoneInfo("UTC"))
    return value
