"""The site's chrome in Chromium: the phone menu, focus rings, fonts per script, print, and
the pages with JavaScript switched off."""

import re

import pytest

from home.models import ContentPage, NavigationMenu
from tests.conftest import publish, translate

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The demo site's English menu: seven sections, wider than a phone.
MENU = [
    ("Home", "/en/"),
    ("Services", "/en/services/"),
    ("Events", "/en/events/"),
    ("Partners", "/en/partners/"),
    ("Spaces", "/en/spaces/"),
    ("Newcomer's guide", "/en/newcomers/"),
    ("About", "/en/about/"),
]


@pytest.fixture
def about(home):
    """A content page in three languages, with an emphasised word in the Chinese text."""
    page = ContentPage(
        title="关于我们",
        slug="about",
        summary="社区介绍",
        body=[("paragraph", "<p>办理登记时请<em>务必</em>带上护照原件。</p>")],
    )
    home.zh.add_child(instance=page)
    publish(page)
    translate(page, "en", title="About us", summary="About the community")
    translate(page, "ko", title="소개", summary="커뮤니티 소개")
    return page


@pytest.fixture
def menu(home, about):
    locale = home.en.locale
    items = [("link", {"label": label, "page": None, "url": url}) for label, url in MENU]
    return NavigationMenu.objects.create(locale=locale, name="Main menu", items=items)


def luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(v) for v in rgb)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first, second):
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def rgb(css_colour):
    return tuple(int(v) for v in re.findall(r"\d+", css_colour)[:3])


def tab_to(page, locator, limit=40):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if locator.evaluate("element => element === document.activeElement"):
            return
    pytest.fail(f"{locator} is not reachable with the Tab key")


def test_phone_menu_shows_every_section_without_scrolling_sideways(live_server, page, menu):
    page.goto(live_server.url + "/en/about/")
    row = page.locator(".main-nav ul")
    # Seven sections wrap into rows: the newcomer's guide and About are on screen, not
    # hidden past the edge of a row that scrolls sideways.
    assert row.evaluate("ul => ul.scrollWidth <= ul.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") == 375
    for link in page.locator(".main-nav a").all():
        box = link.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 375, link.inner_text()
        assert box["height"] >= 44
    current = page.locator(".main-nav a[aria-current=page]")
    assert current.inner_text() == "About"
    # The rows stay short: the first section of the page starts near the top.
    assert row.bounding_box()["height"] < 3 * 48
    # On a wide screen every section fits on one row.
    page.set_viewport_size({"width": 1280, "height": 800})
    tops = {round(link.bounding_box()["y"]) for link in page.locator(".main-nav a").all()}
    assert len(tops) == 1


def test_focus_ring_stands_out_on_the_green_header_and_on_white(live_server, page, menu):
    page.goto(live_server.url + "/en/about/")
    for locator, surface in (
        (page.locator('.lang-switcher a[hreflang="ko"]'), ".site-header"),
        (page.locator(".main-nav a").first, ".main-nav"),
        (page.locator(".breadcrumbs a").first, "body"),
    ):
        tab_to(page, locator)
        ring = locator.evaluate(
            "a => ['outlineStyle', 'outlineWidth', 'outlineColor'].map(p => getComputedStyle(a)[p])"
        )
        background = page.locator(surface).first.evaluate(
            "e => getComputedStyle(e).backgroundColor"
        )
        assert ring[0] == "solid" and float(ring[1].removesuffix("px")) >= 2
        # WCAG 1.4.11: a focus indicator needs 3:1 against the colours next to it.
        assert contrast(rgb(ring[2]), rgb(background)) >= 3, (locator, ring, background)


