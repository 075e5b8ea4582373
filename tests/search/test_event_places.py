"""An event is found by its venue's and organisers' names, in the page's language."""

import pytest

from tests.conftest import publish
from tests.events.conftest import make_event
from tests.search.test_search_pages import titles


def event_titles(client, language, query):
    return titles(client.get(f"/{language}/search/", {"q": query, "type": "events"}))


@pytest.mark.parametrize(
    ("language", "query", "title"),
    [
        ("zh-hans", "服务中心", "詹叔英语沙龙"),
        ("en", "Service Centre", "Uncle Zhan&#x27;s English Salon"),
        ("ko", "서비스센터", "잔 아저씨 영어 살롱"),
        ("zh-hans", "YAM志愿者", "詹叔英语沙龙"),
        ("en", "YAM volunteers", "Uncle Zhan&#x27;s English Salon"),
        ("ko", "자원봉사단", "잔 아저씨 영어 살롱"),
    ],
)
def test_event_is_found_by_its_venue_or_organiser(client, salon, language, query, title):
    assert event_titles(client, language, query) == [title]


def test_venue_name_is_indexed_in_the_pages_language(client, salon):
    # The English event is indexed with the English venue name, not the Chinese one.
    assert event_titles(client, "en", "服务中心") == []


def test_renaming_a_venue_reindexes_its_events(client, salon, calendar):
    venue = calendar.centre.en
    venue.title = "Neighbour House"
    publish(venue)
    assert event_titles(client, "en", "Neighbour House") == ["Uncle Zhan&#x27;s English Salon"]
    assert event_titles(client, "en", "Service Centre") == []


def test_renaming_an_organiser_reindexes_its_events(client, salon, calendar):
    partner = calendar.yam.ko
    partner.title = "함께 봉사 모임"
    publish(partner)
    assert event_titles(client, "ko", "봉사 모임") == ["잔 아저씨 영어 살롱"]


def test_event_results_cost_the_same_queries_for_few_or_many(
    client, calendar, django_assert_max_num_queries
):
    def add_events(first, count):
        for n in range(first, first + count):
            make_event(calendar, f"talk-{n}", venue=calendar.centre.zh, english_only=True)

    add_events(0, 2)
    client.get("/en/search/", {"q": "Service Centre"})  # warm the content-type and site caches
    with django_assert_max_num_queries(16) as few:
        client.get("/en/search/", {"q": "Service Centre", "type": "events"})
    add_events(2, 4)
    client.get("/en/search/", {"q": "Service Centre"})  # the content changed: warm them again
    with django_assert_max_num_queries(16) as many:
        response = client.get("/en/search/", {"q": "Service Centre", "type": "events"})
    assert len(titles(response)) == 6
    assert len(many.captured_queries) == len(few.captured_queries)
