"""Subscriptions: the iCalendar, RSS and Atom feeds of the calendar, in each locale.

Every feed is a route of EventIndexPage, so it exists once per locale
(`/en/events/ics/`, `/ko/events/rss/` …) and takes the calendar's own filters
(`?category=&venue=&organiser=&audience=&language=&free=1`): any calendar URL
has a matching feed. `category/<slug>/`, `venue/<slug>/` and
`organiser/<slug>/` give the same feeds a tidy URL per topic.

A feed's body is built in a constant number of queries; events/feed_cache.py keeps it
and answers conditional requests.
"""

import dataclasses
import datetime
import hashlib
from functools import partial
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.http import Http404
from django.utils import feedgenerator, timezone
from django.utils.html import linebreaks
from django.utils.translation import gettext as _

from events import dates, feed_blocks
from events.errors import bad_request
from events.feed_blocks import block_key, joined
from events.feed_cache import cache_key, cached, etag_of, feed_response, feeds_changed_at
from events.ical import (
    EventFacts,
    event_calendar,
    event_components,
    last_modified,
    new_calendar,
)
from events.models import EventCategory, EventOrganiser, EventPage, Occurrence
from events.queries import BadFilter, Filters, entries, filter_options, occurrences_in
from home.languages import bcp47
from home.translations import shown_on_site
from home.visibility import live_public
from services.models import PartnerPage, PublicSpacePage
from services.queries import in_locale

FORMATS = ("ics", "rss", "atom")
KINDS = ("category", "venue", "organiser")
CONTENT_TYPES = {
    "ics": "text/calendar; charset=utf-8",
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
}
PAST_DAYS = 30  # a feed keeps events that ended in the last month, then lets them go
FAR_FUTURE_DAYS = 3660
RSS_ITEMS = 50
RSS_DAYS = 366


# What a feed contains ----------------------------------------------------------------------


def resolve_filters(request, index, kind=None, slug=None):
    """Filters from the query string and the path; BadFilter (400) or Http404 when wrong."""
    filters = Filters.from_query(request.GET, index.locale)
    if kind is not None:
        if kind not in KINDS or slug not in {s for s, _label in filter_options(index.locale)[kind]}:
            raise Http404
        filters = dataclasses.replace(filters, **{kind: slug})
    return filters


def feed_title(index, filters, options):
    """The calendar's own title in its language, then what the filters narrow it to."""
    parts = []
    for name in ("category", "venue", "organiser", "audience", "language"):
        value = getattr(filters, name)
        if value:
            parts.append(dict(options[name]).get(value, value))
    if filters.free:
        parts.append(_("Free events"))
    return " · ".join([index.title, *parts])


def _absolute(request, path):
    return request.build_absolute_uri(path)


def feed_url(request, index, format, filters=None, topic=None):
    """A feed's absolute URL; `topic` = ("venue", slug) etc. gives the tidy per-topic path."""
    query = urlencode(filters.as_query()) if filters is not None else ""
    if topic is not None:
        kind, slug = topic
        path = index.sub_url("topic_feed", kind=kind, slug=slug, format=format)
        query = ""
    else:
        path = index.sub_url("feed", format=format)
    return _absolute(request, f"{path}?{query}" if query else path)