def test_fonts_and_line_height_follow_each_fragments_language(live_server, page, menu):
    page.goto(live_server.url + "/en/about/")
    font = "e => getComputedStyle(e).fontFamily"
    korean = page.locator('.lang-switcher a[lang="ko"]').evaluate(font)
    chinese = page.locator('.lang-switcher a[lang="zh-Hans"]').evaluate(font)
    english = page.locator("h1").evaluate(font)
    assert "Malgun Gothic" in korean and "Noto Sans CJK KR" in korean
    assert "Microsoft YaHei" in chinese and "Noto Sans CJK SC" in chinese
    assert "CJK" not in english and "YaHei" not in english

    page.goto(live_server.url + "/zh-hans/about/")
    metrics = """e => { const s = getComputedStyle(e);
        return {leading: parseFloat(s.lineHeight) / parseFloat(s.fontSize), style: s.fontStyle,
                weight: s.fontWeight, synthesis: s.fontSynthesisWeight + ' ' + s.fontSynthesisStyle,
                measure: e.getBoundingClientRect().width / parseFloat(s.fontSize)}; }"""
    paragraph = page.locator(".prose p").evaluate(metrics)
    heading = page.locator("h1").evaluate(metrics)
    emphasis = page.locator(".prose em").evaluate(metrics)
    assert paragraph["leading"] >= 1.75 and heading["leading"] < paragraph["leading"]
    # CJK fonts have no italics: no slanted or smeared glyphs, emphasis by weight instead.
    assert paragraph["synthesis"] == "none none"
    assert emphasis["style"] == "normal" and emphasis["weight"] == "700"
    page.set_viewport_size({"width": 1280, "height": 800})
    measure = page.locator(".prose").evaluate(metrics)["measure"]
    assert 30 <= measure <= 40, f"{measure:.0f} characters a line"


def test_event_page_prints_as_a_notice(live_server, page, salon):
    page.goto(live_server.url + "/en/events/english-salon/")
    page.emulate_media(media="print")
    for hidden in (".site-header", ".main-nav", ".breadcrumbs", ".add-to-calendar", ".map-links"):
        assert not page.locator(hidden).first.is_visible(), hidden
    header = page.locator(".print-header")
    assert header.is_visible()
    assert live_server.url + "/en/events/english-salon/" in header.inner_text()
    assert page.get_by_text("International Neighbour Service Centre").first.is_visible()
    assert page.locator(".site-footer").is_visible()  # the centre's address and phone
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    assert 1 <= len(re.findall(rb"/Type\s*/Page\b", pdf)) <= 3


def test_service_guide_prints_with_its_steps_and_hours(live_server, page, directory):
    page.goto(live_server.url + "/ko/services/hospitals/")
    page.emulate_media(media="print")
    assert not page.locator(".site-header").is_visible()
    assert page.locator("h1").inner_text() == "영어 진료 병원"
    assert page.locator(".print-header").is_visible()
    assert page.locator(".facts-list").is_visible()
    pdf = page.pdf(format="A4")
    assert 1 <= len(re.findall(rb"/Type\s*/Page\b", pdf)) <= 3


@pytest.fixture
def no_script_page(browser):
    context = browser.new_context(
        viewport={"width": 375, "height": 800}, locale="ko-KR", java_script_enabled=False
    )
    page = context.new_page()
    yield page
    context.close()


def test_calendar_search_and_switcher_work_without_javascript(live_server, no_script_page, salon):
    page = no_script_page
    page.goto(live_server.url + "/ko/events/")
    page.locator("summary", has_text="행사 필터").click()
    page.locator("#filter-category").select_option(label="영어 살롱")
    page.get_by_role("button", name="행사 보기").click()
    page.wait_for_url(re.compile(r"/ko/events/\?.*category=english-salon"))
    assert page.locator(".event-entry__title").count() > 0

    page.locator("#site-search-q").fill("살롱")
    page.locator("#site-search-q").press("Enter")
    page.wait_for_url(re.compile(r"/ko/search/\?q="))
    assert page.locator("h1").inner_text() == "검색"

    page.goto(live_server.url + "/ko/events/english-salon/")
    page.locator('.lang-switcher a[hreflang="en"]').click()
    page.wait_for_url("**/en/events/english-salon/")
    assert page.locator("h1").inner_text() == "Uncle Zhan's English Salon"
