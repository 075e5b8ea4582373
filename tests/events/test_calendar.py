"""The calendar views: list, month, week, today, weekend, filters and bad input."""

import datetime
import re

import pytest
from django.utils import timezone

from events import dates
from events.models import EventDateChange, Occurrence
from tests.conftest import publish
from tests.events.conftest import make_event, next_weekday

pytestmark = pytest.mark.django_db


def month_url(code, day):
    return f"/{code}/events/month/{day.year}/{day.month}/"


def saturdays_listed(html, title):
    """Dates (day numbers) of month-grid cells that link to the event `title`."""
    cells = re.findall(r"<td[^>]*>(.*?)</td>", html, re.S)
    days = []
    for cell in cells:
        if title in cell:
            days.append(int(re.search(r'<span aria-hidden="true">(\d+)</span>', cell).group(1)))
    return days


def test_upcoming_list_shows_translated_titles_in_each_locale(client, salon):
    for code, title in (
        ("zh-hans", "詹叔英语沙龙"),
        ("en", "Uncle Zhan's English Salon"),
        ("ko", "잔 아저씨 영어 살롱"),
    ):
        html = client.get(f"/{code}/events/").content.decode()
        assert title in html.replace("&#x27;", "'")


CANCELLED = {"en": "Cancelled", "zh-hans": "已取消", "ko": "취소됨"}


def day_section(html, day):
    """The HTML of one day of a day list (list and week views), by its heading's date."""
    for section in re.findall(
        r'<li class="day[^"]*">(.*?)</li>\s*(?=<li class="day|</ol>)', html, re.S
    ):
        if f'<time datetime="{day.isoformat()}">' in section:
            return section
    return ""


@pytest.mark.parametrize("code", ["en", "zh-hans", "ko"])
def test_upcoming_list_shows_the_cancelled_saturday_struck_through(client, salon, code):
    cancelled = next_weekday(5, 1)
    html = client.get(f"/{code}/events/").content.decode()
    assert f'datetime="{next_weekday(5).isoformat()}T19:00:00+08:00"' in html
    section = day_section(html, cancelled)
    assert (
        f'<del><time datetime="{cancelled.isoformat()}T19:00:00+08:00">19:00–21:00</time></del>'
        in section
    )
    assert f'<strong class="badge badge--cancelled">{CANCELLED[code]}</strong>' in section
    assert "event-entry--cancelled" in section


def test_moved_date_is_listed_on_its_new_day_and_marked(client, salon):
    moved_to = next_weekday(5, 2) + datetime.timedelta(days=1)
    html = client.get("/en/events/").content.decode()
    assert f'datetime="{moved_to.isoformat()}T15:00:00+08:00"' in html
    assert "badge--moved" in html


def month_cell(html, day):
    for cell in re.findall(r"<td[^>]*>(.*?)</td>", html, re.S):
        if f'<span class="visually-hidden">{dates.long_day(day, "en")}</span>' in cell:
            return cell
    raise AssertionError(f"no cell for {day}")


def test_month_view_shows_every_saturday_the_cancelled_and_moved_ones_marked(client, salon):
    first = next_weekday(5)
    saturdays = [first + datetime.timedelta(weeks=n) for n in range(10)]
    for day in saturdays[:4]:
        html = client.get(month_url("en", day)).content.decode()
        cell = month_cell(html, day)
        assert "Uncle Zhan" in cell.replace("&#x27;", "'"), day
        if day == saturdays[1]:
            assert '<li class="is-cancelled">' in cell
            assert '<del><time class="month-grid__time"' in cell
            assert '<strong class="badge badge--cancelled">Cancelled</strong>' in cell
        elif day == saturdays[2]:
            sunday = day + datetime.timedelta(days=1)
            assert '<li class="is-moved-away">' in cell
            assert f"Moved to {dates.day_label(sunday, 'en')} 15:00</strong>" in cell
        else:
            assert "<del>" not in cell and "badge" not in cell


@pytest.mark.parametrize(
    ("code", "moved_to"), [("en", "Moved to {}"), ("zh-hans", "改至{}"), ("ko", "{}(으)로 변경")]
)
def test_week_view_marks_the_old_saturday_of_the_moved_sunday(client, salon, code, moved_to):
    moved_saturday = next_weekday(5, 2)
    year, week, _ = moved_saturday.isocalendar()
    html = client.get(f"/{code}/events/week/{year}/{week}/").content.decode()
    sunday = moved_saturday + datetime.timedelta(days=1)
    assert f'datetime="{sunday.isoformat()}T15:00:00+08:00"' in day_section(html, sunday)
    old = day_section(html, moved_saturday)
    assert "day__none" not in old
    assert (
        f'<del><time datetime="{moved_saturday.isoformat()}T19:00:00+08:00">19:00</time></del>'
        in old
    )
    new_date = f"{dates.day_label(sunday, code)} 15:00"
    assert f'<strong class="badge badge--moved">{moved_to.format(new_date)}</strong>' in old


