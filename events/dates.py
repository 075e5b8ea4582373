"""Dates and times formatted for the visitor's locale with Babel (CLDR data).

"11月22日 周六" in Chinese, "11월 22일 (토)" in Korean, "Sat 22 Nov" in English.
"""

import datetime
import zoneinfo
from zoneinfo import ZoneInfo

from babel.dates import (
    format_date,
    format_datetime,
    format_interval,
    format_skeleton,
    format_time,
    get_timezone_location,
)
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from home.languages import babel_locale


def day_label(value, language=None):
    """Month, day and weekday: 11月22日周六 / 11월 22일 (토) / Sat 22 Nov."""
    return format_skeleton("MMMEd", value, locale=babel_locale(language))


def day_range(first, last, language=None):
    """11月22日周日至24日周二 / 11월 22일 (일)~24일 (화) / Sun 22 Nov – Tue 24 Nov."""
    return format_interval(first, last, "MMMEd", locale=babel_locale(language))


def long_day(value, language=None):
    """With the year: 2026年11月22日星期六 / 2026년 11월 22일 토요일 / Saturday 22 November 2026."""
    return format_date(value, "full", locale=babel_locale(language))


def month_label(value, language=None):
    """2026年11月 / 2026년 11월 / November 2026."""
    return format_skeleton("yMMMM", value, locale=babel_locale(language))


def weekday_short(value, language=None):
    return format_date(value, "EEE", locale=babel_locale(language))


def weekday_long(value, language=None):
    return format_date(value, "EEEE", locale=babel_locale(language))


def time_label(value, language=None):
    """24-hour clock everywhere: 19:00."""
    return format_time(value, "HH:mm", locale=babel_locale(language))


def datetime_label(value, language=None):
    return format_datetime(value, "medium", locale=babel_locale(language))


def zone_label(zone, language=None):
    """A time zone as readers know it: 英国时间 / 영국 시간 / United Kingdom Time."""
    return get_timezone_location(zone, locale=babel_locale(language))


# An occurrence on the clock of its own zone ----------------------------------------------------


def event_zone(name=None):
    try:
        return ZoneInfo(name or settings.TIME_ZONE)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        return ZoneInfo(settings.TIME_ZONE)


def on_clock(value, zone=None):
    """`value` on the wall clock of `zone` (an event's own time zone; the site's by default)."""
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        return timezone.localtime(value, event_zone(zone))
    return value


def last_day(occurrence, zone=None):
    """The last day an all-day occurrence covers (its end is exclusive)."""
    return (on_clock(occurrence.end, zone) - datetime.timedelta(seconds=1)).date()


def new_date_text(occurrence, zone=None):
    """Where a moved date went, for its old day: "Sun 24 Jan 15:00" (no time if all day)."""
    start = on_clock(occurrence.start, zone)
    if occurrence.all_day:
        return day_label(start)
    return f"{day_label(start)} {time_label(start)}"


def when_text(occurrence, zone=None):
    """ "19:00–21:00", "All day", or a span over several days, in the event's `zone`."""
    start, end = on_clock(occurrence.start, zone), on_clock(occurrence.end, zone)
    if occurrence.all_day:
        last = last_day(occurrence, zone)
        if last != start.date():
            return day_range(start.date(), last)
        return _("All day")
    if start.date() != end.date():
        return f"{day_label(start)} {time_label(start)} – {day_label(end)} {time_label(end)}"
    return f"{time_label(start)}–{time_label(end)}"
