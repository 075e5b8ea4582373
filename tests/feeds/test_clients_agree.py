"""Four independent clients expand the feeds to the site's own dates, minute by minute.

Mozilla's ical.js (Thunderbird; run in Node from node_modules), vobject and icalendar each
read the VTIMEZONE the feed carries; recurring-ical-events (Home Assistant, many Python
apps) goes by the TZID's name. A weekly Thursday 19:00 event for a year, so every zone's
clock changes fall inside it, with a cancelled date in winter and a date moved after
the first change.
"""

import datetime
import json
import shutil
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
import vobject
from dateutil import rrule

from events.models import EventDateChange, Occurrence
from events.vtimezone import build_vtimezone
from tests.events.conftest import make_event, next_weekday

ROOT = Path(__file__).resolve().parents[2]
ICALJS_SCRIPT = Path(__file__).with_name("expand_with_icaljs.mjs")
ZONES = ["Europe/London", "America/New_York", "Australia/Sydney", "Asia/Seoul", "Asia/Shanghai"]
WEEKS = 53
UTC = datetime.UTC


def utc(moment):
    return moment.astimezone(UTC)


def with_icaljs(body, start, end):
    assert (ROOT / "node_modules" / "ical.js").is_dir(), "npm ci installs ical.js"
    node = shutil.which("node")
    assert node, "ical.js runs in Node.js (apt-get install nodejs)"
    result = subprocess.run(  # noqa: S603 (our own script, our own feed)
        [node, str(ICALJS_SCRIPT), str(int(start.timestamp())), str(int(end.timestamp()))],
        input=body,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        timeout=60,
    )
    return sorted(
        (datetime.datetime.fromtimestamp(s, UTC), datetime.datetime.fromtimestamp(e, UTC))
        for s, e in json.loads(result.stdout)
    )


def with_vobject(body, start, end):
    calendar = vobject.readOne(body)
    found, moved_from = [], set()
    for vevent in calendar.vevent_list:
        if hasattr(vevent, "recurrence_id"):
            moved_from.add(utc(vevent.recurrence_id.value))
            found.append((utc(vevent.dtstart.value), utc(vevent.dtend.value)))
    for vevent in calendar.vevent_list:
        if hasattr(vevent, "recurrence_id"):
            continue
        length = vevent.dtend.value - vevent.dtstart.value
        for moment in vevent.getrruleset(addRDate=True):
            if utc(moment) not in moved_from:
                found.append((utc(moment), utc(moment + length)))
    return sorted(item for item in found if start <= item[0] < end)


def with_icalendar(body, start, end):
    """icalendar's parser with the feed's own VTIMEZONE (not the zone database) and dateutil."""
    calendar = icalendar.Calendar.from_ical(body)
    zones = {str(tz["TZID"]): tz.to_tz(lookup_tzid=False) for tz in calendar.walk("VTIMEZONE")}

    def aware(prop):
        naive = prop.dt.replace(tzinfo=None)
        return naive.replace(tzinfo=zones[prop.params["TZID"]])

    found, moved_from = [], set()
    for vevent in calendar.walk("VEVENT"):
        if "RECURRENCE-ID" in vevent:
            moved_from.add(utc(aware(vevent["RECURRENCE-ID"])))
            found.append((utc(aware(vevent["DTSTART"])), utc(aware(vevent["DTEND"]))))
    for vevent in calendar.walk("VEVENT"):
        if "RECURRENCE-ID" in vevent:
            continue
        first, last = aware(vevent["DTSTART"]), aware(vevent["DTEND"])
        zone = first.tzinfo
        # Repeats are in local wall-clock time, then placed in the zone; UNTIL is in UTC.
        recur = vevent["RRULE"]
        if "UNTIL" in recur:
            until = recur["UNTIL"][0]
            recur = icalendar.vRecur({**recur, "UNTIL": [utc(until).astimezone(zone)]})
            recur["UNTIL"] = [recur["UNTIL"][0].replace(tzinfo=None)]
        rule = rrule.rrulestr(recur.to_ical().decode(), dtstart=first.replace(tzinfo=None))
        exdates = vevent.get("EXDATE", [])
        excluded = {
            utc(aware(d))
            for e in (exdates if isinstance(exdates, list) else [exdates])
            for d in e.dts
        }
        for local in rule:
            moment = utc(local.replace(tzinfo=zone))
            if moment not in excluded and moment not in moved_from:
                found.append((moment, utc(local.replace(tzinfo=zone) + (last - first))))
    return sorted(item for item in found if start <= item[0] < end)


