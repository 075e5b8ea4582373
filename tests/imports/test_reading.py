"""Reading iCalendar files into the project's schedule: pure functions, no database."""

import datetime

import pytest

from events import schedule as sched
from imports.reading import CalendarError, read, zone_from_name
from tests.imports.conftest import fixture

NOW = datetime.datetime(2027, 1, 13, 2, tzinfo=datetime.UTC)


def reading(data):
    return read(
        data,
        default_zone="Asia/Shanghai",
        window_start=NOW - datetime.timedelta(days=30),
        window_end=NOW + datetime.timedelta(days=400),
    )


def items(name):
    return {item.title: item for item in reading(fixture(name)).items}


def calendar(*events, extra=""):
    body = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//t//t//EN", extra, *events])
    return (body + "\r\nEND:VCALENDAR\r\n").replace("\r\n\r\n", "\r\n").encode()


def vevent(*lines):
    return "\r\n".join(["BEGIN:VEVENT", "DTSTAMP:20270101T000000Z", *lines, "END:VEVENT"])


@pytest.mark.parametrize(
    ("tzid", "zone"),
    [
        ("Asia/Shanghai", "Asia/Shanghai"),
        ("China Standard Time", "Asia/Shanghai"),
        ("Korea Standard Time", "Asia/Seoul"),
        ("GMT Standard Time", "Europe/London"),
        ("/mozilla.org/20050126_1/Europe/Berlin", "Europe/Berlin"),
        ("Not A Zone", None),
    ],
)
def test_tzids_are_mapped_to_iana_zones(tzid, zone):
    assert zone_from_name(tzid) == zone


def test_outlook_windows_zone_names_keep_the_wall_clock():
    found = items("outlook.ics")
    seoul = found["Seoul partners' meeting"]
    assert (seoul.timezone, seoul.start) == ("Asia/Seoul", datetime.datetime(2027, 1, 22, 10))
    weekly = found["Chinese class (beginners)"]
    assert weekly.timezone == "Asia/Shanghai"
    assert weekly.start == datetime.datetime(2027, 1, 19, 18, 30)


def test_outlook_bysetpos_becomes_the_second_saturday():
    desk = items("outlook.ics")["Newcomers' help desk"]
    assert desk.rule == sched.Rule(
        frequency="monthly", monthly_by=sched.BY_WEEKDAY, count=6, weekdays=()
    )


def test_weekly_rule_with_days_until_and_exdate():
    weekly = items("outlook.ics")["Chinese class (beginners)"]
    assert weekly.rule.weekdays == (1, 3)
    # UNTIL=20270330T103000Z is 18:30 in Chengdu: the 30 March class is the last one.
    assert weekly.rule.until == datetime.date(2027, 3, 30)
    assert [(c.date, c.cancelled) for c in weekly.changes] == [(datetime.date(2027, 2, 9), True)]


def test_google_until_just_before_the_last_start_excludes_it():
    salon = items("google.ics")["沐言咖啡英语角"]
    # UNTIL=20270327T105959Z is 18:59:59 local, a minute before the 27 March salon.
    assert salon.rule.until == datetime.date(2027, 3, 26)


def test_recurrence_id_override_becomes_a_moved_date_with_its_place():
    salon = items("google.ics")["沐言咖啡英语角"]
    moved = [c for c in salon.changes if not c.cancelled]
    assert len(moved) == 1
    assert moved[0].date == datetime.date(2027, 2, 6)
    assert moved[0].start == datetime.datetime(2027, 2, 7, 15)
    assert moved[0].end == datetime.datetime(2027, 2, 7, 17)
    assert moved[0].location == "国际友邻服务中心，双柏社区"


def test_utc_times_are_read_on_the_calendars_own_clock():
    single = items("google.ics")["咖啡拉花体验课"]
    assert (single.timezone, single.start) == ("Asia/Shanghai", datetime.datetime(2027, 1, 20, 19))


def test_all_day_over_several_days_has_an_inclusive_last_day():
    fair = items("google.ics")["春节市集"]
    fields = fair.schedule_fields()
    assert fields["all_day"]
    assert (fields["start_date"], fields["end_date"]) == (
        datetime.date(2027, 2, 5),
        datetime.date(2027, 2, 7),
    )


def test_one_day_all_day_event_has_no_last_day():
    day = items("outlook.ics")["Volunteer day"]
    assert day.schedule_fields()["end_date"] is None


