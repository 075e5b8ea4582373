"""Pages found by their url_path (home/routing.py), with what processes keep per version."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.conftest import publish
from tests.home.conftest import add_content_page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached_pages")]


def test_a_page_deep_in_the_tree_costs_no_more_queries_than_one_near_the_top(client, salon):
    add_content_page(salon.zh, title="二级", slug="second")
    third = add_content_page(salon.zh.get_children().get().specific, title="三级", slug="third")
    for path in ("/zh-hans/english-salon/", "/zh-hans/english-salon/second/third/"):
        client.get(path)
    counts = []
    for path in ("/zh-hans/english-salon/", "/zh-hans/english-salon/second/third/"):
        with CaptureQueriesContext(connection) as captured:
            html = client.get(path).content.decode()
        counts.append(len(captured.captured_queries))
    assert third.title in html
    assert counts[0] == counts[1]


def test_a_new_slug_is_served_at_once_and_the_old_address_is_gone(client, salon):
    assert client.get("/en/english-salon/").status_code == 200
    salon.zh.slug = "salon"
    publish(salon.zh)
    assert client.get("/zh-hans/salon/").status_code == 200
    assert client.get("/zh-hans/english-salon/").status_code == 404


def test_a_view_restriction_applies_at_the_next_visit(client, salon):
    assert client.get("/en/english-salon/").status_code == 200
    PageViewRestriction.objects.create(page=salon.en, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/en/english-salon/")
    assert response.status_code == 302 and "login" in response["Location"]
    assert client.get("/ko/english-salon/").status_code == 200  # restricted in English only


def test_an_unpublished_page_is_gone_at_the_next_visit(client, salon):
    assert client.get("/ko/english-salon/").status_code == 200
    salon.ko.unpublish()
    assert client.get("/ko/english-salon/").status_code == 404


def test_breadcrumbs_lead_from_the_home_page_down(client, salon):
    add_content_page(salon.zh, title="二级", slug="second")
    html = client.get("/zh-hans/english-salon/second/").content.decode()
    crumbs = html.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert 'href="/zh-hans/"' in crumbs and 'href="/zh-hans/english-salon/"' in crumbs
    assert 'aria-current="page">二级' in crumbs
