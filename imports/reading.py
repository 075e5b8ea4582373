"""Reading a partner's iCalendar file into the project's own schedule: no Django here.

The file is parsed with `icalendar`; each UID's VEVENTs (the series and its
RECURRENCE-ID overrides) become one `Item` whose schedule is an `events.schedule`
rule plus cancelled and moved dates, as an editor would have entered it: RRULE onto
the repeat fields, EXDATE and cancelled overrides onto cancelled dates, other
overrides onto moved dates. Times are kept on the event's own clock, in its IANA zone
(a TZID that is a Windows zone name, "China Standard Time", is mapped with
icalendar's table).

Every mapping is checked, not trusted: the item's dates, expanded by `events.schedule`,
must be the dates `recurring-ical-events` expands from the file itself. Where the
project's repeat fields cannot say what the file says (RDATE, yearly rules, odd BY-parts),
each date becomes an item of its own, so no date is lost or invented.
"""

import dataclasses
import datetime
import zoneinfo
from zoneinfo import ZoneInfo

import recurring_ical_events
from icalendar import Calendar
from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON

from events import schedule as sched

IANA_ZONES = zoneinfo.available_timezones()
SUPPORTED_RRULE_PARTS = {"FREQ", "INTERVAL", "BYDAY", "BYMONTHDAY", "BYSETPOS", "UNTIL", "COUNT"}
WEEKDAYS = {code: number for number, code in enumerate(sched.ICAL_DAYS)}
UTC = datetime.UTC


class CalendarError(Exception):
    """The whole file is unusable: `code` names why (see imports.reasons)."""

    def __init__(self, code, **params):
        super().__init__(code)
        self.code = code
        self.params = params


@dataclasses.dataclass
class DateChange:
    """One date of a series cancelled or moved; naive local times in the series' zone."""

    date: datetime.date
    cancelled: bool = False
    start: datetime.datetime | None = None
    end: datetime.datetime | None = None
    location: str | None = None  # only when the date moved to another place


@dataclasses.dataclass
class Item:
    """One event to create or update: a series, a single event, or one date of a series."""

    key: str  # the UID, or UID#original-start for one date of an unsupported series
    uid: str
    title: str
    description: str
    location: str
    url: str
    cancelled: bool
    start: datetime.datetime  # naive, on the event's clock
    end: datetime.datetime
    all_day: bool
    timezone: str
    rule: sched.Rule | None = None
    changes: list = dataclasses.field(default_factory=list)
    notes: list = dataclasses.field(default_factory=list)  # (code, params)

    def schedule_fields(self):
        """The EventPage fields that hold this item's dates, as an editor would fill them in."""
        fields = {
            "start_date": self.start.date(),
            "start_time": None if self.all_day else self.start.time(),
            "end_date": None,
            "end_time": None if self.all_day else self.end.time(),
            "all_day": self.all_day,
            "timezone": self.timezone,
            "repeat": "",
            "repeat_interval": 1,
            "repeat_weekdays": "",
            "repeat_monthly_by": sched.BY_DATE,
            "repeat_until": None,
            "repeat_count": None,
        }
        if self.all_day:
            last = (self.end - datetime.timedelta(days=1)).date()
            fields["end_date"] = last if last > self.start.date() else None
        elif self.end.date() > self.start.date():
            wraps = self.end.date() == self.start.date() + datetime.timedelta(days=1)
            if not (wraps and self.end.time() < self.start.time()):
                fields["end_date"] = self.end.date()  # 22:00-01:00 needs no last day
        if self.rule is not None:
            fields.update(
                repeat=self.rule.frequency,
                repeat_interval=self.rule.interval,
                repeat_weekdays=",".join(str(d) for d in self.rule.weekdays),
                repeat_monthly_by=self.rule.monthly_by,
                repeat_until=self.rule.until,
                repeat_count=self.rule.count,
            )
        return fields

    def change_rows(self):
        """The cancelled and moved dates as EventDateChange fields (venue as location text)."""
        rows = []
        for change in self.changes:
            row = {
                "date": change.date,
                "action": "cancel" if change.cancelled else "move",
                "new_date": None,
                "new_start_time": None,
                "new_end_time": None,
                "location": None,
            }
            if not change.cancelled:
                row.update(
                    new_date=change.start.date(),
                    new_start_time=None if self.all_day else change.start.time(),
                    new_end_time=None if self.all_day else change.end.time(),
                    location=change.location,
                )
            rows.append(row)
        return rows


