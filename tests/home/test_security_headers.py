"""Content-Security-Policy and the other security headers (issue 13, finding 8).

The Mozilla HTTP Observatory graded public pages B: no Content-Security-Policy. Every
public page type now carries a strict one (no inline script or style allowed), the admin
a report-only copy of it plus what it can keep to, and the 500 page a hash for its one
inline stylesheet. tests/browser/test_content_security_policy.py checks that Chromium
reports no violation on real pages.
"""

import re

import pytest
from django.test import Client, override_settings

from home.middleware import inline_hash, media_origins
from tests.events.conftest import calendar, salon  # noqa: F401 (fixtures)
from tests.home.conftest import add_content_page
from tests.services.conftest import directory  # noqa: F401

STRICT = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)


def assert_strict(response):
    assert response["Content-Security-Policy"] == STRICT
    assert "unsafe" not in response["Content-Security-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/en/", 200),
        ("/ko/", 200),
        ("/en/events/", 200),
        ("/en/events/month/", 200),
        ("/zh-hans/events/week/", 200),
        ("/en/events/english-salon/", 200),
        ("/en/events/subscribe/", 200),
        ("/en/search/?q=salon", 200),
        ("/en/search/?q=nothing-like-this", 200),
        ("/en/events/month/2026/13/", 400),
        ("/en/does-not-exist/", 404),
    ],
)
@pytest.mark.usefixtures("salon")  # the calendar's weekly salon, imported above
def test_calendar_home_search_and_error_pages_carry_the_strict_policy(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert_strict(response)


def test_a_content_page_carries_the_strict_policy(client, home):
    add_content_page(home.zh, title="关于我们", slug="about")
    response = client.get("/zh-hans/about/")
    assert response.status_code == 200
    assert_strict(response)


@pytest.mark.parametrize(
    "path",
    [
        "/en/services/",
        "/en/services/hospitals/",
        "/en/partners/",
        "/en/partners/?type=volunteer",
        "/zh-hans/partners/muyan-coffee/",
        "/en/spaces/",
        "/en/spaces/centre/",
    ],
)
@pytest.mark.usefixtures("directory")
def test_directory_lists_and_pages_carry_the_strict_policy(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert_strict(response)


def test_the_admin_reports_the_strict_policy_and_enforces_what_it_keeps_to(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    assert response["Content-Security-Policy-Report-Only"] == STRICT
    enforced = response["Content-Security-Policy"]
    assert "object-src 'none'" in enforced
    assert "frame-ancestors 'self'" in enforced
    assert "script-src" not in enforced  # Wagtail's admin has inline scripts


def test_the_admin_login_page_gets_the_admin_policy(client, db):
    response = client.get("/admin/login/")
    assert "Content-Security-Policy-Report-Only" in response


def test_the_500_page_allows_exactly_its_own_inline_stylesheet(home):
    with override_settings(ROOT_URLCONF="tests.home.error_urls"):
        response = Client(raise_request_exception=False).get("/en/explode/")
    assert response.status_code == 500
    style = re.search(r"<style>(.*?)</style>", response.content.decode(), re.DOTALL)[1]
    policy = response["Content-Security-Policy"]
    assert f"style-src 'self' {inline_hash(style)};" in policy
    assert "unsafe-inline" not in policy
    assert "script-src 'self';" in policy


def test_public_templates_have_no_inline_scripts_or_styles():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    templates = [
        path
        for folder in ("site", "home", "events", "services", "search")
        for path in (root / folder).rglob("*.html")
    ]
    assert templates
    found = []
    for path in templates:
        text = path.read_text(encoding="utf-8")
        inline_script = re.search(r"<script(?![^>]*\bsrc=)(?![^>]*ld\+json)[^>]*>", text)
        handler = re.search(r"\son[a-z]+=|\sstyle=|javascript:", text)
        style = "<style>" in text and path.name != "500.html"
        if inline_script or handler or style:
            found.append(str(path.relative_to(root)))
    assert found == []


@pytest.mark.parametrize(
    ("options", "media_url", "origins"),
    [
        ({}, "/media/", []),
        ({}, "https://cdn.youlin.example/media/", ["https://cdn.youlin.example"]),
        (
            {"bucket_name": "b", "custom_domain": "img.youlin.example"},
            "/media/",
            ["https://img.youlin.example"],
        ),
        (
            {"bucket_name": "b", "endpoint_url": "https://oss-cn-chengdu.aliyuncs.com"},
            "/media/",
            ["https://oss-cn-chengdu.aliyuncs.com", "https://b.oss-cn-chengdu.aliyuncs.com"],
        ),
        ({"bucket_name": "b"}, "/media/", ["https://b.s3.amazonaws.com"]),
    ],
)
def test_images_on_s3_or_a_cdn_are_allowed_by_origin(settings, options, media_url, origins):
    settings.MEDIA_URL = media_url
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "x", "OPTIONS": options}}
    assert media_origins() == origins
