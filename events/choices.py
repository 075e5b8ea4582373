"""The choices an editor picks from on an event: status, audience, repeat rule, weekday, zone."""

import datetime
import zoneinfo

from django.utils.translation import gettext_lazy as _

from events import schedule as sched

STATUS_SCHEDULED, STATUS_CANCELLED, STATUS_POSTPONED, STATUS_ONLINE = (
    "scheduled",
    "cancelled",
    "postponed",
    "moved_online",
)
STATUS_CHOICES = [
    (STATUS_SCHEDULED, _("Scheduled")),
    (STATUS_CANCELLED, _("Cancelled")),
    (STATUS_POSTPONED, _("Postponed")),
    (STATUS_ONLINE, _("Moved online")),
]
AUDIENCE_CHOICES = [
    ("everyone", _("Everyone")),
    ("adults", _("Adults")),
    ("families", _("Families")),
    ("children", _("Children")),
    ("young", _("Young people")),
    ("seniors", _("Older people")),
    ("newcomers", _("Newcomers")),
]
REPEAT_CHOICES = [
    ("", _("Does not repeat")),
    (sched.DAILY, _("Daily")),
    (sched.WEEKLY, _("Weekly")),
    (sched.MONTHLY, _("Monthly")),
]
MONTHLY_BY_CHOICES = [
    (sched.BY_DATE, _("On the same date (e.g. the 14th)")),
    (sched.BY_WEEKDAY, _("On the same weekday (e.g. the second Saturday)")),
    (sched.BY_LAST_WEEKDAY, _("On the last such weekday (e.g. the last Saturday)")),
]
WEEKDAY_CHOICES = [
    ("0", _("Monday")),
    ("1", _("Tuesday")),
    ("2", _("Wednesday")),
    ("3", _("Thursday")),
    ("4", _("Friday")),
    ("5", _("Saturday")),
    ("6", _("Sunday")),
]
TIMEZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones())]
# Offered first in the editor: where Youlin's events and their audiences are.
COMMON_TIMEZONES = [
    "Asia/Shanghai",
    "Asia/Seoul",
    "Asia/Tokyo",
    "Asia/Hong_Kong",
    "Asia/Taipei",
    "Asia/Singapore",
    "Asia/Bangkok",
    "Asia/Kolkata",
    "Asia/Dubai",
    "Europe/London",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Moscow",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "America/Toronto",
    "America/Sao_Paulo",
    "Australia/Sydney",
    "Pacific/Auckland",
    "UTC",
]
DEFAULT_START_TIME = datetime.time(10, 0)


def timezone_choices_for_editors():
    """The common zones, then every other one, grouped so that nobody scrolls past Africa."""
    common = set(COMMON_TIMEZONES)
    return [
        (_("Common time zones"), [(name, name) for name in COMMON_TIMEZONES]),
        (_("All time zones"), [choice for choice in TIMEZONE_CHOICES if choice[0] not in common]),
    ]


# What an editor does to one date of a repeating event (EventDateChange.action).
ACTION_CANCEL, ACTION_MOVE = "cancel", "move"

# Facts that are the same in every language: read from the schedule owner.
SHARED_FIELDS = [
    "category",
    "audience",
    "languages",
    "is_free",
    "price_amount",
    "registration_url",
    "capacity",
    "is_full",
    "venue",
    "online_url",
    "status",
    "start_date",
    "start_time",
    "end_date",
    "end_time",
    "all_day",
    "timezone",
    "repeat",
    "repeat_interval",
    "repeat_weekdays",
    "repeat_monthly_by",
    "repeat_until",
    "repeat_count",
    "image",
]