@dataclasses.dataclass
class Skipped:
    uid: str
    title: str
    code: str
    params: dict = dataclasses.field(default_factory=dict)


@dataclasses.dataclass
class Reading:
    name: str = ""
    items: list = dataclasses.field(default_factory=list)
    skipped: list = dataclasses.field(default_factory=list)
    keys_seen: set = dataclasses.field(default_factory=set)  # every UID in the file
    past: int = 0  # events that ended before the import window


# The file ------------------------------------------------------------------------------------


def parse(data):
    """The VCALENDAR in `data` (bytes), or CalendarError saying what is wrong with it."""
    text = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not text:
        raise CalendarError("empty")
    head = text[:1024].lower()
    if not text.upper().startswith(b"BEGIN:VCALENDAR"):
        if head.startswith(b"<") or b"<html" in head or b"<!doctype" in head:
            raise CalendarError("html")
        raise CalendarError("not_calendar")
    if b"END:VCALENDAR" not in text[-2048:].upper():
        raise CalendarError("truncated")
    try:
        calendars = Calendar.from_ical(text, multiple=True)
    except (ValueError, TypeError, KeyError, IndexError) as error:
        raise CalendarError("invalid", detail=str(error)[:200]) from error
    if not calendars:
        raise CalendarError("invalid", detail="no VCALENDAR")
    calendar = calendars[0]
    for other in calendars[1:]:
        for component in other.subcomponents:
            calendar.add_component(component)
    return calendar


def zone_from_name(name):
    """The IANA zone for a TZID: IANA itself, a Windows name, or a path ending in one."""
    if not name:
        return None
    name = str(name).strip().strip('"')
    if name in IANA_ZONES:
        return name
    if name in WINDOWS_TO_OLSON:
        return WINDOWS_TO_OLSON[name]
    parts = name.split("/")  # "/mozilla.org/20050126_1/Asia/Shanghai", "/Asia/Seoul"
    for index in range(len(parts)):
        tail = "/".join(parts[index:])
        if tail in IANA_ZONES:
            return tail
    return None


def calendar_zone(calendar, default):
    return zone_from_name(calendar.get("X-WR-TIMEZONE")) or default


def _zone_of(component, default):
    prop = component.get("DTSTART")
    value = component.decoded("DTSTART")
    tzid = getattr(prop, "params", {}).get("TZID")
    zone = zone_from_name(tzid)
    if zone is None and isinstance(value, datetime.datetime) and value.tzinfo is not None:
        zone = zone_from_name(getattr(value.tzinfo, "key", None))
        if zone == "UTC" and not tzid:
            zone = None  # a "Z" time: shown on the calendar's own clock
    notes = []
    if tzid and zone is None:
        notes.append(("unknown_zone", {"zone": str(tzid), "default": default}))
    return zone or default, notes


def local(value, zone):
    """A DTSTART-like value as a naive datetime on `zone`'s clock (dates at midnight)."""
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return value
        return value.astimezone(ZoneInfo(zone)).replace(tzinfo=None)
    return datetime.datetime.combine(value, datetime.time(0))


def _text(component, name):
    value = component.get(name)
    if value is None:
        return ""
    if isinstance(value, list):
        value = value[0]
    return str(value).strip()


def _end(component, start_value):
    if component.get("DTEND") is not None:
        return component.decoded("DTEND")
    if component.get("DURATION") is not None:
        return start_value + component.decoded("DURATION")
    if isinstance(start_value, datetime.datetime):
        return start_value
    return start_value + datetime.timedelta(days=1)


def _cancelled(component):
    return _text(component, "STATUS").upper() == "CANCELLED"


# Repeat rules --------------------------------------------------------------------------------


