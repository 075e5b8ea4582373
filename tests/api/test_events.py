"""GET /api/v3/events/: one item per date, the calendar's filters, search, sync and privacy."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from events.models import Occurrence
from tests.api.conftest import all_items, get_json
from tests.conftest import publish
from tests.events.conftest import make_event, next_weekday
from tests.events.test_private_pages import assert_private_names_absent

pytestmark = pytest.mark.django_db

SALON = {"en": "Uncle Zhan's English Salon", "ko": "잔 아저씨 영어 살롱", "zh-hans": "詹叔英语沙龙"}


def salon_items(client, query="locale=en"):
    return [
        item
        for item in all_items(client, f"/events/?{query}&start={next_weekday(5)}&end=2027-12-31")
        if item["event"]["url"].endswith("/events/english-salon/")
    ]


def test_one_item_per_date_with_cancelled_and_moved_dates_marked(client, salon):
    items = salon_items(client)
    saturday = next_weekday(5)
    assert len(items) == 10
    assert items[0]["start"] == f"{saturday}T19:00:00+08:00"
    assert items[0]["end"] == f"{saturday}T21:00:00+08:00"
    assert (items[0]["cancelled"], items[0]["event_status"]) == (False, "EventScheduled")
    cancelled = items[1]
    assert cancelled["start"].startswith(str(saturday + datetime.timedelta(weeks=1)))
    assert (cancelled["cancelled"], cancelled["event_status"]) == (True, "EventCancelled")
    moved = items[2]
    sunday = saturday + datetime.timedelta(weeks=2, days=1)
    assert moved["start"] == f"{sunday}T15:00:00+08:00"
    assert moved["original_start"] == f"{saturday + datetime.timedelta(weeks=2)}T19:00:00+08:00"
    assert (moved["moved"], moved["event_status"]) == (True, "EventRescheduled")
    assert moved["venue"]["title"] == "Shared classroom"
    assert items[0]["venue"]["title"] == "International Neighbour Service Centre"
    # Ids are stable and distinct: the event's id and the date as first planned.
    assert len({item["id"] for item in items}) == 10
    assert {item["event"]["id"] for item in items} == {str(salon.zh.translation_key)}


@pytest.mark.parametrize("code", ["zh-hans", "en", "ko"])
def test_text_and_url_in_the_requested_language(client, salon, code):
    item = salon_items(client, f"locale={code}")[0]
    event = item["event"]
    assert event["title"] == SALON[code]
    assert event["url"] == f"http://testserver/{code}/events/english-salon/"
    assert [t["locale"] for t in event["translations"]] == ["zh-hans", "en", "ko"]
    assert event["category"]["slug"] == "english-salon"
    assert event["organisers"][0]["url"] == f"http://testserver/{code}/partners/yam/"
    assert event["venue"]["url"] == f"http://testserver/{code}/spaces/centre/"


def test_accept_language_picks_the_language_without_locale(client, salon):
    data = get_json(client, "/events/", HTTP_ACCEPT_LANGUAGE="ko-KR,ko;q=0.9,en;q=0.5")
    assert SALON["ko"] in {item["event"]["title"] for item in data["items"]}
    data = get_json(client, "/events/", HTTP_ACCEPT_LANGUAGE="fr")
    assert SALON["en"] in {item["event"]["title"] for item in data["items"]}


def test_the_facts_of_an_event(client, programme):
    items = all_items(client, "/events/?locale=ko")
    festival = next(i for i in items if i["event"]["url"].endswith("/festival/"))["event"]
    assert festival["title"] == "국제 문화 축제"
    assert festival["price"] == {
        "is_free": False,
        "text": "",
        "amount": "30.00",
        "currency": "CNY",
    }
    assert festival["registration"] == {
        "url": "https://example.com/register",
        "capacity": 40,
        "is_full": False,
    }
    assert festival["audience"]["code"] == "families"
    assert [language["code"] for language in festival["languages"]] == ["zh", "ko"]
    assert festival["languages"][1]["label"] == "한국어"
    assert festival["venue"]["location"]["wgs84"] is None  # the classroom has no point
    formats = {r["format"] for r in festival["image"]["renditions"]}
    assert formats == {"avif", "webp", "jpeg"}
    assert all(
        r["url"].startswith("http://testserver/media/") for r in festival["image"]["renditions"]
    )
    online = next(i for i in items if i["event"]["url"].endswith("/online-talk/"))
    assert online["event_status"] == "EventMovedOnline"
    assert online["event"]["online_url"] == "https://example.com/live"
    fair = next(i for i in items if i["event"]["url"].endswith("/book-fair/"))
    assert fair["all_day"] is True
    assert fair["event"]["address"] == "天府新区南山社区"
    centre = next(i for i in items if i["event"]["url"].endswith("/korean-corner/"))["venue"]
    assert centre["location"]["wgs84"] == {"latitude": 30.80812, "longitude": 103.89153}
    gcj02 = centre["location"]["gcj02"]
    # GCJ-02 is shifted a few hundred metres from GPS in Chengdu.
    assert 0.001 < abs(gcj02["latitude"] - 30.80812) < 0.01
    assert 0.001 < abs(gcj02["longitude"] - 103.89153) < 0.01


def test_range_is_start_inclusive_end_exclusive_and_defaults_to_today(client, programme):
    thursday = next_weekday(3)
    data = get_json(client, f"/events/?locale=en&start={thursday}&end={thursday}T23:59:59%2B08:00")
    assert [i["event"]["title"] for i in data["items"]] == ["Korean corner"]
    data = get_json(
        client,
        f"/events/?locale=en&start={thursday}T20:00:00%2B08:00&end={thursday}T21:00:00%2B08:00",
    )
    assert [i["event"]["title"] for i in data["items"]] == ["Korean corner"]  # still on
    friday = thursday + datetime.timedelta(days=1)
    data = get_json(client, f"/events/?locale=en&start={thursday}T21:00:00%2B08:00&end={friday}")
    assert data["items"] == []
    # An end before the start is an empty range, not an error.
    assert get_json(client, f"/events/?end={thursday}&start={thursday}T12:00%2B08:00")["count"] == 0
    default = get_json(client, "/events/?locale=en&limit=100")
    today = timezone.localdate()
    assert default["items"][0]["start"] >= f"{today}"
    assert all(i["start"] < f"{today + datetime.timedelta(days=31)}" for i in default["items"])


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("category=english-salon", {"Uncle Zhan's English Salon"}),
        ("category=chinese-class", {"International Cultural Festival"}),
        ("venue=centre", {"Uncle Zhan's English Salon", "Korean corner", "Kids club"}),
        ("venue=classroom", {"International Cultural Festival", "Uncle Zhan's English Salon"}),
        (
            "organiser=yam",
            {"Uncle Zhan's English Salon", "International Cultural Festival", "Kids club"},
        ),
        ("audience=children", {"Kids club"}),
        ("language=ko", {"International Cultural Festival", "Korean corner"}),
        ("free=true&audience=families", set()),
        ("free=false&audience=families", {"International Cultural Festival"}),
        (
            "bbox=103.8,30.7,104.0,30.9",
            {"Uncle Zhan's English Salon", "Korean corner", "Kids club"},
        ),
        ("bbox=116.0,39.0,117.0,40.0", set()),
    ],
)
def test_the_calendars_filters(client, programme, query, expected):
    titles = {i["event"]["title"] for i in all_items(client, f"/events/?locale=en&{query}")}
    assert titles == expected


def test_free_keeps_paid_events_out(client, programme):
    titles = {i["event"]["title"] for i in all_items(client, "/events/?locale=en&free=true")}
    assert "International Cultural Festival" not in titles
    assert "Korean corner" in titles


def test_last_modified_since_lists_events_published_since(client, programme, clock):
    assert get_json(client, "/events/?last_modified_since=2099-01-01")["count"] == 0
    clock.shift(datetime.timedelta(hours=1))
    since = timezone.now().isoformat().replace("+", "%2B")
    assert get_json(client, f"/events/?last_modified_since={since}")["count"] == 0
    clock.shift(datetime.timedelta(minutes=1))
    publish(programme.korean.en)  # the English text changed, not the Korean
    titles = {
        i["event"]["title"]
        for i in all_items(client, f"/events/?locale=en&last_modified_since={since}")
    }
    assert titles == {"Korean corner"}
    assert get_json(client, f"/events/?locale=ko&last_modified_since={since}")["count"] == 0
    publish(programme.korean.zh)  # the original: its facts are every language's
    assert get_json(client, f"/events/?locale=ko&last_modified_since={since}")["count"] == 1


class TestTextSearch:
    @pytest.fixture
    def search_index_kept_up_to_date(self):
        return True

    @pytest.mark.parametrize(
        ("code", "words", "title"),
        [
            ("en", "salon", "Uncle Zhan's English Salon"),
            ("zh-hans", "英语沙龙", "詹叔英语沙龙"),
            ("ko", "영어", "잔 아저씨 영어 살롱"),
        ],
    )
    def test_q_finds_events_in_the_language(self, client, salon, code, words, title):
        items = all_items(client, f"/events/?locale={code}&q={words}")
        assert {i["event"]["title"] for i in items} == {title}
        assert all_items(client, f"/events/?locale={code}&q=zzzzqqq") == []


def test_pages_in_a_stable_order_with_a_cap(client, programme):
    every = all_items(client, "/events/?locale=en", limit=100)
    paged = all_items(client, "/events/?locale=en", limit=3)
    assert [i["id"] for i in paged] == [i["id"] for i in every]
    assert [i["start"] for i in every] == sorted(i["start"] for i in every)
    first = get_json(client, "/events/?locale=en&limit=3")
    assert first["count"] == len(every) and first["previous"] is None
    assert "offset=3" in first["next"]
    error = get_json(client, "/events/?limit=101", status=400)
    assert error["errors"][0]["parameter"] == "limit"
    beyond = get_json(client, "/events/?offset=1000")
    assert (beyond["items"], beyond["next"]) == ([], None)


def test_constant_queries_per_page_at_two_sizes(
    client, programme, uncached_pages, django_assert_max_num_queries
):
    every = get_json(client, "/events/?locale=ko&limit=100")  # renditions are made once
    assert every["count"] > 10
    # The small page holds the item with the most to look up: picture, organiser, venue.
    richest = next(n for n, i in enumerate(every["items"]) if i["event"]["image"])
    counts = []
    for query in (f"offset={richest}&limit=1", "limit=100"):
        with CaptureQueriesContext(connection) as queries, django_assert_max_num_queries(21):
            data = get_json(client, f"/events/?locale=ko&{query}")
        counts.append(len(queries))
    assert len(data["items"]) == every["count"]
    assert counts[0] == counts[1], counts


def test_private_and_draft_events_never_appear(client, private):
    for code in ("en", "zh-hans"):
        items = all_items(client, f"/events/?locale={code}&end=2027-12-31")
        assert items, code
        text = str(items)
        assert_private_names_absent(text, f"/api/v3/events/?locale={code}")
        # The salon's date moved to the private classroom keeps no venue rather than naming it.
        moved = [i for i in items if i["moved"]]
        assert moved and all(i["venue"] is None for i in moved)
        assert all(o["title"] != "YAM Volunteers" for i in items for o in i["event"]["organisers"])
    for query in ("organiser=yam", "venue=classroom"):
        error = get_json(client, f"/events/?locale=en&{query}", status=400)
        assert error["errors"][0]["parameter"] == query.split("=")[0]


def test_unpublished_and_expired_events_disappear(client, calendar, clock):
    draft = make_event(calendar, "draft-event", en="Draft event")
    expiring = make_event(calendar, "expiring", en="Expiring event")
    draft.en.unpublish()
    titles = {i["event"]["title"] for i in all_items(client, "/events/?locale=en")}
    assert "Draft event" not in titles and "Expiring event" in titles
    assert "活动 draft-event" in {
        i["event"]["title"] for i in all_items(client, "/events/?locale=zh-hans")
    }
    expiring.zh.unpublish()  # what the expiry job does when the day comes
    assert not Occurrence.objects.filter(translation_key=expiring.zh.translation_key).exists()
    for code in ("en", "ko", "zh-hans"):
        assert "expiring" not in str(all_items(client, f"/events/?locale={code}"))
