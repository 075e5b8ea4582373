"""The demo site through the API: everything it publishes, in every language it has."""

from events.models import EventPage
from services.models import PartnerPage, PublicSpacePage, ServicePage
from tests.api.conftest import all_items, get_json


def test_the_demo_directory_and_calendar_in_each_language(demo_site, client):
    for code in ("zh-hans", "en", "ko"):
        check_language(client, code)


def check_language(client, code):
    for kind, model in (
        ("services", ServicePage),
        ("partners", PartnerPage),
        ("spaces", PublicSpacePage),
    ):
        items = all_items(client, f"/{kind}/?locale={code}")
        live = model.objects.live().filter(locale__language_code=code)
        assert sorted(item["page_id"] for item in items) == sorted(
            live.values_list("pk", flat=True)
        )
        assert all(item["locale"] == code for item in items)
    events = all_items(client, f"/events/?locale={code}")
    assert events, "the demo has events in the next 31 days"
    pages = set(
        EventPage.objects.live().filter(locale__language_code=code).values_list("pk", flat=True)
    )
    assert {item["event"]["page_id"] for item in events} <= pages
    salon = [item for item in events if item["event"]["url"].endswith("/english-salon/")]
    assert salon and all(item["event"]["organisers"] for item in salon)
    spaces = get_json(client, f"/spaces/?locale={code}&limit=100")["items"]
    assert all(space["location"]["gcj02"] for space in spaces if space["location"]["wgs84"])
