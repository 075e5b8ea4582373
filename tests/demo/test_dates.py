"""Dates and opening hours as the demo's TOML files write them."""

import datetime

import pytest

from demo.dates import date_from, weekly_hours

SUNDAY = datetime.date(2026, 12, 6)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("sunday", SUNDAY),  # today counts
        ("monday", datetime.date(2026, 12, 7)),
        ("saturday -10 weeks", datetime.date(2026, 10, 3)),
        ("thursday -1 week +1 day", datetime.date(2026, 12, 4)),
        ("monday +9 weeks +13 days", datetime.date(2027, 2, 21)),
        ("second saturday", datetime.date(2026, 12, 12)),
        ("mid-autumn +1 day", datetime.date(2027, 9, 16)),
    ],
)
def test_date_from(expression, expected):
    assert date_from(expression, SUNDAY, named={"mid-autumn": datetime.date(2027, 9, 15)}) == (
        expected
    )


def test_second_saturday_moves_to_next_month_once_passed():
    assert date_from("second saturday", datetime.date(2026, 12, 13)) == datetime.date(2027, 1, 9)


@pytest.mark.parametrize("expression", ["someday", "saturday +2 fortnights", "saturday 3 weeks"])
def test_unreadable_dates_are_refused(expression):
    with pytest.raises(ValueError, match="Unknown date"):
        date_from(expression, SUNDAY)


def test_weekly_hours_keep_the_order_written():
    rows = weekly_hours(["mon-wed 09:00-12:00", "mon,fri 13:30-17:30", "sun 00:00-00:00"])
    assert [(day, f"{opens:%H:%M}", f"{closes:%H:%M}") for day, opens, closes in rows] == [
        (0, "09:00", "12:00"),
        (1, "09:00", "12:00"),
        (2, "09:00", "12:00"),
        (0, "13:30", "17:30"),
        (4, "13:30", "17:30"),
        (6, "00:00", "00:00"),
    ]
