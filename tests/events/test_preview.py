"""Previewing an event shows its draft schedule, not the published dates."""

import datetime

import pytest

from events.models import EventDateChange
from tests.events.conftest import next_weekday

pytestmark = pytest.mark.django_db


def test_preview_shows_the_draft_time_and_cancellation(rf, salon):
    draft = salon.zh
    first, fourth = next_weekday(5), next_weekday(5, 3)
    draft.start_time = datetime.time(18, 30)
    draft.date_changes.add(EventDateChange(date=fourth, action="cancel"))
    html = draft.make_preview_request().content.decode()
    assert f'datetime="{first.isoformat()}T18:30:00+08:00"' in html
    assert f'<del><time datetime="{fourth.isoformat()}T18:30:00+08:00"' in html


def test_published_page_is_unchanged_by_an_unpublished_draft(client, salon):
    draft = salon.zh
    draft.start_time = datetime.time(18, 30)
    draft.save_revision()
    html = client.get("/zh-hans/events/english-salon/").content.decode()
    assert f'datetime="{next_weekday(5).isoformat()}T19:00:00+08:00"' in html
    assert "T18:30:00" not in html
