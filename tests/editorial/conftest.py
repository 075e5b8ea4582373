"""Fixtures for the editorial workflow: a small trilingual site, the roles and their users."""

from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from wagtail_localize.operations import TranslationCreator

from editorial.roles import EDITORS, MODERATORS, TRANSLATORS, setup_roles
from events.models import EventCategory, EventIndexPage
from home.models import ContactDetails, NavigationMenu
from services.models import PublicSpacePage, ServiceCategory, SpaceIndexPage
from tests.conftest import publish, translate
from tests.events.conftest import calendar, salon  # noqa: F401 (fixtures used by these tests)
from tests.replay import replayed

PASSWORD = "correct-horse-battery"


def add(parent, page):
    parent.add_child(instance=page)
    return publish(page)


def in_three(page, en, ko):
    return SimpleNamespace(
        zh=page, en=translate(page, "en", title=en), ko=translate(page, "ko", title=ko)
    )


@pytest.fixture
def newsroom(home):
    """Home, calendar and spaces in three languages, a venue and a category."""
    return replayed("editorial.newsroom", lambda: build_newsroom(home))


def build_newsroom(home):
    index = in_three(
        add(home.zh, EventIndexPage(title="活动日历", slug="events")), "Events", "행사"
    )
    spaces = in_three(
        add(home.zh, SpaceIndexPage(title="公共空间", slug="spaces")), "Spaces", "공간"
    )
    venue = add(spaces.zh, PublicSpacePage(title="国际友邻服务中心", slug="centre"))
    category = EventCategory.objects.create(name="语言交流", slug="language", locale=home.zh.locale)
    return SimpleNamespace(home=home, index=index, spaces=spaces, venue=venue, category=category)


@pytest.fixture
def roles(home):
    # Replayed, so the groups, task and workflow keep their ids from test to test (a
    # PostgreSQL sequence is not rolled back) and fixtures recorded after it still fit.
    return replayed("editorial.roles", setup_roles)


@pytest.fixture
def make_user(roles):
    def make(username, group_name):
        user = get_user_model().objects.create_user(username=username, password=PASSWORD)
        user.groups.set([roles[group_name]])
        return user

    return make


@pytest.fixture
def login(client):
    def as_user(user):
        client.force_login(user)
        return client

    return as_user


@pytest.fixture
def editor(make_user):
    return make_user("editor", EDITORS)


@pytest.fixture
def moderator(make_user):
    return make_user("moderator", MODERATORS)


@pytest.fixture
def korean_translator(make_user):
    return make_user("translator-ko", TRANSLATORS["ko"])


@pytest.fixture
def world(newsroom, roles):
    return replayed("editorial.permission_matrix", lambda: build_world(newsroom))


def build_world(newsroom):
    """A page and each snippet in three languages, wagtail-localize translations, revisions
    and a workflow in progress on each."""
    admin = newsroom.home.zh.owner
    objects = {"page": {"zh-hans": newsroom.venue}}
    zh = newsroom.home.zh.locale
    objects[NavigationMenu] = {
        "zh-hans": NavigationMenu.objects.create(
            locale=zh, items=[("link", {"label": "活动", "page": None, "url": "/zh-hans/"})]
        )
    }
    objects[ContactDetails] = {
        "zh-hans": ContactDetails.objects.create(
            locale=zh,
            centre_name="中心",
            address="双柏路",
            about='<p>见<a href="https://example.com/">网站</a></p>',  # a link to override
        )
    }
    objects[EventCategory] = {"zh-hans": newsroom.category}
    objects[ServiceCategory] = {
        "zh-hans": ServiceCategory.objects.create(locale=zh, name="医疗", slug="health")
    }
    others = [newsroom.home.en.locale, newsroom.home.ko.locale]
    for kind, by_language in objects.items():
        TranslationCreator(admin, others).create_translations(by_language["zh-hans"])
        source = by_language["zh-hans"]
        for code in ("en", "ko"):
            by_language[code] = source.get_translation(
                newsroom.home.en.locale if code == "en" else newsroom.home.ko.locale
            )
        for obj in by_language.values():
            obj = obj.specific if kind == "page" else obj
            # Published in every language, then a draft waiting for approval.
            obj.save_revision(user=admin).publish(user=admin)
            obj.save_revision(user=admin)
            obj.get_workflow().start(obj, admin)
            by_language[obj.locale.language_code] = type(obj).objects.get(pk=obj.pk)
    return SimpleNamespace(objects=objects, homes=newsroom.home)
