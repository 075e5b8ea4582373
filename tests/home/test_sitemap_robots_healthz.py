"""sitemap.xml with hreflang alternates, robots.txt, and the load-balancer health check."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}


def path_of(url):
    parts = urlsplit(url)
    assert parts.scheme in ("http", "https") and parts.netloc, f"not an absolute URL: {url}"
    return parts.path + (f"?{parts.query}" if parts.query else "")


def sitemap(client):
    """{path: {hreflang: path}}; hosts are checked by test_sitemap_urls_use_the_serving_host."""
    return {
        path_of(loc): {hreflang: path_of(href) for hreflang, href in alternates.items()}
        for loc, alternates in sitemap_urls(client).items()
    }


def sitemap_urls(client):
    """{loc: {hreflang: href}} exactly as sitemap.xml lists them."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)  # noqa: S314 - our own sitemap
    assert root.tag == f"{{{NS['sm']}}}urlset"
    entries = {}
    for url in root.findall("sm:url", NS):
        loc = url.findtext("sm:loc", namespaces=NS)
        assert loc not in entries, f"{loc} listed twice"
        alternates = {}
        for link in url.findall("xhtml:link", NS):
            assert link.get("rel") == "alternate"
            assert link.get("hreflang") not in alternates, (loc, link.get("hreflang"))
            alternates[link.get("hreflang")] = link.get("href")
        entries[loc] = alternates
    return entries


@pytest.fixture
def site_pages(salon, garden):
    return salon, garden


def test_sitemap_is_xml(client, home):
    response = client.get("/sitemap.xml")
    assert response["Content-Type"].startswith("application/xml")
    ET.fromstring(response.content)  # noqa: S314 - our own sitemap


def test_sitemap_lists_home_and_content_pages_of_every_locale(client, site_pages):
    assert set(sitemap(client)) == {
        "/zh-hans/",
        "/en/",
        "/ko/",
        "/zh-hans/english-salon/",
        "/en/english-salon/",
        "/ko/english-salon/",
        "/zh-hans/community-garden/",
        "/en/community-garden/",
    }


@pytest.mark.parametrize("code", ["zh-hans", "en", "ko"])
def test_sitemap_home_entries_list_every_translation_and_x_default(client, home, code):
    alternates = sitemap(client)[f"/{code}/"]
    assert alternates == {
        "zh-Hans": "/zh-hans/",
        "en": "/en/",
        "ko": "/ko/",
        # `/` redirects; an alternate must answer 200.
        "x-default": "/en/",
    }
    assert client.get(alternates["x-default"]).status_code == 200


@pytest.mark.parametrize("code", ["zh-hans", "en", "ko"])
def test_sitemap_translated_page_lists_all_alternates(client, site_pages, code):
    assert sitemap(client)[f"/{code}/english-salon/"] == {
        "zh-Hans": "/zh-hans/english-salon/",
        "en": "/en/english-salon/",
        "ko": "/ko/english-salon/",
        "x-default": "/en/english-salon/",
    }


@pytest.mark.parametrize("code", ["zh-hans", "en"])
def test_sitemap_page_without_korean_has_no_korean_alternate(client, site_pages, code):
    alternates = sitemap(client)[f"/{code}/community-garden/"]
    assert "ko" not in alternates
    assert alternates == {
        "zh-Hans": "/zh-hans/community-garden/",
        "en": "/en/community-garden/",
        "x-default": "/en/community-garden/",
    }


def test_sitemap_leaves_out_unpublished_pages(client, home):
    from home.models import ContentPage

    draft = ContentPage(title="草稿", slug="draft-page", live=False)
    home.zh.add_child(instance=draft)
    assert not any("draft-page" in loc for loc in sitemap(client))


def test_sitemap_every_listed_url_is_served(client, site_pages):
    for loc in sitemap(client):
        response = client.get(loc)
        assert response.status_code == 200, loc


def test_sitemap_urls_use_the_serving_host(client, site_pages):
    """The sitemap may only list URLs on its own host, the one robots.txt points to."""
    urls = sitemap_urls(client)
    hrefs = [href for alternates in urls.values() for href in alternates.values()]
    hosts = {urlsplit(url).netloc for url in [*urls, *hrefs]}
    assert hosts == {"testserver"}


def test_robots_txt_is_plain_text(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")


def test_robots_txt_points_at_the_sitemap(client, db):
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_robots_txt_disallows_admin(client, db):
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert "Disallow: /admin/" in lines


def test_healthz_answers_ok(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"


def test_healthz_does_not_touch_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
