"""RSS 2.0 and Atom feeds of upcoming events, read with feedparser."""

import feedparser
import pytest
from django.core.cache import cache

from tests.events.conftest import make_event
from tests.feeds.conftest import alternate, local_path


def parsed(client, url):
    response = client.get(local_path(url))
    assert response.status_code == 200
    result = feedparser.parse(response.content)
    assert not result.bozo, result.get("bozo_exception")
    return response, result


@pytest.mark.parametrize(
    ("content_type", "version"),
    [("application/rss+xml", "rss20"), ("application/atom+xml", "atom10")],
)
def test_feeds_found_on_the_calendar_parse_cleanly(client, salon, content_type, version):
    response, result = parsed(client, alternate(client, "/en/events/", content_type))
    assert response["Content-Type"] == f"{content_type}; charset=utf-8"
    assert result.version == version
    assert result.feed.title == "Events"
    assert result.feed.link == "http://testserver/en/events/"
    [entry] = result.entries  # one item per event (its next date), not one per date
    assert entry.title == "Uncle Zhan's English Salon"
    assert entry.link == "http://testserver/en/events/english-salon/"
    assert "International Neighbour Service Centre" in entry.summary
    assert [tag.term for tag in entry.tags] == ["English salon"]


@pytest.mark.parametrize(
    ("language", "title", "category", "code"),
    [
        ("zh-hans", "詹叔英语沙龙", "英语沙龙", "zh-Hans"),
        ("ko", "잔 아저씨 영어 살롱", "영어 살롱", "ko"),
    ],
)
def test_each_language_has_its_own_feed(client, salon, language, title, category, code):
    _response, result = parsed(client, f"/{language}/events/rss/")
    assert result.feed.language == code
    assert result.entries[0].title == title
    assert result.entries[0].tags[0].term == category


def test_category_feed_holds_only_that_category(client, calendar, salon):
    make_event(calendar, "chinese-class", en="Chinese class", category=calendar.class_category)
    _response, everything = parsed(client, "/en/events/atom/")
    assert {e.title for e in everything.entries} == {"Uncle Zhan's English Salon", "Chinese class"}
    _response, salon_only = parsed(client, "/en/events/category/english-salon/atom/")
    assert [e.title for e in salon_only.entries] == ["Uncle Zhan's English Salon"]
    assert salon_only.feed.title == "Events · English salon"


def test_news_feed_answers_304(client, salon):
    response = client.get("/en/events/rss/")
    again = client.get("/en/events/rss/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_cancelled_event_is_marked_in_the_news_feed(client, calendar):
    make_event(calendar, "called-off", en="Called off", status="cancelled")
    _response, result = parsed(client, "/en/events/rss/")
    assert result.entries[0].summary.startswith("<p>Cancelled<br />")


def test_atom_has_a_self_link_and_a_stable_id_per_feed(client, salon):
    _response, result = parsed(client, "/en/events/atom/?category=english-salon")
    self_links = [link.href for link in result.feed.links if link.rel == "self"]
    assert self_links == ["http://testserver/en/events/atom/?category=english-salon"]
    assert result.feed.id == self_links[0]
    _response, everything = parsed(client, "/en/events/atom/")
    assert everything.feed.id == "http://testserver/en/events/atom/" != result.feed.id
    [entry] = result.entries
    assert entry.id == "http://testserver/en/events/english-salon/"
    cache.clear()
    assert parsed(client, "/en/events/atom/?category=english-salon")[1].entries[0].id == entry.id


def test_rss_items_have_a_permalink_guid_and_a_self_link(client, salon):
    response, result = parsed(client, "/en/events/rss/")
    [entry] = result.entries
    assert entry.id == entry.link == "http://testserver/en/events/english-salon/"
    assert '<guid isPermaLink="true">' in response.content.decode()
    assert [link.href for link in result.feed.links if link.rel == "self"] == [
        "http://testserver/en/events/rss/"
    ]


@pytest.mark.parametrize("path", ["/en/events/rss/", "/en/events/atom/"])
def test_item_text_is_escaped_as_html(client, calendar, path):
    make_event(
        calendar, "tea", en="Tea & cake <3", summary="Bring <b>cups</b> & plates\nand spoons"
    )
    _response, result = parsed(client, path)
    [entry] = result.entries
    assert entry.title == "Tea & cake <3"
    # The summary is HTML: the editor's text shows as written, line breaks included.
    assert "Bring &lt;b&gt;cups&lt;/b&gt; &amp; plates<br />and spoons" in entry.summary
    assert "<b>" not in entry.summary


@pytest.mark.parametrize("language", ["zh-hans", "en", "ko"])
def test_atom_feed_has_an_author(client, salon, language):
    """RFC 4287 4.1.1: a feed whose entries have no author of their own needs one."""
    response, result = parsed(client, f"/{language}/events/atom/")
    assert result.feed.author == "友邻 Youlin"
    assert "<author><name>友邻 Youlin</name></author>" in response.content.decode()
