"""schema.org Event JSON-LD: status of the next date, and offers with a price in CNY."""

import datetime
import decimal
import json
import re

import pytest

from events.models import EventDateChange
from events.structured_data import amount_in_yuan
from tests.conftest import publish
from tests.events.conftest import make_event, next_weekday
from tests.services.conftest import make_image

pytestmark = pytest.mark.django_db


def json_ld(client, url):
    html = client.get(url).content.decode()
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(match.group(1))


@pytest.mark.parametrize(
    ("status", "schema"),
    [
        ("cancelled", "EventCancelled"),
        ("postponed", "EventPostponed"),
        ("moved_online", "EventMovedOnline"),
        ("scheduled", "EventScheduled"),
    ],
)
def test_event_status(client, calendar, status, schema):
    make_event(calendar, "talk", status=status, online_url="https://meet.example.org/talk")
    data = json_ld(client, "/ko/events/talk/")
    assert data["eventStatus"] == f"https://schema.org/{schema}"


def test_moved_next_date_is_rescheduled_with_its_previous_start(client, calendar):
    saturday = next_weekday(5)
    make_event(
        calendar,
        "moved",
        start_date=saturday,
        repeat="weekly",
        repeat_count=3,
        changes=[
            EventDateChange(
                date=saturday, action="move", new_date=saturday + datetime.timedelta(days=1)
            )
        ],
    )
    data = json_ld(client, "/en/events/moved/")
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert data["previousStartDate"] == f"{saturday.isoformat()}T19:00:00+08:00"
    sunday = saturday + datetime.timedelta(days=1)
    assert data["startDate"] == f"{sunday.isoformat()}T19:00:00+08:00"


def test_price_amount_is_offered_in_yuan_in_every_locale(client, calendar):
    make_event(
        calendar,
        "dinner",
        is_free=False,
        price="¥30, dinner included",
        price_amount=decimal.Decimal("30"),
    )
    for code in ("zh-hans", "en", "ko"):
        offers = json_ld(client, f"/{code}/events/dinner/")["offers"]
        assert offers["price"] == "30"
        assert offers["priceCurrency"] == "CNY"


def test_price_amount_is_one_fact_for_every_language(client, calendar):
    event = make_event(calendar, "lunch", is_free=False, price_amount=decimal.Decimal("25.50"))
    source = event.zh
    source.price_amount = decimal.Decimal("28")
    source.save_revision().publish()
    assert json_ld(client, "/en/events/lunch/")["offers"]["price"] == "28"


def test_no_price_without_an_amount(client, calendar):
    make_event(calendar, "paid", is_free=False, price="ask at the door")
    offers = json_ld(client, "/en/events/paid/")["offers"]
    assert "price" not in offers
    assert "priceCurrency" not in offers


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("材料费20元", decimal.Decimal("20")),
        ("¥20 for ingredients", decimal.Decimal("20")),
        ("재료비 20위안", decimal.Decimal("20")),
        ("RMB 35.50 at the door", decimal.Decimal("35.50")),
        ("15 yuan, tea included", decimal.Decimal("15")),
        ("一杯咖啡的钱", None),
        ("Adults ¥20, children ¥10", None),
        ("Room 302, from 19:00", None),
        ("", None),
    ],
)
def test_the_amount_a_price_text_names(text, amount):
    assert amount_in_yuan(text) == amount


def test_price_given_only_as_text_is_offered_with_its_amount(client, calendar):
    make_event(calendar, "workshop", is_free=False, price="材料费20元")
    for code in ("zh-hans", "en", "ko"):
        offers = json_ld(client, f"/{code}/events/workshop/")["offers"]
        assert (offers["price"], offers["priceCurrency"]) == ("20", "CNY")


def test_free_event_costs_zero_yuan(client, salon):
    offers = json_ld(client, "/en/events/english-salon/")["offers"]
    assert (offers["price"], offers["priceCurrency"]) == ("0", "CNY")


def test_an_event_without_a_photo_shows_its_venues(client, calendar):
    venue = calendar.centre.zh
    venue.image = make_image("centre photo")
    publish(venue)
    make_event(calendar, "at-centre", venue=venue)
    for code in ("zh-hans", "en", "ko"):
        image = json_ld(client, f"/{code}/events/at-centre/")["image"]
        assert re.match(r"http://testserver/media/images/.*\.fill-1200x675", image), image


def test_an_event_without_photo_or_venue_photo_shows_its_organisers_logo(client, calendar):
    partner = calendar.yam.zh
    partner.logo = make_image("yam logo")
    publish(partner)
    make_event(calendar, "by-yam", organisers=[partner])
    assert json_ld(client, "/en/events/by-yam/")["image"].startswith("http://testserver/media/")


def test_every_event_has_an_organizer_the_community_when_no_partner(client, calendar):
    make_event(calendar, "no-partner")
    for code in ("zh-hans", "en", "ko"):
        organizer = json_ld(client, f"/{code}/events/no-partner/")["organizer"]
        assert organizer == {
            "@type": "Organization",
            "name": "友邻 Youlin",
            "url": f"http://testserver/{code}/",
        }


def test_offers_are_valid_from_the_events_announcement(client, salon):
    offers = json_ld(client, "/en/events/english-salon/")["offers"]
    published = salon.zh.first_published_at
    assert datetime.datetime.fromisoformat(offers["validFrom"]) == published.replace(microsecond=0)
