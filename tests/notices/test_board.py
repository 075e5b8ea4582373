"""The notice board: per-locale lists with the Chinese original until translated, filters,
the archive, feeds, JSON-LD, the sitemap and search."""

import json
import re

import feedparser
import pytest

from notices.models import KIND_SERVICE_CHANGE, KIND_URGENT
from tests.notices.conftest import DAY, HOUR, add_notice

pytestmark = pytest.mark.django_db


def titles(html):
    return re.findall(r'<h2 class="card__title"><a href="[^"]*">([^<]*)</a>', html)


def test_a_chinese_notice_shows_in_every_language_marked_until_translated(client, board):
    add_notice(board, "water", "锦绣苑停水通知")
    zh = client.get("/zh-hans/notices/").content.decode()
    assert titles(zh) == ["锦绣苑停水通知"]
    assert "Not yet translated" not in zh
    for path, note in (("/en/notices/", "Not yet translated"), ("/ko/notices/", "")):
        html = client.get(path).content.decode()
        assert titles(html) == ["锦绣苑停水通知"]
        assert 'lang="zh-Hans"' in html
        assert 'class="notice-untranslated"' in html
        if note:
            assert note in html


def test_a_published_translation_replaces_the_original(client, board):
    add_notice(board, "water", "锦绣苑停水通知", en="Water outage in Jinxiu Garden")
    english = client.get("/en/notices/").content.decode()
    assert titles(english) == ["Water outage in Jinxiu Garden"]
    assert 'class="notice-untranslated"' not in english
    assert titles(client.get("/ko/notices/").content.decode()) == ["锦绣苑停水通知"]


def test_newest_first_and_ended_notices_in_the_archive(client, board):
    add_notice(board, "old", "旧通知", en="Old", starts=-10 * DAY, ends=-2 * DAY)
    add_notice(board, "older", "较早通知", en="Earlier", starts=-5 * DAY)
    add_notice(board, "new", "新通知", en="Newest", starts=-HOUR)
    assert titles(client.get("/en/notices/").content.decode()) == ["Newest", "Earlier"]
    archive = client.get("/en/notices/archive/")
    assert archive.status_code == 200
    assert titles(archive.content.decode()) == ["Old"]
    assert "This notice has ended" in client.get("/en/notices/old/").content.decode()


def test_filter_by_kind(client, board):
    add_notice(board, "a", "通知", en="General")
    add_notice(board, "b", "服务调整", en="Bus timetable", kind=KIND_SERVICE_CHANGE)
    html = client.get("/en/notices/?kind=service-change").content.decode()
    assert titles(html) == ["Bus timetable"]


def test_filter_by_compound_keeps_notices_for_the_whole_community(client, board):
    add_notice(board, "everyone", "全体", en="Everyone")
    add_notice(board, "jinxiu", "锦绣苑", en="Jinxiu only", areas=[board.jinxiu])
    add_notice(board, "bolin", "柏林苑", en="Bolin only", areas=[board.bolin])
    html = client.get("/en/notices/?area=jinxiu").content.decode()
    assert sorted(titles(html)) == ["Everyone", "Jinxiu only"]
    # The compound is named in the list's language (Bolin has no English name yet).
    full = client.get("/en/notices/").content.decode()
    assert "Jinxiu Garden" in full
    assert "柏林苑" in full


@pytest.mark.parametrize("query", ["?kind=party", "?area=nowhere", "?kind=%00"])
def test_unknown_filters_answer_400_in_the_visitors_language(client, board, query):
    response = client.get(f"/ko/notices/{query}")
    assert response.status_code == 400
    assert 'lang="ko"' in response.content.decode()


@pytest.mark.parametrize("page", ["abc", "²", "-3", "99999999999999999999"])
def test_odd_page_numbers_show_a_page(client, board, page):
    add_notice(board, "a", "通知")
    assert client.get(f"/en/notices/?page={page}").status_code == 200


