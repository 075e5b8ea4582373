"""An event's page in one locale, unpublished or private, keeps it out of that locale's listings."""

import pytest
from wagtail.models import PageViewRestriction

from tests.events.conftest import next_weekday

pytestmark = pytest.mark.django_db


def listings(client, code):
    saturday = next_weekday(5)
    urls = [
        f"/{code}/events/",
        f"/{code}/events/month/{saturday.year}/{saturday.month}/",
        f"/{code}/events/week/{saturday.isocalendar()[0]}/{saturday.isocalendar()[1]}/",
        f"/{code}/",
        f"/{code}/spaces/centre/",
        f"/{code}/partners/yam/",
    ]
    pages = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = response.content.decode()
    return pages


def test_private_translation_is_left_out_of_its_locale_only(client, salon):
    PageViewRestriction.objects.create(
        page=salon.en, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    for url, html in listings(client, "en").items():
        assert "/en/events/english-salon/" not in html, url
    for url, html in listings(client, "ko").items():
        assert "/ko/events/english-salon/" in html, url


def test_private_calendar_hides_its_events_from_home_and_venue_pages(client, salon, calendar):
    PageViewRestriction.objects.create(
        page=calendar.index.en, restriction_type=PageViewRestriction.LOGIN
    )
    for url in ("/en/", "/en/spaces/centre/", "/en/partners/yam/"):
        assert "/en/events/english-salon/" not in client.get(url).content.decode(), url


def test_unpublished_translation_is_left_out_of_its_locale_only(client, salon):
    salon.ko.unpublish()
    for url, html in listings(client, "ko").items():
        assert "잔 아저씨" not in html, url
    for url, html in listings(client, "en").items():
        assert "/en/events/english-salon/" in html, url
