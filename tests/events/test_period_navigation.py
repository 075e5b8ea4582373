"""Previous/next links of the month and week views, across year boundaries."""

import datetime
import re

import pytest
from django.utils import timezone

from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db


def nav(client, url):
    html = client.get(url).content.decode()
    links = {rel: href for href, rel in re.findall(r'<a href="([^"]+)" rel="(prev|next)">', html)}
    return links.get("prev"), links.get("next")


@pytest.mark.parametrize(
    ("url", "previous", "following"),
    [
        ("/en/events/month/2026/12/", "/en/events/month/2026/11/", "/en/events/month/2027/1/"),
        ("/en/events/month/2027/1/", "/en/events/month/2026/12/", "/en/events/month/2027/2/"),
        ("/en/events/week/2026/53/", "/en/events/week/2026/52/", "/en/events/week/2027/1/"),
        ("/en/events/week/2027/1/", "/en/events/week/2026/53/", "/en/events/week/2027/2/"),
    ],
)
def test_previous_and_next_periods(client, calendar, url, previous, following):
    assert nav(client, url) == (previous, following)
    for link in (previous, following):
        if link:
            assert client.get(link).status_code == 200, link


def month_path(day):
    return f"/en/events/month/{day.year}/{day.month}/"


def week_path(day):
    year, week, _ = day.isocalendar()
    return f"/en/events/week/{year}/{week}/"


@pytest.mark.parametrize(
    "url", ["/en/events/month/2099/12/", "/en/events/month/2000/1/", "/en/events/week/2099/1/"]
)
def test_archives_far_from_any_event_are_not_found(client, salon, url):
    assert client.get(url).status_code == 404


def test_archives_reach_a_year_either_side_of_the_events_and_link_no_further(client, calendar):
    today = timezone.localdate()
    far = today + datetime.timedelta(days=300)
    make_event(calendar, "far-off", english_only=True, start_date=far)
    last = far + datetime.timedelta(days=366)  # a year after the last event's last day
    assert client.get(month_path(last)).status_code == 200
    assert nav(client, month_path(last))[1] is None
    after = last.replace(day=1) + datetime.timedelta(days=32)
    assert client.get(month_path(after)).status_code == 404
    assert client.get(week_path(last + datetime.timedelta(days=7))).status_code == 404
    first = today - datetime.timedelta(days=366)  # no event before today: a year before today
    assert client.get(week_path(first)).status_code == 200
    assert nav(client, week_path(first))[0] is None
    assert client.get(week_path(first - datetime.timedelta(days=7))).status_code == 404
    # Following "next" from today's month ends at the bound, never 404s, never runs on.
    url, seen = month_path(today), 0
    while url:
        assert client.get(url).status_code == 200, url
        url, seen = nav(client, url)[1], seen + 1
    assert seen == (last.year - today.year) * 12 + last.month - today.month + 1


ROBOTS = re.compile(r'<meta name="robots" content="noindex, follow">')


@pytest.mark.parametrize(
    ("url", "noindex"),
    [
        ("/en/events/", False),
        ("/en/events/month/", False),
        ("/en/events/month/2027/2/", False),
        ("/en/events/week/", True),
        ("/en/events/today/", True),
        ("/en/events/weekend/", True),
        ("/en/events/?category=english-salon", True),
        ("/en/events/month/2027/2/?free=1", True),
        ("/en/events/english-salon/", False),
    ],
)
def test_views_repeating_the_list_or_month_are_noindex(client, salon, url, noindex):
    html = client.get(url).content.decode()
    assert bool(ROBOTS.search(html)) is noindex


def test_robots_txt_keeps_crawlers_out_of_repeated_calendar_views_not_feeds(client, salon):
    lines = client.get("/robots.txt").content.decode().splitlines()
    for rule in ("/*/events/week/", "/*/events/today/", "/*/events/?", "/*/events/month/*?"):
        assert f"Disallow: {rule}" in lines
    assert not any("ics" in line or "rss" in line or "atom" in line for line in lines)


def test_filters_follow_the_period_links(client, salon):
    html = client.get("/en/events/week/2026/53/?category=english-salon").content.decode()
    assert 'href="/en/events/week/2027/1/?category=english-salon" rel="next"' in html
