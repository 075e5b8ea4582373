"""The urgent-alert banner as people see it, in Chromium at phone width: on the page in every
language, clean under axe, and hidden for good (in this browser) with its button."""

import pytest

from notices.models import KIND_URGENT
from tests.browser.test_accessibility import axe_violations
from tests.notices.conftest import HOUR, add_notice, board  # noqa: F401 (fixture)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def alert(board):  # noqa: F811
    return add_notice(
        board,
        "storm",
        "暴雨红色预警：请减少外出",
        en="Red rainstorm warning: stay indoors",
        kind=KIND_URGENT,
        starts=-HOUR,
        ends=6 * HOUR,
    )


@pytest.mark.parametrize("language", ["zh-hans", "en", "ko"])
def test_the_banner_shows_at_phone_width_and_passes_axe(live_server, page, alert, language):
    for path in (f"/{language}/", f"/{language}/notices/"):
        page.goto(live_server.url + path)
        banner = page.locator(".urgent-alert")
        assert banner.is_visible()
        box = banner.bounding_box()
        assert box["width"] <= 375
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, path
        assert axe_violations(page) == [], path
        assert page.console_errors == []
    link = page.locator(".urgent-alert a")
    expected = {"zh-hans": "/zh-hans/", "en": "/en/", "ko": "/zh-hans/"}[language]
    assert link.get_attribute("href") == f"{expected}notices/storm/"


def test_hidden_stays_hidden_in_this_browser_only(live_server, page, browser, alert):
    page.goto(f"{live_server.url}/en/")
    page.get_by_role("button", name="Hide").click()
    assert not page.locator(".urgent-alert").is_visible()
    page.goto(f"{live_server.url}/ko/")
    assert not page.locator(".urgent-alert").is_visible()  # same alert, same browser
    assert page.context.cookies() == []
    other = browser.new_context(viewport={"width": 375, "height": 800})
    try:
        fresh = other.new_page()
        fresh.goto(f"{live_server.url}/en/")
        assert fresh.locator(".urgent-alert").is_visible()
    finally:
        other.close()


def test_without_javascript_the_banner_shows_and_no_button(live_server, browser, alert):
    context = browser.new_context(viewport={"width": 375, "height": 800}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{live_server.url}/en/")
        assert page.locator(".urgent-alert").is_visible()
        assert not page.locator(".urgent-alert__hide").is_visible()
    finally:
        context.close()