def test_the_switcher_keeps_the_filters(client, board):
    html = client.get("/en/notices/archive/?kind=urgent").content.decode()
    assert 'href="/ko/notices/archive/?kind=urgent"' in html


def test_a_notice_slug_cannot_hide_a_board_address(board):
    from django.core.exceptions import ValidationError

    from notices.models import NoticePage

    page = NoticePage(title="x", slug="archive", summary="x")
    page.path, page.depth = "0001", 3  # clean() reads the slug only
    with pytest.raises(ValidationError):
        page.clean()


@pytest.mark.parametrize("count", [3, 12])
def test_the_list_costs_the_same_queries_at_any_size(
    client, board, count, django_assert_max_num_queries, uncached_pages
):
    for n in range(count):
        add_notice(
            board,
            f"n{n}",
            f"通知{n}",
            en=f"Notice {n}" if n % 2 else None,
            areas=[board.jinxiu, board.bolin],
        )
    client.get("/en/notices/")
    with django_assert_max_num_queries(18):
        html = client.get("/en/notices/").content.decode()
    assert len(titles(html)) == count


def alternate(html, content_type):
    match = re.search(
        rf'<link rel="alternate" type="{re.escape(content_type)}"[^>]*href="([^"]+)"', html
    )
    assert match, content_type
    return match.group(1).replace("http://testserver", "")


@pytest.mark.parametrize(
    ("content_type", "version"),
    [("application/rss+xml", "rss20"), ("application/atom+xml", "atom10")],
)
@pytest.mark.parametrize("language", ["zh-hans", "en", "ko"])
def test_feeds_are_advertised_and_carry_chinese_notices_in_every_language(
    client, board, content_type, version, language
):
    add_notice(board, "water", "锦绣苑停水通知")
    add_notice(board, "festival", "文化节交通管制", en="Road closure for the festival")
    html = client.get(f"/{language}/notices/").content.decode()
    response = client.get(alternate(html, content_type))
    assert response.status_code == 200
    assert response["Content-Type"] == f"{content_type}; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == version
    found = {entry.link.replace("http://testserver", ""): entry.title for entry in feed.entries}
    assert "/zh-hans/notices/water/" in found
    if language == "en":
        assert found["/en/notices/festival/"] == "Road closure for the festival"
        assert "not yet translated" in found["/zh-hans/notices/water/"]
    if language == "zh-hans":
        assert found["/zh-hans/notices/water/"] == "锦绣苑停水通知"


def json_ld(html):
    [block] = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)


def test_an_urgent_alert_is_a_special_announcement(client, board):
    add_notice(board, "alert", "暴雨预警", en="Rainstorm warning", kind=KIND_URGENT, ends=DAY)
    data = json_ld(client.get("/en/notices/alert/").content.decode())
    assert data["@type"] == "SpecialAnnouncement"
    assert data["name"] == "Rainstorm warning"
    assert data["inLanguage"] == "en"
    assert data["url"] == "http://testserver/en/notices/alert/"
    assert {"datePosted", "expires", "text"} <= data.keys()


def test_other_notices_are_news_articles(client, board):
    add_notice(board, "reminder", "居住登记提醒", ko="거주 등록 안내")
    data = json_ld(client.get("/ko/notices/reminder/").content.decode())
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "거주 등록 안내"
    assert data["inLanguage"] == "ko"
    assert {"datePublished", "dateModified", "publisher", "author"} <= data.keys()


def test_notices_are_in_the_sitemap(client, board):
    add_notice(board, "reminder", "居住登记提醒", en="Registration reminder")
    xml = client.get("/sitemap.xml").content.decode()
    assert "http://testserver/zh-hans/notices/reminder/" in xml
    assert "http://testserver/en/notices/reminder/" in xml


def test_a_notice_page_names_its_compounds_and_links(client, board, django_assert_max_num_queries):
    add_notice(board, "water", "停水", en="Water outage", areas=[board.jinxiu])
    html = client.get("/en/notices/water/").content.decode()
    assert "Jinxiu Garden" in html
    assert "Who it concerns" in html
