"""A consumer of the API: the Korean app's agenda for a week, built from the API alone.

The app knows only what the API documents: occurrences overlapping a range, each with
its start and end on the event's clock, `all_day`, the event's zone, `cancelled`,
`moved` with `original_start`, and the event's status. Days are Beijing's, except an
all-day event's, which are its own zone's. The agenda must say what the site's Korean
week view says: the same events on the same days, at the same times, in the same state.
"""

import datetime
import html
import re
from zoneinfo import ZoneInfo

import pytest

from tests.api.conftest import all_items
from tests.events.conftest import next_weekday
from tests.events.test_calendar import day_section

pytestmark = pytest.mark.django_db

BEIJING = ZoneInfo("Asia/Shanghai")


def local_days(start, end, zone):
    first = start.astimezone(zone).date()
    last = max(first, (end.astimezone(zone) - datetime.timedelta(microseconds=1)).date())
    return [first + datetime.timedelta(days=n) for n in range((last - first).days + 1)]


def agenda_from_api(client, monday):
    """{day: sorted [(title, state, time or None)]} for the seven days from `monday`."""
    week = [monday + datetime.timedelta(days=n) for n in range(7)]
    # Two weeks either side: a date moved out of (or into) the week is still seen.
    first, last = monday - datetime.timedelta(days=14), monday + datetime.timedelta(days=21)
    agenda = {day: [] for day in week}
    for item in all_items(client, f"/events/?locale=ko&start={first}&end={last}"):
        event = item["event"]
        start = datetime.datetime.fromisoformat(item["start"])
        end = datetime.datetime.fromisoformat(item["end"])
        zone = ZoneInfo(event["timezone"]) if item["all_day"] else BEIJING
        days = local_days(start, end, zone)
        called_off = item["cancelled"] or event["status"] in ("cancelled", "postponed")
        state = "cancelled" if called_off else "moved" if item["moved"] else "scheduled"
        time = None if item["all_day"] else item["start"]
        for day in days:
            if day in agenda:
                agenda[day].append((event["title"], state, time))
        if item["moved"]:
            original = datetime.datetime.fromisoformat(item["original_start"])
            old_day = original.astimezone(zone).date()
            if old_day in agenda and old_day not in days:
                agenda[old_day].append((event["title"], "moved-away", item["original_start"]))
    return {day: sorted(entries) for day, entries in agenda.items()}


def agenda_from_week_view(client, monday):
    year, week, _weekday = monday.isocalendar()
    page = client.get(f"/ko/events/week/{year}/{week}/").content.decode()
    agenda = {}
    for n in range(7):
        day = monday + datetime.timedelta(days=n)
        entries = []
        for classes, entry in re.findall(
            r'<li class="(event-entry[^"]*)">(.*?)</li>', day_section(page, day), re.S
        ):
            title = html.unescape(
                re.search(r'class="event-entry__title"><a [^>]*>(.*?)</a>', entry).group(1)
            )
            if "event-entry--moved-away" in classes:
                state = "moved-away"
            elif "event-entry--cancelled" in classes or "event-entry--postponed" in classes:
                state = "cancelled"
            elif 'badge--moved"' in entry:
                state = "moved"
            else:
                state = "scheduled"
            time = re.search(r'<time datetime="([^"]+)"', entry)
            entries.append((title, state, time.group(1) if time else None))
        agenda[day] = sorted(entries)
    return agenda


@pytest.mark.parametrize("weeks_ahead", [0, 1, 2])
def test_a_weeks_korean_agenda_from_the_api_matches_the_korean_week_view(
    client, programme, weeks_ahead
):
    saturday = next_weekday(5, weeks_ahead)
    monday = saturday - datetime.timedelta(days=5)
    from_api = agenda_from_api(client, monday)
    from_site = agenda_from_week_view(client, monday)
    assert from_api == from_site
    listed = [entry for entries in from_api.values() for entry in entries]
    assert listed, "an empty week proves nothing"
    states = {state for _title, state, _time in listed}
    # The cancelled salon is in the second week, its moved date in the third.
    expected = {0: {"scheduled"}, 1: {"scheduled", "cancelled"}, 2: {"moved", "moved-away"}}
    assert expected[weeks_ahead] <= states
