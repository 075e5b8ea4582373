"""The calendar's demo content: a fully booked event and the Mid-Autumn dinner on the real date."""

import datetime

import pytest
from django.utils import timezone

from demo.events import next_mid_autumn
from events.models import EventPage


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (datetime.date(2026, 12, 3), datetime.date(2027, 9, 15)),
        (datetime.date(2026, 9, 24), datetime.date(2026, 9, 25)),
        (datetime.date(2026, 9, 25), datetime.date(2027, 9, 15)),
        (datetime.date(2028, 1, 1), datetime.date(2028, 10, 3)),
        (datetime.date(2040, 1, 1), datetime.date(2040, 9, 15)),
    ],
)
def test_next_mid_autumn(today, expected):
    assert next_mid_autumn(today) == expected


def test_demo_has_a_fully_booked_event_and_mid_autumn_on_its_date(client, demo_site):
    dinner = EventPage.objects.get(slug="mid-autumn-dinner", locale__language_code="zh-hans")
    assert dinner.start_date == next_mid_autumn(timezone.localdate())
    full = EventPage.objects.filter(is_full=True, locale__language_code="zh-hans")
    assert full.exists()
    event = full.first()
    assert "<strong>已报满</strong>" in client.get(event.url).content.decode()
    year, week, _ = event.start_date.isocalendar()
    week_html = client.get(f"/zh-hans/events/week/{year}/{week}/").content.decode()
    assert '<strong class="badge badge--full">已报满</strong>' in week_html
