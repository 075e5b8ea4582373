"""iCalendar (RFC 5545) for events, generated with the `icalendar` library.

A repeating event is one VEVENT with an RRULE; cancelled dates are EXDATEs and
a moved date is a second VEVENT with RECURRENCE-ID. Times carry the event's
TZID with a matching VTIMEZONE; all-day events use DATE values with an
exclusive DTEND. UIDs are stable for the life of the event and distinct per
locale, so each language's feed is its own calendar to a client.
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vRecur

from events.schedule import ical_rrule
from home.links import absolute_url

PRODID = "-//Youlin//Community events//EN"


def uid(page, language_code, suffix=""):
    return f"{page.translation_key}{suffix}-{language_code}@youlin"


def new_calendar(name, language_code):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    return calendar


def _local(value, zone):
    return timezone.localtime(value, zone)


def _dates(vevent, start, end, all_day, zone):
    if all_day:
        vevent.add("dtstart", _local(start, zone).date())
        vevent.add("dtend", _local(end, zone).date())  # exclusive: the day after the last
    else:
        vevent.add("dtstart", _local(start, zone))
        vevent.add("dtend", _local(end, zone))


def _location_text(venue, page, owner):
    if venue is not None:
        return ", ".join(part for part in (venue.title, venue.address) if part)
    return page.venue_address or owner.online_url


def event_components(request, page, owner, occurrences, venues, language_code):
    """VEVENTs for one event in one locale: the series plus one per moved date."""
    zone = ZoneInfo(owner.timezone)
    schedule = owner.to_schedule()
    stamp = owner.last_published_at or owner.latest_revision_created_at or timezone.now()
    modified = (
        max(filter(None, [owner.last_published_at, page.last_published_at]))
        if (owner.last_published_at or page.last_published_at)
        else stamp
    )
    # SEQUENCE grows whenever the owner is republished: clients then replace their copy.
    sequence = max(0, owner.revisions.count() - 1) if hasattr(owner, "revisions") else 0
    url = absolute_url(request, page)
    venue = venues.get(owner.venue.translation_key, owner.venue) if owner.venue else None

    def base(vevent):
        vevent.add("dtstamp", stamp)
        vevent.add("last-modified", modified)
        vevent.add("sequence", sequence)
        vevent.add("summary", page.title)
        vevent.add("description", f"{page.summary}\n\n{url}")
        vevent.add("url", url)
        vevent.add("status", "CANCELLED" if owner.status == "cancelled" else "CONFIRMED")
        location = _location_text(venue, page, owner)
        if location:
            vevent.add("location", location)
        if venue is not None and venue.has_point:
            vevent.add("geo", (float(venue.latitude), float(venue.longitude)))
        return vevent

    series = base(Event())
    series.add("uid", uid(page, language_code))
    first = datetime.datetime.combine(schedule.start.date(), schedule.start.time(), zone)
    last = first + schedule.duration
    _dates(series, first, last, schedule.all_day, zone)
    rule = ical_rrule(schedule)
    components = [series]
    if rule:
        series.add("rrule", vRecur(rule))
        exdates = [o.original_start for o in occurrences if o.cancelled or o.moved]
        for original in exdates:
            if not any(o.moved and o.original_start == original for o in occurrences):
                series.add(
                    "exdate",
                    _local(original, zone).date() if schedule.all_day else _local(original, zone),
                )
        for o in occurrences:
            if o.moved:
                moved = base(Event())
                moved.add("uid", uid(page, language_code))
                moved.add(
                    "recurrence-id",
                    _local(o.original_start, zone).date()
                    if schedule.all_day
                    else _local(o.original_start, zone),
                )
                _dates(moved, o.start, o.end, o.all_day, zone)
                moved_venue = venues.get(o.venue.translation_key, o.venue) if o.venue else venue
                if moved_venue is not None and moved_venue != venue:
                    moved["location"] = _location_text(moved_venue, page, owner)
                components.append(moved)
    return components


def event_calendar(request, page):
    """A VCALENDAR with just this event, in the page's language."""
    from events.models import Occurrence
    from services.models import PublicSpacePage
    from services.queries import in_locale

    owner = page.schedule_owner
    occurrences = list(
        Occurrence.objects.filter(translation_key=page.translation_key).select_related("venue")
    )
    keys = {o.venue.translation_key for o in occurrences if o.venue}
    if owner.venue:
        keys.add(owner.venue.translation_key)
    venues = in_locale(PublicSpacePage, keys, page.locale)
    language_code = page.locale.language_code
    calendar = new_calendar(page.title, language_code)
    for component in event_components(request, page, owner, occurrences, venues, language_code):
        calendar.add_component(component)
    calendar.add_missing_timezones()
    return calendar.to_ical()