def test_cancelling_a_date_in_chinese_cancels_it_in_english_and_korean_after_one_publish(
    client, salon
):
    saturday = next_weekday(5, 3)
    for code in ("en", "ko"):
        assert (
            f'datetime="{saturday.isoformat()}' in client.get(f"/{code}/events/").content.decode()
        )
    source = salon.zh
    source.date_changes.add(EventDateChange(date=saturday, action="cancel"))
    publish(source)  # only the Chinese page is published; no translation sync
    for code in ("en", "ko"):
        section = day_section(client.get(f"/{code}/events/").content.decode(), saturday)
        assert f'<strong class="badge badge--cancelled">{CANCELLED[code]}</strong>' in section


def test_moving_the_time_in_chinese_moves_it_everywhere(client, salon):
    source = salon.zh
    source.start_time = datetime.time(18, 30)
    publish(source)
    html = client.get("/ko/events/").content.decode()
    assert f'datetime="{next_weekday(5).isoformat()}T18:30:00+08:00"' in html


def test_dates_are_formatted_for_each_locale(client, salon):
    saturday = next_weekday(5)
    zh = client.get("/zh-hans/events/").content.decode()
    ko = client.get("/ko/events/").content.decode()
    en = client.get("/en/events/").content.decode()
    assert f"{saturday.month}月{saturday.day}日周六" in zh
    assert f"{saturday.month}월 {saturday.day}일 (토)" in ko
    assert f"Sat {saturday.day} {saturday:%b}" in en


def test_status_is_shown_in_listings(client, calendar):
    make_event(calendar, "football", status="cancelled", start_date=next_weekday(2))
    html = client.get("/en/events/").content.decode()
    assert "badge--cancelled" in html
    assert "Cancelled" in html


@pytest.mark.parametrize(
    "query",
    [
        "?category=english-salon",
        "?venue=centre",
        "?organiser=yam",
        "?language=en",
        "?free=1",
        "?audience=everyone",
    ],
)
def test_filters_keep_the_salon(client, salon, calendar, query):
    make_event(calendar, "other", start_date=next_weekday(3), is_free=False, audience="adults")
    html = client.get(f"/en/events/{query}").content.decode().replace("&#x27;", "'")
    assert "Uncle Zhan" in html
    assert "Event other" not in html


def test_filter_state_is_kept_in_view_links(client, salon):
    html = client.get("/en/events/month/?category=english-salon").content.decode()
    assert "/en/events/week/?category=english-salon" in html


def test_switcher_keeps_the_calendar_view_and_filters(client, salon):
    html = client.get("/en/events/month/2027/6/?category=english-salon").content.decode()
    assert 'href="/ko/events/month/2027/6/?category=english-salon"' in html


@pytest.mark.parametrize(
    "url",
    [
        "/en/events/month/2026/13/",
        "/en/events/month/2026/0/",
        "/en/events/month/1999/1/",
        "/en/events/week/2026/54/",
        "/en/events/week/2026/0/",
        "/en/events/?category=nope",
        "/en/events/?venue=%3Cscript%3E",
        "/en/events/?free=maybe",
        "/en/events/?language=xx",
        "/en/events/month/?organiser=" + "x" * 500,
    ],
)
def test_nonsense_gets_a_400_page_in_the_visitors_language(client, salon, url):
    response = client.get(url)
    assert response.status_code == 400
    assert '<html lang="en">' in response.content.decode()


@pytest.mark.parametrize("page", ["abc", "0", "-1", "999999", "99999999999999", "1.5", "%00"])
def test_odd_page_numbers_give_the_nearest_page(client, salon, page):
    assert client.get(f"/en/events/?page={page}").status_code == 200


def test_unknown_calendar_subpath_is_404(client, salon):
    assert client.get("/en/events/month/abc/").status_code == 404
    assert client.get("/en/events/year/2026/").status_code == 404


def test_empty_state_when_nothing_matches(client, calendar):
    html = client.get("/en/events/today/").content.decode()
    assert "empty-state" in html


