"""The urgent-alert banner: on every page in every language while the alert is valid,
never served stale from the page cache, no cookie, and the Chinese text marked until
a translation is published."""

import datetime
import re

import pytest
from django.utils import timezone

from notices.models import KIND_URGENT
from tests.conftest import translate
from tests.notices.conftest import HOUR, add_notice

MINUTE = datetime.timedelta(minutes=1)
SECOND = datetime.timedelta(seconds=1)

pytestmark = pytest.mark.django_db

PAGES = ("/{lang}/", "/{lang}/notices/", "/{lang}/notices/reminder/", "/{lang}/no-such-page/")


def banner(html):
    match = re.search(r'<aside class="urgent-alerts".*?</aside>', html, re.S)
    return match.group(0) if match else None


@pytest.fixture
def alert(board):
    add_notice(board, "reminder", "居住登记提醒", en="Registration reminder", ko="거주 등록 안내")
    return add_notice(
        board,
        "storm",
        "暴雨红色预警",
        kind=KIND_URGENT,
        starts=-HOUR,
        ends=6 * HOUR,
    )


@pytest.mark.parametrize("language", ["zh-hans", "en", "ko"])
def test_every_page_shows_the_banner_while_the_alert_is_valid(client, alert, language):
    for path in PAGES:
        response = client.get(path.format(lang=language))
        assert response.status_code in (200, 404), path
        shown = banner(response.content.decode())
        assert shown is not None, path
        assert 'href="/zh-hans/notices/storm/"' in shown
        assert not response.cookies, path


def test_untranslated_alert_is_marked_and_switches_when_translated(client, alert):
    english = banner(client.get("/en/").content.decode())
    assert "暴雨红色预警" in english
    assert 'lang="zh-Hans"' in english
    assert "not yet translated" in english
    translate(alert.zh, "en", title="Red rainstorm warning", summary="Stay indoors")
    english = banner(client.get("/en/").content.decode())
    assert 'href="/en/notices/storm/"' in english
    assert "Red rainstorm warning" in english
    assert "not yet translated" not in english
    # Korean still has none, and keeps the Chinese.
    assert "暴雨红色预警" in banner(client.get("/ko/").content.decode())


def test_no_banner_before_it_starts_or_after_it_ends_even_from_the_cache(
    client, board, clock, settings
):
    settings.YOULIN_PAGE_CACHE_SECONDS = 300  # longer than the wait for the alert
    add_notice(board, "storm", "暴雨预警", kind=KIND_URGENT, starts=2 * MINUTE, ends=3 * HOUR)
    start = timezone.now() + 2 * MINUTE
    first = client.get("/en/")
    assert banner(first.content.decode()) is None
    # Kept no longer than until the alert starts, by the site and by browsers alike.
    max_age = int(re.search(r"max-age=(\d+)", first["Cache-Control"]).group(1))
    assert 0 < max_age <= 120
    clock.move_to(start + MINUTE)
    assert banner(client.get("/en/").content.decode()) is not None
    clock.move_to(start + 3 * HOUR + SECOND)
    assert banner(client.get("/en/").content.decode()) is None


def test_a_cached_page_is_not_served_past_the_alerts_end(
    client, board, clock, django_assert_max_num_queries, settings
):
    settings.YOULIN_PAGE_CACHE_SECONDS = 300
    add_notice(board, "storm", "暴雨预警", kind=KIND_URGENT, starts=-HOUR, ends=8 * SECOND)
    ends = timezone.now() + 8 * SECOND  # well inside PAGE_CACHE_SECONDS
    response = client.get("/en/")
    assert banner(response.content.decode()) is not None
    max_age = int(re.search(r"max-age=(\d+)", response["Cache-Control"]).group(1))
    assert max_age <= 8
    with django_assert_max_num_queries(2):  # from the cache
        assert banner(client.get("/en/").content.decode()) is not None
    clock.move_to(ends + SECOND)
    assert banner(client.get("/en/").content.decode()) is None


def test_without_alerts_pages_keep_the_usual_lifetime(client, board, settings):
    add_notice(board, "reminder", "居住登记提醒")
    response = client.get("/en/")
    assert f"max-age={settings.YOULIN_PAGE_CACHE_SECONDS}" in response["Cache-Control"]
    assert banner(response.content.decode()) is None


def test_the_hide_button_needs_script(client, alert):
    shown = banner(client.get("/en/").content.decode())
    assert re.search(r'<button class="urgent-alert__hide" type="button" hidden>', shown)
    assert 'data-alert="' in shown
