"""A notice board in three languages, two compounds, and a helper to add notices."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import timezone

from notices.models import KIND_GENERAL, NoticeArea, NoticeAreaLink, NoticeIndexPage, NoticePage
from tests.conftest import publish, translate
from tests.replay import replayed

HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def board(home):
    """/<lang>/notices/ in three languages, and compounds 3 (translated) and 7 (Chinese only)."""
    return replayed("notices.board", lambda: build_board(home))


def build_board(home):
    zh = NoticeIndexPage(title="社区公告", slug="notices")
    home.zh.add_child(instance=zh)
    publish(zh)
    en = translate(zh, "en", title="Notices")
    ko = translate(zh, "ko", title="공지사항")
    block3 = NoticeArea.objects.create(locale=zh.locale, name="锦绣苑", slug="jinxiu", sort_order=1)
    block7 = NoticeArea.objects.create(locale=zh.locale, name="柏林苑", slug="bolin", sort_order=2)
    for locale, name in ((en.locale, "Jinxiu Garden"), (ko.locale, "진슈위안")):
        copy = block3.copy_for_translation(locale)
        copy.name = name
        copy.save()
    return SimpleNamespace(
        home=home, index=SimpleNamespace(zh=zh, en=en, ko=ko), jinxiu=block3, bolin=block7
    )


def add_notice(
    board,
    slug,
    title,
    en=None,
    ko=None,
    kind=KIND_GENERAL,
    starts=-DAY,
    ends=None,
    areas=(),
    summary="通知摘要",
):
    """A published notice under the Chinese board (valid from now + `starts`), translated
    into English and Korean when `en` / `ko` titles are given."""
    now = timezone.now()
    page = NoticePage(
        title=title,
        slug=slug,
        summary=summary,
        kind=kind,
        valid_from=now + starts,
        valid_until=now + ends if ends is not None else None,
        whole_community=not areas,
    )
    for area in areas:
        page.areas.add(NoticeAreaLink(area=area))
    board.index.zh.add_child(instance=page)
    publish(page)
    pages = SimpleNamespace(zh=page, en=None, ko=None)
    if en:
        pages.en = translate(page, "en", title=en, summary="Summary")
    if ko:
        pages.ko = translate(page, "ko", title=ko, summary="요약")
    return pages