def test_today_and_weekend_shortcuts(client, calendar):
    today = timezone.localdate()
    make_event(
        calendar,
        "today-event",
        start_date=today,
        start_time=datetime.time(23, 0),
        end_time=datetime.time(23, 30),
    )
    assert "Event today-event" in client.get("/en/events/today/").content.decode()
    saturday = today if today.weekday() == 5 else next_weekday(5)
    make_event(
        calendar,
        "weekend-event",
        start_date=saturday if today.weekday() != 6 else today,
        start_time=datetime.time(23, 0),
        end_time=datetime.time(23, 30),
    )
    assert "Event weekend-event" in client.get("/en/events/weekend/").content.decode()


def make_many(calendar, count, start_index=0, today=None):
    """Events from `today` on, every one in the current week, month and upcoming list.

    They start at 23:00: the suite's clock (tests/conftest.py) keeps that in the future.
    """
    today = today or timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    days_left_in_week = 6 - today.weekday()
    for n in range(start_index, start_index + count):
        day = today + datetime.timedelta(days=n % (days_left_in_week + 1))
        if day.month != today.month:
            day = today
        make_event(
            calendar,
            f"event-{n}",
            english_only=True,
            start_date=day if day >= monday else today,
            start_time=datetime.time(23, 0),
            end_time=datetime.time(23, 30),
            category=calendar.salon_category,
            venue=calendar.centre.zh,
            organisers=[calendar.yam.zh],
            repeat="weekly" if n % 5 == 0 else "",
        )


LISTINGS = [
    "/en/events/",
    "/en/events/month/",
    "/en/events/week/",
    "/en/events/today/",
    "/en/events/?category=english-salon&organiser=yam&venue=centre",
]


def test_listing_queries_do_not_grow_with_the_number_of_events(client, calendar):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def counts():
        result = {}
        for url in LISTINGS:
            client.get(url)  # warm per-process caches
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            assert response.status_code == 200
            assert "Event event-0" in response.content.decode(), url
            result[url] = len(queries.captured_queries)
        return result

    # One "today" for both batches, so that they fall in the same week whatever the time.
    today = timezone.localdate()
    make_many(calendar, 5, today=today)
    few = counts()
    make_many(calendar, 45, start_index=5, today=today)
    assert Occurrence.objects.count() >= 100
    many = counts()
    assert many == few


def test_month_cell_shows_four_events_and_links_to_the_rest(client, calendar):
    day = next_weekday(2, 1)
    for n in range(6):
        make_event(
            calendar,
            f"busy-{n}",
            english_only=True,
            start_date=day,
            start_time=datetime.time(9 + n),
        )
    html = client.get(month_url("en", day)).content.decode()
    assert sum(f"Event busy-{n}<" in html for n in range(6)) == 4
    year, week, _ = day.isocalendar()
    assert f'href="/en/events/week/{year}/{week}/">2 more' in html
    week_html = client.get(f"/en/events/week/{year}/{week}/").content.decode()
    assert all(f"Event busy-{n}<" in week_html for n in range(6))


def test_month_cell_counts_an_event_over_several_days_among_its_four(client, calendar):
    # The database ranks and counts one-day events per day; the fair, over three days,
    # is read whole and takes the first place of each of its days (events/views.py).
    day = next_weekday(2, 1)
    make_event(
        calendar,
        "fair",
        english_only=True,
        start_date=day - datetime.timedelta(days=1),
        end_date=day + datetime.timedelta(days=1),
        start_time=datetime.time(10),
        end_time=datetime.time(18),
    )
    for n in range(5):
        make_event(
            calendar,
            f"busy-{n}",
            english_only=True,
            start_date=day,
            start_time=datetime.time(9 + n),
        )
    html = client.get(month_url("en", day)).content.decode()
    assert [n for n in range(5) if f"Event busy-{n}<" in html] == [0, 1, 2]
    assert "Event fair<" in html
    year, week, _ = day.isocalendar()
    assert f'href="/en/events/week/{year}/{week}/">2 more' in html


def test_a_postponed_event_is_not_listed_as_if_it_were_happening(client, calendar):
    day = next_weekday(2)
    make_event(calendar, "picnic", english_only=True, status="postponed", start_date=day)
    html = client.get("/en/events/").content.decode()
    section = day_section(html, day)
    assert "event-entry--postponed" in section
    assert (
        f'<del><time datetime="{day.isoformat()}T19:00:00+08:00">19:00–21:00</time></del>'
        in section
    )
    assert '<strong class="badge badge--postponed">Postponed</strong>' in section
    html = client.get(month_url("en", day)).content.decode()
    cell = month_cell(html, day)
    assert '<li class="is-postponed">' in cell and "<del><time" in cell
