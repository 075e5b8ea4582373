"""The Subscribe page's "Copy link" button, in Chromium."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_copy_link_copies_the_address_and_announces_it(live_server, browser, salon):
    context = browser.new_context(locale="ko-KR", permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + "/ko/events/subscribe/")
    button = page.get_by_role("button", name="링크 복사").first
    button.focus()
    page.keyboard.press("Enter")
    status = page.locator("#copy-status-main")
    status.filter(has_text="복사했습니다").wait_for()
    assert status.get_attribute("aria-live") == "polite"
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == live_server.url + "/ko/events/ics/"
    assert errors == []
    context.close()


def test_without_javascript_the_address_is_there_and_the_button_is_not(live_server, browser, salon):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/en/events/subscribe/")
    field = page.locator("#feed-url-main")
    assert field.input_value() == live_server.url + "/en/events/ics/"
    assert not page.get_by_role("button", name="Copy link").first.is_visible()
    context.close()
