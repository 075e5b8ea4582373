"""The API over HTTP: validators and 304, CORS, bad parameters in the reader's language."""

import pytest
from django.utils.http import http_date

from tests.api.conftest import API, get_json
from tests.conftest import publish

pytestmark = pytest.mark.django_db


def test_etag_and_last_modified_answer_304_until_something_changes(client, salon):
    first = client.get(f"{API}/events/?locale=en")
    assert first.status_code == 200
    etag, modified = first["ETag"], first["Last-Modified"]
    assert first["Cache-Control"] == "public, max-age=60"
    assert "Accept-Language" in first["Vary"]
    again = client.get(f"{API}/events/?locale=en", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag
    since = client.get(f"{API}/events/?locale=en", HTTP_IF_MODIFIED_SINCE=modified)
    assert since.status_code == 304
    # Another language, or other parameters, is another answer.
    assert client.get(f"{API}/events/?locale=ko", HTTP_IF_NONE_MATCH=etag).status_code == 200
    salon.en.title = "Uncle Zhan's Salon"
    publish(salon.en)
    changed = client.get(f"{API}/events/?locale=en", HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert "Uncle Zhan's Salon" in changed.content.decode()
    old = client.get(f"{API}/events/?locale=en", HTTP_IF_MODIFIED_SINCE=http_date(0))
    assert old.status_code == 200


def test_a_conditional_request_costs_one_query_per_version(
    client, salon, uncached_pages, django_assert_num_queries
):
    etag = client.get(f"{API}/spaces/?locale=en")["ETag"]
    with django_assert_num_queries(1):  # SiteVersion
        assert client.get(f"{API}/spaces/?locale=en", HTTP_IF_NONE_MATCH=etag).status_code == 304
    etag = client.get(f"{API}/events/?locale=en")["ETag"]
    with django_assert_num_queries(2):  # SiteVersion and the newest occurrence
        assert client.get(f"{API}/events/?locale=en", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_any_origin_may_read_and_ask_first(client, salon):
    response = client.get(f"{API}/events/", HTTP_ORIGIN="https://app.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    error = client.get(f"{API}/events/?limit=0", HTTP_ORIGIN="https://app.example")
    assert error.status_code == 400 and error["Access-Control-Allow-Origin"] == "*"
    not_modified = client.get(f"{API}/events/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert not_modified.status_code == 304 and not_modified["Access-Control-Allow-Origin"] == "*"
    preflight = client.options(
        f"{API}/events/",
        HTTP_ORIGIN="https://app.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "If-None-Match" in preflight["Access-Control-Allow-Headers"]
    assert "GET" in preflight["Access-Control-Allow-Methods"]
    # The site's pages are not opened to other origins.
    assert "Access-Control-Allow-Origin" not in client.get("/en/events/")


BAD = [
    ("/events/?locale=fr", "locale"),
    ("/events/?limit=0", "limit"),
    ("/events/?limit=abc", "limit"),
    ("/events/?offset=-1", "offset"),
    ("/events/?start=2027-02-30", "start"),
    ("/events/?start=2027-01-16T19:00", "start"),  # a time without its offset
    ("/events/?end=tomorrow", "end"),
    ("/events/?last_modified_since=%00", "last_modified_since"),
    ("/events/?bbox=1,2,3", "bbox"),
    ("/events/?bbox=a,b,c,d", "bbox"),
    ("/events/?free=maybe", "free"),
    ("/events/?audience=aliens", "audience"),
    ("/events/?language=xx", "language"),
    ("/events/?category=" + "x" * 300, "category"),
    ("/events/?category=no-such-thing", "category"),
    ("/events/?venue=nowhere", "venue"),
    ("/events/?organiser=nobody", "organiser"),
    ("/partners/?type=bank", "type"),
    ("/services/?category=nothing", "category"),
    ("/services/not-a-uuid/", "id"),
    ("/spaces/?offset=99999999999999999999999", "offset"),
]


@pytest.mark.parametrize(("path", "parameter"), BAD)
def test_a_bad_parameter_is_a_400_naming_it(client, salon, path, parameter):
    error = get_json(client, path, status=400)
    assert error["status"] == 400
    assert [e["parameter"] for e in error["errors"]] == [parameter]
    assert f"“{parameter}”" in error["detail"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("zh-hans", "参数“limit”必须是"),
        ("ko", "매개변수 “limit”은(는)"),
        ("en", "The parameter “limit” must be"),
    ],
)
def test_errors_are_in_the_requested_language(client, salon, language, expected):
    by_locale = get_json(client, f"/events/?limit=1000&locale={language}", status=400)
    assert by_locale["detail"].startswith(expected)
    by_header = get_json(client, "/events/?limit=1000", status=400, HTTP_ACCEPT_LANGUAGE=language)
    assert by_header["detail"] == by_locale["detail"]


def test_unknown_api_addresses_are_json_404s(client, salon):
    error = get_json(client, "/nothing-here/", status=404)
    assert error["status"] == 404
