"""A newcomer's first week on a phone, in Chromium (issue 19): registration, the emergency
numbers and this week's salon within three taps of the home page in every language; the
whole menu in view; the dark theme and reduced motion; the partner list folded; the Chinese
address copied; a time range on one line; the QR code on paper."""

import re

import pytest

from home.models import ContactDetails, ContentPage
from tests.conftest import publish, translate

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# What a newcomer looks for, as each language's demo site names it.
REGISTRATION = {"zh-hans": "临时住宿登记", "en": "Register your address", "ko": "임시 거주 등록"}
SALON = {"zh-hans": "詹叔英语沙龙", "en": "Uncle Zhan's English Salon", "ko": "잔 아저씨 영어 살롱"}
EVENTS = {"zh-hans": "活动日历", "en": "Events", "ko": "행사 일정"}


def tap(page, locator):
    """Tap a link a person can see on the phone's screen (scrolled to, not off to the side)."""
    locator.scroll_into_view_if_needed()
    box = locator.bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375, f"{locator} is off-screen"
    with page.expect_navigation():
        locator.tap()


@pytest.mark.parametrize("language", ["zh-hans", "en", "ko"])
def test_a_newcomer_finds_registration_emergency_numbers_and_the_salon_in_three_taps(
    live_server, browser, demo_site, language
):
    context = browser.new_context(viewport={"width": 375, "height": 800}, has_touch=True)
    page = context.new_page()
    home = f"{live_server.url}/{language}/"

    # Registration: the home page's "within 24 hours" box links to the guide (one tap).
    page.goto(home)
    tap(page, page.locator(".callout__more a").first)
    assert REGISTRATION[language] in page.locator("h1").inner_text()

    # Emergency numbers: the header's button, on every page (one tap), numbers near the top.
    tap(page, page.locator(".emergency-link"))
    police = page.locator('a[href="tel:110"]').first
    assert police.is_visible()
    assert police.bounding_box()["y"] < 1200, "the numbers should not be thousands of px down"

    # This week's salon: the menu's calendar, then the salon (two taps).
    page.goto(home)
    tap(page, page.locator(".main-nav a", has_text=EVENTS[language]))
    tap(page, page.locator(".event-entry__title a", has_text=SALON[language]).first)
    assert page.locator("h1").inner_text() == SALON[language]

    # The newcomer's guide and About are in the phone's menu, on screen.
    page.goto(home)
    for link in page.locator(".main-nav a").all():
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375, link.inner_text()
    context.close()


@pytest.fixture
def emergency(home):
    page = ContentPage(title="紧急电话", slug="emergency")
    home.zh.add_child(instance=page)
    publish(page)
    translate(page, "en", title="Emergency numbers")
    ContactDetails.objects.create(
        locale=home.zh.locale,
        centre_name="服务中心",
        address="双柏",
        emergency_numbers=[("number", {"label": "报警", "number": "110"})],
        emergency_page=page,
    )
    return page


def test_emergency_button_shares_the_search_row_on_a_phone(live_server, page, emergency):
    page.goto(live_server.url + "/en/")
    button = page.locator(".emergency-link").bounding_box()
    search = page.locator(".site-search").bounding_box()
    assert abs(button["y"] - search["y"]) < 12  # one row
    assert button["y"] + button["height"] < 200


def test_dark_theme_follows_the_phone_and_keeps_contrast(live_server, page, salon):
    from tests.browser.test_accessibility import axe_violations

    page.emulate_media(color_scheme="dark")
    problems = []
    for path in ("/en/events/english-salon/", "/ko/partners/", "/zh-hans/spaces/centre/"):
        page.goto(live_server.url + path)
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        channels = [int(v) for v in re.findall(r"\d+", background)[:3]]
        assert max(channels) < 60, f"{path}: body is {background} in dark mode"
        problems += [f"{path}: {v}" for v in axe_violations(page, ["color-contrast"])]
    assert problems == []


def test_reduced_motion_turns_transitions_off(live_server, page, home):
    page.emulate_media(reduced_motion="reduce")
    page.goto(live_server.url + "/en/")
    duration = page.evaluate("getComputedStyle(document.querySelector('a')).transitionDuration")
    assert duration in ("1e-05s", "0.00001s", "0s")


def test_partner_filters_fold_on_a_phone_and_open_on_a_desktop(live_server, page, directory):
    page.goto(live_server.url + "/en/partners/")
    folds = page.locator("details.fold")
    assert folds.count() == 2
    assert not any(fold.evaluate("d => d.open") for fold in folds.all())
    assert page.locator(".cards--partners .card").first.bounding_box()["y"] < 600
    page.set_viewport_size({"width": 1280, "height": 800})
    page.reload()
    assert all(fold.evaluate("d => d.open") for fold in folds.all())


def test_copy_the_chinese_address(live_server, page, directory):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(live_server.url + "/en/partners/muyan-coffee/")
    address = page.locator(".in-chinese__address")
    assert address.get_attribute("lang") == "zh-Hans"
    assert float(address.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")) >= 20
    page.locator(".in-chinese .copy-button").click()
    page.locator(".in-chinese .copy-status", has_text="Address copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == "书苑街18号"


def test_a_time_range_stays_on_one_line_at_desktop_width(live_server, page, salon):
    page.set_viewport_size({"width": 1280, "height": 800})
    for language in ("en", "zh-hans", "ko"):
        page.goto(f"{live_server.url}/{language}/events/")
        times = page.locator(".event-entry__time time")
        assert times.count()
        for element in times.all():
            assert element.evaluate("t => t.getClientRects().length") == 1, element.inner_text()


def test_printed_page_shows_the_qr_code_and_hides_the_emergency_button(
    live_server, page, emergency
):
    page.goto(live_server.url + "/en/emergency/")
    assert not page.locator(".print-qr").is_visible()
    page.emulate_media(media="print")
    assert page.locator(".print-qr svg").is_visible()
    assert not page.locator(".emergency-link").is_visible()
    size = page.locator(".print-qr svg").bounding_box()
    assert size["width"] >= 80 and abs(size["width"] - size["height"]) < 1