def calendar_body(request, index, filters):
    """(iCalendar bytes, last modified) for the events matching `filters` in the index's locale.

    Each event is sent once, as its series (RRULE, EXDATE) plus its moved dates,
    in about ten queries whatever the number of events.
    """
    locale = index.locale
    now = timezone.now()
    occurrences = occurrences_in(
        locale,
        now - datetime.timedelta(days=PAST_DAYS),
        now + datetime.timedelta(days=FAR_FUTURE_DAYS),
        filters,
    ).order_by()
    matching = occurrences.values("translation_key")
    # Occurrence.event is the schedule owner, the page that holds the shared facts.
    owners = list(
        EventPage.objects.filter(pk__in=occurrences.values("event_id"))
        .select_related("category", "venue")
        .defer("body")
        .order_by("start_date", "start_time", "pk")
    )
    pages = {
        page.translation_key: page
        for page in live_public(
            EventPage.objects.filter(locale=locale, translation_key__in=matching)
        )
        .select_related("locale")
        .defer("body")
    }
    exceptions = {}
    for occurrence in (
        Occurrence.objects.filter(translation_key__in=matching)
        .filter(Q(cancelled=True) | Q(moved=True))
        .select_related("venue")
        .order_by("original_start")
    ):
        exceptions.setdefault(occurrence.translation_key, []).append(occurrence)
    venue_keys = {o.venue.translation_key for o in owners if o.venue}
    venue_keys |= {o.venue.translation_key for rows in exceptions.values() for o in rows if o.venue}
    venues = in_locale(PublicSpacePage, venue_keys, locale)
    categories = {
        c.translation_key: c for c in shown_on_site(EventCategory.objects.filter(locale=locale))
    }
    organisers = {}
    for row in (
        EventOrganiser.objects.filter(page_id__in=occurrences.values("event_id"))
        .select_related("partner")
        .order_by("page_id", "sort_order")
    ):
        organisers.setdefault(row.page_id, []).append(row.partner)
    partner_keys = {p.translation_key for rows in organisers.values() for p in rows}
    partners = in_locale(PartnerPage, partner_keys, locale)

    language_code = locale.language_code
    calendar = new_calendar(
        feed_title(index, filters, filter_options(locale)), language_code, index.intro
    )
    # Each event's text is written once and kept until what it shows changes
    # (events/feed_blocks.py); the feed is their join.
    wanted = []
    newest = None
    for owner in owners:
        page = pages.get(owner.translation_key)
        if page is None:
            continue
        category = owner.category
        facts = EventFacts(
            category=categories.get(category.translation_key, category) if category else None,
            organisers=[
                partners[p.translation_key]
                for p in organisers.get(owner.pk, [])
                if p.translation_key in partners
            ],
            url=_absolute(request, page.get_url(request)),
        )
        changes = exceptions.get(owner.translation_key, [])
        key = block_key(request, page, owner, changes, venues, language_code, facts, filters.venue)
        wanted.append(
            (
                key,
                partial(
                    event_components,
                    request,
                    page,
                    owner,
                    changes,
                    venues,
                    language_code,
                    facts,
                    venue_slug=filters.venue,
                ),
            )
        )
        modified = last_modified(page, owner)
        newest = modified if newest is None else max(newest, modified)
    return joined(calendar, feed_blocks.blocks(wanted)), newest


class UpcomingEventsFeed(Feed):
    """RSS 2.0 (or Atom, see below) of the next date of each upcoming event, in one locale."""

    feed_type = feedgenerator.Rss201rev2Feed

    def __init__(self, request, index, filters, title, self_url):
        super().__init__()
        self.index = index
        self._self_url = self_url
        self.language = bcp47(index.locale.language_code)
        self._title = title
        self._link = _absolute(request, index.url)
        self._items = upcoming_items(request, index, filters)

    def title(self):
        return self._title

    def link(self):
        return self._link

    def feed_url(self):
        """rel="self": this feed's own address, also its Atom id (stable, one per feed)."""
        return self._self_url

    feed_guid = feed_url

    def author_name(self):
        """Atom requires an author (RFC 4287 4.1.1); the community publishes the calendar."""
        return settings.WAGTAIL_SITE_NAME

    def description(self):
        return self.index.intro or _("What is on in the community, soonest first.")

    subtitle = description

    def items(self):
        return self._items

    def item_title(self, item):
        return item["title"]

    def item_link(self, item):
        return item["link"]

    def item_guid(self, item):
        return item["link"]

    item_guid_is_permalink = True

    def item_description(self, item):
        return item["description"]

    def item_pubdate(self, item):
        return item["published"]

    def item_updateddate(self, item):
        return item["updated"]

    def item_categories(self, item):
        return item["categories"]