def with_recurring_ical_events(body, start, end):
    calendar = icalendar.Calendar.from_ical(body)
    return sorted(
        (utc(e["DTSTART"].dt), utc(e["DTEND"].dt))
        for e in recurring_ical_events.of(calendar).between(start, end)
    )


CLIENTS = {
    "ical.js": with_icaljs,
    "vobject": with_vobject,
    "icalendar": with_icalendar,
    "recurring-ical-events": with_recurring_ical_events,
}


def weekly_talk(calendar, tzid):
    first = next_weekday(3)  # a Thursday
    cancelled = first + datetime.timedelta(weeks=2)
    moved = first + datetime.timedelta(weeks=20)
    event = make_event(
        calendar,
        "weekly-talk",
        timezone=tzid,
        venue=calendar.centre.zh,
        start_date=first,
        repeat="weekly",
        repeat_count=WEEKS,
        changes=[
            EventDateChange(date=cancelled, action="cancel"),
            EventDateChange(
                date=moved,
                action="move",
                new_date=moved + datetime.timedelta(days=1),
                new_start_time=datetime.time(10),
                new_end_time=datetime.time(12),
            ),
        ],
    )
    return event, first


@pytest.mark.parametrize("tzid", ZONES)
def test_every_client_expands_every_kind_of_feed_to_the_sites_dates(client, calendar, tzid):
    event, first = weekly_talk(calendar, tzid)
    zone = ZoneInfo(tzid)
    start = datetime.datetime.combine(first - datetime.timedelta(days=1), datetime.time(), zone)
    end = start + datetime.timedelta(weeks=WEEKS + 1)
    site = [
        (utc(o.start), utc(o.end))
        for o in Occurrence.objects.filter(
            translation_key=event.zh.translation_key, cancelled=False
        ).order_by("start")
    ]
    assert len(site) == WEEKS - 1
    local = [s.astimezone(zone) for s, _e in site]
    assert sum(t.time() == datetime.time(19) for t in local) == WEEKS - 2
    if tzid not in ("Asia/Seoul", "Asia/Shanghai"):
        assert len({t.utcoffset() for t in local}) == 2  # both sides of the clock changes
    for path in (
        "/en/events/ics/",
        "/ko/events/weekly-talk/ics/",
        "/zh-hans/events/venue/centre/ics/",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        body = response.content.decode()
        for name, expand in CLIENTS.items():
            assert expand(body, start, end) == site, f"{name} reads {path} differently"


def test_vtimezones_are_yearly_rules_not_lists_of_dates():
    london = build_vtimezone("Europe/London").to_ical().decode()
    assert "RDATE" not in london
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3\r\n" in london
    assert "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\n" in london
    sydney = build_vtimezone("Australia/Sydney").to_ical().decode()
    assert "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=4\r\n" in sydney
    assert "RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=10\r\n" in sydney


@pytest.mark.parametrize("tzid", [*ZONES, "Europe/Berlin", "Asia/Tehran", "Africa/Casablanca"])
def test_a_vtimezone_gives_the_zone_databases_offset_every_day(tzid):
    """icalendar turns the VTIMEZONE back into a zone: it agrees with zoneinfo at noon daily."""
    ours = build_vtimezone(tzid).to_tz(lookup_tzid=False)
    zone = ZoneInfo(tzid)
    day = datetime.datetime(1990, 1, 1, 12)
    while day.year < 2037:
        assert day.replace(tzinfo=ours).utcoffset() == day.replace(tzinfo=zone).utcoffset(), day
        day += datetime.timedelta(days=1)
