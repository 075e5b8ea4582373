"""How a repeating event is described, with the list of weekdays joined for the language."""

import datetime
from types import SimpleNamespace

import pytest
from django.utils import translation

from events.templatetags.event_tags import repeat_text

WEEKLY = SimpleNamespace(
    repeat="weekly",
    repeat_interval=1,
    repeat_weekdays="0,2",
    start_date=datetime.date(2027, 1, 4),
    repeat_until=None,
    repeat_count=None,
)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Every week on Monday and Wednesday"),
        ("zh-hans", "星期一和星期三"),
        ("ko", "월요일 및 수요일"),
    ],
)
def test_weekdays_are_joined_for_the_language(language, expected):
    with translation.override(language):
        assert expected in repeat_text(WEEKLY)


def test_chinese_has_no_latin_comma_between_weekdays():
    with translation.override("zh-hans"):
        assert ", " not in repeat_text(WEEKLY)
