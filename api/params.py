"""Reading the API's query parameters: language, pages, instants, a bounding box.

Types and bounds are declared on each operation, so the OpenAPI document says what a
request may hold and django-ninja refuses anything else; `urls.py` turns that refusal
into a 400 naming the parameter. What only the content can decide (a category slug that
does not exist) raises `BadParameter` here or in the operation, with the same answer.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation.trans_real import parse_accept_lang_header
from wagtail.models import Locale

from home.languages import supported_language

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
MAX_OFFSET = 1_000_000
# Far enough out that no occurrence lies beyond; near enough that converting an instant
# to UTC (or adding a day) never leaves the years Python's datetime can hold.
EARLIEST = datetime.datetime(1900, 1, 1, tzinfo=datetime.UTC)
LATEST = datetime.datetime(2200, 1, 1, tzinfo=datetime.UTC)
BBOX_PATTERN = r"^-?[0-9]{1,3}(\.[0-9]{1,12})?(,-?[0-9]{1,3}(\.[0-9]{1,12})?){3}$"

# What each parameter must be, as the 400 answer explains it.
EXPECTED = {
    "locale": _("one of zh-hans, en, ko"),
    "limit": _("a whole number from 1 to 100"),
    "offset": _("a whole number from 0 to 1,000,000"),
    "start": _("a date (2027-01-16) or a date and time with its offset (2027-01-16T19:00+08:00)"),
    "end": _("a date (2027-01-16) or a date and time with its offset (2027-01-16T19:00+08:00)"),
    "last_modified_since": _(
        "a date (2027-01-16) or a date and time with its offset (2027-01-16T19:00+08:00)"
    ),
    "bbox": _("four numbers: west,south,east,north in degrees (WGS-84)"),
    "free": _("true or false"),
    "category": _("the short name of a category in the chosen language"),
    "venue": _("the short name of a public space"),
    "organiser": _("the short name of a partner"),
    "audience": _("one of the audiences events are for"),
    "language": _("a language code such as en or ko"),
    "type": _("one of the partner types"),
    "q": _("some text to search for"),
    "id": _("the id of an item, as the lists give it"),
}


class BadParameter(ValueError):
    """A parameter the API cannot use: answered 400, with a message naming it."""

    def __init__(self, parameter):
        super().__init__(parameter)
        self.parameter = parameter

    @property
    def message(self):
        expected = EXPECTED.get(self.parameter)
        if expected is None:
            return _("The parameter “%(name)s” is not valid.") % {"name": self.parameter}
        return _("The parameter “%(name)s” must be %(expected)s.") % {
            "name": self.parameter,
            "expected": expected,
        }


def language_of(request, locale=None):
    """The language asked for: ?locale=, else the best match for Accept-Language, else English.

    The site's language cookie is not read: an app on another origin sends none, and the
    answer varies on Accept-Language only.
    """
    if locale:
        return locale
    for tag, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if tag != "*" and (match := supported_language(tag)):
            return match
    return settings.YOULIN_FALLBACK_LANGUAGE


def activate(request, locale=None):
    """Answer in the requested language (errors included); returns its wagtail Locale."""
    code = language_of(request, locale)
    translation.activate(code)
    request.LANGUAGE_CODE = code
    found = Locale.objects.filter(language_code=code).first()
    if found is None:
        raise BadParameter("locale")
    return found


def site_zone():
    return ZoneInfo(settings.TIME_ZONE)


def instant(value, parameter):
    """An aware datetime from a date (midnight in Beijing) or an aware datetime, kept in range."""
    if value is None:
        return None
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, datetime.time(0), site_zone())
    if value.tzinfo is None:
        raise BadParameter(parameter)
    return min(max(value, EARLIEST), LATEST)


@dataclass(frozen=True)
class BoundingBox:
    west: float
    south: float
    east: float
    north: float

    @classmethod
    def parse(cls, text):
        if not text:
            return None
        try:
            west, south, east, north = (float(part) for part in text.split(","))
        except ValueError:
            raise BadParameter("bbox") from None
        return cls(west, south, east, north)

    def lookups(self, prefix):
        """Filter lookups for a location's latitude and longitude under `prefix`."""
        return {
            f"{prefix}latitude__gte": self.south,
            f"{prefix}latitude__lte": self.north,
            f"{prefix}longitude__gte": self.west,
            f"{prefix}longitude__lte": self.east,
        }


def page_links(request, count, limit, offset):
    """Absolute URLs of the next and previous pages, or None."""
    params = request.GET.copy()

    def link(new_offset):
        params["offset"] = str(new_offset)
        params["limit"] = str(limit)
        return request.build_absolute_uri(f"{request.path}?{urlencode(sorted(params.items()))}")

    following = link(offset + limit) if offset + limit < count else None
    previous = link(max(offset - limit, 0)) if offset > 0 else None
    return following, previous


def page_of(request, queryset, limit, offset):
    """{count, next, previous} and the rows of one page of `queryset` (two queries)."""
    count = queryset.count()
    rows = list(queryset[offset : offset + limit]) if offset < count else []
    following, previous = page_links(request, count, limit, offset)
    return {"count": count, "next": following, "previous": previous}, rows
