"""Collation keys, coordinate conversion and opening hours: pure functions, no database."""

from datetime import date, datetime, time
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest

from services import collation, maps, opening

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("title", "language", "expected"),
    [
        ("Muyan Coffee", "en", "M"),
        ("élan bakery", "en", "E"),
        ("42 Club", "en", "#"),
        ("沐言咖啡", "zh-hans", "M"),
        ("格格屋", "zh-hans", "G"),
        ("BLOCK环球食品店", "zh-hans", "B"),
        ("무옌 커피", "ko", "ㅁ"),
        ("고향집 한식당", "ko", "ㄱ"),
        ("까치 카페", "ko", "ㄱ"),
        ("쌍둥이 분식", "ko", "ㅅ"),
        ("하나 마트", "ko", "ㅎ"),
        ("YAM 국제 자원봉사단", "ko", "Y"),
        ("沐言咖啡", "en", "#"),
        ("", "en", "#"),
    ],
)
def test_initial_in_each_language(title, language, expected):
    assert collation.initial(title, language) == expected


def test_sort_key_orders_chinese_by_pinyin():
    titles = ["沐言咖啡", "阿里面馆", "格格屋", "BLOCK环球食品店", "晨光面包房"]
    ordered = sorted(titles, key=lambda t: collation.sort_key(t, "zh-hans"))
    assert ordered == ["阿里面馆", "BLOCK环球食品店", "晨光面包房", "格格屋", "沐言咖啡"]


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("长城咖啡", "C"),
        ("长沙米粉", "C"),
        ("重庆小面", "C"),
        ("厦门小吃", "X"),
        ("「长城」咖啡", "C"),
    ],
)
def test_chinese_initial_reads_the_first_character_in_its_phrase(title, expected):
    # 长, 重 and 厦 have several readings; alone they read zhang, zhong and sha.
    assert collation.initial(title, "zh-hans") == expected


def test_chinese_title_is_sorted_among_the_titles_of_its_letter():
    titles = ["重庆小面", "长城咖啡", "晨光面包房", "张记豆花", "厦门小吃", "熊猫书店"]
    ordered = sorted(titles, key=lambda t: collation.sort_key(t, "zh-hans"))
    assert ordered == ["长城咖啡", "晨光面包房", "重庆小面", "厦门小吃", "熊猫书店", "张记豆花"]
    assert [collation.initial(t, "zh-hans") for t in ordered] == ["C", "C", "C", "X", "X", "Z"]


def test_english_sort_key_ignores_accents():
    titles = ["ezra", "Éclair", "eclat", "Zeta", "eagle"]
    ordered = sorted(titles, key=lambda t: collation.sort_key(t, "en"))
    assert ordered == ["eagle", "Éclair", "eclat", "ezra", "Zeta"]


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("ㄲ", "ㄱ"),
        ("ㄸ", "ㄷ"),
        ("ㅃ", "ㅂ"),
        ("ㅆ", "ㅅ"),
        ("ㅉ", "ㅈ"),
        (" m ", "M"),
        ("ㅁ", "ㅁ"),
    ],
)
def test_typed_letter_folds_like_filing(typed, expected):
    assert collation.fold_letter(typed) == expected


def test_sort_key_orders_korean_consonants_before_latin():
    titles = ["YAM 국제 자원봉사단", "하나 마트", "까치 카페", "거거 하우스", "다솜 한국어학당"]
    ordered = sorted(titles, key=lambda t: collation.sort_key(t, "ko"))
    assert ordered == [
        "거거 하우스",
        "까치 카페",
        "다솜 한국어학당",
        "하나 마트",
        "YAM 국제 자원봉사단",
    ]


def test_sort_key_is_ascii_and_ignores_case_in_english():
    assert collation.sort_key("apple", "en") == collation.sort_key("Apple", "en")
    assert collation.sort_key("무옌 커피", "ko").isascii()


def test_korean_alphabet_has_fourteen_consonants_then_latin():
    letters = collation.alphabet("ko")
    assert letters[:14] == tuple("ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ")
    assert letters[14] == "A" and letters[-1] == "#"


# Reference values published with the widely used coordtransform library
# (wgs84togcj02 / gcj02tobd09 of 116.404, 39.915).
def test_wgs84_to_gcj02_matches_reference():
    lat, lng = maps.wgs84_to_gcj02(39.915, 116.404)
    assert lat == pytest.approx(39.91640428150164, abs=1e-9)
    assert lng == pytest.approx(116.41024449916938, abs=1e-9)


def test_gcj02_to_bd09_matches_reference():
    lat, lng = maps.gcj02_to_bd09(39.915, 116.404)
    assert lat == pytest.approx(39.92133699351021, abs=1e-9)
    assert lng == pytest.approx(116.41036949371029, abs=1e-9)


def test_no_shift_outside_china():
    assert maps.out_of_china(51.5007, -0.1246)
    assert maps.wgs84_to_gcj02(51.5007, -0.1246) == (51.5007, -0.1246)
    assert maps.wgs84_to_bd09(37.5665, 126.9780 + 10) == (37.5665, 136.978)


