"""Times are shown on the event's own wall clock, with the zone named when it is not the site's."""

import datetime

import pytest

from tests.events.conftest import make_event, next_weekday

pytestmark = pytest.mark.django_db


@pytest.fixture
def london_call(calendar):
    return make_event(
        calendar,
        "london-call",
        start_date=next_weekday(2),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(11, 0),
        timezone="Europe/London",
        online_url="https://meet.example.org/call",
    )


@pytest.mark.parametrize(
    ("code", "zone"), [("en", "United Kingdom Time"), ("zh-hans", "英国时间"), ("ko", "영국 시간")]
)
def test_event_page_shows_the_events_own_time_and_zone(client, london_call, code, zone):
    html = client.get(f"/{code}/events/london-call/").content.decode()
    assert "10:00–11:00" in html
    assert f'<span class="event-zone">{zone}</span>' in html


def test_listing_shows_the_events_own_time_and_zone(client, london_call):
    html = client.get("/en/events/").content.decode()
    assert "10:00–11:00" in html
    assert "United Kingdom Time" in html
    assert "18:00–19:00" not in html


def test_events_in_the_site_zone_name_no_zone(client, salon):
    html = client.get("/en/events/english-salon/").content.decode()
    assert "19:00–21:00" in html
    assert "China Time" not in html
    assert 'class="event-zone"' not in html
