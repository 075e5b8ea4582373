"""The whole-calendar feed joins each event's text, written once (events/feed_blocks.py)."""

import pytest
from django.core.cache import cache, caches
from icalendar import Calendar

from events import feed_blocks, feeds
from events.ical import add_timezones
from tests.conftest import publish
from tests.events.conftest import make_event


def fetch(client, url):
    cache.clear()  # the feed's body, not the events' blocks
    response = client.get(url)
    assert response.status_code == 200
    return response.content


@pytest.fixture
def renders(monkeypatch):
    """Every event's block written, as the events' UIDs."""
    written = []
    original = feed_blocks.render_block

    def counted(components):
        written.append(str(components[0]["UID"]) if components else "")
        return original(components)

    monkeypatch.setattr(feed_blocks, "render_block", counted)
    return written


@pytest.mark.django_db
def test_publishing_one_event_writes_only_its_block_again(client, salon, calendar, renders):
    quiz = make_event(calendar, "quiz", english_only=True)
    make_event(calendar, "walk", english_only=True)
    first = fetch(client, "/en/events/ics/")
    assert len(renders) == 3  # the salon, the quiz and the walk
    renders.clear()
    assert fetch(client, "/en/events/ics/") == first
    assert renders == []  # a new body, made of the kept blocks
    quiz.zh.status = "cancelled"
    publish(quiz.zh)
    changed = fetch(client, "/en/events/ics/")
    assert renders == [f"{quiz.zh.translation_key}-en@youlin"]
    assert b"Cancelled: Event quiz" in changed and b"Cancelled" not in first


@pytest.mark.django_db
def test_a_venues_new_name_writes_the_blocks_of_the_events_held_there(
    client, salon, calendar, renders
):
    make_event(calendar, "walk", english_only=True)  # held nowhere
    fetch(client, "/en/events/ics/")
    renders.clear()
    venue = calendar.centre.en
    venue.title = "The Neighbours' Hall"
    publish(venue)
    assert b"The Neighbours' Hall" in fetch(client, "/en/events/ics/")
    assert renders == [f"{salon.zh.translation_key}-en@youlin"]


def written_whole(monkeypatch, client, url):
    """The feed as it was written before blocks: every component added to one calendar."""
    with monkeypatch.context() as patched:
        patched.setattr(feed_blocks, "blocks", lambda wanted: [make() for _key, make in wanted])

        def whole(calendar, components):
            for component in (c for event in components for c in event):
                calendar.add_component(component)
            add_timezones(calendar)
            return calendar.to_ical()

        patched.setattr(feeds, "joined", whole)
        return fetch(client, url)


@pytest.mark.usefixtures("uncached_pages")
def test_demo_feeds_are_byte_for_byte_those_written_whole(client, demo_site, monkeypatch):
    urls = [f"/{code}/events/ics/" for code in ("zh-hans", "en", "ko")]
    urls += [
        "/en/events/ics/?free=1",
        "/ko/events/venue/international-neighbour-service-centre/ics/",
    ]
    for url in urls:
        whole = written_whole(monkeypatch, client, url)
        caches[feed_blocks.CACHE_ALIAS].clear()
        assert fetch(client, url) == whole, url  # every block written now
        assert fetch(client, url) == whole, url  # every block from the cache
        assert len(Calendar.from_ical(whole).walk("VEVENT")) > 3
