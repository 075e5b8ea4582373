"""Fetching partners' calendars: only from the public internet, never too much or too long.

The calendars are served by a local http.server thread (tests/imports/conftest.py: `web`);
127.0.0.0/8 is allowed for those tests only, through IMPORTS_ALLOWED_NETWORKS. Without it
the same server is refused, as every private address is.
"""

import time

import pytest

from imports.fetch import FetchError, fetch, is_public, normalise
from imports.importer import import_source
from tests.imports.conftest import fixture


def fetch_error(url):
    with pytest.raises(FetchError) as raised:
        fetch(url)
    return raised.value


def test_fetches_a_calendar(web):
    assert fetch(f"{web}/google.ics") == fixture("google.ics")


def test_follows_a_redirect(web):
    assert fetch(f"{web}/moved") == fixture("google.ics")


@pytest.mark.parametrize(
    ("typed", "fetched"),
    [
        ("webcal://calendar.example.org/muyan.ics", "https://calendar.example.org/muyan.ics"),
        ("WEBCAL://calendar.example.org", "https://calendar.example.org/"),
        (" https://example.org/a.ics?key=1#top ", "https://example.org/a.ics?key=1"),
        ("http://example.org:8080/a.ics", "http://example.org:8080/a.ics"),
    ],
)
def test_webcal_is_https(typed, fetched):
    assert normalise(typed) == fetched


@pytest.mark.parametrize(
    "url", ["ftp://example.org/a.ics", "file:///etc/passwd", "example.org/a.ics", "https://"]
)
def test_other_schemes_are_refused(url):
    assert fetch_error(url).code == "bad_url"


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.0.0.8",
        "172.16.5.4",
        "192.168.1.1",
        "169.254.169.254",  # cloud metadata
        "100.64.0.1",  # carrier-grade NAT
        "0.0.0.0",  # noqa: S104 (the address under test)
        "224.0.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
    ],
)
def test_private_loopback_and_link_local_addresses_are_not_public(address):
    assert not is_public(address)


@pytest.mark.parametrize("address", ["1.1.1.1", "203.119.25.1", "2400:3200::1"])
def test_public_addresses_are(address):
    assert is_public(address)


def test_loopback_is_refused_without_the_allow_list(web, settings):
    settings.IMPORTS_ALLOWED_NETWORKS = []
    error = fetch_error(f"{web}/google.ics")
    assert (error.code, error.params["address"]) == ("private_address", "127.0.0.1")


def test_a_name_resolving_to_loopback_is_refused(settings):
    settings.IMPORTS_ALLOWED_NETWORKS = []
    assert fetch_error("http://localhost:9/calendar.ics").code == "private_address"


@pytest.mark.parametrize(
    ("path", "address"), [("/to-private", "10.1.2.3"), ("/to-metadata", "169.254.169.254")]
)
def test_a_redirect_to_a_private_address_is_refused(web, path, address):
    error = fetch_error(f"{web}{path}")
    assert (error.code, error.params["address"]) == ("private_address", address)


def test_redirect_loop(web):
    assert fetch_error(f"{web}/loop").code == "redirect_loop"


def test_endless_redirects(web, settings):
    settings.IMPORTS_MAX_REDIRECTS = 3
    error = fetch_error(f"{web}/hop/1")
    assert (error.code, error.params) == ("too_many_redirects", {"count": 3})


def test_declared_size_over_the_limit_is_not_downloaded(web):
    assert fetch_error(f"{web}/declared-huge").code == "too_large"


def test_a_50_mb_body_is_cut_off_at_the_limit(web, settings):
    settings.IMPORTS_MAX_BYTES = 1024 * 1024
    started = time.monotonic()
    error = fetch_error(f"{web}/huge")
    assert (error.code, error.params) == ("too_large", {"limit": 1})
    assert time.monotonic() - started < 5


def test_a_server_that_does_not_answer_times_out(web, settings):
    settings.IMPORTS_READ_TIMEOUT = 0.5
    started = time.monotonic()
    assert fetch_error(f"{web}/hang").code == "timeout"
    assert time.monotonic() - started < 2.9  # the server answers after 3 s


def test_a_server_that_drips_meets_the_deadline(web, settings):
    settings.IMPORTS_READ_TIMEOUT = 1
    settings.IMPORTS_DEADLINE_SECONDS = 0.5
    started = time.monotonic()
    assert fetch_error(f"{web}/drip").code == "timeout"
    assert time.monotonic() - started < 3.5  # the whole drip takes 4 s


def test_http_errors(web):
    error = fetch_error(f"{web}/missing.ics")
    assert (error.code, error.params) == ("http_status", {"status": 404})


@pytest.mark.django_db
def test_import_by_url_and_the_reasons_it_fails(web, source):
    source.url = f"{web}/google.ics"
    source.save()
    assert import_source(source).added == 4
    source.url = f"{web}/page.html"
    source.save()
    run = import_source(source)
    assert run.error == "html"
    assert "web page" in run.error_message()
