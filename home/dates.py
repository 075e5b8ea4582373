"""Dates written out for the visitor's language with Babel (CLDR): one pattern per language.

"2026年11月23日" / "23 November 2026" / "2026년 11월 23일", wherever a page gives a date
(the calendar's own formats are in events/dates.py, on the same locales). Django's
`date:"DATE_FORMAT"` would give "Nov. 23, 2026", its American default, in English.
"""

import datetime

from babel.dates import format_date
from django.utils import timezone

from home.languages import babel_locale


def local_date(value):
    """The site's calendar date of a date or an aware datetime."""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def long_date(value, language=None):
    return format_date(local_date(value), "long", locale=babel_locale(language))
