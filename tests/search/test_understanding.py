"""What residents type: synonyms editors keep, names in any script, typos, other languages."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import Locale

from events.dates import day_label, on_clock
from events.models import Occurrence
from search.management.commands.setup_synonyms import seed_synonyms
from search.models import Synonym
from tests.conftest import publish
from tests.search.conftest import content
from tests.search.test_search_pages import titles


def search(client, language, query, **params):
    return client.get(f"/{language}/search/", {"q": query, **params})


def test_a_synonym_editors_add_is_used_at_once(client, pages):
    assert titles(search(client, "zh-hans", "英语俱乐部")) == []
    synonym = Synonym.objects.create(locale=pages.salon.locale, words="英语俱乐部，英语沙龙")
    # The page with the phrase first, then the one with 英语 and 沙龙 apart.
    assert titles(search(client, "zh-hans", "英语俱乐部")) == ["詹叔英语沙龙", "社区新闻"]
    # Only in its own language.
    assert titles(search(client, "en", "英语俱乐部")) == []
    synonym.delete()
    assert titles(search(client, "zh-hans", "英语俱乐部")) == []


def test_a_synonym_list_needs_two_words(locales):
    synonym = Synonym(words="看病", locale=Locale.get_default())
    with pytest.raises(ValidationError):
        synonym.clean()


def test_setup_synonyms_fills_each_language_once(locales):
    first = seed_synonyms()
    assert set(first) == {"zh-hans", "en", "ko"}
    assert seed_synonyms() == {}
    assert Synonym.objects.filter(locale=locales["zh-hans"], words__contains="就诊").exists()


def test_a_partner_is_found_by_its_name_in_any_language(client, calendar):
    assert titles(search(client, "en", "YAM志愿者", type="partners")) == ["YAM Volunteers"]
    assert titles(search(client, "zh-hans", "YAM Volunteers", type="partners")) == ["YAM志愿者"]
    assert titles(search(client, "ko", "国际友邻服务中心", type="spaces")) == ["국제이웃서비스센터"]
    # The result is the visitor's language's page.
    html = search(client, "en", "YAM志愿者", type="partners").content.decode()
    assert 'href="/en/partners/yam/"' in html


def test_renaming_a_translation_reindexes_the_others(client, calendar):
    partner = calendar.yam.ko
    partner.title = "함께 봉사 모임"
    publish(partner)
    assert titles(search(client, "zh-hans", "함께 봉사 모임", type="partners")) == ["YAM志愿者"]


def test_traditional_characters_find_simplified_pages_and_suggestions(client, pages):
    assert titles(search(client, "zh-hans", "英語沙龍")) == ["詹叔英语沙龙", "社区新闻"]
    response = client.get("/zh-hans/search/suggest/", {"q": "英語沙"})
    assert [s["title"] for s in response.json()["suggestions"]] == ["詹叔英语沙龙"]


def test_a_typo_is_corrected_and_said(client, pages):
    response = search(client, "en", "Englsh salon")
    assert "Did you mean “english salon”?" in response.content.decode()
    assert titles(response)[0] == "Uncle Zhan&#x27;s English Salon"


def test_nothing_in_this_language_offers_other_languages(client, pages):
    response = search(client, "en", "英语角")
    html = response.content.decode()
    assert "Nothing in this language matched" in html
    # Translated: the English page, in English.
    assert titles(response) == ["Community news"]
    assert 'href="/en/news/"' in html


def test_an_untranslated_page_is_offered_in_its_own_language(client, pages, home):
    content(home.zh, "只有中文的通知", "停水通知：三号院周五停水。", slug="water")
    response = search(client, "ko", "停水")
    html = response.content.decode()
    assert titles(response) == ["只有中文的通知"]
    assert 'lang="zh-Hans"' in html
    assert "아직 번역되지 않았습니다" in html  # the note, in the visitor's language


def test_words_no_page_has_together_find_nothing(client, pages):
    response = search(client, "en", "parking Saturday")
    assert titles(response) == []
    assert "Nothing found" in response.content.decode()


def test_pages_with_all_but_one_of_three_words_are_shown_and_said(client, pages):
    response = search(client, "zh-hans", "英语沙龙 周六 English")
    assert titles(response)[0] == "詹叔英语沙龙"
    assert "以下页面只缺其中一个" in response.content.decode()


def test_event_results_show_their_next_date(client, salon):
    first = (
        Occurrence.objects.filter(translation_key=salon.zh.translation_key, cancelled=False)
        .filter(end__gt=timezone.now())
        .order_by("start")
        .first()
    )
    html = search(client, "en", "English salon", type="events").content.decode()
    assert f"Next: {day_label(on_clock(first.start), 'en')}" in html


def test_editors_manage_synonyms_in_the_admin(admin_client, locales):
    Synonym.objects.create(locale=locales["ko"], words="진료, 병원")
    listing = admin_client.get("/admin/snippets/search/synonym/")
    assert listing.status_code == 200
    assert "진료, 병원" in listing.content.decode()
    response = admin_client.post(
        "/admin/snippets/search/synonym/add/?locale=en",
        {"words": "ping pong, table tennis", "action-publish": "publish"},
    )
    assert response.status_code == 302
    assert Synonym.objects.get(locale=locales["en"]).phrases() == ["ping pong", "table tennis"]
    # One word is not a list: the form says so and nothing is saved.
    response = admin_client.post(
        "/admin/snippets/search/synonym/add/?locale=en", {"words": "doctor"}
    )
    assert response.status_code == 200
    assert Synonym.objects.filter(locale=locales["en"]).count() == 1


@pytest.mark.usefixtures("uncached_pages")  # what the page costs to build
def test_other_language_results_cost_the_same_for_few_or_many(
    client, home, django_assert_max_num_queries
):
    def add_notices(first, count):
        for n in range(first, first + count):
            content(home.zh, f"停水通知{n}", "三号院周五停水。")

    add_notices(0, 2)
    search(client, "ko", "停水")  # warm the content-type, site and synonym caches
    with django_assert_max_num_queries(20) as few:
        search(client, "ko", "停水")
    add_notices(2, 8)
    search(client, "ko", "停水")
    with django_assert_max_num_queries(20) as many:
        response = search(client, "ko", "停水")
    assert len(titles(response)) == 10
    assert len(many.captured_queries) == len(few.captured_queries)