class UpcomingEventsAtom(UpcomingEventsFeed):
    feed_type = feedgenerator.Atom1Feed


def upcoming_items(request, index, filters):
    """The next date of up to RSS_ITEMS events, as plain dicts for the feed."""
    now = timezone.now()
    occurrences = occurrences_in(
        index.locale, now, now + datetime.timedelta(days=RSS_DAYS), filters
    )
    seen, picked = set(), []
    for occurrence in occurrences[: RSS_ITEMS * 20]:
        if occurrence.translation_key not in seen:
            seen.add(occurrence.translation_key)
            picked.append(occurrence)
        if len(picked) == RSS_ITEMS:
            break
    items = []
    for entry in entries(picked, index.locale):
        occurrence = entry.occurrence
        start = timezone.localtime(occurrence.start)
        when = f"{dates.long_day(start)} {dates.when_text(occurrence)}"
        place = entry.venue.title if entry.venue else entry.page.venue_address
        lines = [when, place] if place else [when]
        if entry.status != "scheduled":
            lines.insert(0, str(entry.owner.get_status_display()))
        items.append(
            {
                "title": entry.page.title,
                "link": _absolute(request, entry.page.get_url(request)),
                # Readers take the description as HTML: escape the text, keep its line breaks.
                "description": linebreaks("\n".join([*lines, "", entry.page.summary]), True),
                "published": entry.page.first_published_at,
                "updated": last_modified(entry.page, entry.owner),
                "categories": [entry.category.name] if entry.category else [],
            }
        )
    return items


def build_feed(request, index, format, filters, self_url):
    """{"body", "last_modified", "etag"} of one feed, ready to cache."""
    if format == "ics":
        body, newest = calendar_body(request, index, filters)
    else:
        title = feed_title(index, filters, filter_options(index.locale))
        feed_class = UpcomingEventsAtom if format == "atom" else UpcomingEventsFeed
        feed = feed_class(request, index, filters, title, self_url)
        generator = feed.get_feed(None, request)
        body = generator.writeString("utf-8").encode()
        newest = generator.latest_post_date() if feed.items() else None
    etag = etag_of(body)
    times = [t for t in (newest, feeds_changed_at()) if t is not None]
    return {"body": body, "last_modified": max(times) if times else None, "etag": etag}


def cached_event_calendar(request, page):
    """One event's own .ics, cached and validated like the feeds."""

    def build():
        body = event_calendar(request, page)
        return {
            "body": body,
            "last_modified": last_modified(page, page.schedule_owner),
            "etag": '"' + hashlib.sha256(body).hexdigest()[:32] + '"',
        }

    return cached(cache_key("event", page.pk, request.scheme, request.get_host()), build)


def cached_feed(request, index, format, filters, self_url):
    key = cache_key(
        self_url,
        format,
        index.pk,
        index.locale.language_code,
        request.scheme,
        request.get_host(),
        urlencode(filters.as_query()),
    )
    return cached(key, lambda: build_feed(request, index, format, filters, self_url))


def feed_view(request, index, format, kind=None, slug=None):
    if format not in FORMATS:
        raise Http404
    try:
        filters = resolve_filters(request, index, kind, slug)
    except BadFilter:
        return bad_request(request, index, _("That filter does not match anything we know."))
    # The address asked for, less anything that is not a filter: the feed's rel="self" and id.
    in_query = dataclasses.replace(filters, **{kind: ""}) if kind else filters
    query = urlencode(in_query.as_query())
    self_url = _absolute(request, f"{request.path}?{query}" if query else request.path)
    return feed_response(
        request, cached_feed(request, index, format, filters, self_url), CONTENT_TYPES[format]
    )
