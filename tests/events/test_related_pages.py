"""Events shown elsewhere: next events on the home page, events at a venue, by an organiser."""

import pytest

from tests.events.conftest import make_event, next_weekday

pytestmark = pytest.mark.django_db


def test_home_page_shows_next_events_in_its_language(client, salon):
    html = client.get("/ko/").content.decode()
    assert "잔 아저씨 영어 살롱" in html
    assert 'href="/ko/events/english-salon/"' in html
    assert 'href="/ko/events/"' in html


def test_home_page_lists_each_event_once(client, salon):
    html = client.get("/en/").content.decode()
    assert html.count('href="/en/events/english-salon/"') == 1


def test_space_page_lists_events_held_there(client, salon, calendar):
    make_event(calendar, "elsewhere", venue=calendar.classroom.zh, start_date=next_weekday(3))
    html = client.get("/en/spaces/centre/").content.decode().replace("&#x27;", "'")
    assert "Uncle Zhan's English Salon" in html
    assert "Event elsewhere" not in html


def test_partner_page_lists_events_they_organise(client, salon, calendar):
    make_event(calendar, "not-theirs", start_date=next_weekday(3))
    html = client.get("/ko/partners/yam/").content.decode()
    assert "잔 아저씨 영어 살롱" in html
    assert "행사 not-theirs" not in html


@pytest.mark.usefixtures("uncached_pages")  # what the page costs to build
def test_home_page_queries_do_not_grow_with_events(client, calendar):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for n in range(3):
        make_event(calendar, f"a{n}", english_only=True, start_date=next_weekday(n))
    client.get("/en/")
    with CaptureQueriesContext(connection) as few:
        client.get("/en/")
    for n in range(3, 15):
        make_event(calendar, f"a{n}", english_only=True, start_date=next_weekday(n % 7))
    client.get("/en/")  # what processes keep per content version is rebuilt after a change
    with CaptureQueriesContext(connection) as many:
        client.get("/en/")
    assert len(many.captured_queries) == len(few.captured_queries)
