"""iCalendar (RFC 5545) for events, generated with the `icalendar` library.

A repeating event is one VEVENT with an RRULE; cancelled dates are EXDATEs and
a moved date is a second VEVENT with RECURRENCE-ID. Times carry the event's
TZID with a matching VTIMEZONE (yearly rules, from `events.vtimezone`); all-day
events use DATE values with an exclusive DTEND. UIDs are stable for the life of
the event and distinct per locale, so each language's feed is its own calendar to a client.

DTSTAMP, LAST-MODIFIED and SEQUENCE come from the pages' last publish times,
never from the clock, so the same event gives the same bytes on every fetch
and a feed's ETag changes only when an event in it does.
"""

import datetime
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vCalAddress, vDuration, vRecur, vText

from events.choices import STATUS_ONLINE, STATUS_SCHEDULED
from events.schedule import ical_rrule
from events.vtimezone import vtimezone
from home.links import absolute_url

PRODID = "-//Youlin//Community events//EN"
# How often clients should poll: Apple and Thunderbird read REFRESH-INTERVAL, Outlook
# X-PUBLISHED-TTL; Google ignores both and polls every 8-24 hours whatever we say.
REFRESH_INTERVAL = datetime.timedelta(hours=1)
EPOCH = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)


def uid(page, language_code, suffix=""):
    return f"{page.translation_key}{suffix}-{language_code}@youlin"


def new_calendar(name, language_code, description=""):
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # icalendar leaves unknown X- properties unescaped (and refuses a newline in them),
    # so the text type is given explicitly.
    calendar.add("name", vText(name))
    calendar.add("x-wr-calname", vText(name))
    if description:
        calendar.add("description", vText(description))
        calendar.add("x-wr-caldesc", vText(description))
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    # icalendar writes a duration without VALUE=DURATION, which RFC 7986 requires here.
    calendar.add("refresh-interval", REFRESH_INTERVAL, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(REFRESH_INTERVAL).to_ical().decode())
    return calendar


def add_timezones(calendar, extra_tzids=()):
    """A VTIMEZONE for every TZID used, and for X-WR-TIMEZONE's zone even in an empty feed.

    Written as yearly rules (`events.vtimezone`), not icalendar's `add_missing_timezones()`,
    whose one long RDATE ical.js and vobject read only the first value of. `extra_tzids`:
    those of events written apart, to be joined to the calendar (events/feed_blocks.py).
    """
    tzids = sorted(calendar.get_missing_tzids() | {settings.TIME_ZONE} | set(extra_tzids))
    present = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
    for position, tzid in enumerate(tzid for tzid in tzids if tzid not in present):
        calendar.subcomponents.insert(position, vtimezone(tzid))


def sequence(modified):
    """SEQUENCE for an event last changed at `modified`: seconds since 2000, so it only grows.

    Counting revisions would go down when `purge_revisions` deletes old ones;
    a publish time never does. It fits a signed 32-bit integer until 2068.
    """
    return int((modified - EPOCH).total_seconds())


@dataclass
class EventFacts:
    """What one VEVENT needs beyond the pages: looked up in bulk by the caller."""

    category: object = None  # EventCategory in the feed's locale
    organisers: list = field(default_factory=list)  # PartnerPages in the feed's locale
    url: str = ""


def last_modified(page, owner):
    """When this event last changed in this locale: the later of the two publishes."""
    times = [t for t in (owner.last_published_at, page.last_published_at) if t]
    return max(times) if times else EPOCH


def _local(value, zone):
    return timezone.localtime(value, zone)


def _when(value, zone, all_day):
    return _local(value, zone).date() if all_day else _local(value, zone)


def _dates(vevent, start, end, all_day, zone):
    vevent.add("dtstart", _when(start, zone, all_day))
    # All day: DTEND is the day after the last day (exclusive), as RFC 5545 wants.
    vevent.add("dtend", _when(end, zone, all_day))


def _location_text(venue, page, owner):
    if owner.status == STATUS_ONLINE and owner.online_url:
        return owner.online_url  # what the page says: it takes place online now
    if venue is not None:
        return ", ".join(part for part in (venue.title, venue.address) if part)
    return page.venue_address or owner.online_url


def _status(owner):
    return {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}.get(owner.status, "CONFIRMED")


def summary(owner, title, language_code):
    """The title, after the status the page's banner shows ("Cancelled: ...", "已取消：...").

    Google Calendar is reported to ignore STATUS:CANCELLED in subscribed calendars, and
    no client shows "moved online" from STATUS alone, so the words go in the title too.
    """
    if owner.status == STATUS_SCHEDULED:
        return title
    with translation.override(language_code):
        return _("%(status)s: %(title)s") % {
            "status": owner.get_status_display(),
            "title": title,
        }


