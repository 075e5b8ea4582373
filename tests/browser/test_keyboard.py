"""The calendar's filters and views work with the keyboard alone, in Chromium."""

import datetime
import re

import pytest

from tests.events.conftest import make_event, next_weekday

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def tab_to(page, locator, limit=60):
    """Press Tab until `locator` has focus, as a keyboard user would; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"{locator} is not reachable with the Tab key")


@pytest.fixture
def two_kinds_of_event(calendar, salon):
    """The weekly English salon and a weekly Chinese class on Tuesdays: two categories."""
    make_event(
        calendar,
        "chinese-class",
        ko="외국인을 위한 중국어 수업",
        category=calendar.class_category,
        venue=calendar.classroom.zh,
        start_date=next_weekday(1),
        start_time=datetime.time(18, 30),
        repeat="weekly",
        repeat_count=10,
    )
    return calendar


def test_calendar_filters_and_views_work_by_keyboard(live_server, page, two_kinds_of_event):
    page.goto(live_server.url + "/ko/events/")
    assert set(page.locator(".event-entry .badge--category").all_inner_texts()) == {
        "영어 살롱",
        "중국어 수업",
    }
    # The filter panel is a closed <details>: its summary opens it with Enter.
    tab_to(page, page.locator("summary", has_text="행사 필터"))
    page.keyboard.press("Enter")
    category = page.locator("#filter-category")
    assert category.is_visible()

    # Choose "영어 살롱" (English salon) with the arrow keys, then submit with Enter.
    tab_to(page, category)
    for _ in range(12):
        if category.evaluate("s => s.options[s.selectedIndex].text") == "영어 살롱":
            break
        page.keyboard.press("ArrowDown")
    else:
        pytest.fail("The arrow keys never reached the English salon category")
    tab_to(page, page.get_by_role("button", name="행사 보기"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/ko/events/\?.*category=english-salon"))

    titles = page.locator(".event-entry__title").all_inner_texts()
    categories = set(page.locator(".event-entry .badge--category").all_inner_texts())
    assert titles, "the filtered list shows the salon's dates"
    assert categories == {"영어 살롱"}

    # The month view keeps the filter, and its previous/next links work by keyboard too.
    tab_to(page, page.locator(".calendar-views a").get_by_text("월", exact=True))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/ko/events/month/\?category=english-salon"))
    month_heading = page.locator("#calendar-heading").inner_text()
    tab_to(page, page.locator(".period-nav a[rel=next]"))
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/ko/events/month/\d{4}/\d{1,2}/\?category=english-salon"))
    assert page.locator("#calendar-heading").inner_text() != month_heading
    assert page.locator(".month-grid a").count() > 0
    assert page.console_errors == []
