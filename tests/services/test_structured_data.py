"""JSON-LD of every directory detail page, in every language, checked against schema.org.

`SCHEMA` lists, for each type the directory emits, the properties schema.org
defines on it (its own and its parents'); a property outside the list is a
property search engines ignore or flag, such as `dateModified` on a service.
"""

import datetime
import json
import re

import pytest
from django.utils import timezone

from home.page_cache import content_changed
from services.models import (
    PartnerOpeningHours,
    PartnerPage,
    PublicSpacePage,
    ServicePage,
    SpaceHoursException,
)
from tests.services.conftest import make_image

pytestmark = pytest.mark.django_db
LANGUAGES = ("zh-hans", "en", "ko")

THING = {"@context", "@type", "@id", "name", "description", "url", "image", "sameAs"}
THING |= {"mainEntityOfPage", "alternateName", "identifier"}
PLACE = THING | {
    "address",
    "geo",
    "telephone",
    "maximumAttendeeCapacity",
    "openingHoursSpecification",
    "specialOpeningHoursSpecification",
    "amenityFeature",
    "logo",
    "photo",
}
ORGANIZATION = THING | {"address", "telephone", "email", "logo", "location", "knowsLanguage"}
ORGANIZATION |= {"areaServed"}
LOCAL_BUSINESS = PLACE | ORGANIZATION | {"openingHours", "priceRange", "paymentAccepted"}
SERVICE = THING | {"serviceType", "areaServed", "availableChannel", "hoursAvailable", "provider"}
SCHEMA = {
    "Place": PLACE,
    "Organization": ORGANIZATION,
    "NGO": ORGANIZATION,
    "GovernmentOrganization": ORGANIZATION,
    "EducationalOrganization": ORGANIZATION,
    "LocalBusiness": LOCAL_BUSINESS,
    "Restaurant": LOCAL_BUSINESS | {"servesCuisine", "acceptsReservations", "menu"},
    "Service": SERVICE,
    "GovernmentService": SERVICE | {"serviceOperator", "jurisdiction"},
    "WebPage": THING | {"inLanguage"},
    "PostalAddress": {"@type", "streetAddress", "addressLocality", "addressRegion"},
    "GeoCoordinates": {"@type", "latitude", "longitude"},
    "AdministrativeArea": {"@type", "name"},
    "ServiceChannel": {"@type", "serviceUrl", "servicePhone", "serviceLocation"}
    | {"availableLanguage"},
    "ContactPoint": {"@type", "telephone", "email", "availableLanguage"},
    "OpeningHoursSpecification": {"@type", "dayOfWeek", "opens", "closes"}
    | {"validFrom", "validThrough"},
    "LocationFeatureSpecification": {"@type", "name", "value"},
}
REQUIRED = {
    "OpeningHoursSpecification": {"opens", "closes"},
    "GeoCoordinates": {"latitude", "longitude"},
    "LocationFeatureSpecification": {"name", "value"},
    "WebPage": {"@id", "inLanguage"},
}
HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def json_ld(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    assert len(blocks) == 1, url
    return json.loads(blocks[0])


def check(node, where):
    """Every object has a known @type and only that type's properties; times are HH:MM."""
    if isinstance(node, list):
        for item in node:
            check(item, where)
        return
    if not isinstance(node, dict):
        return
    schema_type = node.get("@type")
    assert schema_type in SCHEMA, (where, schema_type)
    unknown = set(node) - SCHEMA[schema_type]
    assert not unknown, (where, schema_type, unknown)
    missing = REQUIRED.get(schema_type, set()) - set(node)
    assert not missing, (where, schema_type, missing)
    for key in ("opens", "closes"):
        if key in node:
            assert HHMM.match(node[key]), (where, node)
    for key, value in node.items():
        if key != "@context":
            check(value, f"{where}.{key}")


def detail_pages(directory):
    for group in (directory.services, directory.partners, directory.spaces):
        for translations in group:
            yield from zip(LANGUAGES, translations, strict=True)


def test_every_detail_page_has_valid_json_ld_in_every_language(client, directory):
    expected_types = {
        ServicePage: {"GovernmentService", "Service"},
        PartnerPage: {"LocalBusiness", "EducationalOrganization", "NGO", "Organization"},
        PublicSpacePage: {"Place"},
    }
    seen = 0
    for language, page in detail_pages(directory):
        data = json_ld(client, page.url)
        assert data["@context"] == "https://schema.org"
        assert data["@type"] in expected_types[type(page)], page.url
        assert data["name"] == page.title
        assert data["url"].endswith(page.url)
        assert data["mainEntityOfPage"]["inLanguage"] == {"zh-hans": "zh-Hans"}.get(
            language, language
        )
        check(data, page.url)
        seen += 1
    assert seen == 30


def test_service_is_a_government_service_only_when_a_government_office_offers_it(client, directory):
    zh, en, _ko = directory.services[0]
    assert json_ld(client, en.url)["@type"] == "GovernmentService"
    ServicePage.objects.filter(translation_key=zh.translation_key).update(government_service=False)
    content_changed()  # as publishing does; update() bypasses it
    data = json_ld(client, en.url)
    assert data["@type"] == "Service"
    check(data, en.url)


def test_service_json_ld_has_no_date_modified_and_names_the_area_in_the_pages_language(
    client, directory
):
    names = {}
    for language, page in zip(LANGUAGES, directory.services[0], strict=True):
        data = json_ld(client, page.url)
        assert "dateModified" not in data
        names[language] = data["areaServed"]["name"]
    assert names == {
        "zh-hans": "成都市郫都区",
        "en": "Pidu District, Chengdu",
        "ko": "청두시 피두구",
    }


def test_accessibility_features_are_named_in_the_pages_language(client, directory):
    features = {}
    for language, page in zip(LANGUAGES, directory.spaces[0], strict=True):
        data = json_ld(client, page.url)
        features[language] = {item["name"]: item["value"] for item in data["amenityFeature"]}
    assert features["en"] == {"Step-free entrance": True, "Accessible toilet": False, "Lift": False}
    assert features["zh-hans"]["无台阶入口"] is True
    assert features["ko"]["계단 없는 입구"] is True


def test_special_days_are_sorted_and_past_ones_left_out(client, directory):
    centre = directory.spaces[0][0]
    today = timezone.localdate()
    for offset in (40, -30, 5, -1, 0):
        SpaceHoursException.objects.create(page=centre, date=today + datetime.timedelta(offset))
    data = json_ld(client, centre.url)
    days = [row["validFrom"] for row in data["specialOpeningHoursSpecification"]]
    assert days == [(today + datetime.timedelta(n)).isoformat() for n in (0, 5, 40)]
    assert all(
        (row["opens"], row["closes"]) == ("00:00", "00:00")
        for row in data["specialOpeningHoursSpecification"]
    )  # closed all day


def test_organisation_gets_its_opening_hours_through_its_location(client, directory):
    school = directory.partners[2][0]
    PartnerOpeningHours.objects.create(
        page=school, weekday=5, opens=datetime.time(9), closes=datetime.time(17)
    )
    PartnerPage.objects.filter(pk=school.pk).update(latitude="30.8", longitude="103.9")
    data = json_ld(client, school.url)
    assert data["@type"] == "EducationalOrganization"
    assert "openingHoursSpecification" not in data
    hours = data["location"]["openingHoursSpecification"]
    assert hours == [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": ["https://schema.org/Saturday"],
            "opens": "09:00",
            "closes": "17:00",
        }
    ]
    check(data, school.url)


def test_images_point_at_a_rendition_not_the_original(client, directory):
    photo = make_image("space-photo")
    PublicSpacePage.objects.filter(translation_key=directory.spaces[0][0].translation_key).update(
        image=photo
    )
    image = json_ld(client, directory.spaces[0][1].url)["image"]
    logo = json_ld(client, directory.partners[0][1].url)["logo"]
    for url in (image, logo):
        assert url.startswith("http://testserver/")
        assert "/original_images/" not in url and "/images/" in url, url
