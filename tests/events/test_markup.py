"""Front-end details of the event templates and calendar.css (issue 8 review)."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from tests.events.conftest import make_event, next_weekday
from tests.services.conftest import make_image

CALENDAR_CSS = Path(settings.BASE_DIR) / "site" / "static" / "css" / "calendar.css"


@pytest.mark.django_db
def test_entries_under_an_h2_have_h3_titles(client, salon):
    space = client.get("/en/spaces/centre/").content.decode()
    assert re.search(r'<h3 class="event-entry__title"><a href="/en/events/english-salon/"', space)
    home = client.get("/en/").content.decode()
    assert '<h3 class="event-entry__title">' in home
    assert '<h4 class="event-entry__title">' not in home + space


@pytest.mark.django_db
def test_related_events_have_h3_titles_and_day_lists_h4(client, salon, calendar):
    make_event(
        calendar, "other-salon", category=calendar.salon_category, start_date=next_weekday(3)
    )
    html = client.get("/en/events/english-salon/").content.decode()
    related = html.split('id="related-heading"')[1]
    assert '<h3 class="event-entry__title"><a href="/en/events/other-salon/"' in related
    assert '<h4 class="event-entry__title">' in client.get("/en/events/").content.decode()


@pytest.mark.django_db
def test_event_page_reuses_the_location_include_for_map_links(client, salon):
    html = client.get("/en/events/english-salon/").content.decode()
    links = re.search(r'<ul class="map-links">(.*?)</ul>', html, re.S).group(1)
    assert links.count("<li>") >= 3
    assert " · " not in links
    assert "<address>双柏社区</address>" in html


@pytest.mark.django_db
def test_main_image_is_fetched_first(client, calendar):
    make_event(calendar, "picnic", image=make_image("picnic"), image_alt="A picnic")
    html = client.get("/en/events/picnic/").content.decode()
    image = re.search(r'<img[^>]*alt="A picnic"[^>]*>', html).group(0)
    assert 'fetchpriority="high"' in image


@pytest.mark.django_db
def test_back_links_are_marked(client, salon):
    for url in ("/en/events/english-salon/", "/en/events/subscribe/"):
        html = client.get(url).content.decode()
        assert re.search(r'<a class="back-link" href="/en/events/">', html), url


def rules(css, selector):
    """Declarations of every top-level rule whose selector is exactly `selector`."""
    flat = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return re.findall(r"(?:^|\})\s*" + re.escape(selector) + r"\s*\{([^}]*)\}", flat)


def test_calendar_css_leaves_shared_components_to_site_css():
    css = CALENDAR_CSS.read_text()
    for selector in (".eyebrow", ".facts-list", ".facts-list dt", ".facts-list dd", ".empty-state"):
        assert rules(css, selector) == [], selector
    assert "grid-template-columns: 1fr" in rules(css, ".event-layout__facts .facts-list")[0]


def test_free_checkbox_and_badges_are_big_enough():
    css = CALENDAR_CSS.read_text()
    checkbox = rules(css, ".filter-form__field--check input")[0]
    assert "width: 1.5rem" in checkbox and "height: 1.5rem" in checkbox
    assert "font-size: .875rem" in rules(css, ".badge")[0]
