"""GET /api/v3/services/, /partners/, /spaces/ and their items, in each language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from services.maps import wgs84_to_gcj02
from tests.api.conftest import get_json

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("code", "title"),
    [
        ("zh-hans", "有英语服务的医院"),
        ("en", "Hospitals with English-speaking staff"),
        ("ko", "영어 진료 병원"),
    ],
)
def test_services_in_the_requested_language(client, directory, code, title):
    data = get_json(client, f"/services/?locale={code}")
    assert data["count"] == 3
    hospital = next(item for item in data["items"] if item["title"] == title)
    assert hospital["locale"] == code
    assert hospital["url"] == f"http://testserver/{code}/services/hospitals/"
    assert {t["locale"]: t["url"] for t in hospital["translations"]} == {
        other: f"http://testserver/{other}/services/hospitals/" for other in ("zh-hans", "en", "ko")
    }
    assert hospital["category"]["slug"] == "health"
    assert [language["code"] for language in hospital["counter_languages"]] == ["zh", "en", "ko"]
    assert hospital["where"]["url"] == f"http://testserver/{code}/spaces/centre/"
    # No hours of its own: the space's (open all day, every day).
    assert len(hospital["opening_hours"]) == 7
    assert hospital["opening_hours"][0] == {"weekday": 0, "opens": "00:00", "closes": "00:00"}
    assert hospital["phone"] == "120" and hospital["online_url"] == "https://example.com/book"


def test_service_detail_and_category_filter(client, directory):
    key = directory.services[0][0].translation_key
    detail = get_json(client, f"/services/{key}/?locale=ko")
    assert detail["title"] == "영어 진료 병원"
    assert detail["last_checked"]
    listed = get_json(client, "/services/?locale=en&category=health")
    assert [item["title"] for item in listed["items"]] == ["Hospitals with English-speaking staff"]
    error = get_json(client, "/services/?locale=en&category=nothing", status=400)
    assert error["errors"] == [{"parameter": "category", "message": error["detail"]}]


def test_partners_with_filters_logo_and_both_datums(client, directory):
    data = get_json(client, "/partners/?locale=en")
    assert [item["title"] for item in data["items"]] == [
        "Dasom Korean School",
        "Gege House",
        "Muyan Coffee",
        "YAM Volunteers",
    ]
    muyan = data["items"][2]
    assert muyan["type"] == {"code": "cafe", "label": "Café or shop"}
    assert muyan["location"]["wgs84"] == {"latitude": 30.8112, "longitude": 103.8876}
    lat, lng = wgs84_to_gcj02(30.8112, 103.8876)
    assert muyan["location"]["gcj02"] == {"latitude": round(lat, 6), "longitude": round(lng, 6)}
    assert muyan["logo"]["renditions"] and muyan["wechat_id"] == "muyan_coffee"
    assert len(muyan["opening_hours"]) == 7
    korean = get_json(client, "/partners/?locale=ko&language=ko")
    assert [item["title"] for item in korean["items"]] == ["다솜 한국어학당", "YAM 자원봉사단"]
    assert (
        get_json(client, "/partners/?locale=ko&type=cafe")["items"][0]["type"]["label"]
        == "카페·상점"
    )


def test_spaces_with_hours_open_now_and_access(client, directory):
    data = get_json(client, "/spaces/?locale=zh-hans")
    assert data["count"] == 3
    centre = next(item for item in data["items"] if item["title"] == "国际友邻服务中心")
    assert centre["open_now"] is True  # open all day
    assert centre["accessibility"] == {"step_free": True, "accessible_toilet": False, "lift": False}
    assert centre["capacity"] == 80
    garden = next(item for item in data["items"] if item["title"] == "社区花园")
    assert garden["open_now"] is None and garden["location"]["wgs84"] is None
    detail = get_json(client, f"/spaces/{centre['id']}/?locale=en")
    assert detail["title"] == "International Neighbour Service Centre"


def test_an_item_missing_in_a_language_is_a_json_404(client, directory):
    key = directory.partners[1][0].translation_key
    directory.partners[1][2].unpublish()
    error = get_json(client, f"/partners/{key}/?locale=ko", status=404)
    assert error["detail"] == "이 언어로 된 항목이 없습니다."
    assert get_json(client, f"/partners/{key}/?locale=en")["title"] == "Gege House"
    get_json(client, "/spaces/00000000-0000-0000-0000-000000000000/", status=404)


def test_private_pages_never_appear(client, directory):
    muyan, gege = directory.partners[0], directory.partners[1]
    PageViewRestriction.objects.create(
        page=muyan[1], restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    PageViewRestriction.objects.create(
        page=directory.indexes["spaces"][0], restriction_type=PageViewRestriction.LOGIN
    )
    titles = [item["title"] for item in get_json(client, "/partners/?locale=en")["items"]]
    assert "Muyan Coffee" not in titles and "Gege House" in titles
    get_json(client, f"/partners/{muyan[0].translation_key}/?locale=en", status=404)
    assert get_json(client, f"/partners/{gege[0].translation_key}/?locale=en")
    # A restriction on the Chinese list page hides every Chinese space, not the others.
    assert get_json(client, "/spaces/?locale=zh-hans")["count"] == 0
    assert get_json(client, "/spaces/?locale=en")["count"] == 3
    # The hospital's space is private in Chinese: not named there.
    hospital = get_json(client, "/services/?locale=zh-hans&category=health")["items"][0]
    assert hospital["where"] is None or "/zh-hans/" not in hospital["where"]["url"]


@pytest.mark.parametrize(
    ("kind", "richest"),
    [("services", "영어 진료 병원"), ("partners", "무옌 커피"), ("spaces", "국제이웃서비스센터")],
)
def test_constant_queries_per_page_at_two_sizes(
    client, directory, uncached_pages, django_assert_max_num_queries, kind, richest
):
    every = get_json(client, f"/{kind}/?locale=ko&limit=100")  # renditions are made once
    # The small page holds the item with the most to look up (a space, hours, a logo).
    offset = next(n for n, item in enumerate(every["items"]) if item["title"] == richest)
    counts = []
    for query in (f"offset={offset}&limit=1", "limit=100"):
        with CaptureQueriesContext(connection) as queries, django_assert_max_num_queries(12):
            data = get_json(client, f"/{kind}/?locale=ko&{query}")
        counts.append(len(queries))
    assert len(data["items"]) == every["count"] > 1
    assert counts[0] == counts[1], counts