@dataclass
class _VEventWriter:
    """Writes what every VEVENT of one event in one locale says, whatever its dates."""

    request: object
    page: object
    owner: object
    facts: EventFacts
    url: str
    modified: datetime.datetime
    language_code: str

    def vevent(self, place, uid_suffix=""):
        vevent = Event()
        vevent.add("uid", uid(self.page, self.language_code, uid_suffix))
        vevent.add("dtstamp", self.modified)
        vevent.add("last-modified", self.modified)
        vevent.add("sequence", sequence(self.modified))
        vevent.add("summary", summary(self.owner, self.page.title, self.language_code))
        vevent.add(
            "description", f"{self.page.summary}\n\n{self.url}" if self.page.summary else self.url
        )
        vevent.add("url", self.url)
        vevent.add("status", _status(self.owner))
        location = _location_text(place, self.page, self.owner)
        if location:
            vevent.add("location", location)
        if place is not None and place.has_point and self.owner.status != STATUS_ONLINE:
            vevent.add("geo", (float(place.latitude), float(place.longitude)))
        if self.facts.category is not None:
            vevent.add("categories", [self.facts.category.name])
        self.add_organisers(vevent)
        return vevent

    def add_organisers(self, vevent):
        if not self.facts.organisers:
            return
        # RFC 5545 allows one ORGANIZER; partners have no public e-mail, so their page is
        # the address (a URI, as CAL-ADDRESS allows).
        first = self.facts.organisers[0]
        organizer = vCalAddress(absolute_url(self.request, first))
        organizer.params["CN"] = first.title
        vevent.add("organizer", organizer)
        for partner in self.facts.organisers[1:]:
            vevent.add("contact", partner.title)


def event_components(
    request, page, owner, occurrences, venues, language_code, facts=None, venue_slug=""
):
    """VEVENTs for one event in one locale: the series plus one per moved date.

    `occurrences` needs only the event's cancelled and moved rows (with `venue`).
    With `venue_slug` (a venue's feed) each date belongs to the venue it is held
    at: a date moved elsewhere is an EXDATE of the series, and a date moved here
    from another venue's series is a single VEVENT of its own.
    """
    facts = facts or EventFacts(url=absolute_url(request, page))
    url = facts.url or absolute_url(request, page)
    zone = ZoneInfo(owner.timezone)
    schedule = owner.to_schedule(changes={})
    modified = last_modified(page, owner)
    venue = venues.get(owner.venue.translation_key) if owner.venue else None

    base = _VEventWriter(request, page, owner, facts, url, modified, language_code).vevent

    def venue_of(occurrence):
        return venues.get(occurrence.venue.translation_key) if occurrence.venue else venue

    def held_here(place):
        return not venue_slug or (place is not None and place.slug == venue_slug)

    moved = sorted((o for o in occurrences if o.moved), key=lambda o: o.original_start)
    rule = ical_rrule(schedule)
    if not held_here(venue):
        # Only dates moved here belong to this venue's feed. A UID per date, since the
        # series they belong to is not in this calendar.
        components = []
        for o in moved if rule else []:
            if held_here(venue_of(o)):
                single = base(venue_of(o), f"-{o.original_start:%Y%m%dT%H%M%S}")
                _dates(single, o.start, o.end, o.all_day, zone)
                components.append(single)
        return components

    series = base(venue)
    first = datetime.datetime.combine(schedule.start.date(), schedule.start.time(), zone)
    _dates(series, first, first + schedule.duration, schedule.all_day, zone)
    components = [series]
    if not rule:
        return components
    series.add("rrule", vRecur(rule))
    # EXDATE takes DTSTART's value type and zone; a moved date is not excluded but
    # overridden by its RECURRENCE-ID instance, unless it moved away from this venue's feed.
    excluded = sorted(
        o.original_start
        for o in occurrences
        if o.cancelled or (o.moved and not held_here(venue_of(o)))
    )
    if excluded:
        series.add("exdate", [_when(o, zone, schedule.all_day) for o in excluded])
    for o in moved:
        if held_here(venue_of(o)):
            override = base(venue_of(o))
            override.add("recurrence-id", _when(o.original_start, zone, schedule.all_day))
            _dates(override, o.start, o.end, o.all_day, zone)
            components.append(override)
    return components


def event_calendar(request, page):
    """A VCALENDAR with just this event, in the page's language."""
    from events.models import Occurrence
    from services.models import PartnerPage, PublicSpacePage
    from services.queries import in_locale

    owner = page.schedule_owner
    occurrences = list(
        Occurrence.objects.filter(translation_key=page.translation_key)
        .filter(Q(cancelled=True) | Q(moved=True))
        .select_related("venue")
    )
    keys = {o.venue.translation_key for o in occurrences if o.venue}
    if owner.venue:
        keys.add(owner.venue.translation_key)
    venues = in_locale(PublicSpacePage, keys, page.locale)
    partners = [o.partner for o in owner.organisers.select_related("partner")]
    local_partners = in_locale(PartnerPage, {p.translation_key for p in partners}, page.locale)
    category = owner.category
    if category is not None and category.locale_id != page.locale_id:
        category = (
            type(category)
            .objects.filter(translation_key=category.translation_key, locale=page.locale)
            .first()
            or category
        )
    facts = EventFacts(
        category=category,
        organisers=[
            local_partners[p.translation_key]
            for p in partners
            if p.translation_key in local_partners
        ],
        url=absolute_url(request, page),
    )
    language_code = page.locale.language_code
    calendar = new_calendar(page.title, language_code)
    for component in event_components(
        request, page, owner, occurrences, venues, language_code, facts
    ):
        calendar.add_component(component)
    add_timezones(calendar)
    return calendar.to_ical()
