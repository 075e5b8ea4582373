"""Opening hours: weekly periods, dated exceptions and "open now" (no Django here).

A period whose closing time is not after its opening time runs past midnight
(22:00–02:00), and 00:00–00:00 means the whole day. Exceptions replace the
weekly hours of their date: a closed day, or that day's special hours.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta


@dataclass(frozen=True)
class Period:
    weekday: int  # Monday = 0, as date.weekday()
    opens: time
    closes: time


@dataclass(frozen=True)
class DayException:
    day: date
    closed: bool = True
    opens: time | None = None
    closes: time | None = None


def is_all_day(opens, closes):
    """00:00–00:00: the way an editor enters "open 24 hours"."""
    return opens == closes == time(0)


def _interval(day, opens, closes):
    start = datetime.combine(day, opens)
    end = datetime.combine(day, closes)
    if end <= start:
        end += timedelta(days=1)
    return start, end


def intervals_on(day, periods, exceptions=()):
    """The (start, end) naive local datetimes a place opens that begin on `day`."""
    todays = [e for e in exceptions if e.day == day]
    if todays:
        if any(e.closed for e in todays):
            return []
        return sorted(_interval(day, e.opens, e.closes) for e in todays if e.opens and e.closes)
    return sorted(_interval(day, p.opens, p.closes) for p in periods if p.weekday == day.weekday())


def is_open(at, periods, exceptions=(), tz=None):
    """Whether the place is open at the aware datetime `at`, read in time zone `tz`."""
    local = at.astimezone(tz) if tz is not None else at
    moment = local.replace(tzinfo=None)
    today = moment.date()
    for day in (today - timedelta(days=1), today):
        for start, end in intervals_on(day, periods, exceptions):
            if start <= moment < end:
                return True
    return False


def next_opening(at, periods, exceptions=(), tz=None, days=8):
    """The naive local datetime the place next opens after the aware `at`, or None.

    Looks `days` ahead (a week and a day: every weekly period comes round), so a place with
    no hours, or closed for the whole stretch, has none.
    """
    local = at.astimezone(tz) if tz is not None else at
    moment = local.replace(tzinfo=None)
    for offset in range(days + 1):
        day = moment.date() + timedelta(days=offset)
        for start, _end in intervals_on(day, periods, exceptions):
            if start > moment:
                return start
    return None


def closes_at_midnight(opens, closes):
    """10:00–00:00 or 10:00–23:59: open until midnight, as readers say it."""
    return not is_all_day(opens, closes) and closes in (time(0), time(23, 59))


def weekly_table(periods):
    """[(weekday, [(opens, closes), ...]), ...] for Monday to Sunday, closed days empty."""
    by_day = {weekday: [] for weekday in range(7)}
    for period in sorted(periods, key=lambda p: (p.weekday, p.opens)):
        by_day[period.weekday].append((period.opens, period.closes))
    return list(by_day.items())


def upcoming_exceptions(exceptions, today, days=60):
    """Exceptions from `today` to `days` ahead, in date order."""
    last = today + timedelta(days=days)
    return sorted((e for e in exceptions if today <= e.day <= last), key=lambda e: e.day)
