"""Anonymous visitors' pages from the cache (home/page_cache.py): cheap, and never stale.

Here for the calendar fixtures; the home page is checked too.

Several processes and app servers sharing the cache and database:
tests/feeds/test_app_servers.py.
"""

import pytest
from django.test import Client

from home.models import NavigationMenu

pytestmark = pytest.mark.django_db


def test_a_repeat_visit_costs_at_most_two_queries_and_is_the_same_page(
    client, salon, django_assert_max_num_queries
):
    url = salon.en.url
    first = client.get(url)
    assert first.status_code == 200
    with django_assert_max_num_queries(2):
        again = client.get(url)
    assert again.status_code == 200
    assert again.content == first.content
    assert again["Content-Language"] == first["Content-Language"]
    assert "Content-Security-Policy" in again


def test_the_home_page_and_calendar_too(client, calendar, django_assert_max_num_queries):
    for url in ("/en/", "/ko/events/", "/zh-hans/events/month/"):
        assert client.get(url).status_code == 200
        with django_assert_max_num_queries(2):
            assert client.get(url).status_code == 200


def test_a_browser_that_has_the_page_gets_a_304(client, home, django_assert_max_num_queries):
    first = client.get("/en/")
    with django_assert_max_num_queries(2):
        again = client.get("/en/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304


def test_a_publish_is_shown_at_once(client, home):
    assert "Welcome" in client.get("/en/").content.decode()
    english = home.en.specific
    english.lead = "Hello, neighbours"
    english.save_revision().publish()
    page = client.get("/en/").content.decode()
    assert "Hello, neighbours" in page and "Welcome" not in page


def test_an_unpublish_is_shown_at_once(client, calendar):
    assert client.get("/en/events/").status_code == 200
    calendar.index.en.unpublish()
    assert client.get("/en/events/").status_code == 404


def test_a_snippet_change_is_shown_at_once(client, home, calendar):
    assert "Calendar link" not in client.get("/en/").content.decode()
    items = [("link", {"label": "Calendar link", "page": None, "url": "/en/events/"})]
    NavigationMenu.objects.create(locale=home.en.locale, items=items)
    assert "Calendar link" in client.get("/en/").content.decode()


def test_a_logged_in_editor_is_neither_served_nor_stores_a_cached_page(client, home, admin_user):
    anonymous = client.get("/en/").content
    editor = Client()
    editor.force_login(admin_user)
    edited_view = editor.get("/en/")
    assert edited_view.content != anonymous  # the editor sees the page with the user bar
    assert "private" in edited_view["Cache-Control"]
    assert Client().get("/en/").content == anonymous  # and visitors never see the bar
