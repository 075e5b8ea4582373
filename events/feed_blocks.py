"""Each event's iCalendar text, written once and kept until something it shows changes.

A whole-calendar feed is mostly its events' VEVENTs, and writing them with `icalendar`
is most of its cost (about 1.5 ms an event). So each event's block (its series and its
moved dates, as bytes) is kept in the `feed_blocks` cache under a digest of everything
it is made from: the event's translation and schedule owner as loaded (so a publish,
which moves `last_published_at`, gives a new key), its cancelled and moved dates, the
venue, category and organiser names it shows, the language, the site's address and a
venue feed's filter. A feed is then its header, its VTIMEZONEs and the blocks joined.
Publishing one event writes that event's block again and reuses every other; nothing
has to be invalidated, and a stale block can never be found, since its inputs differ.
"""

import hashlib

from django.conf import settings
from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from icalendar import Calendar

from events.ical import add_timezones

CACHE_ALIAS = "feed_blocks"
BLOCK_SECONDS = 7 * 24 * 3600  # a block nobody asked for in a week makes room
FORMAT = 1  # raise when events/ical.py writes an event differently


def block_cache():
    """The `feed_blocks` cache, or the default one where settings name no such cache."""
    return caches[CACHE_ALIAS if CACHE_ALIAS in settings.CACHES else DEFAULT_CACHE_ALIAS]


def _loaded_values(obj):
    """The values of `obj`'s concrete fields that were loaded (deferred ones are left out)."""
    if obj is None:
        return None
    return tuple(
        (field.attname, obj.__dict__[field.attname])
        for field in obj._meta.concrete_fields
        if field.attname in obj.__dict__
    )


def _place(venue):
    if venue is None:
        return None
    return (venue.pk, venue.slug, venue.title, venue.address, venue.latitude, venue.longitude)


def block_key(request, page, owner, occurrences, venues, language_code, facts, venue_slug):
    """The cache key of one event's block: a digest of what `event_components` reads."""
    places = [owner.venue] + [o.venue for o in occurrences]
    parts = (
        FORMAT,
        request.scheme,
        request.get_host(),
        language_code,
        venue_slug,
        _loaded_values(page),
        _loaded_values(owner),
        tuple(
            (o.pk, o.start, o.end, o.original_start, o.all_day, o.cancelled, o.moved, o.venue_id)
            for o in occurrences
        ),
        tuple(_place(venues.get(place.translation_key)) if place else None for place in places),
        (facts.category.pk, facts.category.name) if facts.category else None,
        tuple((p.pk, p.title, p.url_path) for p in facts.organisers),
        facts.url,
    )
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    return f"events:block:{digest}"


def render_block(components):
    """(bytes, TZIDs used) of one event's components, as a calendar would write them."""
    holder = Calendar()
    for component in components:
        holder.add_component(component)
    body = b"".join(component.to_ical() for component in components)
    return body, frozenset(str(tzid) for tzid in holder.get_missing_tzids())


def blocks(wanted):
    """[(bytes, TZIDs)] for `wanted`, a list of (key, function returning the components).

    Read from the cache in one go; the missing ones are written and stored in one go.
    """
    cache = block_cache()
    found = cache.get_many([key for key, _make in wanted])
    written = {}
    result = []
    for key, make in wanted:
        block = found.get(key) or written.get(key)
        if block is None:
            block = written[key] = render_block(make())
        result.append(block)
    if written:
        cache.set_many(written, BLOCK_SECONDS)
    return result


def joined(calendar, event_blocks):
    """`calendar` (the feed's header, no events) with its VTIMEZONEs and the blocks, as bytes.

    The same bytes as adding every component to `calendar` and calling `add_timezones`:
    the zones come first, sorted, then the events in order.
    """
    tzids = frozenset().union(*(tzids for _body, tzids in event_blocks))
    add_timezones(calendar, extra_tzids=tzids)
    head = calendar.to_ical()
    end = b"END:VCALENDAR\r\n"
    return head[: -len(end)] + b"".join(body for body, _tzids in event_blocks) + end
