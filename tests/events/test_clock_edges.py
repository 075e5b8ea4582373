"""The calendar around midnight in Chengdu and across a daylight-saving change.

The rest of the suite runs at one fixed instant (tests/conftest.py: clock); these tests
travel to the instants where "today" is easy to get wrong: a minute before and after
midnight Beijing time (16:00 UTC, when the date in UTC does not change), at the end of
a week and of a month, and the weekend British clocks go forward.
"""

import datetime
from zoneinfo import ZoneInfo

import pytest

from events.models import Occurrence
from tests.events.conftest import make_event

pytestmark = pytest.mark.django_db

BEIJING = ZoneInfo("Asia/Shanghai")
LONDON = ZoneInfo("Europe/London")

# Sunday 31 January 2027 is the last day of a week and of a month.
SUNDAY = datetime.date(2027, 1, 31)
MONDAY = SUNDAY + datetime.timedelta(days=1)
MINUTE_TO_MIDNIGHT = datetime.datetime(2027, 1, 31, 23, 59, tzinfo=BEIJING)
MINUTE_PAST_MIDNIGHT = datetime.datetime(2027, 2, 1, 0, 1, tzinfo=BEIJING)


@pytest.fixture(
    params=[MINUTE_TO_MIDNIGHT, MINUTE_PAST_MIDNIGHT],
    ids=["23:59 Beijing, Sunday 31 January", "00:01 Beijing, Monday 1 February"],
)
def around_midnight(request, clock):
    """The clock at one side of midnight, and the calendar built there."""
    clock.move_to(request.param)
    calendar = request.getfixturevalue("calendar")
    late = make_event(
        calendar,
        "late-sunday",
        english_only=True,
        start_date=SUNDAY,
        start_time=datetime.time(23, 0),
        end_time=datetime.time(23, 30),
    )
    early = make_event(
        calendar,
        "early-monday",
        english_only=True,
        start_date=MONDAY,
        start_time=datetime.time(0, 30),
        end_time=datetime.time(1, 30),
    )
    today = SUNDAY if request.param == MINUTE_TO_MIDNIGHT else MONDAY
    return today, late, early


def listed(client, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    return {"late": "Event late-sunday" in html, "early": "Event early-monday" in html}


def test_today_is_the_date_in_chengdu(client, around_midnight):
    today, _late, _early = around_midnight
    assert listed(client, "/en/events/today/") == {
        "late": today == SUNDAY,
        "early": today == MONDAY,
    }


def test_an_event_leaves_the_upcoming_list_when_it_ends(client, around_midnight):
    # At 23:59 the 23:00–23:30 event is over; the 00:30 one is still to come either side.
    assert listed(client, "/en/events/") == {"late": False, "early": True}


def test_this_week_and_this_month_turn_over_at_midnight(client, around_midnight):
    today, _late, _early = around_midnight
    sunday_side = today == SUNDAY
    assert listed(client, "/en/events/week/") == {"late": sunday_side, "early": not sunday_side}
    month = listed(client, "/en/events/month/")
    # The January grid runs to Sunday 31st; February's starts on Monday 1st.
    assert month == {"late": sunday_side, "early": not sunday_side}


@pytest.fixture
def london_club(request, clock):
    """A weekly call at 10:00 London time, the week before and after British Summer Time.

    The clocks go forward on Sunday 28 March 2027 at 01:00 GMT; today is Friday the 26th.
    """
    clock.move_to(datetime.datetime(2027, 3, 26, 12, 0, tzinfo=LONDON))
    calendar = request.getfixturevalue("calendar")
    return make_event(
        calendar,
        "london-club",
        english_only=True,
        start_date=datetime.date(2027, 3, 20),
        start_time=datetime.time(10, 0),
        end_time=datetime.time(11, 0),
        timezone="Europe/London",
        repeat="weekly",
        repeat_count=4,
    )


def test_a_weekly_event_keeps_its_wall_clock_time_across_the_change(london_club):
    starts = [
        o.start
        for o in Occurrence.objects.filter(translation_key=london_club.zh.translation_key).order_by(
            "start"
        )
    ]
    assert [s.astimezone(LONDON).strftime("%d %H:%M %Z") for s in starts] == [
        "20 10:00 GMT",
        "27 10:00 GMT",
        "03 10:00 BST",
        "10 10:00 BST",
    ]
    # In Chengdu, which keeps no summer time, the call moves an hour earlier.
    assert [s.astimezone(BEIJING).strftime("%H:%M") for s in starts] == [
        "18:00",
        "18:00",
        "17:00",
        "17:00",
    ]


def test_the_listing_shows_the_london_time_on_both_sides_of_the_change(client, london_club):
    html = client.get("/en/events/").content.decode()
    assert 'datetime="2027-03-27T10:00:00+00:00"' in html
    assert 'datetime="2027-04-03T10:00:00+01:00"' in html
    assert 'datetime="2027-03-20' not in html  # over before today
    assert html.count("10:00–11:00") >= 3
