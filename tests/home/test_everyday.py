"""A newcomer's first week (issue 19): the linked newcomer's path, the emergency button, the
site's own 404 with DEBUG on, /favicon.ico, Open Graph cards and the printed QR code."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.test import override_settings

from home.models import ContactDetails, ContentPage
from tests.conftest import publish, translate
from tests.home.conftest import add_content_page
from tests.home.pagehtml import Page

pytestmark = pytest.mark.django_db


@pytest.fixture
def guide(home):
    """A guide in three languages, and a newcomer's page whose steps and call-out link to it."""
    zh = add_content_page(home.zh, title="临时住宿登记", slug="registration", summary="24小时内")
    translate(zh, "en", title="Address registration", summary="Within 24 hours")
    translate(zh, "ko", title="임시 거주 등록", summary="24시간 이내")
    steps = {"steps": [{"text": "办理临时住宿登记", "page": zh}, {"text": "学会垃圾分类"}]}
    callout = {"tone": "warning", "heading": "24小时内登记", "text": "<p>须登记</p>", "page": zh}
    newcomers = add_content_page(
        home.zh,
        title="新居民指南",
        slug="newcomers",
        summary="先办这几件事",
        body=[("linked_steps", steps), ("callout", callout)],
    )
    for code, title in (("en", "Newcomer's guide"), ("ko", "새 주민 안내")):
        translate(newcomers, code, title=title)
    return newcomers


@pytest.mark.parametrize("language", ["zh-hans", "en", "ko"])
def test_newcomers_steps_and_callout_link_to_the_guide_in_the_readers_language(
    client, guide, language
):
    page = Page.of(client.get(f"/{language}/newcomers/"))
    steps = page.links(inside_tag="ol", inside_class="linked-steps")
    assert [a.attrs["href"] for a in steps] == [f"/{language}/registration/"]
    # The step without a guide is still listed, as plain text.
    assert len(page.find_all("li")) >= 2
    assert f"/{language}/registration/" in page.hrefs(inside_tag="div", inside_class="callout")


def test_callout_link_says_read_the_guide_in_the_visitors_language(client, guide):
    page = Page.of(client.get("/ko/newcomers/"))
    (link,) = page.links(inside_tag="div", inside_class="callout")
    assert link.text == "안내 보기"


def test_home_page_find_your_way_starts_with_the_first_steps_page(client, guide, home):
    home.zh.first_steps_page = guide
    publish(home.zh)
    for code in ("en", "ko"):
        page = getattr(home, code)
        page.refresh_from_db()
        page.first_steps_page = guide  # synchronised from the source on every sync
        publish(page)
    hrefs = Page.of(client.get("/ko/")).hrefs(inside_tag="ul", inside_class="card-links")
    assert hrefs[0] == "/ko/newcomers/"


def test_home_page_find_your_way_leaves_out_a_first_steps_page_not_translated(client, home):
    only_zh = add_content_page(home.zh, title="只有中文", slug="zh-only")
    home.en.first_steps_page = only_zh
    publish(home.en)
    assert "/zh-hans/zh-only/" not in Page.of(client.get("/en/")).hrefs()


@pytest.fixture
def contact(home):
    emergency = add_content_page(home.zh, title="紧急电话", slug="emergency")
    translate(emergency, "en", title="Emergency numbers")
    translate(emergency, "ko", title="긴급 전화번호")
    numbers = [("number", {"label": "报警", "number": "110"})]
    return ContactDetails.objects.create(
        locale=home.zh.locale,
        centre_name="服务中心",
        address="双柏",
        emergency_numbers=numbers,
        emergency_page=emergency,
    )


@pytest.mark.parametrize(("language", "label"), [("en", "Emergency"), ("ko", "긴급")])
def test_emergency_button_on_every_page_leads_to_the_emergency_page(
    client, contact, guide, language, label
):
    for path in (f"/{language}/", f"/{language}/newcomers/", f"/{language}/does-not-exist/"):
        page = Page.of(client.get(path))
        (button,) = page.find_all("a", class_="emergency-link")
        assert button.text.strip() == label
        # English and Korean have no contact details of their own: the Chinese copy stands
        # in, and its emergency page is shown in the visitor's language.
        assert button.attrs["href"] == f"/{language}/emergency/", path


def test_emergency_button_without_a_page_leads_to_the_footer_numbers(client, contact):
    contact.emergency_page = None
    contact.save()
    page = Page.of(client.get("/zh-hans/"))
    (button,) = page.find_all("a", class_="emergency-link")
    assert button.attrs["href"] == "#footer-emergency-heading"
    assert page.find_all("h2", id="footer-emergency-heading")


def test_no_emergency_button_without_contact_details(client, home):
    assert not Page.of(client.get("/en/")).find_all("a", class_="emergency-link")


def test_emergency_numbers_in_key_facts_are_tap_to_call(client, home):
    rows = {"heading": "紧急电话", "rows": [{"label": "报警", "value": "110"}]}
    rows["rows"].append({"label": "服务中心", "value": "028-8888 1001"})
    rows["rows"].append({"label": "地址", "value": "双柏社区 12 号"})
    add_content_page(home.zh, title="紧急", slug="sos", body=[("facts", rows)])
    hrefs = Page.of(client.get("/zh-hans/sos/")).hrefs(inside_tag="table")
    assert hrefs == ["tel:110", "tel:02888881001"]


