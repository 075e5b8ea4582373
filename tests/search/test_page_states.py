"""The search page's states: empty query, no results, an empty type filter, pagination."""

import re

import pytest

from tests.search.conftest import content
from tests.search.test_search_pages import titles


def html(response):
    assert response.status_code == 200
    return response.content.decode()


def page_links(page_html):
    nav = re.search(r'<nav class="pagination".*?</nav>', page_html, re.S).group()
    return re.findall(r"<li[^>]*>(?:<a [^>]*>)?([^<]+)", nav)


@pytest.fixture
def many(home, monkeypatch):
    """Twelve results, one per listing page, so the page numbers need eliding."""
    monkeypatch.setattr("search.views.RESULTS_PER_PAGE", 1)
    return [content(home.en, f"Salon notes {n}", "About the salon.") for n in range(12)]


def test_empty_query_invites_a_search(client, home):
    page = html(client.get("/en/search/"))
    assert "Type a word or two" in page
    assert "search-result" not in page


def test_type_filter_with_no_results_links_to_every_type(client, pages):
    page = html(client.get("/en/search/", {"q": "salon", "type": "events"}))
    assert "No events match “salon”." in page
    assert re.search(r'<a href="\?q=salon">Show all 2 results</a>', page)
    assert titles(client.get("/en/search/", {"q": "salon"}))


def test_type_filter_empty_state_is_translated(client, pages):
    page = html(client.get("/zh-hans/search/", {"q": "沙龙", "type": "spaces"}))
    assert "没有符合“沙龙”的公共空间。" in page
    assert "查看全部 2 个结果" in page


def test_page_numbers_are_elided(client, many):
    page = html(client.get("/en/search/", {"q": "salon", "page": 6}))
    assert page_links(page) == ["Previous", "1", "…", "4", "5", "6", "7", "8", "…", "12", "Next"]
    assert 'aria-current="page">6<' in page


@pytest.mark.parametrize(
    ("number", "shown"), [("²", "1"), ("99999", "12"), ("abc", "1"), ("-3", "12"), ("", "1")]
)
def test_odd_page_numbers_show_a_page(client, many, number, shown):
    page = html(client.get("/en/search/", {"q": "salon", "page": number}))
    assert f'aria-current="page">{shown}<' in page


@pytest.mark.parametrize("kind", ["nonsense", "", "EVENTS", "%00", "pages&type=events"])
def test_odd_types_give_a_normal_page(client, pages, kind):
    assert titles(client.get("/en/search/", {"q": "salon", "type": kind}))


def test_ambiguous_words_are_translated_in_context(client, pages):
    # "Pages" is a kind of result (页面) and, elsewhere, the page-number navigation (分页).
    page = html(client.get("/zh-hans/search/", {"q": "沙龙"}))
    assert "页面 (2)" in page
    page = html(client.get("/ko/search/", {"q": "살롱"}))
    assert "페이지 (2)" in page


def test_pagination_label_is_translated_in_context(client, home, monkeypatch):
    monkeypatch.setattr("search.views.RESULTS_PER_PAGE", 1)
    for n in range(2):
        content(home.zh, f"沙龙笔记{n}", "关于沙龙")
    page = html(client.get("/zh-hans/search/", {"q": "沙龙"}))
    assert '<nav class="pagination" aria-label="分页">' in page
