"""VTIMEZONE components every calendar client reads the same way.

A zone's clock changes are found in the tz database (`zoneinfo`) and written as
Google Calendar and Outlook write them: a STANDARD or DAYLIGHT rule that repeats
yearly (`RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU`) for each run of years that
followed one rule, the current rule without an end. A change that follows no
yearly rule gets a component of its own with a single DTSTART.

`icalendar`'s own `Timezone.from_tzid()` lists every change as one multi-valued
RDATE; Mozilla's ical.js and vobject read only its first value and so put a whole
season an hour out. No Django here.
"""

import calendar
import datetime
import functools
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

FIRST_YEAR = 1970
# zoneinfo knows every announced change; after this year the last rule is assumed to go on.
LAST_YEAR = 2037
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# Clocks never change twice within a day, so a daily look finds every change.
_STEP = datetime.timedelta(days=1)
_MINUTE = datetime.timedelta(minutes=1)


@dataclass(frozen=True)
class Change:
    """One clock change: the local wall time it happens at (on the old clock) and after it."""

    local: datetime.datetime  # naive, in TZOFFSETFROM's time
    offset_from: datetime.timedelta
    offset_to: datetime.timedelta
    name: str
    daylight: bool

    @property
    def kind(self):
        return (self.offset_from, self.offset_to, self.name, self.daylight)

    def weekday_rules(self):
        """The yearly BYDAY rules this date fits: the nth weekday of its month, or the last."""
        day = self.local.day
        weekday = WEEKDAYS[self.local.weekday()]
        rules = {(self.local.month, (day - 1) // 7 + 1, weekday)}
        if day + 7 > calendar.monthrange(self.local.year, self.local.month)[1]:
            rules.add((self.local.month, -1, weekday))
        return rules


def _state(moment, zone):
    local = moment.astimezone(zone)
    return local.utcoffset(), local.dst() != datetime.timedelta(0), local.tzname()


def clock_changes(zone, first_year=FIRST_YEAR, last_year=LAST_YEAR):
    """Every change of offset, name or daylight saving in `zone` in those years, in order."""
    moment = datetime.datetime(first_year, 1, 1, tzinfo=datetime.UTC)
    end = datetime.datetime(last_year + 1, 1, 1, tzinfo=datetime.UTC)
    state = _state(moment, zone)
    changes = []
    while moment < end:
        after = moment + _STEP
        new = _state(after, zone)
        if new != state:
            # The change is in (moment, after]: find its minute (changes fall on whole minutes).
            low, high = 0, int(_STEP / _MINUTE)
            while high - low > 1:
                middle = (low + high) // 2
                if _state(moment + middle * _MINUTE, zone) == state:
                    low = middle
                else:
                    high = middle
            high = moment + high * _MINUTE
            offset, daylight, name = new
            changes.append(
                Change(
                    local=(high + state[0]).replace(tzinfo=None),
                    offset_from=state[0],
                    offset_to=offset,
                    name=name,
                    daylight=daylight,
                )
            )
            state = new
        moment = after
    return changes


def _runs(changes):
    """Split one kind of change into runs of consecutive years that follow one yearly rule."""
    runs = []
    for change in changes:
        if runs:
            run, rules = runs[-1]
            last = run[-1]
            common = rules & change.weekday_rules()
            if (
                change.local.year == last.local.year + 1
                and change.local.time() == last.local.time()
                and common
            ):
                run.append(change)
                runs[-1] = (run, common)
                continue
        runs.append(([change], change.weekday_rules()))
    return runs


def _component(change):
    component = TimezoneDaylight() if change.daylight else TimezoneStandard()
    component.add("dtstart", change.local)
    component.add("tzoffsetfrom", change.offset_from)
    component.add("tzoffsetto", change.offset_to)
    component.add("tzname", change.name)
    return component


def vtimezone(tzid):
    """A VTIMEZONE for the IANA zone `tzid`, as yearly rules where the zone has them."""
    return Timezone.from_ical(_vtimezone_bytes(tzid))


@functools.cache
def _vtimezone_bytes(tzid):
    # Finding the changes takes a few tens of milliseconds: once per zone and process.
    return build_vtimezone(tzid).to_ical()


def build_vtimezone(tzid, first_year=FIRST_YEAR, last_year=LAST_YEAR):
    zone = ZoneInfo(tzid)
    timezone = Timezone()
    timezone.add("tzid", tzid)
    start = datetime.datetime(first_year, 1, 1, tzinfo=datetime.UTC)
    offset, daylight, name = _state(start, zone)
    # The clock before the first change in range (or for good, in a zone without changes).
    timezone.add_component(
        _component(
            Change(start.astimezone(zone).replace(tzinfo=None), offset, offset, name, daylight)
        )
    )
    changes = clock_changes(zone, first_year, last_year)
    kinds = {}
    for change in changes:
        kinds.setdefault(change.kind, []).append(change)
    components = []
    for same_kind in kinds.values():
        for run, rules in _runs(same_kind):
            first, last = run[0], run[-1]
            component = _component(first)
            if len(run) > 1:
                month, nth, weekday = min(rules, key=lambda rule: rule[1] < 0)
                rule = {"FREQ": "YEARLY", "BYMONTH": month, "BYDAY": f"{nth}{weekday}"}
                if last.local.year < last_year:
                    # COUNT rather than UNTIL: vobject compares a UTC UNTIL with local times
                    # and would drop the run's last change.
                    rule["COUNT"] = len(run)
                component.add("rrule", vRecur(rule))
            components.append((first.local, component))
    for _start, component in sorted(components, key=lambda item: item[0]):
        timezone.add_component(component)
    return timezone