@override_settings(DEBUG=True)
@pytest.mark.parametrize(
    ("path", "heading"),
    [
        ("/en/does-not-exist/", "We could not find that page"),
        ("/ko/does-not-exist/", "페이지를 찾을 수 없습니다"),
        ("/zh-hans/does-not-exist/", "没有找到这个页面"),
    ],
)
def test_with_debug_on_a_missing_page_gets_the_sites_translated_404(client, home, path, heading):
    response = client.get(path)
    assert response.status_code == 404
    body = response.content.decode()
    assert "Using the URLconf" not in body and "technical_404" not in body
    assert Page.of(response).text_of("h1") == [heading]


@override_settings(DEBUG=True)
def test_with_debug_on_an_unmatched_url_gets_the_sites_404(client, home):
    response = client.get("/admin-typo/", HTTP_ACCEPT_LANGUAGE="ko")
    # Unprefixed: redirected to the visitor's language first, as without DEBUG.
    if response.status_code == 302:
        response = client.get(response["Location"])
    assert response.status_code == 404
    assert "Using the URLconf" not in response.content.decode()


@override_settings(DEBUG=True, DEBUG_404=True)
def test_debug_404_brings_djangos_technical_page_back(client, home):
    response = client.get("/en/does-not-exist/")
    assert response.status_code == 404
    assert "We could not find that page" not in response.content.decode()


def test_favicon_ico_leads_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    assert re.search(r"/static/icons/favicon(\.[0-9a-f]+)?\.ico$", response["Location"])
    assert "max-age" in response["Cache-Control"]


def og(response):
    return {
        (meta.attrs.get("property") or meta.attrs.get("name")): meta.attrs["content"]
        for meta in Page.of(response).find_all("meta")
        if (meta.attrs.get("property") or meta.attrs.get("name") or "").startswith(("og:", "tw"))
    }


def og_alternates(response):
    return sorted(
        meta.attrs["content"]
        for meta in Page.of(response).find_all("meta", property="og:locale:alternate")
    )


def test_open_graph_card_in_the_pages_language_with_its_translations(client, guide):
    response = client.get("/ko/registration/")
    tags = og(response)
    assert tags["og:title"] == "임시 거주 등록"
    assert tags["og:description"] == "24시간 이내"
    assert tags["og:locale"] == "ko_KR"
    assert tags["og:url"] == "http://testserver/ko/registration/"
    assert tags["og:site_name"] == "요우린"
    assert re.fullmatch(
        r"http://testserver/static/icons/share(\.[0-9a-f]+)?\.png", tags["og:image"]
    )
    assert og_alternates(response) == ["en_GB", "zh_CN"]


def test_open_graph_lists_only_languages_the_page_exists_in(client, home):
    zh = add_content_page(home.zh, title="花园", slug="garden", summary="一起种菜")
    translate(zh, "en", title="Garden", summary="Growing together")
    assert og_alternates(client.get("/en/garden/")) == ["zh_CN"]
    assert og(client.get("/en/garden/"))["og:locale"] == "en_GB"


def test_open_graph_image_is_the_home_pages_picture(client, home):
    from tests.services.conftest import make_image

    home.zh.hero_image = make_image("hero")
    publish(home.zh)
    tags = og(client.get("/zh-hans/"))
    assert "/static/" not in tags["og:image"]
    assert tags["og:image"].startswith("http://testserver/")
    assert tags["og:image"].endswith(".jpg")


def test_every_page_type_has_an_open_graph_card(client, guide):
    for path in ("/en/", "/en/newcomers/", "/en/does-not-exist/"):
        tags = og(client.get(path))
        assert {"og:title", "og:description", "og:image", "og:locale", "og:url"} <= set(tags), path


def test_printed_page_carries_a_qr_code_of_its_address(client, guide):
    import segno  # noqa: F401 (the dependency the QR code is drawn with)

    body = client.get("/en/newcomers/").content.decode()
    figure = re.search(r'<figure class="print-qr print-only">(.*?)</figure>', body, re.S)
    assert figure, "no QR code"
    svg = re.search(r"<svg.*?</svg>", figure[1], re.S)[0]
    root = ET.fromstring(svg.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))  # noqa: S314 (our own page)
    assert root.attrib["aria-label"] == "QR code"
    assert root.attrib["viewBox"]
    assert "http" not in svg.split("viewBox")[0]  # nothing fetched from anywhere
    assert "Scan to open this page on a phone" in figure[1]


def test_qr_code_encodes_the_pages_own_address(client, guide):
    import segno

    body = client.get("/en/newcomers/").content.decode()
    qr = body.split('class="print-qr')[1]
    drawn = re.search(r'<path[^>]*class="qrline"[^>]*d="([^"]+)"', qr)[1]
    expected = segno.make("http://testserver/en/newcomers/", error="m", micro=False)
    assert drawn in expected.svg_inline(scale=3, border=2, omitsize=True)
    other = segno.make("http://testserver/en/", error="m", micro=False)
    assert drawn not in other.svg_inline(scale=3, border=2, omitsize=True)


def test_content_page_model_still_renders_without_links(client, home):
    callout = {"tone": "info", "heading": "提示", "text": "<p>文字</p>"}
    add_content_page(home.zh, title="提示", slug="tip", body=[("callout", callout)])
    page = Page.of(client.get("/zh-hans/tip/"))
    assert not page.links(inside_tag="div", inside_class="callout")
    assert ContentPage.objects.get(slug="tip").body[0].value["link_text"] == ""


def test_an_address_too_long_for_a_qr_code_prints_without_one(client, guide):
    response = client.get("/en/newcomers/", {"q": "salon " * 800})
    assert response.status_code == 200
    assert 'class="print-qr' not in response.content.decode()
