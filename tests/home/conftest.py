"""Content pages for the home-app tests, on top of tests/conftest.py's `home` fixture."""

from types import SimpleNamespace

import pytest

from home.models import ContentPage
from tests.conftest import publish, translate
from tests.replay import replayed


def add_content_page(parent, **fields):
    page = ContentPage(**fields)
    parent.add_child(instance=page)
    return publish(page)


@pytest.fixture
def salon(home):
    """A content page in all three languages, slug "english-salon"."""
    return replayed("home.salon", lambda: build_salon(home))


def build_salon(home):
    zh = add_content_page(home.zh, title="英语沙龙", slug="english-salon", summary="每周六晚上")
    en = translate(zh, "en", title="English Salon", summary="Every Saturday evening")
    ko = translate(zh, "ko", title="영어 살롱", summary="매주 토요일 저녁")
    return SimpleNamespace(zh=zh, en=en, ko=ko)


@pytest.fixture
def garden(home):
    """A content page in Chinese and English only: no Korean translation."""
    return replayed("home.garden", lambda: build_garden(home))


def build_garden(home):
    zh = add_content_page(home.zh, title="社区花园", slug="community-garden", summary="一起种菜")
    en = translate(zh, "en", title="Community Garden", summary="Growing vegetables together")
    return SimpleNamespace(zh=zh, en=en)


@pytest.fixture
def notice_board(home):
    """A content page in Chinese only: no translation at all."""
    return replayed(
        "home.notice_board",
        lambda: SimpleNamespace(
            zh=add_content_page(home.zh, title="公告栏", slug="notice-board", summary="社区通知")
        ),
    )
