"""The search page and the search box's suggestions, on a small trilingual site."""

import re

import pytest
from django.utils.html import escape

from events.models import EventIndexPage
from search.queries import RESULTS_PER_PAGE
from services.models import ServiceIndexPage
from tests.search.conftest import add, content


def titles(response):
    html = response.content.decode()
    found = re.findall(r'<h2 class="search-result__title"><a href="[^"]*"[^>]*>(.*?)</a>', html)
    return [re.sub(r"</?mark>", "", t) for t in found]


@pytest.mark.parametrize(
    ("language", "query"),
    [
        ("zh-hans", "英语沙龙"),
        ("zh-hans", "沙龙"),
        ("ko", "영어"),
        ("ko", "살롱"),
        ("en", "salons"),
        ("en", "English salon"),
    ],
)
def test_salon_is_found_in_each_language(client, pages, language, query):
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    salon = {"zh-hans": pages.salon, "en": pages.salon_en, "ko": pages.salon_ko}[language]
    assert titles(response)[0] == escape(salon.title)


def test_korean_noun_finds_it_with_a_particle(client, pages):
    response = client.get("/ko/search/", {"q": "서울"})
    assert titles(response) == [pages.salon_ko.title]


@pytest.mark.parametrize("query", ["도서관에서", "센터의", "수업을", "학생들에게"])
def test_korean_query_with_a_particle_finds_the_bare_noun(client, home, query):
    page = content(home.ko, "도서관 안내", "센터 도서관 학생 수업 자료 대여")
    assert titles(client.get("/ko/search/", {"q": query})) == [page.title]


def test_results_are_only_in_the_visitors_language(client, pages):
    # 沙龙 is Chinese: no Korean page has it, so the Chinese pages that have it are
    # offered as their Korean translations.
    response = client.get("/ko/search/", {"q": "沙龙"})
    assert titles(response) == ["잔 아저씨 영어 살롱", "커뮤니티 소식"]
    hrefs = re.findall(r'class="search-result__title"><a href="([^"]+)"', response.content.decode())
    assert hrefs and all(href.startswith("/ko/") for href in hrefs)
    response = client.get("/ko/search/", {"q": "살롱"})
    hrefs = re.findall(r'class="search-result__title"><a href="([^"]+)"', response.content.decode())
    assert hrefs and all(href.startswith("/ko/") for href in hrefs)


def test_title_match_ranks_above_body_match(client, pages):
    # Both pages mention 沙龙; only the salon has it in the title.
    assert titles(client.get("/zh-hans/search/", {"q": "沙龙"})) == [
        pages.salon.title,
        pages.mention.title,
    ]


def test_exact_phrase_ranks_above_scattered_words(client, home):
    scattered = content(home.en, "Notes", "English lessons, and a salon for painters.")
    phrase = content(home.en, "Notes too", "Our English salon meets weekly.")
    assert titles(client.get("/en/search/", {"q": "English salon"})) == [
        phrase.title,
        scattered.title,
    ]


def test_snippet_highlights_the_match_and_escapes_html(client, home):
    content(home.en, "Markup", 'Bring <script>alert("x")</script> to the salon.')
    html = client.get("/en/search/", {"q": "salon"}).content.decode()
    assert "<mark>salon</mark>" in html
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html


def test_query_is_escaped_in_the_page(client, pages):
    html = client.get("/en/search/", {"q": '<img src=x onerror=alert(1)>"'}).content.decode()
    assert "<img src=x" not in html


def test_type_filter_and_counts(client, pages):
    html = client.get("/en/search/", {"q": "salon"}).content.decode()
    assert "Pages (2)" in html
    response = client.get("/en/search/", {"q": "salon", "type": "events"})
    assert titles(response) == []
    response = client.get("/en/search/", {"q": "salon", "type": "pages"})
    assert len(titles(response)) == 2


def test_unknown_type_shows_every_type(client, pages):
    response = client.get("/en/search/", {"q": "salon", "type": "nonsense"})
    assert response.status_code == 200
    assert len(titles(response)) == 2


def test_no_page_with_every_word_shows_pages_with_all_but_one(client, pages):
    response = client.get("/zh-hans/search/", {"q": "English 沙龙 周六"})
    assert pages.salon.title in titles(response)
    assert "没有页面包含所有这些词" in response.content.decode()
    # With two words, one is not enough: nothing rather than noise.
    assert titles(client.get("/zh-hans/search/", {"q": "English 沙龙"})) == []


def test_empty_state_suggests_the_calendar_and_the_directory(client, home):
    add(home.en, EventIndexPage(title="Events", slug="events", locale=home.en.locale))
    add(home.en, ServiceIndexPage(title="Services", slug="services", locale=home.en.locale))
    html = client.get("/en/search/", {"q": "nothing-like-this"}).content.decode()
    assert "Nothing found for" in html
    assert 'href="/en/events/"' in html and 'href="/en/services/"' in html