def test_shift_in_chengdu_is_a_few_hundred_metres():
    lat, lng = maps.wgs84_to_gcj02(30.8081, 103.8915)
    assert 0.0005 < abs(lat - 30.8081) + abs(lng - 103.8915) < 0.01


def test_map_links_use_each_apps_coordinates():
    links = {link.app: link.url for link in maps.map_links(30.8081, 103.8915, "沐言咖啡")}
    g_lat, g_lng = maps.wgs84_to_gcj02(30.8081, 103.8915)
    b_lat, b_lng = maps.wgs84_to_bd09(30.8081, 103.8915)
    amap = parse_qs(urlsplit(links["amap"]).query)
    assert amap["position"] == [f"{g_lng:.6f},{g_lat:.6f}"]
    assert amap["name"] == ["沐言咖啡"]
    baidu = parse_qs(urlsplit(links["baidu"]).query)
    assert baidu["location"] == [f"{b_lat:.6f},{b_lng:.6f}"]
    assert baidu["coord_type"] == ["bd09ll"]
    assert baidu["output"] == ["html"]
    assert baidu["src"] == ["webapp.youlin.site"]  # required by Baidu's URI API
    assert amap["src"] == ["youlin"]
    assert parse_qs(urlsplit(links["apple"]).query)["ll"] == [f"{g_lat:.6f},{g_lng:.6f}"]
    assert links["osm"] == (
        "https://www.openstreetmap.org/?mlat=30.808100&mlon=103.891500#map=17/30.808100/103.891500"
    )


WEEK = [opening.Period(day, time(9), time(18)) for day in range(5)] + [
    opening.Period(4, time(22), time(2)),  # Friday late night
    opening.Period(5, time(0), time(0)),  # Saturday all day
]


def at(*args):
    return datetime(*args, tzinfo=SHANGHAI)


def test_open_during_weekday_hours():
    assert opening.is_open(at(2026, 11, 23, 10, 0), WEEK, tz=SHANGHAI)  # Monday
    assert not opening.is_open(at(2026, 11, 23, 18, 0), WEEK, tz=SHANGHAI)  # closing time
    assert not opening.is_open(at(2026, 11, 23, 8, 59), WEEK, tz=SHANGHAI)


def test_late_period_runs_past_midnight():
    assert opening.is_open(at(2026, 11, 27, 23, 30), WEEK, tz=SHANGHAI)  # Friday night
    assert opening.is_open(at(2026, 11, 28, 1, 59), WEEK, tz=SHANGHAI)  # Saturday 1:59
    assert not opening.is_open(at(2026, 11, 30, 1, 0), WEEK, tz=SHANGHAI)  # Monday 1:00


def test_midnight_to_midnight_is_the_whole_day():
    assert opening.is_open(at(2026, 11, 28, 0, 0), WEEK, tz=SHANGHAI)
    assert opening.is_open(at(2026, 11, 28, 23, 59), WEEK, tz=SHANGHAI)
    assert not opening.is_open(at(2026, 11, 29, 0, 0), WEEK, tz=SHANGHAI)  # Sunday


def test_time_zone_is_the_sites_not_the_visitors():
    utc_evening = datetime(2026, 11, 23, 2, 0, tzinfo=ZoneInfo("UTC"))  # 10:00 in Chengdu
    assert opening.is_open(utc_evening, WEEK, tz=SHANGHAI)
    assert not opening.is_open(utc_evening, WEEK, tz=ZoneInfo("UTC"))


def test_holiday_closes_a_normal_day():
    holiday = [opening.DayException(date(2026, 11, 23))]
    assert not opening.is_open(at(2026, 11, 23, 10, 0), WEEK, holiday, tz=SHANGHAI)
    assert opening.is_open(at(2026, 11, 24, 10, 0), WEEK, holiday, tz=SHANGHAI)


def test_special_hours_replace_the_weekly_ones():
    late = [opening.DayException(date(2026, 11, 23), closed=False, opens=time(14), closes=time(23))]
    assert not opening.is_open(at(2026, 11, 23, 10, 0), WEEK, late, tz=SHANGHAI)
    assert opening.is_open(at(2026, 11, 23, 22, 0), WEEK, late, tz=SHANGHAI)


def test_closed_holiday_after_a_late_night_keeps_the_night():
    holiday = [opening.DayException(date(2026, 11, 28))]  # Saturday closed
    assert opening.is_open(at(2026, 11, 28, 1, 0), WEEK, holiday, tz=SHANGHAI)
    assert not opening.is_open(at(2026, 11, 28, 12, 0), WEEK, holiday, tz=SHANGHAI)


def test_weekly_table_lists_every_day():
    table = opening.weekly_table(WEEK)
    assert [day for day, _ in table] == list(range(7))
    assert table[4][1] == [(time(9), time(18)), (time(22), time(2))]
    assert table[6][1] == []
