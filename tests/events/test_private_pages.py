"""A page behind a view restriction is named on no public surface (issue 13, finding 4).

Password-protect a partner, a space, an event and a content page, then read the site as
an anonymous visitor: the calendar's filters, every feed, the topic feeds, the public
event that the partner organises at that space, its JSON-LD, the sitemap, search and its
suggestions, and the language switcher must not name or link any of them.
"""

import datetime
import re

import pytest
from django.core.cache import cache
from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.models import ContentPage
from tests.conftest import publish, translate
from tests.events.conftest import make_event
from tests.replay import replayed

PRIVATE_NAMES = (
    "YAM Volunteers",
    "YAM志愿者",
    "Shared classroom",
    "共享教室",
    "Staff party",
    "员工聚会",
    "Members only",
)


@pytest.fixture
def search_index_kept_up_to_date():
    """Search is one of the surfaces checked: pages are indexed as they are saved."""
    return True


def restrict(*pages):
    for page in pages:
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )


@pytest.fixture
def private(calendar, salon):
    """The salon (public) at the centre; its organiser, a venue, an event and a page private."""
    calendar = replayed("events.private", lambda: build_private(calendar))
    cache.clear()
    return calendar


def build_private(calendar):
    party = make_event(
        calendar,
        "staff-party",
        title="员工聚会",
        en="Staff party",
        ko="직원 파티",
        venue=calendar.classroom.zh,
        start_date=timezone.localdate() + datetime.timedelta(days=3),
    )
    members = ContentPage(title="会员专区", slug="members")
    calendar.home.zh.add_child(instance=members)
    publish(members)
    members_en = translate(members, "en", title="Members only")
    about = ContentPage(title="关于我们", slug="about")
    calendar.home.zh.add_child(instance=about)
    publish(about)
    translate(about, "en", title="About us")
    about_ko = translate(about, "ko", title="소개 (비공개)")
    # The salon's third date is moved to the classroom (see the salon fixture).
    restrict(
        *vars(calendar.yam).values(),
        *vars(calendar.classroom).values(),
        *vars(party).values(),
        members,
        members_en,
        about_ko,
    )
    return calendar


def assert_private_names_absent(text, where):
    for name in PRIVATE_NAMES:
        assert name not in text, f"{where} names {name!r}"


@pytest.mark.parametrize(
    "path",
    [
        "/en/events/",
        "/en/events/month/",
        "/en/events/subscribe/",
        "/en/events/ics/",
        "/en/events/rss/",
        "/en/events/atom/",
        "/en/events/venue/centre/ics/",
        "/zh-hans/events/",
        "/zh-hans/events/ics/",
        "/en/events/english-salon/",
        "/en/events/english-salon/ics/",
        "/en/spaces/centre/",
        "/sitemap.xml",
    ],
)
def test_no_public_surface_names_a_private_page(client, private, path):
    response = client.get(path)
    assert response.status_code == 200, path
    assert_private_names_absent(response.content.decode(), path)


@pytest.mark.parametrize(
    "path",
    [
        "/en/events/organiser/yam/ics/",
        "/en/events/venue/classroom/rss/",
        "/en/events/?organiser=yam",
        "/en/events/?venue=classroom",
    ],
)
def test_filters_on_a_private_page_are_unknown(client, private, path):
    response = client.get(path)
    assert response.status_code in (400, 404), path
    assert_private_names_absent(response.content.decode(), path)


def test_the_public_event_still_lists_its_public_dates(client, private):
    html = client.get("/en/events/english-salon/").content.decode()
    assert "Uncle Zhan's English Salon" in html
    assert "International Neighbour Service Centre" in html


@pytest.mark.parametrize(
    ("query", "public_title"),
    [
        ("/en/search/?q=YAM", None),
        ("/en/search/?q=classroom", None),
        ("/en/search/?q=party", None),
        ("/en/search/?q=members", None),
        ("/en/search/suggest/?q=YA", None),
        ("/en/search/suggest/?q=Sta", None),
        # The same searches find public pages, so the ones above could fail.
        ("/en/search/?q=salon", "Uncle Zhan's English Salon"),
        ("/en/search/suggest/?q=Unc", "Uncle Zhan's English Salon"),
    ],
)
def test_search_finds_no_private_page(client, private, query, public_title):
    text = client.get(query).content.decode()
    assert_private_names_absent(text, query)
    if public_title:
        shown = re.sub(r"</?mark>", "", text).replace("&#x27;", "'").replace("\\u0027", "'")
        assert public_title in shown


def test_switcher_does_not_link_a_private_translation(client, private):
    html = client.get("/en/about/").content.decode()
    assert 'href="/ko/about/"' not in html
    assert 'href="/zh-hans/about/"' in html


def test_restricting_a_page_refreshes_the_feeds(client, calendar, salon):
    cache.clear()
    assert "YAM Volunteers" in client.get("/en/events/ics/").content.decode()
    restrict(*vars(calendar.yam).values())
    assert "YAM Volunteers" not in client.get("/en/events/ics/").content.decode()
