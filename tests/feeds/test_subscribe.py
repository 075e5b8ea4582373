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


def test_subscribe_page_shows_one_block_and_a_picker_of_what_to_follow(client, salon):
    response = client.get("/en/events/subscribe/")
    html = response.content.decode()
    assert html.count('<div class="subscription">') == 1
    groups = dict(response.context["choices"])
    assert groups["A kind of event"] == [
        ("category:english-salon", "English salon"),
        ("category:chinese-class", "Chinese class"),
    ]
    assert ("venue:centre", "International Neighbour Service Centre") in groups["A venue"]
    assert ("organiser:yam", "YAM Volunteers") in groups["An organiser"]
    assert '<option value="" selected>Every event</option>' in html
    assert "Apple Calendar" in html and "Outlook" in html


@pytest.mark.parametrize(
    ("follow", "location"),
    [
        ("category:english-salon", "/en/events/subscribe/?category=english-salon"),
        ("venue:centre", "/en/events/subscribe/?venue=centre"),
        ("organiser:yam", "/en/events/subscribe/?organiser=yam"),
        ("", "/en/events/subscribe/"),
        ("audience:adults", "/en/events/subscribe/"),
    ],
)
def test_picking_what_to_follow_shows_its_links(client, salon, follow, location):
    response = client.get("/en/events/subscribe/", {"follow": follow})
    assert response.status_code == 302 and response["Location"] == location
    if "?" in location:
        page = client.get(location)  # rendered once: a repeat visit comes from the page cache
        assert f'<option value="{follow}" selected>' in page.content.decode()
        main = page.context["subscription"]
        assert main["url"] == "http://testserver/en/events/ics/?" + location.split("?")[1]


@pytest.mark.parametrize(
    ("host", "path"),
    [
        ("outlook.live.com", "/calendar/0/addfromweb"),
        ("outlook.office.com", "/calendar/0/addfromweb"),
    ],
)
def test_outlook_and_microsoft_365_subscribe_in_one_click(client, salon, host, path):
    response = client.get("/ko/events/subscribe/?category=english-salon")
    html = response.content.decode()
    main = response.context["subscription"]
    link = main["outlook" if host.startswith("outlook.live") else "office"]
    parts = urlsplit(link)
    assert (parts.netloc, parts.path) == (host, path)
    query = parse_qs(parts.query)
    assert query["url"] == ["http://testserver/ko/events/ics/?category=english-salon"]
    assert query["name"] == [main["title"]]
    assert f'href="{link.replace("&", "&amp;")}"' in html


def test_breadcrumb_names_the_subscribe_page(client, salon):
    html = client.get("/en/events/subscribe/").content.decode()
    crumbs = re.search(r'<nav class="breadcrumbs".*?</nav>', html, re.S).group(0)
    assert '<li><a href="/en/events/">Events</a></li>' in crumbs
    assert '<li aria-current="page">Subscribe to the calendar</li>' in crumbs


def test_subscribe_page_keeps_the_calendars_filters(client, salon):
    calendar_page = client.get("/en/events/month/?venue=centre&free=1").content.decode()
    assert 'href="/en/events/subscribe/?venue=centre&amp;free=1"' in calendar_page
    response = client.get("/en/events/subscribe/?venue=centre&free=1")
    main = response.context["subscription"]
    assert main["url"] == "http://testserver/en/events/ics/?venue=centre&free=1"
    assert response.context["picked"] == "venue:centre"


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
