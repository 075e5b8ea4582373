"""Anonymous pages are publicly cacheable and set no cookies; editors' pages are private."""

import pytest
from django.contrib.auth import get_user_model

from tests.home.pagehtml import Page

pytestmark = pytest.mark.django_db


def directives(response):
    return {d.strip().lower() for d in response.get("Cache-Control", "").split(",") if d.strip()}


def vary(response):
    return {v.strip().lower() for v in response.get("Vary", "").split(",") if v.strip()}


@pytest.mark.parametrize("path", ["/en/", "/en/english-salon/", "/ko/english-salon/"])
def test_anonymous_page_sets_no_cookie(client, salon, path):
    response = client.get(path)
    assert response.status_code == 200
    assert not response.has_header("Set-Cookie")
    assert not response.cookies


@pytest.mark.parametrize("path", ["/en/", "/en/english-salon/", "/zh-hans/"])
def test_anonymous_page_is_publicly_cacheable(client, salon, path):
    response = client.get(path)
    cache_control = directives(response)
    assert "public" in cache_control
    assert "max-age=60" in cache_control
    assert "private" not in cache_control
    assert "no-cache" not in cache_control


@pytest.mark.parametrize("path", ["/en/", "/en/english-salon/"])
def test_anonymous_page_varies_on_cookie(client, salon, path):
    assert "cookie" in vary(client.get(path))


def test_english_home_sets_no_csrf_cookie(client, home):
    response = client.get("/en/")
    assert "csrftoken" not in response.cookies
    assert "sessionid" not in response.cookies


def test_anonymous_404_is_publicly_cacheable_without_cookies(client, home):
    response = client.get("/en/does-not-exist/")
    assert response.status_code == 404
    assert {"public", "max-age=60"} <= directives(response)
    assert not response.cookies


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize("path", ["/en/", "/en/english-salon/"])
def test_logged_in_editor_gets_private_uncached_page(editor_client, salon, path):
    response = editor_client.get(path)
    assert response.status_code == 200
    cache_control = directives(response)
    assert "private" in cache_control
    assert "no-cache" in cache_control
    assert "public" not in cache_control


def test_logged_in_editor_sees_the_wagtail_userbar(editor_client, salon):
    response = editor_client.get("/en/english-salon/")
    assert response.status_code == 200
    assert Page.of(response).find_all("template", id="wagtail-userbar-template")


def test_anonymous_visitor_gets_no_wagtail_userbar(client, salon):
    response = client.get("/en/english-salon/")
    assert not Page.of(response).find_all("template", id="wagtail-userbar-template")


def test_a_page_with_a_form_token_is_private_though_its_cookie_comes_later(rf):
    """CsrfViewMiddleware sets the cookie after this middleware has run: the token's use
    alone must keep the page out of shared caches."""
    from django.contrib.auth.models import AnonymousUser
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from home.middleware import PublicCacheHeadersMiddleware

    request = rf.get("/en/contact/")
    request.user = AnonymousUser()

    def view(request):
        get_token(request)
        return HttpResponse("<form>…</form>")

    response = PublicCacheHeadersMiddleware(view)(request)
    assert "private" in directives(response)
    assert "public" not in directives(response)