@pytest.mark.parametrize(
    "query",
    [
        "",
        " ",
        "x" * 5000,
        "英" * 5000,
        "😀",
        '"',
        "*",
        "NEAR",
        "salon NEAR English",
        "%",
        "100%",
        "'; DROP TABLE wagtailcore_page; --",
        "salon OR 1=1",
        "AND OR NOT",
        "\\",
        "-salon",
        "sal*",
        "(salon",
    ],
)
def test_odd_queries_give_a_normal_page(client, pages, query):
    assert client.get("/en/search/", {"q": query}).status_code == 200
    assert client.get("/ko/search/suggest/", {"q": query}).status_code == 200


@pytest.mark.parametrize("page", ["0", "-1", "999", "abc", "1" * 50])
def test_bad_page_numbers_show_the_nearest_page(client, pages, page):
    assert client.get("/en/search/", {"q": "salon", "page": page}).status_code == 200


def test_results_are_paginated(client, home):
    for n in range(RESULTS_PER_PAGE + 3):
        content(home.en, f"Salon notes {n}", "About the salon.")
    first = client.get("/en/search/", {"q": "salon"})
    second = client.get("/en/search/", {"q": "salon", "page": 2})
    assert len(titles(first)) == RESULTS_PER_PAGE
    assert len(titles(second)) == 3
    assert not set(titles(first)) & set(titles(second))
    assert 'rel="next"' in first.content.decode()


@pytest.mark.usefixtures("uncached_pages")  # what the page costs to build
def test_result_page_costs_the_same_queries_for_few_or_many_results(
    client, home, django_assert_max_num_queries
):
    def add_pages(count):
        for n in range(count):
            content(home.en, f"Salon {n}", "The salon.")

    add_pages(2)
    client.get("/en/search/", {"q": "salon"})  # warm the content-type and site caches
    with django_assert_max_num_queries(14) as few:
        client.get("/en/search/", {"q": "salon"})
    add_pages(RESULTS_PER_PAGE * 2)
    # Warm again after the change: the synonyms (cached per site version), header and footer.
    client.get("/en/search/", {"q": "salon"})
    with django_assert_max_num_queries(14) as many:
        client.get("/en/search/", {"q": "salon"})
    assert len(many.captured_queries) == len(few.captured_queries)


def test_suggestions_are_titles_in_the_visitors_language(client, pages):
    response = client.get("/zh-hans/search/suggest/", {"q": "英语沙"})
    assert response.status_code == 200
    first = response.json()["suggestions"][0]
    assert (first["title"], first["url"]) == (pages.salon.title, "/zh-hans/salon/")
    assert client.get("/en/search/suggest/", {"q": "Sal"}).json()["suggestions"][0]["title"] == (
        pages.salon_en.title
    )
    assert client.get("/en/search/suggest/", {"q": ""}).json() == {"suggestions": []}


def test_header_has_a_search_form_that_works_without_javascript(client, pages):
    html = client.get("/ko/").content.decode()
    assert 'role="search"' in html
    assert 'action="/ko/search/"' in html
    assert 'name="q"' in html


def test_index_follows_edits(client, pages):
    pages.mention_en.title = "Weekly bulletin"
    pages.mention_en.save_revision().publish()
    assert "Weekly bulletin" in titles(client.get("/en/search/", {"q": "bulletins"}))


@pytest.mark.parametrize("query", ["salo", "English salo", "SALO", "Uncle Zh"])
def test_last_word_is_matched_as_a_prefix(client, pages, query):
    assert titles(client.get("/en/search/", {"q": query}))[0] == escape(pages.salon_en.title)


def test_prefix_highlights_the_whole_word(client, pages):
    assert "<mark>Salon</mark>" in client.get("/en/search/", {"q": "salo"}).content.decode()


def test_whole_word_ranks_above_a_longer_word_it_begins(client, home):
    longer = content(home.en, "Artists' corner", "Painters meet here.")
    whole = content(home.en, "Art class", "Drawing for beginners.")
    assert titles(client.get("/en/search/", {"q": "art"})) == [whole.title, escape(longer.title)]


def test_partial_word_finds_a_word_whose_stem_is_shorter(client, home):
    # "hospital" is indexed as "hospit": "hospita" must still find it while being typed.
    page = content(home.en, "Hospitals with English-speaking staff")
    assert titles(client.get("/en/search/", {"q": "hospita"})) == [page.title]
    suggested = client.get("/en/search/suggest/", {"q": "hospita"}).json()["suggestions"]
    assert [s["title"] for s in suggested] == [page.title]


def test_suggestions_run_the_full_text_match_once(client, pages, django_assert_max_num_queries):
    client.get("/en/search/suggest/", {"q": "Sal"})  # warm the caches
    with django_assert_max_num_queries(8) as captured:
        response = client.get("/en/search/suggest/", {"q": "Sal"})
    assert response.json()["suggestions"][0]["title"] == pages.salon_en.title
    # The stock query re-ran the MATCH in a subquery for every matching page.
    matches = [q["sql"].count(" MATCH ") for q in captured.captured_queries]
    assert max(matches) <= 1
