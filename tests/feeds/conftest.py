"""Fixtures for the feeds: the calendar and the weekly salon of tests/events, an empty cache."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import icalendar
import pytest
from django.core.cache import cache

from tests.events.conftest import calendar, salon  # noqa: F401 (fixtures used by these tests)


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


class LinkFinder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "link":
            self.links.append(dict(attrs))


def alternate(client, path, content_type):
    """The href of the page's <link rel="alternate" type=...>, as a path for the test client."""
    response = client.get(path)
    assert response.status_code == 200
    finder = LinkFinder()
    finder.feed(response.content.decode())
    hrefs = [
        link["href"]
        for link in finder.links
        if link.get("rel") == "alternate" and link.get("type") == content_type
    ]
    assert hrefs, f"no {content_type} alternate on {path}"
    return hrefs[0]


def local_path(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def fetch_calendar(client, url, **headers):
    response = client.get(local_path(url), **headers)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def vevents(ical):
    return list(ical.walk("VEVENT"))