def rule_of(component, start, zone, all_day):
    """The RRULE as an events.schedule.Rule, or None when the repeat fields cannot hold it."""
    rrules = component.get("RRULE")
    if rrules is None:
        return None
    if isinstance(rrules, list):
        if len(rrules) != 1:
            return None
        rrules = rrules[0]
    parts = {key.upper(): value for key, value in rrules.items()}
    if set(parts) - SUPPORTED_RRULE_PARTS - {"WKST"}:
        return None
    frequency = str(parts["FREQ"][0]).lower()
    if frequency not in sched.FREQUENCIES:
        return None
    interval = int(parts.get("INTERVAL", [1])[0])
    days = [str(day).upper() for day in parts.get("BYDAY", [])]
    positions = [int(p) for p in parts.get("BYSETPOS", [])]
    monthly_by, weekdays = sched.BY_DATE, ()
    if frequency == sched.DAILY and (days or "BYMONTHDAY" in parts or positions):
        return None
    if frequency == sched.WEEKLY:
        weekdays = _weekly_days(parts, days, positions, start)
        if weekdays is None:
            return None
    if frequency == sched.MONTHLY:
        monthly_by = _monthly_by(parts, days, positions, start)
        if monthly_by is None:
            return None
    until = None
    if "UNTIL" in parts:
        until = _until(parts["UNTIL"][0], start, zone, all_day)
    count = int(parts["COUNT"][0]) if "COUNT" in parts else None
    return sched.Rule(
        frequency=frequency,
        interval=max(1, interval),
        weekdays=weekdays,
        monthly_by=monthly_by,
        until=until,
        count=count,
    )


def _weekly_days(parts, days, positions, start):
    if "BYMONTHDAY" in parts or positions or any(day not in WEEKDAYS for day in days):
        return None
    weekdays = tuple(sorted({WEEKDAYS[day] for day in days})) or (start.weekday(),)
    if start.weekday() not in weekdays:
        return None  # RFC 5545 counts DTSTART anyway; the project's rule would not
    return weekdays


def _monthly_by(parts, days, positions, start):
    if "BYMONTHDAY" in parts:
        if days or positions or [int(d) for d in parts["BYMONTHDAY"]] != [start.day]:
            return None
        return sched.BY_DATE
    if not days:
        return None if positions else sched.BY_DATE
    if len(days) != 1:
        return None
    day = days[0]
    weekday_code, n = day[-2:], day[:-2]
    if weekday_code not in WEEKDAYS or WEEKDAYS[weekday_code] != start.weekday():
        return None
    if n and positions:
        return None
    if not n:
        if len(positions) != 1:
            return None  # every Saturday of the month: not a monthly rule the editor has
        n = positions[0]
    n = int(n)
    _weekday, nth = sched.nth_weekday(start.date())
    if n == -1 and sched.is_last_weekday(start.date()):
        return sched.BY_LAST_WEEKDAY
    if n == nth:
        return sched.BY_WEEKDAY
    return None


def _until(value, start, zone, all_day):
    """UNTIL as the project's last local date an occurrence may start on (inclusive)."""
    if isinstance(value, datetime.datetime):
        last = local(value, zone) if value.tzinfo else value
        day = last.date()
        if not all_day and datetime.datetime.combine(day, start.time()) > last:
            day -= datetime.timedelta(days=1)
        return day
    return value


# Reading the whole calendar ------------------------------------------------------------------


def read(data, *, default_zone, window_start, window_end, max_dates=100):
    """A Reading of the calendar in `data`: what to import, and what was skipped and why.

    Only events with a date between `window_start` and `window_end` (aware) become items;
    the others are counted as past. Raises CalendarError when the file is unusable.
    """
    calendar = parse(data)
    zone = calendar_zone(calendar, default_zone)
    reading = Reading(name=_text(calendar, "X-WR-CALNAME") or _text(calendar, "NAME"))
    groups = {}
    for component in calendar.walk("VEVENT"):
        uid = _text(component, "UID")
        title = _text(component, "SUMMARY")
        if not uid:
            reading.skipped.append(Skipped("", title, "no_uid"))
            continue
        reading.keys_seen.add(uid)
        if component.get("DTSTART") is None:
            reading.skipped.append(Skipped(uid, title, "no_dtstart"))
            continue
        groups.setdefault(uid, []).append(component)
    timezones = calendar.walk("VTIMEZONE")
    for uid, components in groups.items():
        try:
            items = _read_group(
                reading, uid, components, timezones, zone, window_start, window_end, max_dates
            )
        except (ValueError, TypeError, KeyError, IndexError, AttributeError) as error:
            title = _text(components[0], "SUMMARY")
            reading.skipped.append(Skipped(uid, title, "invalid_event", {"detail": str(error)}))
            continue
        reading.items.extend(items)
    return reading


