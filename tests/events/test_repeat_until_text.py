"""How a repeating event's last date reads in each language."""

import datetime

import pytest
from django.utils import translation

from events.templatetags.event_tags import repeat_text
from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db

EXPECTED = {
    "zh-hans": "每周星期六，直到2027年12月4日星期六",
    "en": "Every week on Saturday until",
    "ko": "까지",
}


@pytest.mark.parametrize("language", EXPECTED)
def test_until_reads_naturally_in_each_language(calendar, language):
    event = make_event(
        calendar,
        "weekly-until",
        start_date=datetime.date(2026, 12, 5),
        repeat="weekly",
        repeat_until=datetime.date(2027, 12, 4),
    )
    with translation.override(language):
        text = repeat_text(event.zh)
    assert EXPECTED[language] in text
    if language == "ko":
        assert text.startswith("매주") and text.endswith("까지")
