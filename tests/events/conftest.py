"""Fixtures for the calendar: an events index in three languages, venues, organisers, events."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from events.models import EventCategory, EventDateChange, EventIndexPage, EventOrganiser, EventPage
from services.models import PartnerIndexPage, PartnerPage, PublicSpacePage, SpaceIndexPage
from tests.conftest import publish, translate
from tests.replay import replayed


def add(parent, page):
    parent.add_child(instance=page)
    return publish(page)


def in_three(page, en, ko, **fields):
    return SimpleNamespace(
        zh=page,
        en=translate(page, "en", title=en, **fields),
        ko=translate(page, "ko", title=ko, **fields),
    )


def next_weekday(weekday, weeks=0):
    today = timezone.localdate()
    return today + datetime.timedelta(days=(weekday - today.weekday()) % 7 + 7 * weeks)


@pytest.fixture
def calendar(home):
    return replayed("events.calendar", lambda: build_calendar(home))


def build_calendar(home):
    zh = home.zh
    index = in_three(add(zh, EventIndexPage(title="活动日历", slug="events")), "Events", "행사")
    spaces = in_three(add(zh, SpaceIndexPage(title="公共空间", slug="spaces")), "Spaces", "공간")
    partners = in_three(
        add(zh, PartnerIndexPage(title="合作伙伴", slug="partners")), "Partners", "파트너"
    )
    centre = in_three(
        add(
            spaces.zh,
            PublicSpacePage(
                title="国际友邻服务中心",
                slug="centre",
                address="双柏社区",
                latitude="30.808120",
                longitude="103.891530",
            ),
        ),
        "International Neighbour Service Centre",
        "국제이웃서비스센터",
    )
    classroom = in_three(
        add(spaces.zh, PublicSpacePage(title="共享教室", slug="classroom")),
        "Shared classroom",
        "공유 교실",
    )
    yam = in_three(
        add(partners.zh, PartnerPage(title="YAM志愿者", slug="yam", partner_type="volunteer")),
        "YAM Volunteers",
        "YAM 자원봉사단",
    )
    salon_category = EventCategory.objects.create(
        locale=zh.locale, name="英语沙龙", slug="english-salon"
    )
    class_category = EventCategory.objects.create(
        locale=zh.locale, name="汉语课", slug="chinese-class"
    )
    for category, en, ko in (
        (salon_category, "English salon", "영어 살롱"),
        (class_category, "Chinese class", "중국어 수업"),
    ):
        for locale, name in ((home.en.locale, en), (home.ko.locale, ko)):
            copy = category.copy_for_translation(locale)
            copy.name = name
            copy.save()
    return SimpleNamespace(
        home=home,
        index=index,
        centre=centre,
        classroom=classroom,
        yam=yam,
        salon_category=salon_category,
        class_category=class_category,
    )


def make_event(
    calendar,
    slug,
    title=None,
    en=None,
    ko=None,
    organisers=(),
    changes=(),
    english_only=False,
    **facts,
):
    """A published Chinese event with English and Korean translations (or English only)."""
    facts.setdefault("start_date", next_weekday(5))
    facts.setdefault("start_time", datetime.time(19, 0))
    facts.setdefault("end_time", datetime.time(21, 0))
    facts.setdefault("summary", f"{slug} 简介")
    page = EventPage(
        title=title or f"活动 {slug}",
        slug=slug,
        organisers=[EventOrganiser(partner=p) for p in organisers],
        date_changes=list(changes),
        **facts,
    )
    page = add(calendar.index.zh, page)
    if english_only:
        return SimpleNamespace(zh=page, en=translate(page, "en", title=en or f"Event {slug}"))
    return in_three(page, en or f"Event {slug}", ko or f"행사 {slug}")


@pytest.fixture
def salon(calendar):
    """The weekly Saturday salon, its second Saturday cancelled, its third moved to Sunday."""
    return replayed("events.salon", lambda: build_salon(calendar))


def build_salon(calendar):
    saturday = next_weekday(5)
    return make_event(
        calendar,
        "english-salon",
        title="詹叔英语沙龙",
        en="Uncle Zhan's English Salon",
        ko="잔 아저씨 영어 살롱",
        category=calendar.salon_category,
        venue=calendar.centre.zh,
        organisers=[calendar.yam.zh],
        start_date=saturday,
        repeat="weekly",
        repeat_count=10,
        languages=["en", "zh"],
        changes=[
            EventDateChange(date=saturday + datetime.timedelta(weeks=1), action="cancel"),
            EventDateChange(
                date=saturday + datetime.timedelta(weeks=2),
                action="move",
                new_date=saturday + datetime.timedelta(weeks=2, days=1),
                new_start_time=datetime.time(15, 0),
                new_end_time=datetime.time(17, 0),
                new_venue=calendar.classroom.zh,
            ),
        ],
    )