def _pick(reading, uid, components):
    """The one VEVENT per UID and RECURRENCE-ID a file should have: the latest SEQUENCE."""
    chosen = {}
    for component in components:
        rid = component.get("RECURRENCE-ID")
        key = rid.to_ical() if rid is not None else None
        sequence = int(component.get("SEQUENCE", 0) or 0)
        if key in chosen:
            kept = chosen[key]
            if sequence > int(kept.get("SEQUENCE", 0) or 0):
                chosen[key], component = component, kept
            reading.skipped.append(
                Skipped(uid, _text(component, "SUMMARY"), "duplicate_uid", {"uid": uid})
            )
            continue
        chosen[key] = component
    master = chosen.pop(None, None)
    return master, list(chosen.values())


def _read_group(reading, uid, components, timezones, default_zone, window_start, window_end, cap):
    master, overrides = _pick(reading, uid, components)
    if master is None:
        # Only overrides of a series this file does not have: each is a date of its own.
        master, overrides = overrides[0], overrides[1:]
    title = _text(master, "SUMMARY")
    if not title:
        reading.skipped.append(Skipped(uid, "", "no_title"))
        return []
    zone, notes = _zone_of(master, default_zone)
    truth = _expanded(master, overrides, timezones, window_start, window_end)
    if not truth:
        reading.past += 1
        return []
    start_value = master.decoded("DTSTART")
    all_day = not isinstance(start_value, datetime.datetime)
    item = _item(uid, uid, master, zone, all_day, notes)
    item.rule = rule_of(master, item.start, zone, all_day)
    if item.rule is not None or master.get("RRULE") is None:
        item.changes = _changes(master, overrides, item, zone)
        ours = _dates_of(item, window_start, window_end, zone)
        if ours == _truth_dates(truth, master, window_start, window_end, zone):
            return [item]
    # The repeat fields cannot hold this series: each of its dates becomes an event.
    dates = [c for c in truth if not (_cancelled(c) and not _cancelled(master))]
    if len(dates) > cap:
        reading.skipped.append(Skipped(uid, title, "too_many_dates", {"count": len(dates)}))
        return []
    items = []
    for component in dates:
        original = component.get("RECURRENCE-ID")
        when = component.decoded("RECURRENCE-ID") if original is not None else None
        when = when or component.decoded("DTSTART")
        stamp = (
            when.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
            if isinstance(when, datetime.datetime) and when.tzinfo
            else when.strftime("%Y%m%dT%H%M%S" if isinstance(when, datetime.datetime) else "%Y%m%d")
        )
        single = _item(f"{uid}#{stamp}", uid, component, zone, all_day, [])
        single.notes = [("dates_split", {"count": len(dates)})]
        items.append(single)
    return items


def _item(key, uid, component, zone, all_day, notes):
    start_value = component.decoded("DTSTART")
    end_value = _end(component, start_value)
    start, end = local(start_value, zone), local(end_value, zone)
    if end < start:
        end = start
    return Item(
        key=key,
        uid=uid,
        title=_text(component, "SUMMARY")[:255],
        description=_text(component, "DESCRIPTION"),
        location=_text(component, "LOCATION"),
        url=_text(component, "URL"),
        cancelled=_cancelled(component),
        start=start,
        end=end,
        all_day=all_day,
        timezone=zone,
        notes=list(notes),
    )


