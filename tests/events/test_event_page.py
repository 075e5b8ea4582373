"""The event page: facts from the schedule owner, dates with exceptions, JSON-LD, .ics."""

import datetime
import json
import re

import pytest
from django.core.exceptions import ValidationError
from icalendar import Calendar

from events.models import EventPage
from tests.conftest import publish
from tests.events.conftest import make_event, next_weekday

pytestmark = pytest.mark.django_db


def json_ld(html):
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


def test_event_page_renders_in_each_locale(client, salon):
    for code, title in (("zh-hans", "詹叔英语沙龙"), ("en", "Uncle Zhan"), ("ko", "잔 아저씨")):
        response = client.get(f"/{code}/events/english-salon/")
        assert response.status_code == 200
        assert title in response.content.decode().replace("&#x27;", "'")


def test_venue_and_organiser_are_shown_in_the_visitors_language(client, salon):
    html = client.get("/ko/events/english-salon/").content.decode()
    assert "국제이웃서비스센터" in html
    assert 'href="/ko/spaces/centre/"' in html
    assert "YAM 자원봉사단" in html


def test_upcoming_dates_mark_cancelled_and_moved(client, salon):
    html = client.get("/en/events/english-salon/").content.decode()
    assert "<del>" in html
    assert "badge--cancelled" in html
    assert "badge--moved" in html


def test_translation_shows_source_schedule_even_when_its_own_copy_is_stale(client, salon):
    english = salon.en
    english.start_time = datetime.time(8, 0)  # a stale/wrong copy on the translation
    publish(english)
    html = client.get("/en/events/english-salon/").content.decode()
    assert "19:00" in html
    assert "08:00–" not in html


def test_json_ld_names_event_with_status_mode_location_offers(client, salon):
    data = json_ld(client.get("/en/events/english-salon/").content.decode())
    assert data["@type"] == "Event"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"]["name"] == "International Neighbour Service Centre"
    assert data["organizer"][0]["name"] == "YAM Volunteers"
    assert data["offers"]["price"] == "0"
    assert set(data["inLanguage"]) == {"en", "zh-Hans"}
    assert data["startDate"].startswith(next_weekday(5).isoformat() + "T19:00")


def test_json_ld_for_an_event_moved_online(client, calendar):
    make_event(calendar, "online", status="moved_online", online_url="https://meet.example/x")
    data = json_ld(client.get("/en/events/online/").content.decode())
    assert data["eventStatus"] == "https://schema.org/EventMovedOnline"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"


def test_ics_has_rrule_exdate_and_recurrence_id(client, salon):
    response = client.get("/en/events/english-salon/ics/")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    series = [e for e in events if "RRULE" in e]
    moved = [e for e in events if "RECURRENCE-ID" in e]
    assert len(series) == 1 and len(moved) == 1
    assert series[0]["RRULE"]["FREQ"] == ["WEEKLY"]
    exdates = [d.dt for d in series[0]["EXDATE"].dts]
    assert [d.date() for d in exdates] == [next_weekday(5, 1)]
    assert moved[0]["RECURRENCE-ID"].dt.date() == next_weekday(5, 2)
    assert moved[0]["DTSTART"].dt.hour == 15
    assert str(series[0]["SUMMARY"]) == "Uncle Zhan's English Salon"
    assert calendar.get_missing_tzids() == set()


def test_google_calendar_link(client, salon):
    html = client.get("/en/events/english-salon/").content.decode()
    assert "https://calendar.google.com/calendar/render?action=TEMPLATE" in html


def test_all_day_multi_day_event(client, calendar):
    first = next_weekday(5, 3)
    make_event(
        calendar,
        "festival",
        all_day=True,
        start_date=first,
        end_date=first + datetime.timedelta(days=1),
        start_time=None,
        end_time=None,
    )
    html = client.get("/en/events/festival/").content.decode()
    data = json_ld(html)
    assert data["startDate"] == first.isoformat()
    assert data["endDate"] == (first + datetime.timedelta(days=1)).isoformat()
    cal = Calendar.from_ical(client.get("/en/events/festival/ics/").content)
    event = cal.walk("VEVENT")[0]
    assert event["DTSTART"].dt == first
    assert event["DTEND"].dt == first + datetime.timedelta(days=2)  # exclusive


@pytest.mark.usefixtures("uncached_pages")  # what the page costs to build
def test_event_page_queries_do_not_grow_with_dates(client, calendar, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    make_event(calendar, "short", repeat="weekly", repeat_count=2, venue=calendar.centre.zh)
    make_event(calendar, "long", repeat="weekly", repeat_count=60, venue=calendar.centre.zh)
    client.get("/en/events/short/")
    with CaptureQueriesContext(connection) as short:
        client.get("/en/events/short/")
    with django_assert_max_num_queries(len(short.captured_queries)):
        client.get("/en/events/long/")


@pytest.mark.parametrize("slug", ["month", "ics", "subscribe"])
def test_event_slug_cannot_hide_behind_a_calendar_view(calendar, slug):
    page = EventPage(title="活动", slug=slug, summary="简介", start_date=datetime.date(2026, 12, 5))
    with pytest.raises(ValidationError) as error:
        calendar.index.zh.add_child(instance=page)
    assert "slug" in error.value.message_dict


def test_a_cancelled_event_offers_no_download_to_add_it_to_a_calendar(client, calendar):
    make_event(calendar, "cancelled-talk", english_only=True, status="cancelled")
    html = client.get("/en/events/cancelled-talk/").content.decode()
    assert "This event will not take place." in html
    assert "Download .ics" not in html and "Add to Google Calendar" not in html
