"""The language switcher in a real browser: keyboard use, same page, remembered choice."""

import pytest

from home.models import ContentPage
from tests.conftest import publish, translate

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def about(home):
    page = ContentPage(title="关于我们", slug="about", summary="社区介绍")
    home.zh.add_child(instance=page)
    publish(page)
    translate(page, "en", title="About us", summary="About the community")
    translate(page, "ko", title="소개", summary="커뮤니티 소개")
    return page


def test_pages_load_without_console_errors(live_server, page, about):
    for path in ("/zh-hans/", "/en/", "/ko/", "/en/about/", "/ko/about/"):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
    assert page.console_errors == []


def test_keyboard_user_switches_to_same_page_in_korean(live_server, page, about):
    page.goto(live_server.url + "/en/about/")
    korean = page.locator('.lang-switcher a[hreflang="ko"]')
    # Tab from the top of the page until the Korean link has focus, as a keyboard user would.
    for _ in range(10):
        page.keyboard.press("Tab")
        if korean.evaluate("link => link === document.activeElement"):
            break
    else:
        pytest.fail("The Korean switcher link is not reachable with the Tab key")
    page.keyboard.press("Enter")
    page.wait_for_url("**/ko/about/")
    assert page.locator("html").get_attribute("lang") == "ko"
    assert page.locator("h1").inner_text() == "소개"


def test_picked_language_is_remembered_at_root(live_server, page, about):
    page.goto(live_server.url + "/en/about/")
    page.click('.lang-switcher a[hreflang="ko"]')
    page.wait_for_url("**/ko/about/")
    # The browser says English, but the visitor picked Korean.
    page.goto(live_server.url + "/")
    assert page.url == live_server.url + "/ko/"


def test_skip_link_moves_focus_to_main_content(live_server, page, about):
    page.goto(live_server.url + "/en/about/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
