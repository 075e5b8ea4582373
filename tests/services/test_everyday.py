"""The directory in a newcomer's first week (issue 19): the Chinese name and address for a
driver, partner avatars and folded filters, the A–Z letter across languages, and opening
hours that say when a closed place opens next."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from services import opening
from services.models import (
    PartnerOpeningHours,
    PartnerPage,
    PublicSpacePage,
    SpaceHoursException,
    SpaceOpeningHours,
)
from tests.conftest import publish, translate
from tests.home.pagehtml import Page
from tests.services.conftest import add

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
WEEKDAYS_9_TO_5 = [
    opening.Period(day, datetime.time(9), datetime.time(17)) for day in range(5)
]  # Monday to Friday


def at(text):
    return datetime.datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


# Opening hours, pure logic ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        ("2027-01-13 07:00", "2027-01-13 09:00"),  # Wednesday morning: today
        ("2027-01-13 18:00", "2027-01-14 09:00"),  # Wednesday evening: tomorrow
        ("2027-01-15 17:00", "2027-01-18 09:00"),  # Friday at closing time: Monday
        ("2027-01-16 12:00", "2027-01-18 09:00"),  # Saturday: Monday
    ],
)
def test_next_opening_is_the_next_period_to_start(now, expected):
    found = opening.next_opening(at(now), WEEKDAYS_9_TO_5, (), SHANGHAI)
    assert found == datetime.datetime.fromisoformat(expected)


def test_next_opening_skips_a_closed_holiday_and_uses_special_hours():
    exceptions = [
        opening.DayException(datetime.date(2027, 1, 14)),  # Thursday closed
        opening.DayException(
            datetime.date(2027, 1, 15),
            closed=False,
            opens=datetime.time(13),
            closes=datetime.time(15),
        ),
    ]
    found = opening.next_opening(at("2027-01-13 18:00"), WEEKDAYS_9_TO_5, exceptions, SHANGHAI)
    assert found == datetime.datetime(2027, 1, 15, 13)


def test_a_place_with_no_hours_never_opens():
    assert opening.next_opening(at("2027-01-13 18:00"), [], (), SHANGHAI) is None


@pytest.mark.parametrize(
    ("opens", "closes", "expected"),
    [
        ((10, 0), (0, 0), True),
        ((10, 0), (23, 59), True),
        ((0, 0), (0, 0), False),  # open 24 hours
        ((22, 0), (2, 0), False),
        ((9, 0), (18, 0), False),
    ],
)
def test_until_midnight(opens, closes, expected):
    assert opening.closes_at_midnight(datetime.time(*opens), datetime.time(*closes)) is expected


# Space and partner pages --------------------------------------------------------------------


@pytest.fixture
def office(directory):
    """A space open Monday to Friday 9–17 and 10–midnight on Saturdays, closed on Monday
    18 January 2027, in three languages."""
    hours = [
        SpaceOpeningHours(weekday=day, opens=datetime.time(9), closes=datetime.time(17))
        for day in range(5)
    ]
    hours.append(
        SpaceOpeningHours(weekday=5, opens=datetime.time(10), closes=datetime.time(23, 59))
    )
    zh = add(
        directory.indexes["spaces"][0],
        PublicSpacePage(
            title="外国人服务站",
            slug="office",
            address="郫都区双柏路1号",
            opening_hours=hours,
            hours_exceptions=[
                SpaceHoursException(date=datetime.date(2027, 1, 18)),  # a Monday, closed
                SpaceHoursException(date=datetime.date(2027, 2, 1)),
            ],
        ),
    )
    en = translate(zh, "en", title="Foreign Residents Service Station", address="1 Shuangbai Road")
    ko = translate(zh, "ko", title="외국인 서비스 스테이션", address="솽바이로 1호")
    return zh, en, ko


@pytest.mark.parametrize(
    ("now", "language", "status"),
    [
        ("2027-01-13T18:00:00+08:00", "en", "Closed now · Opens tomorrow at 09:00"),
        ("2027-01-13T07:30:00+08:00", "en", "Closed now · Opens today at 09:00"),
        # Sunday, and Monday is a holiday: Tuesday.
        ("2027-01-17T12:00:00+08:00", "en", "Closed now · Opens Tue 09:00"),
        ("2027-01-17T12:00:00+08:00", "zh-hans", "现在关闭 · 周二 09:00 开门"),
        ("2027-01-17T12:00:00+08:00", "ko", "지금 운영 안 함 · 화 09:00에 문을 엽니다"),
    ],
)
def test_closed_space_says_when_it_opens_next(
    client, office, clock, uncached_pages, now, language, status
):
    clock.move_to(now)
    page = Page.of(client.get(f"/{language}/spaces/office/"))
    (shown,) = page.find_all("p", class_="open-status--closed")
    assert re.sub(r"\s+", " ", shown.text).strip() == status


def test_open_space_says_only_open_now(client, office, clock, uncached_pages):
    clock.move_to("2027-01-13T10:00:00+08:00")
    page = Page.of(client.get("/en/spaces/office/"))
    assert [p.text for p in page.find_all("p", class_="open-status--open")] == ["Open now"]
    assert not page.find_all("span", class_="open-status__next")


def test_todays_row_of_the_hours_is_marked(client, office, clock, uncached_pages):
    clock.move_to("2027-01-13T10:00:00+08:00")  # a Wednesday
    page = Page.of(client.get("/en/spaces/office/"))
    (today,) = page.find_all("tr", class_="is-today")
    assert today.attrs["aria-current"] == "date"
    assert "Wednesday" in today.text and "(today)" in today.text


def test_hours_to_midnight_read_until_midnight_in_every_language(client, office):
    expected = {"en": "10:00 until midnight", "zh-hans": "10:00至午夜", "ko": "10:00~자정"}
    for language, text in expected.items():
        body = client.get(f"/{language}/spaces/office/").content.decode()
        assert text in body, language
        assert "23:59" not in body.split('class="hours"')[1].split("</table>")[0], language


def test_holiday_dates_are_written_in_the_locales_format(client, office):
    dates = {"en": "1 February 2027", "zh-hans": "2027年2月1日", "ko": "2027년 2월 1일"}
    for language, text in dates.items():
        body = client.get(f"/{language}/spaces/office/").content.decode()
        assert f'<time datetime="2027-02-01">{text}</time>' in body, language
        assert "Feb. 1, 2027" not in body and "02/01/2027" not in body


# The Chinese name and address ----------------------------------------------------------------


def in_chinese(response):
    page = Page.of(response)
    return [
        (element.attrs.get("class"), element.attrs.get("lang"), element.text.strip())
        for element in page.find_all("p")
        if element.attrs.get("class", "").startswith("in-chinese__")
    ]


@pytest.mark.parametrize("language", ["en", "ko"])
def test_space_shows_its_chinese_name_and_address_beside_the_translation(client, office, language):
    response = client.get(f"/{language}/spaces/office/")
    assert in_chinese(response) == [
        ("in-chinese__name", "zh-Hans", "外国人服务站"),
        ("in-chinese__address", "zh-Hans", "郫都区双柏路1号"),
    ]
    (button,) = Page.of(response).find_all("button", class_="copy-button")
    assert (
        button.attrs["data-copy-target"]
        == Page.of(response).find_all("p", class_="in-chinese__address")[0].attrs["id"]
    )


def test_chinese_page_does_not_repeat_its_own_name(client, office):
    assert in_chinese(client.get("/zh-hans/spaces/office/")) == []


def test_partner_and_service_show_the_chinese_address(client, directory):
    muyan = client.get(directory.partners[0][1].url)  # English
    assert ("in-chinese__address", "zh-Hans", "书苑街18号") in in_chinese(muyan)
    hospitals = client.get(directory.services[0][2].url)  # Korean; where: the centre
    assert in_chinese(hospitals) == [
        ("in-chinese__name", "zh-Hans", "国际友邻服务中心"),
        ("in-chinese__address", "zh-Hans", "双柏社区"),
    ]


def test_no_chinese_block_without_a_chinese_address(client, directory):
    gege = next(page for page in directory.partners if page[0].slug == "gege-house")
    assert in_chinese(client.get(gege[1].url)) == []


def test_chinese_name_comes_from_the_live_chinese_page(client, office):
    zh, en, _ko = office
    zh.title = "外国人服务站（草稿）"
    zh.save_revision()  # a draft: not what a driver should read
    assert ("in-chinese__name", "zh-Hans", "外国人服务站") in in_chinese(client.get(en.url))


def test_detail_page_queries_stay_constant_with_the_chinese_block(
    client, office, django_assert_max_num_queries, uncached_pages
):
    client.get("/en/spaces/office/")
    with django_assert_max_num_queries(40):
        client.get("/en/spaces/office/")


# Partner directory --------------------------------------------------------------------------


def avatars(response):
    return [span.text for span in Page.of(response).find_all("span", class_="avatar")]


def test_partner_without_a_logo_gets_an_initial_in_the_pages_language(client, directory):
    # Gege House, Dasom and YAM have no logo; Muyan Coffee has one.
    assert sorted(avatars(client.get("/zh-hans/partners/"))) == sorted(["格", "多", "Y"])
    assert sorted(avatars(client.get("/en/partners/"))) == sorted(["G", "D", "Y"])
    assert sorted(avatars(client.get("/ko/partners/"))) == sorted(["거", "다", "Y"])
    assert avatars(client.get("/ko/partners/gege-house/")) == ["거"]


def test_partner_with_a_logo_gets_no_avatar(client, directory):
    assert avatars(client.get("/zh-hans/partners/muyan-coffee/")) == []


def test_partner_filters_and_letters_fold_away_unless_chosen(client, directory):
    folds = Page.of(client.get("/en/partners/")).find_all("details", class_="fold")
    assert len(folds) == 2 and not any("open" in fold.attrs for fold in folds)
    folds = Page.of(client.get("/en/partners/?letter=M")).find_all("details", class_="fold")
    assert ["open" in fold.attrs for fold in folds] == [False, True]
    folds = Page.of(client.get("/en/partners/?type=cafe")).find_all("details", class_="fold")
    assert ["open" in fold.attrs for fold in folds] == [True, False]


def switcher(response):
    return {code: a.attrs["href"] for code, a in Page.of(response).switcher.items()}


def test_switching_language_drops_a_letter_with_no_partners_there(client, directory):
    links = switcher(client.get("/en/partners/?letter=M"))
    assert links["zh-Hans"] == "/zh-hans/partners/?letter=M"  # 沐言咖啡: mù
    assert links["ko"] == "/ko/partners/"  # 무옌 커피 is under ㅁ, not M
    for href in links.values():
        assert Page.of(client.get(href)).find_all("li", class_="card"), href


def test_switching_language_keeps_a_letter_the_other_language_has(client, directory):
    # YAM is under Y in all three languages.
    links = switcher(client.get("/en/partners/?letter=Y"))
    assert links["ko"] == "/ko/partners/?letter=Y"
    assert links["zh-Hans"] == "/zh-hans/partners/?letter=Y"


def test_partner_list_queries_constant_with_avatars_and_letters(
    client, directory, django_assert_max_num_queries, uncached_pages
):
    client.get("/en/partners/?letter=M")
    with CaptureQueriesContext(connection) as small:
        client.get("/en/partners/?letter=M")
    for n in range(8):
        zh = add(
            directory.indexes["partners"][0],
            PartnerPage(
                title=f"米{n}",
                slug=f"mi-{n}",
                partner_type="cafe",
                opening_hours=[
                    PartnerOpeningHours(weekday=0, opens=datetime.time(9), closes=datetime.time(17))
                ],
            ),
        )
        translate(zh, "en", title=f"Mi {n}")
    # The first visit after a change reads again what each process keeps (home/versioned.py).
    client.get("/en/partners/?letter=M")
    with CaptureQueriesContext(connection) as many:
        client.get("/en/partners/?letter=M")
    assert len(many) == len(small) <= 30


def test_republished_partner_keeps_its_avatar_letter(client, directory):
    gege = PartnerPage.objects.get(slug="gege-house", locale__language_code="en")
    gege.title = "Gege Community House"
    publish(gege)
    assert "G" in avatars(client.get("/en/partners/"))
