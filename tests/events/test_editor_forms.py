"""Validation of the event form in the admin: clear, translated errors instead of wrong dates."""

import datetime

import pytest
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset

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


SATURDAY = datetime.date(2027, 1, 2)


def weekly_with_change(**change):
    row = {
        "date": "",
        "action": "cancel",
        "new_date": "",
        "new_start_time": "",
        "new_end_time": "",
        "new_venue": "",
    }
    row.update(change)
    return {
        "start_date": SATURDAY,
        "repeat": "weekly",
        "repeat_count": "10",
        "date_changes": inline_formset([row]),
    }


def test_a_change_must_name_one_of_the_events_dates(admin_client, add_url):
    tuesday = SATURDAY + datetime.timedelta(days=3)
    response = post_event(admin_client, add_url, **weekly_with_change(date=tuesday.isoformat()))
    assert response.status_code == 200
    assert "The event does not take place on 2027-01-05" in response.content.decode()
    assert not EventPage.objects.filter(slug="test-event").exists()


def test_a_change_after_the_last_repeat_is_refused(admin_client, add_url):
    after = SATURDAY + datetime.timedelta(weeks=10)
    response = post_event(admin_client, add_url, **weekly_with_change(date=after.isoformat()))
    assert "The event does not take place on" in response.content.decode()


def test_a_moved_date_must_end_after_it_starts(admin_client, add_url):
    response = post_event(
        admin_client,
        add_url,
        **weekly_with_change(
            date=(SATURDAY + datetime.timedelta(weeks=1)).isoformat(),
            action="move",
            new_start_time="15:00",
            new_end_time="14:00",
        ),
    )
    assert "The moved date must end after it starts." in response.content.decode()


def test_a_moved_date_needs_somewhere_to_move_to(admin_client, add_url):
    response = post_event(
        admin_client,
        add_url,
        **weekly_with_change(
            date=(SATURDAY + datetime.timedelta(weeks=1)).isoformat(), action="move"
        ),
    )
    assert "Give the new date, time or venue of the moved date." in response.content.decode()


def test_a_valid_change_is_saved(admin_client, add_url):
    second = SATURDAY + datetime.timedelta(weeks=1)
    response = post_event(
        admin_client,
        add_url,
        **weekly_with_change(
            date=second.isoformat(), action="move", new_start_time="15:00", new_end_time="17:00"
        ),
    )
    assert response.status_code == 302
    moved = EventPage.objects.get(slug="test-event").occurrences.get(moved=True)
    assert moved.start.hour == 15 or moved.start.astimezone(datetime.UTC).hour == 7


def test_errors_are_shown_in_the_editors_language(admin_client, admin_user, add_url):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "zh-hans"
    profile.save()
    tuesday = SATURDAY + datetime.timedelta(days=3)
    html = post_event(
        admin_client, add_url, **weekly_with_change(date=tuesday.isoformat())
    ).content.decode()
    assert "活动在 2027-01-05 不举行" in html
