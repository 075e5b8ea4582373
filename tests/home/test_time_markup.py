"""Machine-readable times on content pages are valid HTML: <time datetime> to the second."""

import datetime
import re

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db

# HTML's "valid global date and time string": at most three digits of fractional seconds.
VALID = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?(Z|[+-]\d\d:?\d\d)$")


@pytest.mark.parametrize("code", ["zh-hans", "en", "ko"])
def test_last_updated_is_a_valid_time_element(client, salon, code):
    html = client.get(f"/{code}/english-salon/").content.decode()
    (value,) = re.findall(r'<time datetime="([^"]+)"', html)
    assert VALID.match(value), value
    published = getattr(salon, {"zh-hans": "zh", "en": "en", "ko": "ko"}[code]).last_published_at
    assert datetime.datetime.fromisoformat(value) == published.replace(microsecond=0)
    assert value.endswith("+08:00")


LONG_DATES = {"zh-hans": "{y}年{m}月{d}日", "en": "{d} {month} {y}", "ko": "{y}년 {m}월 {d}일"}
LAST_UPDATED = {"zh-hans": "最后更新：", "en": "Last updated: ", "ko": "최종 수정: "}


def long_date(day, code):
    return LONG_DATES[code].format(y=day.year, m=day.month, d=day.day, month=day.strftime("%B"))


@pytest.mark.parametrize("code", ["zh-hans", "en", "ko"])
def test_last_updated_reads_like_the_calendars_dates(client, salon, code):
    """The Babel (CLDR) long date, not Django's "Nov. 23, 2026"; a full-width colon in Chinese."""
    html = client.get(f"/{code}/english-salon/").content.decode()
    day = timezone.localtime(salon.zh.last_published_at).date()
    assert re.search(
        rf'{LAST_UPDATED[code]}<time datetime="[^"]+">{long_date(day, code)}</time>', html
    ), re.findall(r'<p class="page-meta">.*?</p>', html)
