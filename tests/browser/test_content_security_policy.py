"""Chromium under the strict Content-Security-Policy (issue 13, finding 8): nothing refused.

The home page, the calendar (list and month) and an event page are loaded in Chromium with
the policy the site sends; every console message about the Content Security Policy is a
violation, and there must be none. A last test proves the listener hears one.
"""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def csp_messages(page):
    messages = []
    page.on(
        "console",
        lambda msg: "Content Security Policy" in msg.text and messages.append(msg.text),
    )
    return messages


@pytest.mark.parametrize(
    "path",
    [
        "/en/",
        "/zh-hans/",
        "/en/events/",
        "/ko/events/month/",
        "/en/events/english-salon/",
        "/en/events/subscribe/",
        "/en/search/?q=salon",
    ],
)
def test_pages_load_with_no_csp_violation(live_server, page, csp_messages, salon, path):
    response = page.goto(live_server.url + path)
    assert "script-src 'self';" in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    # The scripts ran (search.js turns the search box into a combobox).
    assert page.locator("input[role=combobox]").count() == 1
    assert csp_messages == []
    assert page.console_errors == []


def test_an_inline_style_would_be_reported(live_server, page, csp_messages, salon):
    page.goto(live_server.url + "/en/")
    page.evaluate(
        "() => { const s = document.createElement('style');"
        " s.textContent = 'body { color: red }'; document.head.append(s); }"
    )
    page.wait_for_timeout(200)
    assert len(csp_messages) == 1
    assert "style-src 'self'" in csp_messages[0]
