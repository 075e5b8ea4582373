"""Materialised occurrences stay right on publish, unpublish, delete and translation."""

import datetime

import pytest
from django.core.management import call_command

from events.models import Occurrence
from tests.events.conftest import make_event, next_weekday

pytestmark = pytest.mark.django_db


def test_one_row_per_occurrence_shared_by_all_locales(salon):
    rows = Occurrence.objects.filter(translation_key=salon.zh.translation_key)
    assert rows.count() == 10
    assert {row.event_id for row in rows} == {salon.zh.pk}


def test_unpublishing_the_source_removes_the_event_from_calendars(client, salon):
    salon.zh.unpublish()
    assert not Occurrence.objects.filter(translation_key=salon.zh.translation_key).exists()
    assert "Uncle Zhan" not in client.get("/en/events/").content.decode().replace("&#x27;", "'")


def test_unpublishing_a_translation_hides_only_that_locale(client, salon):
    salon.ko.unpublish()
    assert "잔 아저씨" not in client.get("/ko/events/").content.decode()
    assert "Uncle Zhan" in client.get("/en/events/").content.decode().replace("&#x27;", "'")


def test_deleting_the_source_hands_the_schedule_to_a_translation(salon):
    key = salon.zh.translation_key
    salon.zh.delete()
    rows = Occurrence.objects.filter(translation_key=key)
    assert rows.exists()
    assert {row.event_id for row in rows} <= {salon.en.pk, salon.ko.pk}


def test_range_query_is_one_indexed_query(salon, django_assert_num_queries):
    start = datetime.datetime.combine(next_weekday(5), datetime.time(0), datetime.UTC)
    with django_assert_num_queries(1):
        rows = list(Occurrence.objects.between(start, start + datetime.timedelta(days=7)))
    assert len(rows) == 1


def test_extend_occurrences_command_rebuilds(calendar, capsys):
    make_event(calendar, "weekly", repeat="weekly", start_date=next_weekday(1))
    Occurrence.objects.all().delete()
    call_command("extend_occurrences")
    assert Occurrence.objects.count() > 50
    assert "occurrences" in capsys.readouterr().out
