"""The calendar in a newcomer's first week (issue 19): a weekly event's dates folded after the
first few, "Today" that says which day, and an empty period that points to the next event."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.events.conftest import make_event, next_weekday
from tests.home.pagehtml import Page

pytestmark = pytest.mark.django_db


def dates_shown(response):
    """(dates listed openly, dates behind "more", the summary's text)."""
    body = response.content.decode()
    section = body.split('id="dates-heading"')[1].split("</section>")[0]
    before, _, folded = section.partition('<details class="more-dates">')
    summary = re.search(r"<summary>(.*?)</summary>", folded, re.S)
    return (
        before.count("<li"),
        folded.count("<li"),
        summary[1].strip() if summary else None,
    )


def test_weekly_event_lists_six_dates_and_folds_the_rest(client, salon):
    # Ten Saturdays (one cancelled, one moved): six in view, four a tap away.
    assert dates_shown(client.get("/en/events/english-salon/")) == (6, 4, "4 more dates")
    assert dates_shown(client.get("/ko/events/english-salon/"))[2] == "날짜 4개 더 보기"
    assert dates_shown(client.get("/zh-hans/events/english-salon/"))[2] == "还有 4 个日期"


def test_the_cancelled_date_stays_in_view(client, salon):
    body = client.get("/en/events/english-salon/").content.decode()
    shown = body.split('<details class="more-dates">')[0]
    assert "badge--cancelled" in shown and "badge--moved" in shown


def test_short_series_has_nothing_to_fold(client, calendar):
    make_event(calendar, "class", repeat="weekly", repeat_count=3)
    assert dates_shown(client.get("/en/events/class/")) == (3, 0, None)


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "Today, Wed 13 Jan"), ("zh-hans", "今天，1月13日周三"), ("ko", "오늘, 1월 13일 (수)")],
)
def test_today_heading_says_which_day(client, calendar, language, heading):
    page = Page.of(client.get(f"/{language}/events/today/"))
    assert page.text_of("h2", id="calendar-heading") == [heading]


def test_weekend_heading_says_which_days(client, calendar):
    page = Page.of(client.get("/en/events/weekend/"))
    (heading,) = page.text_of("h2", id="calendar-heading")
    assert heading.startswith("This weekend, ") and "16" in heading and "17" in heading


def test_empty_day_points_to_the_next_event(client, salon):
    # Wednesday: nothing today; the salon is on Saturday.
    page = Page.of(client.get("/en/events/today/"))
    (empty,) = page.find_all("div", class_="empty-state")
    assert "The next one:" in empty.text
    links = page.links(inside_tag="div", inside_class="empty-state")
    assert "/en/events/english-salon/" in [a.attrs["href"] for a in links]
    saturday = next_weekday(5)
    assert f"Sat {saturday.day} Jan" in empty.text


def test_empty_period_with_filters_points_to_the_next_matching_event(client, salon, calendar):
    make_event(calendar, "class", category=calendar.class_category, start_date=next_weekday(6))
    page = Page.of(client.get("/en/events/today/?category=chinese-class"))
    hrefs = page.hrefs(inside_tag="div", inside_class="empty-state")
    assert "/en/events/class/" in hrefs and "/en/events/english-salon/" not in hrefs


def test_empty_period_with_nothing_ahead_says_so_plainly(client, calendar):
    page = Page.of(client.get("/en/events/today/"))
    (empty,) = page.find_all("div", class_="empty-state")
    assert "The next one:" not in empty.text


def test_next_event_costs_the_same_queries_whatever_the_calendar_holds(
    client, salon, calendar, django_assert_max_num_queries, uncached_pages
):
    client.get("/en/events/today/")
    with CaptureQueriesContext(connection) as small:
        client.get("/en/events/today/")
    for n in range(6):
        make_event(calendar, f"later-{n}", start_date=next_weekday(5, weeks=n + 2))
    # The first visit after a change reads again what each process keeps (home/versioned.py).
    client.get("/en/events/today/")
    with CaptureQueriesContext(connection) as many:
        client.get("/en/events/today/")
    assert len(many) == len(small) <= 40


def test_time_range_is_one_element_the_stylesheet_keeps_on_one_line(client, salon):
    # tests/browser/test_everyday.py measures it at 1280 px.
    body = client.get("/en/events/week/").content.decode()
    assert re.search(r'<p class="event-entry__time"><time[^>]*>19:00–21:00</time>', body)
