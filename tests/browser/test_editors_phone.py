"""Editors and translators on a phone (375 px) in Chromium, in their admin language.

* An editor cancels tonight's salon from the event's editor in five taps, with no one else
  involved, and a visitor's calendar shows it at once (issue 19, items 10 and 14).
* The Korean translator's translation editor has its buttons in Korean, none in Chinese
  (wagtail-localize's JavaScript strings, item 12), and "Submit for approval" stays on
  the screen while they scroll (item 13).
"""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from editorial.roles import EDITORS, TRANSLATORS, setup_roles
from events.models import EventPage, Occurrence
from tests.events.conftest import next_weekday

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
HAN = re.compile(r"[\u4e00-\u9fff]")
CANCEL_TAPS = 5  # ⋯, "Cancel or move a date", "Cancel one date", the date, "Publish"


def phone(browser, live_server, username, group, language):
    """A 375 px Chromium tab logged in as a new member of `group`, the admin in `language`."""
    user = get_user_model().objects.create_user(username=username, password="x")
    user.groups.set([setup_roles()[group]])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": 375, "height": 812}, locale=language)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return context.new_page()


def test_editor_cancels_tonights_salon_from_a_phone(browser, live_server, salon):
    tonight = next_weekday(5)
    page = phone(browser, live_server, "editor", EDITORS, "zh-hans")
    visitor = browser.new_page()
    visitor.goto(live_server.url + salon.ko.url)
    cancelled_before = visitor.locator("main").inner_text().count("취소")
    taps = 0

    def tap(locator):
        nonlocal taps
        locator.click()
        taps += 1

    page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=[salon.zh.pk]))
    tap(page.locator("header [data-w-dropdown-target=toggle]").first)
    tap(page.get_by_role("link", name="取消或改期某一天"))
    tap(page.get_by_label("取消某一天"))
    page.get_by_label("哪一天").select_option(tonight.isoformat())
    taps += 1
    tap(page.get_by_role("button", name="立即发布这项变更"))
    page.wait_for_load_state()

    assert "已发布" in page.locator(".messages").inner_text()
    assert taps == CANCEL_TAPS
    row = Occurrence.objects.get(
        translation_key=salon.zh.translation_key, original_start__date=tonight
    )
    assert row.cancelled
    # Nobody approved anything, and a visitor sees it at once, in Korean too: on reloading
    # (the browser may keep a page for PAGE_CACHE_SECONDS) and in a new visitor's browser.
    visitor.reload()
    assert visitor.locator("main").inner_text().count("취소") > cancelled_before
    visitor = browser.new_context().new_page()
    visitor.goto(live_server.url + salon.ko.url)
    assert visitor.locator("main").inner_text().count("취소") > cancelled_before
    assert EventPage.objects.get(pk=salon.zh.pk).live_revision.user.username == "editor"


def test_korean_translators_editor_has_korean_buttons_that_stay_in_view(
    browser, live_server, salon
):
    korean = Locale.objects.get(language_code="ko")
    source, _ = TranslationSource.get_or_create_from_instance(salon.zh)
    Translation.objects.get_or_create(source=source, target_locale=korean)
    page = phone(browser, live_server, "translator", TRANSLATORS["ko"], "ko")
    page.goto(live_server.url + reverse("wagtailadmin_pages:edit", args=[salon.ko.pk]))
    page.locator(".js-translation-editor button").first.wait_for()

    labels = page.locator(".js-translation-editor :is(button, a.button, h2, h3, label)")
    texts = [t.strip() for t in labels.all_inner_texts() if t.strip()]
    assert "PO 파일 내려받기" in texts
    assert not [t for t in texts if HAN.search(t) and "简体中文" not in t], texts

    submit = page.get_by_role("button", name="승인 요청")
    assert submit.is_visible()
    box = submit.bounding_box()
    assert box["y"] + box["height"] <= 812  # on the first screen, not below the strings
    assert not page.locator(".js-translation-editor footer").get_by_text("삭제").count()
