"""The directory as visitors see it: listings, filters, A–Z, detail pages and JSON-LD."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from services.models import PartnerPage, PublicSpacePage, ServicePage
from tests.services.conftest import add, make_image

LANGUAGES = ("zh-hans", "en", "ko")
pytestmark = pytest.mark.django_db


def html(response):
    return response.content.decode()


def card_titles(response):
    return re.findall(r'class="card__title"><a href="[^"]+">([^<]+)</a>', html(response))


def json_ld(response):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', html(response), re.DOTALL
    )
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.mark.parametrize("section", ["services", "partners", "spaces"])
def test_each_index_lists_its_pages_in_each_language(client, directory, section):
    for position, language in enumerate(LANGUAGES):
        response = client.get(f"/{language}/{section}/")
        assert response.status_code == 200
        expected = {group[position].title for group in getattr(directory, section)}
        assert set(card_titles(response)) == expected
        assert len(expected) >= 3


@pytest.mark.parametrize("language", LANGUAGES)
def test_detail_pages_render_in_each_language(client, directory, language):
    position = LANGUAGES.index(language)
    for group in (directory.services, directory.partners, directory.spaces):
        page = group[0][position]
        response = client.get(page.url)
        assert response.status_code == 200
        assert f"<h1>{page.title}</h1>" in html(response)


def test_translations_keep_their_own_index_letter(directory):
    zh, en, ko = directory.partners[0]
    assert (zh.initial, en.initial, ko.initial) == ("M", "M", "ㅁ")
    assert {p.pk for p in ko.translations()} == {zh.pk, en.pk, ko.pk}


A_TO_Z = [
    ("zh-hans", "M", ["沐言咖啡"]),
    ("zh-hans", "G", ["格格屋"]),
    ("en", "M", ["Muyan Coffee"]),
    ("en", "m", ["Muyan Coffee"]),
    ("ko", "ㅁ", ["무옌 커피"]),
    ("ko", "ㄷ", ["다솜 한국어학당"]),
    ("ko", "Y", ["YAM 자원봉사단"]),
    ("ko", "ㅋ", []),
]


def test_a_to_z_filters_by_the_locales_initial(client, directory):
    for language, letter, expected in A_TO_Z:
        response = client.get(f"/{language}/partners/", {"letter": letter})
        assert response.status_code == 200
        assert card_titles(response) == expected, (language, letter)


def test_a_to_z_marks_the_current_letter_and_orders_korean_by_consonant(client, directory):
    response = client.get("/ko/partners/", {"letter": "ㅁ"})
    assert re.search(r'letter=%E3%85%81"[^>]*aria-current="true">ㅁ<', html(response))
    everything = card_titles(client.get("/ko/partners/"))
    assert everything == ["거거 하우스", "다솜 한국어학당", "무옌 커피", "YAM 자원봉사단"]


@pytest.mark.parametrize("typed", ["ㄲ", "ㄱ"])
def test_tense_consonant_letter_shows_its_plain_consonant(client, directory, typed):
    response = client.get("/ko/partners/", {"letter": typed})
    assert response.status_code == 200
    assert card_titles(response) == ["거거 하우스"]
    assert re.search(r'letter=%E3%84%B1"[^>]*aria-current="true">ㄱ<', html(response))


def test_chinese_list_is_in_pinyin_order(client, directory):
    assert card_titles(client.get("/zh-hans/partners/")) == [
        "多颂韩语学堂",
        "格格屋",
        "沐言咖啡",
        "YAM志愿者",
    ]


def test_type_and_language_filters_combine(client, directory):
    assert card_titles(client.get("/en/partners/", {"type": "cafe"})) == ["Muyan Coffee"]
    assert card_titles(client.get("/en/partners/", {"language": "ko"})) == [
        "Dasom Korean School",
        "YAM Volunteers",
    ]
    response = client.get("/en/partners/", {"language": "ko", "type": "school"})
    assert card_titles(response) == ["Dasom Korean School"]
    assert '<option value="school" selected>' in html(response)


def test_filter_form_is_a_labelled_get_form(client, directory):
    page = html(client.get("/en/partners/"))
    assert '<form class="filters" method="get"' in page
    assert '<label for="filter-type">' in page and '<label for="filter-language">' in page


BAD_FILTERS = [
    {"type": "<script>"},
    {"language": "xx"},
    {"letter": "\U0001f600"},
    {"type": "cafe", "language": "klingon"},
]


def test_unknown_filter_values_get_a_400_page_in_the_visitors_language(client, directory):
    for query in BAD_FILTERS:
        response = client.get("/ko/partners/", query)
        assert response.status_code == 400, query
        assert "<script>" not in html(response).split("</header>", 1)[-1]
        assert 'href="/ko/partners/"' in html(response)
        assert '<html lang="ko">' in html(response)


def test_odd_page_numbers_show_a_page(client, directory):
    for page in ("999999", "abc", "-1", "0", "1.5", ""):
        for section in ("services", "partners", "spaces"):
            response = client.get(f"/en/{section}/", {"page": page})
            assert response.status_code == 200, (section, page)
            assert len(card_titles(response)) >= 3


def test_unknown_category_is_a_400_and_a_known_one_filters(client, directory):
    assert client.get("/en/services/", {"category": "nope"}).status_code == 400
    response = client.get("/en/services/", {"category": "health"})
    assert card_titles(response) == ["Hospitals with English-speaking staff"]


@pytest.mark.parametrize(("language", "name"), [("en", "Health"), ("ko", "의료와 건강")])
def test_categories_are_shown_in_the_visitors_language(client, directory, language, name):
    index = client.get(f"/{language}/services/")
    assert f"<h2>{name}</h2>" in html(index)
    detail = client.get(directory.services[0][LANGUAGES.index(language)].url)
    assert f'<p class="eyebrow">{name}</p>' in html(detail)
    assert json_ld(detail)["serviceType"] == name


def test_pagination_keeps_the_filters(client, directory, settings, monkeypatch):
    monkeypatch.setattr("services.queries.PAGE_SIZE", 1)
    response = client.get("/en/partners/", {"language": "ko"})
    assert card_titles(response) == ["Dasom Korean School"]
    assert 'href="/en/partners/?language=ko&amp;page=2"' in html(response)
    second = client.get("/en/partners/", {"language": "ko", "page": "2"})
    assert card_titles(second) == ["YAM Volunteers"]


def switcher(response):
    """{language code: href} of the language switcher."""
    links = re.findall(r'<a href="([^"]*)"[^>]*data-language="([^"]+)"', html(response))
    return {code: href.replace("&amp;", "&") for href, code in links}


def test_language_switcher_keeps_the_partner_filters(client, directory):
    links = switcher(client.get("/en/partners/", {"type": "cafe", "language": "en", "letter": "m"}))
    assert links["zh-hans"] == "/zh-hans/partners/?type=cafe&language=en&letter=M"
    # M is a letter of the Korean index too, but 무옌 커피 is under ㅁ: the letter is dropped
    # rather than leading to "0 partners".
    assert links["ko"] == "/ko/partners/?type=cafe&language=en"
    # ㅁ is not an English or a Chinese index letter: the other filters still carry over.
    links = switcher(client.get("/ko/partners/", {"letter": "ㅁ", "language": "ko"}))
    assert links["en"] == "/en/partners/?language=ko"
    assert links["zh-hans"] == "/zh-hans/partners/?language=ko"
    for code, href in links.items():
        assert client.get(href).status_code == 200, code


def test_language_switcher_keeps_the_service_category(client, directory):
    links = switcher(client.get("/en/services/", {"category": "health"}))
    assert links["ko"] == "/ko/services/?category=health"
    assert card_titles(client.get(links["ko"])) == ["영어 진료 병원"]
    assert switcher(client.get("/en/services/"))["ko"] == "/ko/services/"


def test_service_page_shows_facts_and_where_to_go_in_the_visitors_language(client, directory):
    response = client.get(directory.services[0][2].url)
    page = html(response)
    assert '<a href="/ko/spaces/centre/">국제이웃서비스센터</a>' in page
    # The counter languages, translated by Django, joined as each language writes a list (CLDR).
    assert "<dd>중국어, 영어 및 한국어</dd>" in page
    zh_page = html(client.get(directory.services[0][0].url))
    assert "<dd>中文、英语和韩语</dd>" in zh_page
    en_page = html(client.get(directory.services[0][1].url))
    assert "<dd>Chinese, English and Korean</dd>" in en_page
    partner = html(client.get(directory.partners[0][0].url))
    assert "<dd>中文和英语</dd>" in partner
    data = json_ld(response)
    assert data["@type"] == "GovernmentService"
    assert data["mainEntityOfPage"]["inLanguage"] == "ko"
    location = data["availableChannel"]["serviceLocation"]
    assert location["name"] == "국제이웃서비스센터"
    assert location["geo"]["latitude"] == pytest.approx(30.80812)


def test_partner_json_ld_is_a_local_business_with_map_links(client, directory):
    response = client.get(directory.partners[0][1].url)
    data = json_ld(response)
    assert data["@type"] == "LocalBusiness"
    assert data["telephone"] == "028-8888-1001"
    assert data["geo"] == {"@type": "GeoCoordinates", "latitude": 30.8112, "longitude": 103.8876}
    assert len(data["openingHoursSpecification"]) == 1
    page = html(response)
    for host in ("uri.amap.com", "api.map.baidu.com", "maps.apple.com", "www.openstreetmap.org"):
        assert f'href="https://{host}/' in page
    assert "muyan_coffee" in page


def test_school_and_volunteer_team_are_organisations(client, directory):
    assert json_ld(client.get(directory.partners[2][1].url))["@type"] == "EducationalOrganization"
    assert json_ld(client.get(directory.partners[3][1].url))["@type"] == "Organization"


def test_space_json_ld_is_a_place_with_opening_hours(client, directory):
    response = client.get(directory.spaces[0][1].url)
    data = json_ld(response)
    assert data["@type"] == "Place"
    spec = data["openingHoursSpecification"]
    assert spec[0]["dayOfWeek"][0] == "https://schema.org/Monday"
    assert len(spec[0]["dayOfWeek"]) == 7
    # Open 24 hours: schema.org reads 00:00–00:00 as closed all day.
    assert (spec[0]["opens"], spec[0]["closes"]) == ("00:00", "23:59")
    assert data["maximumAttendeeCapacity"] == 80
    assert "Open now" in html(response)  # open 24 hours every day
    # (Today's row names the day with "(today)" in a span.)
    rows = re.findall(
        r'<th scope="row">(?:[^<]|<span[^>]*>[^<]*</span>)+</th><td>([^<]*)</td>', html(response)
    )
    assert rows == ["Open 24 hours"] * 7
    assert "00:00" not in html(response).split('<table class="hours">', 1)[1].split("</table>")[0]


def test_open_24_hours_is_translated(client, directory):
    page = html(client.get(directory.spaces[0][0].url))
    assert "<td>24小时开放</td>" in page
    page = html(client.get(directory.spaces[0][2].url))
    assert "<td>24시간 운영</td>" in page


def test_json_ld_cannot_be_closed_by_an_editor(client, directory):
    page = directory.partners[0][1]
    page.title = "</script><script>alert(1)</script>"
    page.save_revision().publish()
    response = client.get(page.url)
    assert "<script>alert(1)" not in html(response).split("</title>", 1)[1]
    assert json_ld(response)["name"] == "</script><script>alert(1)</script>"


def test_translation_shares_facts_with_its_source(directory):
    zh, _en, ko = directory.partners[0]
    assert ko.phone == zh.phone and ko.latitude == zh.latitude and ko.logo_id == zh.logo_id
    assert [row.weekday for row in ko.opening_hours.all()] == list(range(7))
    assert ko.languages == ["zh", "en"]


def test_service_needs_review_after_a_year(directory):
    import datetime

    service = directory.services[0][0]
    assert not service.needs_review
    service.last_reviewed = timezone.localdate() - datetime.timedelta(days=400)
    assert service.needs_review


def test_editor_sees_a_warning_on_a_stale_guide(admin_client, directory):
    import datetime

    service = directory.services[0][0]
    ServicePage.objects.filter(pk=service.pk).update(
        last_reviewed=timezone.localdate() - datetime.timedelta(days=400)
    )
    response = admin_client.get(f"/admin/pages/{service.pk}/edit/")
    assert response.status_code == 200
    assert "last checked on" in html(response)


def test_admin_can_create_each_page_type(directory):
    from wagtail.test.utils import WagtailTestUtils  # noqa: F401

    home = directory.home.zh
    assert ServicePage.can_create_at(directory.indexes["services"][0])
    assert PartnerPage.can_create_at(directory.indexes["partners"][0])
    assert PublicSpacePage.can_create_at(directory.indexes["spaces"][0])
    assert not ServicePage.can_create_at(home)


# Query counts ------------------------------------------------------------------------------


def _fill(index, count, make):
    for number in range(count):
        add(index, make(number))


def _queries(client, url):
    client.get(url)  # the first view draws the renditions
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    ("section", "make"),
    [
        (
            "partners",
            lambda logo: (
                lambda n: PartnerPage(
                    title=f"Partner {n:02d}", partner_type="cafe", logo=logo, languages=["en"]
                )
            ),
        ),
        (
            "spaces",
            lambda logo: lambda n: PublicSpacePage(title=f"Space {n:02d}", image=logo),
        ),
        ("services", lambda logo: lambda n: ServicePage(title=f"Service {n:02d}")),
    ],
)
@pytest.mark.usefixtures("uncached_pages")  # what the page costs to build
def test_listing_queries_do_not_grow_with_items(
    client, home, section, make, django_assert_max_num_queries
):
    from services.models import PartnerIndexPage, ServiceIndexPage, SpaceIndexPage

    model = {"partners": PartnerIndexPage, "spaces": SpaceIndexPage, "services": ServiceIndexPage}
    index = add(home.en, model[section](title=section, slug=section))
    factory = make(make_image(f"{section}-logo"))
    _fill(index, 5, factory)
    with_five = _queries(client, f"/en/{section}/")
    _fill(index, 45, lambda n: factory(n + 5))
    client.get(f"/en/{section}/")  # what processes keep per content version, rebuilt
    with django_assert_max_num_queries(with_five):
        response = client.get(f"/en/{section}/")
    assert len(card_titles(response)) == 20
    print(f"{section}: {with_five} queries with 5 and with 50 items")
