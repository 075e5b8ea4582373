"""Dates written relative to the day the demo is loaded: "saturday +2 weeks +1 day".

An expression is an anchor and optional offsets. The anchor is a weekday name (the next
such day, today included), "second saturday" (this month's, or next month's once it has
passed) or a name the caller defines (the events' "mid-autumn"). Offsets are `+N` or `-N`
followed by week(s) or day(s). No Django here: the unit tests run in milliseconds.
"""

import datetime
import re

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
OFFSET = re.compile(r"([+-]\d+) (week|day)s?")


def next_weekday(today, weekday):
    """The next `weekday` (0 = Monday) from `today` on, today included."""
    return today + datetime.timedelta(days=(weekday - today.weekday()) % 7)


def second_saturday(today):
    """The second Saturday of this month, or of next month once this month's has passed."""
    first = today.replace(day=1)
    saturday = next_weekday(first, 5) + datetime.timedelta(weeks=1)
    if saturday < today:
        next_month = (first + datetime.timedelta(days=32)).replace(day=1)
        saturday = next_weekday(next_month, 5) + datetime.timedelta(weeks=1)
    return saturday


def date_from(expression, today, named=None):
    """The date `expression` stands for when the demo is loaded on `today`."""
    anchor, *offsets = OFFSET.split(expression.strip())
    anchor = anchor.strip()
    if anchor in WEEKDAYS:
        day = next_weekday(today, WEEKDAYS.index(anchor))
    elif anchor == "second saturday":
        day = second_saturday(today)
    elif named and anchor in named:
        day = named[anchor]
    else:
        raise ValueError(f"Unknown date {expression!r}: start with a weekday name.")
    # split() leaves [amount, unit, between, amount, unit, between, ...] after the anchor
    for amount, unit, between in zip(offsets[::3], offsets[1::3], offsets[2::3], strict=True):
        if between.strip():
            raise ValueError(f"Unknown date {expression!r}: cannot read {between.strip()!r}.")
        day += datetime.timedelta(**{f"{unit}s": int(amount)})
    return day


DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def weekly_hours(lines):
    """Opening hours written as ["mon-fri 09:00-12:00", "sat,sun 10:00-17:00"].

    Returns [(weekday, opens, closes)] (0 = Monday) in the order written;
    "00:00-00:00" is open all day.
    """
    rows = []
    for line in lines:
        days, _, times = line.rpartition(" ")
        opens, closes = (datetime.time.fromisoformat(part) for part in times.split("-"))
        for part in days.split(","):
            first, _, last = part.strip().partition("-")
            for weekday in range(DAYS.index(first), DAYS.index(last or first) + 1):
                rows.append((weekday, opens, closes))
    return rows
