"""Validation of the event form in the admin: clear, translated errors instead of wrong dates."""

import datetime

import pytest
from django.utils import translation

from events.models import EventPage
from tests.editorial.forms import event_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def add_url(calendar):
    return f"/admin/pages/add/events/eventpage/{calendar.index.zh.pk}/"


def post_event(admin_client, url, language="en", **fields):
    with translation.override(language):
        data = event_form("测试活动", "简介", slug="test-event", **fields)
        response = admin_client.post(url, data, HTTP_ACCEPT_LANGUAGE=language)
    return response


def test_last_weekday_needs_a_date_that_is_the_last_such_weekday(admin_client, add_url):
    response = post_event(
        admin_client,
        add_url,
        start_date=datetime.date(2027, 1, 23),  # the 4th Saturday; the 30th is the last
        repeat="monthly",
        repeat_monthly_by="last_weekday",
    )
    assert response.status_code == 200
    assert "The date is not the last such weekday of its month" in response.content.decode()
    assert not EventPage.objects.filter(slug="test-event").exists()


def test_last_saturday_rule_is_saved(admin_client, add_url):
    response = post_event(
        admin_client,
        add_url,
        start_date=datetime.date(2027, 1, 30),
        repeat="monthly",
        repeat_monthly_by="last_weekday",
    )
    assert response.status_code == 302
    page = EventPage.objects.get(slug="test-event")
    assert page.repeat_monthly_by == "last_weekday"
    starts = [o.start.date() for o in page.occurrences.all()[:2]]
    assert starts == [datetime.date(2027, 1, 30), datetime.date(2027, 2, 27)]
