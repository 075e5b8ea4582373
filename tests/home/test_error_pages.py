"""404 and 500 pages: in the visitor's language, with a way back to each home page."""

import pytest
from django.test import Client, override_settings

from tests.home.pagehtml import Page

pytestmark = pytest.mark.django_db

ERROR_URLCONF = "tests.home.error_urls"


@pytest.mark.parametrize(
    ("path", "lang"),
    [
        ("/en/does-not-exist/", "en"),
        ("/ko/does-not-exist/", "ko"),
        ("/zh-hans/does-not-exist/", "zh-Hans"),
    ],
)
def test_404_page_html_lang_matches_url_language(client, home, path, lang):
    response = client.get(path)
    assert response.status_code == 404
    assert Page.of(response).html_lang == lang


def test_404_page_links_to_each_locale_home(client, home):
    response = client.get("/en/does-not-exist/")
    assert response.status_code == 404
    hrefs = set(Page.of(response).hrefs())
    assert {"/zh-hans/", "/en/", "/ko/"} <= hrefs


def test_404_language_links_carry_language_tags(client, home):
    switcher = Page.of(client.get("/ko/does-not-exist/")).switcher
    assert {tag: a.attrs["href"] for tag, a in switcher.items()} == {
        "zh-Hans": "/zh-hans/",
        "en": "/en/",
        "ko": "/ko/",
    }
    assert "aria-current" in switcher["ko"].attrs


def test_404_for_missing_child_of_real_page(client, salon):
    response = client.get("/en/english-salon/missing/")
    assert response.status_code == 404
    assert Page.of(response).html_lang == "en"


def test_404_page_says_which_page_is_missing_in_a_safe_way(client, home):
    response = client.get("/en/<script>alert(1)</script>/")
    assert response.status_code == 404
    assert "<script>alert(1)</script>" not in response.content.decode()


@pytest.fixture
def failing_client():
    with override_settings(ROOT_URLCONF=ERROR_URLCONF):
        yield Client(raise_request_exception=False)


@pytest.mark.parametrize(
    ("path", "lang"),
    [("/en/explode/", "en"), ("/ko/explode/", "ko"), ("/zh-hans/explode/", "zh-Hans")],
)
def test_500_page_html_lang_matches_url_language(failing_client, path, lang):
    response = failing_client.get(path)
    assert response.status_code == 500
    assert Page.of(response).html_lang == lang


def test_500_page_without_language_prefix_follows_the_browser(failing_client):
    response = failing_client.get("/explode/", headers={"accept-language": "ko-KR,ko;q=0.9"})
    assert response.status_code == 500
    assert Page.of(response).html_lang == "ko"


def test_500_page_links_to_each_locale_home(failing_client):
    response = failing_client.get("/ko/explode/")
    assert response.status_code == 500
    assert {"/zh-hans/", "/en/", "/ko/"} <= set(Page.of(response).hrefs())


def test_500_page_does_not_touch_the_database(failing_client, django_assert_num_queries, settings):
    settings.YOULIN_PAGE_CACHE = False
    with django_assert_num_queries(0):
        response = failing_client.get("/en/explode/")
    assert response.status_code == 500
    # With the page cache on, only its version number is read, before the view runs.
    settings.YOULIN_PAGE_CACHE = True
    with django_assert_num_queries(1):
        assert failing_client.get("/en/explode/").status_code == 500


def test_500_page_is_not_publicly_cacheable(failing_client):
    response = failing_client.get("/en/explode/")
    assert response.status_code == 500
    assert "public" not in response.get("Cache-Control", "")
