"""Pages with text in three languages for the search tests."""

from types import SimpleNamespace

import pytest

from home.models import ContentPage
from tests.conftest import publish, translate

# The calendar with its venues and organisers, and the weekly salon held there.
from tests.events.conftest import calendar, salon  # noqa: F401
from tests.replay import replayed


def add(parent, page):
    parent.add_child(instance=page)
    return publish(page)


def content(parent, title, summary="", slug=None):
    page = ContentPage(title=title, summary=summary, slug=slug or None, locale=parent.locale)
    return add(parent, page)


@pytest.fixture
def pages(home):
    """A salon page in three languages, and pages that only mention its words in the body."""
    return replayed("search.pages", lambda: build_pages(home))


def build_pages(home):
    salon_zh = content(
        home.zh, "詹叔英语沙龙", "詹叔英语沙龙每周六举行，欢迎邻居参加。", slug="salon"
    )
    salon_en = translate(
        salon_zh,
        "en",
        title="Uncle Zhan's English Salon",
        summary="Practise English every Saturday evening and make friends.",
    )
    salon_ko = translate(
        salon_zh,
        "ko",
        title="잔 아저씨 영어 살롱",
        summary="매주 토요일 저녁 서울에서 온 친구들과 영어를 연습해요.",
    )
    mention = content(home.zh, "社区新闻", "本周英语角和沙龙暂停一次。", slug="news")
    mention_en = translate(
        mention,
        "en",
        title="Community news",
        summary="The salon is closed this week; English corner too.",
    )
    mention_ko = translate(mention, "ko", title="커뮤니티 소식", summary="이번 주 살롱은 쉽니다.")
    return SimpleNamespace(salon=salon_zh, **locals())


@pytest.fixture
def search_index_kept_up_to_date():
    """Saving a page indexes it here, as in production: search is what these tests test."""
    return True