def _changes(master, overrides, item, zone):
    changes = {}
    for exdates in _as_list(master.get("EXDATE")):
        for value in exdates.dts:
            day = local(value.dt, zone).date()
            changes[day] = DateChange(date=day, cancelled=True)
    duration = item.end - item.start
    for override in overrides:
        original = local(override.decoded("RECURRENCE-ID"), zone)
        day = original.date()
        if _cancelled(override) and not item.cancelled:
            changes[day] = DateChange(date=day, cancelled=True)
            continue
        start = local(override.decoded("DTSTART"), zone)
        end = local(_end(override, override.decoded("DTSTART")), zone)
        location = _text(override, "LOCATION")
        if start == original and end - start == duration and location == item.location:
            continue  # a changed title or description only: the series' own text stays
        changes[day] = DateChange(
            date=day,
            start=start,
            end=end,
            location=location if location != item.location else None,
        )
    return [changes[day] for day in sorted(changes)]


def _as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _expanded(master, overrides, timezones, window_start, window_end):
    """The file's own dates for this UID, by recurring-ical-events."""
    calendar = Calendar()
    for timezone in timezones:
        calendar.add_component(timezone)
    calendar.add_component(master)
    for override in overrides:
        calendar.add_component(override)
    return list(recurring_ical_events.of(calendar).between(window_start, window_end))


def _key(start, end, all_day, zone):
    if all_day:
        return (
            start.date() if isinstance(start, datetime.datetime) else start,
            end.date() if isinstance(end, datetime.datetime) else end,
        )
    return (_instant(start, zone), _instant(end, zone))


def _instant(value, zone):
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(zone))
    return value.astimezone(UTC)


def _inner(start, window_start, window_end):
    # Dates near the window's edges may be in one expansion and not the other.
    margin = datetime.timedelta(days=2)
    if not isinstance(start, datetime.datetime):
        start = datetime.datetime.combine(start, datetime.time(12), UTC)
    elif start.tzinfo is None:
        start = start.replace(tzinfo=UTC)
    return window_start + margin <= start <= window_end - margin


def _truth_dates(truth, master, window_start, window_end, zone):
    found = set()
    for component in truth:
        if _cancelled(component) and not _cancelled(master):
            continue
        start = component.decoded("DTSTART")
        end = _end(component, start)
        if _inner(start, window_start, window_end):
            found.add(_key(start, end, not isinstance(start, datetime.datetime), zone))
    return found


def item_schedule(item):
    """The schedule an EventPage with the item's fields would have (EventPage.to_schedule)."""
    fields = item.schedule_fields()
    start_time = fields["start_time"] or datetime.time(0)
    start = datetime.datetime.combine(fields["start_date"], start_time)
    last_day = fields["end_date"] or fields["start_date"]
    if item.all_day:
        end = datetime.datetime.combine(last_day, datetime.time(0))
    else:
        end = datetime.datetime.combine(last_day, fields["end_time"] or start_time)
        if end < start:
            end += datetime.timedelta(days=1)
    changes = {}
    for row in item.change_rows():  # as EventDateChange.to_change reads them
        if row["action"] == "cancel":
            changes[row["date"]] = sched.Change(cancelled=True)
            continue
        moved_start = datetime.datetime.combine(
            row["new_date"], row["new_start_time"] or fields["start_time"] or datetime.time(0)
        )
        moved_end = None
        if row["new_end_time"]:
            moved_end = datetime.datetime.combine(moved_start.date(), row["new_end_time"])
        changes[row["date"]] = sched.Change(start=moved_start, end=moved_end)
    return sched.Schedule(
        start=start,
        end=end,
        timezone=item.timezone,
        all_day=item.all_day,
        rule=item.rule,
        changes=changes,
    )


def _dates_of(item, window_start, window_end, zone):
    found = set()
    for occurrence in sched.expand(item_schedule(item), window_start, window_end):
        if occurrence.cancelled:
            continue
        if item.all_day:
            start, end = occurrence.start.date(), occurrence.end.date()
        else:
            start, end = occurrence.start, occurrence.end
        if _inner(start, window_start, window_end):
            found.add(_key(start, end, item.all_day, zone))
    return found
