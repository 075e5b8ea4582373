"""Which fields translators translate and which are one fact for every language.

Pinned here so that a new field is a deliberate choice: add it to one list or the other.
"""

import pytest
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields

from events.models import EventCategory, EventPage
from home.models import ContactDetails, ContentPage, HomePage, NavigationMenu
from services.models import PartnerPage, PublicSpacePage, ServiceCategory, ServicePage

PAGE_TEXT = {"title", "seo_title", "search_description"}
# Snippets with drafts go live and come off the site with their source, as pages do.
SCHEDULE = {"go_live_at", "expire_at"}

POLICY = {
    HomePage: ({"lead", "hero_alt", "body"}, {"hero_image", "first_steps_page"}),
    ContentPage: ({"summary", "body"}, set()),
    EventPage: (
        {"summary", "body", "image_alt", "price", "venue_address", "category"},
        {
            "image",
            "audience",
            "languages",
            "is_free",
            "price_amount",
            "registration_url",
            "capacity",
            "is_full",
            "venue",
            "online_url",
            "status",
            "start_date",
            "start_time",
            "end_date",
            "end_time",
            "all_day",
            "timezone",
            "repeat",
            "repeat_interval",
            "repeat_weekdays",
            "repeat_monthly_by",
            "repeat_until",
            "repeat_count",
            "date_changes",
            "organisers",
        },
    ),
    ServicePage: (
        {"summary", "category", "steps", "documents", "fees", "where_address", "hours_note"},
        {
            "where_space",
            "counter_languages",
            "phone",
            "email",
            "online_url",
            "last_reviewed",
            "opening_hours",
            "government_service",
        },
    ),
    PartnerPage: (
        {"summary", "description", "offers", "address", "hours_note"},
        {
            "partner_type",
            "logo",
            "languages",
            "website",
            "phone",
            "wechat_id",
            "latitude",
            "longitude",
            "opening_hours",
        },
    ),
    PublicSpacePage: (
        {
            "summary",
            "image_alt",
            "description",
            "facilities",
            "how_to_book",
            "hours_note",
            "gallery",
            "address",
        },
        {
            "image",
            "step_free",
            "accessible_toilet",
            "lift",
            "capacity",
            "booking_url",
            "phone",
            "latitude",
            "longitude",
            "opening_hours",
            "hours_exceptions",
        },
    ),
    EventCategory: ({"name"}, {"slug", "sort_order", *SCHEDULE}),
    ServiceCategory: ({"name"}, {"slug", "sort_order", *SCHEDULE}),
    NavigationMenu: ({"items"}, {"name", *SCHEDULE}),
    ContactDetails: (
        {"centre_name", "address", "opening_hours", "about", "emergency_numbers"},
        {"phone", "email", "emergency_page", *SCHEDULE},
    ),
}
PAGE_FIELDS = {field.name for field in Page._meta.get_fields()}


@pytest.mark.parametrize("model", list(POLICY), ids=lambda model: model.__name__)
def test_fields_are_translated_or_synchronised_deliberately(model):
    translated, synchronised = POLICY[model]
    fields = get_translatable_fields(model)
    is_page = issubclass(model, Page)
    own = {f.field_name for f in fields if not is_page or f.field_name not in PAGE_FIELDS}
    found_translated = {f.field_name for f in fields if isinstance(f, TranslatableField)}
    found_synchronised = {
        f.field_name
        for f in fields
        if isinstance(f, SynchronizedField) and not isinstance(f, TranslatableField)
    }
    if is_page:
        translated = translated | PAGE_TEXT
        synchronised = synchronised | {"slug"}
        own |= PAGE_TEXT | {"slug"}
    assert found_translated & own == translated
    assert found_synchronised & own == synchronised


@pytest.mark.parametrize("model", list(POLICY), ids=lambda model: model.__name__)
def test_synchronised_facts_cannot_be_overridden_by_a_translator(model):
    overridable = {
        f.field_name
        for f in get_translatable_fields(model)
        if isinstance(f, SynchronizedField) and f.overridable
    }
    assert overridable == set()


@pytest.mark.parametrize(
    "model", [m for m in POLICY if issubclass(m, Page)], ids=lambda model: model.__name__
)
def test_publishing_schedule_is_synchronised(model):
    synchronised = {
        f.field_name for f in get_translatable_fields(model) if type(f) is SynchronizedField
    }
    assert {"go_live_at", "expire_at"} <= synchronised
