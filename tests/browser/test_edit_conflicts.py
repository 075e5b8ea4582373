"""Two editors in Chromium on one event: the second is stopped before saving over the first.

Both open the Chinese salon's editor. A changes the title and saves a draft. B, whose
form still holds the revision before A's, changes the title too and presses Save: Wagtail's
editing session has learnt from its ping that A saved a newer version, so instead of
saving it opens its dialog ("editor-a saved a new version … Proceeding will overwrite
the changes made by editor-a"), and A's title is still the latest revision. Our admin
Content-Security-Policy, hooks and event form must leave that working.
"""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from wagtail.users.models import UserProfile

from editorial.roles import EDITORS, setup_roles
from events.models import EventPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def editor_page(browser, live_server, user):
    """A Chromium tab logged in as `user`, the admin in English."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    page.csp_messages = []
    page.on(
        "console",
        lambda msg: (
            "Content Security Policy" in msg.text
            and "report-only" not in msg.text
            and page.csp_messages.append(msg.text)
        ),
    )
    return page


def latest_title(pk):
    return EventPage.objects.get(pk=pk).get_latest_revision_as_object().title


def test_second_editor_is_stopped_before_saving_over_a_newer_version(
    live_server, browser, salon, settings, request
):
    # Ping every second rather than every ten, so the test need not wait.
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 1000
    editors = setup_roles()[EDITORS]
    a, b = (
        editor_page(browser, live_server, user)
        for user in (
            editors.user_set.create(username="editor-a"),
            editors.user_set.create(username="editor-b"),
        )
    )
    for tab in (a, b):
        # Closed after the test: their pings would reach the live server during later tests.
        request.addfinalizer(tab.context.close)
    event = salon.zh
    edit_url = live_server.url + reverse("wagtailadmin_pages:edit", args=[event.pk])
    for tab in (a, b):
        tab.goto(edit_url)
        tab.locator("#id_title").wait_for()

    a.fill("#id_title", "詹叔英语沙龙（改到周五）")
    a.get_by_role("button", name="Save draft").click()
    a.wait_for_load_state("networkidle")
    assert latest_title(event.pk) == "詹叔英语沙龙（改到周五）"

    # B's editing session learns of A's revision at its next ping.
    b.locator(".w-editing-sessions__session--saved").wait_for(timeout=10_000)
    b.fill("#id_title", "詹叔英语沙龙（B）")
    b.get_by_role("button", name="Save draft").click()
    dialog = b.locator("#w-save-confirmation-dialog")
    dialog.get_by_text("editor-a saved a new version").wait_for()
    assert "Proceeding will overwrite the changes made by editor-a." in dialog.inner_text()
    b.wait_for_timeout(1500)  # an autosave, had it gone through, would have landed by now
    assert latest_title(event.pk) == "詹叔英语沙龙（改到周五）"
    assert a.csp_messages == b.csp_messages == []
