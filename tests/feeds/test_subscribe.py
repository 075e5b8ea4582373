"""The Subscribe page and the feed links on event, venue and organiser pages."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.feeds.conftest import alternate, local_path


@pytest.mark.parametrize(
    ("language", "heading"),
    [("en", "Subscribe to the calendar"), ("zh-hans", None), ("ko", None)],
)
def test_subscribe_page_in_each_language(client, salon, language, heading):
    response = client.get(f"/{language}/events/subscribe/")
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["view_title"]
    if heading:
        assert heading in html
    main = response.context["subscription"]
    assert main["url"] == f"http://testserver/{language}/events/ics/"
    assert main["webcal"] == f"webcal://testserver/{language}/events/ics/"
    assert f'href="{main["webcal"]}"' in html
    google = urlsplit(main["google"])
    assert (google.netloc, google.path) == ("calendar.google.com", "/calendar/r")
    assert parse_qs(google.query)["cid"] == [main["webcal"]]
    assert f'value="{main["url"]}" readonly' in html
    assert f'href="http://testserver/{language}/events/rss/"' in html


def test_subscribe_page_offers_one_feed_per_category(client, salon):
    response = client.get("/en/events/subscribe/")
    topics = {t["title"]: t["url"] for t in response.context["topics"]}
    assert topics == {
        "English salon": "http://testserver/en/events/ics/?category=english-salon",
        "Chinese class": "http://testserver/en/events/ics/?category=chinese-class",
    }
    html = response.content.decode()
    assert "Apple Calendar" in html and "Outlook" in html


def test_subscribe_page_keeps_the_calendars_filters(client, salon):
    calendar_page = client.get("/en/events/month/?venue=centre&free=1").content.decode()
    assert 'href="/en/events/subscribe/?venue=centre&amp;free=1"' in calendar_page
    response = client.get("/en/events/subscribe/?venue=centre&free=1")
    main = response.context["subscription"]
    assert main["url"] == "http://testserver/en/events/ics/?venue=centre&free=1"
    assert response.context["topics"] == []


def test_subscribe_page_rejects_unknown_filters(client, calendar):
    assert client.get("/en/events/subscribe/?category=nonsense").status_code == 400


def test_event_page_advertises_its_own_ics_and_the_calendars_feeds(client, salon):
    own = alternate(client, "/en/events/english-salon/", "text/calendar")
    assert local_path(own) == "/en/events/english-salon/ics/"
    rss = alternate(client, "/en/events/english-salon/", "application/rss+xml")
    assert local_path(rss) == "/en/events/rss/"


@pytest.mark.parametrize(
    ("page", "feed"),
    [
        ("/en/spaces/centre/", "/en/events/venue/centre/ics/"),
        ("/ko/partners/yam/", "/ko/events/organiser/yam/ics/"),
    ],
)
def test_venue_and_organiser_pages_advertise_their_feeds(client, salon, page, feed):
    assert local_path(alternate(client, page, "text/calendar")) == feed
    assert client.get(feed).status_code == 200
    html = client.get(page).content.decode()
    assert "/events/subscribe/?" in html


@pytest.mark.parametrize(
    ("language", "copy", "copied"),
    [
        ("en", "Copy link", "Copied"),
        ("zh-hans", "复制链接", "已复制"),
        ("ko", "링크 복사", "복사했습니다"),
    ],
)
def test_copy_link_button_enhances_a_selectable_address(client, salon, language, copy, copied):
    html = client.get(f"/{language}/events/subscribe/").content.decode()
    url = f"http://testserver/{language}/events/ics/"
    # Without JavaScript: the address is in a read-only field, and the button stays hidden.
    assert (
        f'<input id="feed-url-main" class="copy-field" type="url" value="{url}" readonly>' in html
    )
    button = re.search(r'<button type="button" class="copy-button"[^>]*>([^<]*)</button>', html)
    assert button and button.group(1) == copy
    assert 'data-copy-target="feed-url-main"' in button.group(0) and " hidden" in button.group(0)
    assert f'data-copied="{copied}"' in button.group(0)
    assert (
        '<span id="copy-status-main" class="copy-status" role="status" aria-live="polite">' in html
    )
    assert "/static/js/copy-link.js" in html
