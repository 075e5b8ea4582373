"""`<html lang>` and `<link rel="alternate" hreflang>` on home and content pages."""

import pytest

from tests.home.pagehtml import Page

pytestmark = pytest.mark.django_db

BASE = "http://testserver"


@pytest.mark.parametrize(
    ("path", "lang"), [("/zh-hans/", "zh-Hans"), ("/en/", "en"), ("/ko/", "ko")]
)
def test_home_page_html_lang_matches_locale(client, home, path, lang):
    response = client.get(path)
    assert response.status_code == 200
    assert Page.of(response).html_lang == lang


@pytest.mark.parametrize(
    ("path", "lang"),
    [
        ("/zh-hans/english-salon/", "zh-Hans"),
        ("/en/english-salon/", "en"),
        ("/ko/english-salon/", "ko"),
    ],
)
def test_content_page_html_lang_matches_locale(client, salon, path, lang):
    response = client.get(path)
    assert response.status_code == 200
    assert Page.of(response).html_lang == lang


@pytest.mark.parametrize("path", ["/zh-hans/", "/en/", "/ko/"])
def test_home_page_advertises_every_translation_and_x_default(client, home, path):
    alternates = Page.of(client.get(path)).alternates
    assert alternates == {
        "zh-Hans": f"{BASE}/zh-hans/",
        "en": f"{BASE}/en/",
        "ko": f"{BASE}/ko/",
        # Not `/`, which redirects: the fallback language's home, as on every other page.
        "x-default": f"{BASE}/en/",
    }


@pytest.mark.parametrize(
    "path", ["/zh-hans/english-salon/", "/en/english-salon/", "/ko/english-salon/"]
)
def test_translated_content_page_advertises_all_three_alternates(client, salon, path):
    alternates = Page.of(client.get(path)).alternates
    assert alternates == {
        "zh-Hans": f"{BASE}/zh-hans/english-salon/",
        "en": f"{BASE}/en/english-salon/",
        "ko": f"{BASE}/ko/english-salon/",
        "x-default": f"{BASE}/en/english-salon/",
    }


@pytest.mark.parametrize("path", ["/zh-hans/community-garden/", "/en/community-garden/"])
def test_page_without_korean_translation_advertises_no_korean_alternate(client, garden, path):
    alternates = Page.of(client.get(path)).alternates
    assert "ko" not in alternates
    assert alternates == {
        "zh-Hans": f"{BASE}/zh-hans/community-garden/",
        "en": f"{BASE}/en/community-garden/",
        "x-default": f"{BASE}/en/community-garden/",
    }


def test_alternates_are_absolute_urls(client, salon):
    for href in Page.of(client.get("/ko/english-salon/")).alternates.values():
        assert href.startswith(f"{BASE}/"), href


def test_every_advertised_alternate_is_reachable(client, garden):
    for hreflang, href in Page.of(client.get("/en/community-garden/")).alternates.items():
        response = client.get(href.removeprefix(BASE), follow=True)
        assert response.status_code == 200, (hreflang, href)


def test_untranslated_page_x_default_is_the_source_page(client, notice_board):
    alternates = Page.of(client.get("/zh-hans/notice-board/")).alternates
    assert alternates == {
        "zh-Hans": f"{BASE}/zh-hans/notice-board/",
        "x-default": f"{BASE}/zh-hans/notice-board/",
    }
