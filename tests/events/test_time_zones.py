"""Times are shown on the event's own wall clock, with the zone named when it is not the site's."""

import datetime
import re

import pytest

from tests.events.conftest import make_event, next_weekday
from tests.events.test_multi_day import day_headings_with, month_days_with

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


@pytest.mark.parametrize("zone", ["Europe/London", "America/New_York", "Australia/Sydney"])
@pytest.mark.parametrize("code", ["zh-hans", "en", "ko"])
def test_an_all_day_event_elsewhere_is_on_its_one_day_in_every_view(client, calendar, zone, code):
    """A one-day fair in London is on the 20th, not also on the 21st as Beijing's clock says."""
    fair = next_weekday(2)  # with the suite's clock: Wednesday 2027-01-20
    make_event(
        calendar,
        "fair",
        title="集市",
        en="Winter fair",
        ko="겨울 장터",
        all_day=True,
        start_time=None,
        end_time=None,
        start_date=fair,
        timezone=zone,
    )
    title = {"zh-hans": "集市", "en": "Winter fair", "ko": "겨울 장터"}[code]
    html = client.get(f"/{code}/events/month/{fair.year}/{fair.month}/").content.decode()
    assert month_days_with(html, title) == {fair.day}
    year, week, _ = fair.isocalendar()
    html = client.get(f"/{code}/events/week/{year}/{week}/").content.decode()
    assert day_headings_with(html, title) == {fair.isoformat()}
    html = client.get(f"/{code}/events/").content.decode()
    assert day_headings_with(html, title) == {fair.isoformat()}


@pytest.mark.parametrize("zone", ["Pacific/Honolulu", "Pacific/Auckland"])
def test_an_all_day_sunday_elsewhere_ends_its_week_and_not_the_next(client, calendar, zone):
    """Sunday in Honolulu is Monday in Beijing; Sunday in Auckland starts on Saturday there."""
    sunday = next_weekday(6)
    make_event(
        calendar,
        "picnic",
        english_only=True,
        all_day=True,
        start_time=None,
        end_time=None,
        start_date=sunday,
        timezone=zone,
    )
    for day, expected in ((sunday, {sunday.isoformat()}), (sunday + datetime.timedelta(1), set())):
        year, week, _ = day.isocalendar()
        html = client.get(f"/en/events/week/{year}/{week}/").content.decode()
        assert day_headings_with(html, "Event picnic") == expected
    html = client.get(f"/en/events/month/{sunday.year}/{sunday.month}/").content.decode()
    assert month_days_with(html, "Event picnic") == {sunday.day}


def grid_cell_with(html, title):
    cells = [c for c in re.findall(r"<td[^>]*>(.*?)</td>", html, re.S) if title in c]
    assert len(cells) == 1, cells
    return cells[0]


@pytest.mark.parametrize(
    ("code", "zone"), [("en", "United Kingdom Time"), ("zh-hans", "英国时间"), ("ko", "영국 시간")]
)
def test_month_grid_names_the_zone_of_a_time_as_the_week_view_does(client, calendar, code, zone):
    """Thursday 19:00 in London is Friday 03:00 in Beijing: under Friday, "19:00" needs its zone."""
    thursday = next_weekday(3)
    make_event(
        calendar,
        "london-talk",
        title="伦敦讲座",
        en="London talk",
        ko="런던 강연",
        start_date=thursday,
        timezone="Europe/London",
    )
    title = {"zh-hans": "伦敦讲座", "en": "London talk", "ko": "런던 강연"}[code]
    friday = thursday + datetime.timedelta(days=1)
    html = client.get(f"/{code}/events/month/{friday.year}/{friday.month}/").content.decode()
    cell = grid_cell_with(html, title)
    assert re.search(rf'<span aria-hidden="true">{friday.day}</span>', cell)
    assert re.search(
        r'<time class="month-grid__time" datetime="[^"]+T19:00:00\+00:00">19:00</time>', cell
    )
    assert f'<span class="month-grid__zone">{zone}</span>' in cell
    year, week, _ = friday.isocalendar()
    html = client.get(f"/{code}/events/week/{year}/{week}/").content.decode()
    assert day_headings_with(html, title) == {friday.isoformat()}
    assert f'<span class="event-entry__zone">{zone}</span>' in html


def test_month_grid_names_no_zone_for_the_sites_own(client, salon):
    saturday = next_weekday(5)
    html = client.get(f"/en/events/month/{saturday.year}/{saturday.month}/").content.decode()
    cells = [c for c in re.findall(r"<td[^>]*>(.*?)</td>", html, re.S) if "Uncle Zhan" in c]
    assert any(">19:00</time>" in cell for cell in cells)
    assert "month-grid__zone" not in html
