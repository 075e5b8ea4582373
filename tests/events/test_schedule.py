"""Recurrence expansion (events/schedule.py): pure functions, no database."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from dateutil import rrule as dateutil_rrule

from events.schedule import (
    BY_LAST_WEEKDAY,
    BY_WEEKDAY,
    MONTHLY,
    WEEKLY,
    Change,
    Rule,
    Schedule,
    expand,
    ical_rrule,
    nth_weekday,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
UTC = ZoneInfo("UTC")


def window(first, last, zone=SHANGHAI):
    return datetime.combine(first, datetime.min.time(), zone), datetime.combine(
        last, datetime.min.time(), zone
    )


def salon(**rule):
    # Saturdays 19:00–21:00 from 7 November 2026.
    return Schedule(
        start=datetime(2026, 11, 7, 19, 0),
        end=datetime(2026, 11, 7, 21, 0),
        rule=Rule(WEEKLY, **rule),
    )


def test_weekly_event_falls_on_each_saturday():
    occurrences = expand(salon(), *window(date(2026, 11, 1), date(2026, 12, 1)))
    assert [o.start.date() for o in occurrences] == [
        date(2026, 11, 7),
        date(2026, 11, 14),
        date(2026, 11, 21),
        date(2026, 11, 28),
    ]
    assert all(o.start.hour == 19 and o.end.hour == 21 for o in occurrences)


def test_weekly_event_keeps_local_time_across_dst():
    schedule = Schedule(
        start=datetime(2026, 10, 24, 19, 0),
        end=datetime(2026, 10, 24, 20, 0),
        timezone="Europe/Berlin",
        rule=Rule(WEEKLY),
    )
    zone = ZoneInfo("Europe/Berlin")
    occurrences = expand(schedule, *window(date(2026, 10, 20), date(2026, 11, 5), zone))
    assert [o.start.hour for o in occurrences] == [19, 19]
    # Summer time ends on 25 October 2026, so the UTC hour moves while local time stays.
    assert [o.start.astimezone(UTC).hour for o in occurrences] == [17, 18]


def test_until_date_is_inclusive():
    occurrences = expand(
        salon(until=date(2026, 11, 21)), *window(date(2026, 11, 1), date(2027, 1, 1))
    )
    assert occurrences[-1].start.date() == date(2026, 11, 21)
    assert len(occurrences) == 3


def test_count_limits_occurrences():
    occurrences = expand(salon(count=2), *window(date(2026, 1, 1), date(2028, 1, 1)))
    assert len(occurrences) == 2


def test_every_second_week():
    occurrences = expand(salon(interval=2), *window(date(2026, 11, 1), date(2026, 12, 31)))
    assert [o.start.day for o in occurrences][:3] == [7, 21, 5]


def test_weekly_on_several_weekdays():
    schedule = Schedule(
        start=datetime(2026, 11, 2, 9, 30),
        end=datetime(2026, 11, 2, 11, 0),
        rule=Rule(WEEKLY, weekdays=(0, 2)),
    )
    occurrences = expand(schedule, *window(date(2026, 11, 2), date(2026, 11, 9)))
    assert [o.start.strftime("%a") for o in occurrences] == ["Mon", "Wed"]


def test_monthly_by_weekday_keeps_the_nth_weekday():
    # 14 November 2026 is the second Saturday.
    schedule = Schedule(
        start=datetime(2026, 11, 14, 10, 0),
        end=datetime(2026, 11, 14, 12, 0),
        rule=Rule(MONTHLY, monthly_by=BY_WEEKDAY),
    )
    occurrences = expand(schedule, *window(date(2026, 11, 1), date(2027, 2, 1)))
    assert [o.start.date() for o in occurrences] == [
        date(2026, 11, 14),
        date(2026, 12, 12),
        date(2027, 1, 9),
    ]


def test_nth_weekday_counts_from_the_start_of_the_month():
    assert nth_weekday(date(2026, 11, 28)) == (5, 4)
    assert nth_weekday(date(2026, 11, 21)) == (5, 3)
    assert nth_weekday(date(2027, 1, 30)) == (5, 5)


def test_fourth_saturday_stays_the_fourth_in_a_month_with_five():
    # 28 November 2026 is both the 4th and the last Saturday; January 2027 has five.
    schedule = Schedule(
        start=datetime(2026, 11, 28, 10, 0),
        end=datetime(2026, 11, 28, 12, 0),
        rule=Rule(MONTHLY, monthly_by=BY_WEEKDAY),
    )
    occurrences = expand(schedule, *window(date(2026, 11, 1), date(2027, 2, 1)))
    assert [o.start.date() for o in occurrences] == [
        date(2026, 11, 28),
        date(2026, 12, 26),
        date(2027, 1, 23),
    ]
    assert ical_rrule(schedule)["BYDAY"] == ["4SA"]


def test_last_saturday_is_the_last_one_in_every_month():
    schedule = Schedule(
        start=datetime(2026, 11, 28, 10, 0),
        end=datetime(2026, 11, 28, 12, 0),
        rule=Rule(MONTHLY, monthly_by=BY_LAST_WEEKDAY),
    )
    occurrences = expand(schedule, *window(date(2026, 11, 1), date(2027, 3, 1)))
    assert [o.start.date() for o in occurrences] == [
        date(2026, 11, 28),
        date(2026, 12, 26),
        date(2027, 1, 30),
        date(2027, 2, 27),
    ]
    assert ical_rrule(schedule)["BYDAY"] == ["-1SA"]


def test_monthly_by_date_skips_months_without_that_day():
    schedule = Schedule(
        start=datetime(2027, 1, 31, 18, 0),
        end=datetime(2027, 1, 31, 19, 0),
        rule=Rule(MONTHLY),
    )
    occurrences = expand(schedule, *window(date(2027, 1, 1), date(2027, 5, 1)))
    assert [o.start.date() for o in occurrences] == [date(2027, 1, 31), date(2027, 3, 31)]


def test_cancelled_date_is_flagged_not_dropped():
    schedule = salon()
    cancelled = Schedule(
        **{**schedule.__dict__, "changes": {date(2026, 11, 14): Change(cancelled=True)}}
    )
    occurrences = expand(cancelled, *window(date(2026, 11, 1), date(2026, 12, 1)))
    flagged = [o.start.date() for o in occurrences if o.cancelled]
    assert flagged == [date(2026, 11, 14)]
    assert len(occurrences) == 4


def test_moved_date_keeps_its_original_start():
    new_start = datetime(2026, 11, 22, 15, 0)
    change = Change(start=new_start, end=new_start + timedelta(hours=2), venue_id=7)
    schedule = Schedule(**{**salon().__dict__, "changes": {date(2026, 11, 21): change}})
    occurrences = expand(schedule, *window(date(2026, 11, 15), date(2026, 11, 30)))
    moved = [o for o in occurrences if o.moved]
    assert len(moved) == 1
    assert moved[0].start == datetime(2026, 11, 22, 15, 0, tzinfo=SHANGHAI)
    assert moved[0].original_start == datetime(2026, 11, 21, 19, 0, tzinfo=SHANGHAI)
    assert moved[0].venue_id == 7


def test_date_moved_into_window_from_outside_is_found():
    new_start = datetime(2026, 12, 1, 19, 0)
    schedule = Schedule(
        **{**salon().__dict__, "changes": {date(2026, 11, 28): Change(start=new_start)}}
    )
    occurrences = expand(schedule, *window(date(2026, 12, 1), date(2026, 12, 2)))
    assert [o.start for o in occurrences] == [datetime(2026, 12, 1, 19, 0, tzinfo=SHANGHAI)]


def test_multi_day_all_day_event_overlaps_windows_it_spans():
    festival = Schedule(
        start=datetime(2026, 12, 12),
        end=datetime(2026, 12, 13),
        all_day=True,
    )
    sunday_only = expand(festival, *window(date(2026, 12, 13), date(2026, 12, 14)))
    assert len(sunday_only) == 1
    assert sunday_only[0].end == datetime(2026, 12, 14, tzinfo=SHANGHAI)  # exclusive end
    assert expand(festival, *window(date(2026, 12, 14), date(2026, 12, 15))) == []


def test_ical_rrule_until_is_utc_when_timed():
    value = ical_rrule(salon(until=date(2026, 12, 31)))
    assert value["FREQ"] == "WEEKLY"
    assert value["BYDAY"] == ["SA"]
    assert value["UNTIL"] == datetime(2026, 12, 31, 15, 59, 59, tzinfo=UTC)


def test_ical_rrule_matches_expansion():
    schedule = salon(count=5)
    value = ical_rrule(schedule)
    text = ";".join(
        f"{k}={','.join(map(str, v)) if isinstance(v, list) else v}" for k, v in value.items()
    )
    starts = list(dateutil_rrule.rrulestr(text, dtstart=schedule.start))
    expanded = expand(schedule, *window(date(2026, 1, 1), date(2028, 1, 1)))
    assert starts == [o.start.replace(tzinfo=None) for o in expanded]