def test_cancelled_event_is_read_as_cancelled():
    assert items("google.ics")["手冲咖啡分享会"].cancelled


def test_past_events_are_counted_not_imported():
    result = reading(fixture("google.ics"))
    assert result.past == 1
    assert "夏日音乐夜" not in {item.title for item in result.items}
    assert "pastevent2026@google.com" in result.keys_seen


def test_rdate_series_is_split_into_its_dates():
    found = [i for i in reading(fixture("apple.ics")).items if i.title == "Board games morning"]
    assert sorted(i.start for i in found) == [
        datetime.datetime(2027, 1, 24, 10),
        datetime.datetime(2027, 2, 14, 10),
    ]
    assert all(i.rule is None and i.notes[0][0] == "dates_split" for i in found)
    assert len({i.key for i in found}) == 2


def test_yearly_rule_is_split_into_the_dates_within_the_window():
    found = [i for i in reading(fixture("apple.ics")).items if i.uid.startswith("9E8D")]
    assert [(i.start.date(), i.all_day) for i in found] == [(datetime.date(2027, 2, 20), True)]


def test_daily_rule_in_seoul():
    camp = items("apple.ics")["Winter camp with Seoul families"]
    assert camp.timezone == "Asia/Seoul"
    assert camp.rule == sched.Rule(frequency="daily", count=3)


def test_duplicate_uid_keeps_the_highest_sequence_and_says_so():
    result = reading(fixture("duplicates.ics"))
    kept = [i for i in result.items if i.uid == "same@example.org"]
    assert [i.title for i in kept] == ["New copy"]
    assert [(s.uid, s.code) for s in result.skipped] == [
        ("nostart@example.org", "no_dtstart"),
        ("same@example.org", "duplicate_uid"),
    ]


def test_unknown_zone_is_reported_and_read_as_the_default():
    data = calendar(
        vevent(
            "UID:z@t",
            "SUMMARY:Somewhere",
            "DTSTART;TZID=Mars Standard Time:20270120T100000",
            "DTEND;TZID=Mars Standard Time:20270120T110000",
        )
    )
    (item,) = reading(data).items
    assert item.timezone == "Asia/Shanghai"
    assert item.notes == [
        ("unknown_zone", {"zone": "Mars Standard Time", "default": "Asia/Shanghai"})
    ]


def test_monthly_by_date_and_last_weekday():
    data = calendar(
        vevent(
            "UID:a@t",
            "SUMMARY:Fourteenth",
            "DTSTART;TZID=Asia/Shanghai:20270114T100000",
            "RRULE:FREQ=MONTHLY;BYMONTHDAY=14;COUNT=4",
        ),
        vevent(
            "UID:b@t",
            "SUMMARY:Last Saturday",
            "DTSTART;TZID=Asia/Shanghai:20270130T100000",
            "RRULE:FREQ=MONTHLY;BYDAY=-1SA;INTERVAL=2",
        ),
    )
    found = {i.title: i.rule for i in reading(data).items}
    assert found["Fourteenth"].monthly_by == sched.BY_DATE
    assert found["Last Saturday"] == sched.Rule(
        frequency="monthly", interval=2, monthly_by=sched.BY_LAST_WEEKDAY
    )


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty"),
        (b"  \r\n", "empty"),
        (b"<!DOCTYPE html><html><head><title>Calendar</title></head></html>", "html"),
        (b"\xef\xbb\xbf<html><body>Log in to see this calendar</body></html>", "html"),
        (b'{"events": []}', "not_calendar"),
        (fixture("google.ics")[:1500], "truncated"),
        (b"BEGIN:VCALENDAR\r\nthis is not a content line\r\nEND:VCALENDAR\r\n", "invalid"),
    ],
)
def test_unusable_files_are_named(data, code):
    with pytest.raises(CalendarError) as raised:
        reading(data)
    assert raised.value.code == code


def test_event_with_a_bad_value_is_skipped_and_the_rest_read():
    data = calendar(
        vevent("UID:bad@t", "SUMMARY:Bad", "DTSTART:2027-01-20"),
        vevent("UID:good@t", "SUMMARY:Good", "DTSTART;TZID=Asia/Shanghai:20270120T100000"),
    )
    result = reading(data)
    assert [i.title for i in result.items] == ["Good"]
    assert [(s.uid, s.code) for s in result.skipped] == [("bad@t", "invalid_event")]
