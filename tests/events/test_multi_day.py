"""Events over several days show on every day they cover, and while they are still running."""

import datetime
import re

import pytest
from django.utils import timezone

from tests.events.conftest import make_event, next_weekday

pytestmark = pytest.mark.django_db


def month_days_with(html, title):
    days = set()
    for cell in re.findall(r"<td[^>]*>(.*?)</td>", html, re.S):
        if title in cell:
            days.add(int(re.search(r'<span aria-hidden="true">(\d+)</span>', cell).group(1)))
    return days


def day_headings_with(html, title):
    """ISO dates of the day headings in a day list whose section mentions `title`."""
    found = set()
    for section in re.findall(
        r'<li class="day[^"]*">(.*?)</li>\s*(?=<li class="day|</ol>)', html, re.S
    ):
        if title in section:
            found.add(re.search(r'<time datetime="([0-9-]+)"', section).group(1))
    return found


@pytest.fixture(params=["all_day", "timed"])
def festival(request, calendar):
    friday = next_weekday(4, 1)
    facts = {"start_date": friday, "end_date": friday + datetime.timedelta(days=2)}
    if request.param == "all_day":
        facts.update(all_day=True, start_time=None, end_time=None)
    else:
        facts.update(start_time=datetime.time(18, 0), end_time=datetime.time(12, 0))
    make_event(calendar, "festival", english_only=True, **facts)
    return [friday + datetime.timedelta(days=n) for n in range(3)]


def test_month_grid_shows_the_event_on_every_day(client, festival):
    for day in festival:
        html = client.get(f"/en/events/month/{day.year}/{day.month}/").content.decode()
        assert day.day in month_days_with(html, "Event festival"), day
    after = festival[-1] + datetime.timedelta(days=1)
    html = client.get(f"/en/events/month/{after.year}/{after.month}/").content.decode()
    assert after.day not in month_days_with(html, "Event festival")


def test_week_view_shows_the_event_on_every_day(client, festival):
    seen = set()
    for day in festival:
        year, week, _ = day.isocalendar()
        html = client.get(f"/en/events/week/{year}/{week}/").content.decode()
        seen |= day_headings_with(html, "Event festival")
    assert seen == {d.isoformat() for d in festival}


def test_running_event_shows_today_this_weekend_and_in_the_upcoming_list(client, calendar):
    today = timezone.localdate()
    make_event(
        calendar,
        "camp",
        english_only=True,
        all_day=True,
        start_time=None,
        end_time=None,
        start_date=today - datetime.timedelta(days=2),
        end_date=today + datetime.timedelta(days=8),
    )
    today_html = client.get("/en/events/today/").content.decode()
    assert day_headings_with(today_html, "Event camp") == {today.isoformat()}
    weekend_html = client.get("/en/events/weekend/").content.decode()
    weekend = {today} if today.weekday() == 6 else {next_weekday(5), next_weekday(6)}
    if today.weekday() == 5:
        weekend = {today, today + datetime.timedelta(days=1)}
    assert day_headings_with(weekend_html, "Event camp") == {d.isoformat() for d in weekend}
    upcoming_html = client.get("/en/events/").content.decode()
    assert day_headings_with(upcoming_html, "Event camp") == {today.isoformat()}
