"""GET /api/v3/events/: one item per dated occurrence, in the requested language.

Read from the materialised `Occurrence` rows through the calendar's own queryset
(`events.queries.occurrences_in`, with its `Filters`), so a range is one indexed query
and the API lists exactly what the calendar shows: events live and public in that
language, cancelled dates included and marked. A page of 100 items costs the same
number of queries as a page of 5.
"""

import datetime
from typing import Literal

from django.db.models import Max, Q
from ninja import Query, Router
from ninja.decorators import decorate_view
from pydantic import AwareDatetime
from wagtail.search.backends import get_search_backend

from api import parts
from api.http import conditional, isoformat, local_isoformat, start_of, today
from api.params import (
    BBOX_PATTERN,
    DEFAULT_LIMIT,
    MAX_LIMIT,
    MAX_OFFSET,
    BadParameter,
    BoundingBox,
    activate,
    instant,
    page_of,
)
from api.schemas import ErrorAnswer, LocaleCode, Occurrences
from events import dates
from events.choices import AUDIENCE_CHOICES
from events.models import EventOrganiser, EventPage, Occurrence
from events.pictures import EVENT_PICTURE
from events.queries import BadFilter, Filters, entries, occurrences_in
from search.text import parse_query
from services.models import LANGUAGE_LABELS, PartnerPage, PublicSpacePage
from services.queries import in_locale

router = Router(tags=["events"])

DEFAULT_DAYS = 31  # the range when only `start` (or nothing) is given
Audience = Literal[tuple(code for code, _label in AUDIENCE_CHOICES)]
Language = Literal[tuple(LANGUAGE_LABELS)]
When = AwareDatetime | datetime.date
SCHEMA_ORG_STATUS = {
    "cancelled": "EventCancelled",
    "postponed": "EventPostponed",
    "moved_online": "EventMovedOnline",
}


def occurrence_rows_version():
    """Occurrence ids only ever grow, so the newest one changes whenever any event's dates are
    rebuilt, including by `extend_occurrences`, which changes no page."""
    return (Occurrence.objects.aggregate(newest=Max("pk"))["newest"],)


@router.get(
    "/",
    response={200: Occurrences, 400: ErrorAnswer},
    operation_id="events_list",
    summary="Events by date",
    description=(
        "One item per dated occurrence overlapping [start, end), in start order. Without "
        "`start`, from the beginning of today in Beijing; without `end`, 31 days after the "
        "start. A date without a time is midnight in Beijing. Cancelled dates are listed "
        "with `cancelled: true`; a moved date at its new time with `moved: true`. The filters "
        "are the calendar's: slugs of a category, venue or organiser as in the site's URLs."
    ),
)
@decorate_view(conditional("day", occurrence_rows_version))
def list_events(
    request,
    locale: LocaleCode | None = None,
    start: When | None = None,
    end: When | None = None,
    category: str = Query("", max_length=100),
    venue: str = Query("", max_length=100),
    organiser: str = Query("", max_length=100),
    audience: Audience | None = None,
    language: Language | None = None,
    free: bool = Query(False, description="Free events only."),
    q: str = Query("", max_length=200, description="Words in the title, summary or text."),
    last_modified_since: When | None = Query(
        None, description="Only events published (in this language or the original) since."
    ),
    bbox: str | None = Query(
        None, pattern=BBOX_PATTERN, description="west,south,east,north (WGS-84 degrees)."
    ),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    locale_row = activate(request, locale)
    first = instant(start, "start") or start_of(today())
    last = instant(end, "end") or first + datetime.timedelta(days=DEFAULT_DAYS)
    box = BoundingBox.parse(bbox)
    try:
        filters = Filters.from_query(
            {
                "category": category,
                "venue": venue,
                "organiser": organiser,
                "audience": audience or "",
                "language": language or "",
                "free": "1" if free else "",
            },
            locale_row,
        )
    except BadFilter as error:
        raise BadParameter(error.args[0]) from None
    occurrences = occurrences_in(locale_row, first, last, filters, include_cancelled=True)
    if q.strip():
        occurrences = occurrences.filter(translation_key__in=matching_events(q, locale_row))
    since = instant(last_modified_since, "last_modified_since")
    if since is not None:
        occurrences = occurrences.filter(
            Q(event__last_published_at__gte=since)
            | Q(
                translation_key__in=EventPage.objects.filter(
                    locale=locale_row, last_published_at__gte=since
                ).values("translation_key")
            )
        )
    if box is not None:
        occurrences = occurrences.filter(**box.lookups("venue__"))
    occurrences = occurrences.order_by("start", "translation_key", "original_start")
    page, rows = page_of(request, occurrences, limit, offset)
    return {**page, "items": occurrence_items(request, entries(rows, locale_row), locale_row)}


def matching_events(text, locale):
    """Translation keys of the locale's events that the site's search finds for `text`."""
    query = parse_query(text)
    if not query:
        return []
    found = get_search_backend().search(
        query.text, EventPage.objects.live().filter(locale=locale), operator="and"
    )
    return [page.translation_key for page in found]


def occurrence_items(request, rows, locale):
    """The API's items for `entries()` rows: a fixed number of queries for any number."""
    owners = {row.owner.pk: row.owner for row in rows}
    organisers = organisers_of(owners.values(), locale)
    venue_keys = dict(
        PublicSpacePage.objects.filter(
            pk__in={owner.venue_id for owner in owners.values() if owner.venue_id}
        ).values_list("pk", "translation_key")
    )
    usual_venues = in_locale(PublicSpacePage, set(venue_keys.values()), locale)
    images = parts.images_with_renditions(
        [owner.image_id for owner in owners.values()], EVENT_PICTURE
    )
    translations = parts.translations_of(request, {row.page.translation_key for row in rows})
    events = {}
    items = []
    for row in rows:
        owner, page, o = row.owner, row.page, row.occurrence
        if owner.pk not in events:
            events[owner.pk] = event_item(
                request,
                page,
                owner,
                category=row.category,
                venue=usual_venues.get(venue_keys.get(owner.venue_id)),
                organisers=organisers.get(owner.pk, []),
                image=images.get(owner.image_id),
                translations=translations.get(page.translation_key, []),
            )
        zone = dates.event_zone(owner.timezone)
        planned_utc = isoformat(o.original_start.astimezone(datetime.UTC))
        items.append(
            {
                "id": f"{owner.translation_key}/{planned_utc}",
                "start": local_isoformat(o.start, zone),
                "end": local_isoformat(o.end, zone),
                "all_day": o.all_day,
                "cancelled": o.cancelled,
                "moved": o.moved,
                "original_start": local_isoformat(o.original_start, zone),
                "event_status": date_status(owner, o),
                "venue": parts.place(request, row.venue),
                "event": events[owner.pk],
            }
        )
    return items


def date_status(owner, occurrence):
    """schema.org's eventStatus of one date: the event's, else this date's own."""
    if owner.status in SCHEMA_ORG_STATUS:
        return SCHEMA_ORG_STATUS[owner.status]
    if occurrence.cancelled:
        return "EventCancelled"
    if occurrence.moved:
        return "EventRescheduled"
    return "EventScheduled"


def organisers_of(owners, locale):
    """{owner pk: [partner pages in `locale`]}, private partners left out (two queries)."""
    links = list(
        EventOrganiser.objects.filter(page__in=[owner.pk for owner in owners])
        .select_related("partner")
        .order_by("page_id", "sort_order", "pk")
    )
    local = in_locale(PartnerPage, {link.partner.translation_key for link in links}, locale)
    found = {}
    for link in links:
        partner = local.get(link.partner.translation_key)
        if partner is not None:
            found.setdefault(link.page_id, []).append(partner)
    return found


def event_item(request, page, owner, *, category, venue, organisers, image, translations):
    """The event's facts (from its schedule owner) and its text in the page's language."""
    return {
        "id": owner.translation_key,
        "page_id": page.pk,
        "title": page.title,
        "summary": page.summary,
        "url": parts.absolute_url(request, page),
        "translations": translations,
        "status": owner.status,
        "category": {"slug": category.slug, "name": category.name} if category else None,
        "audience": parts.labels([owner.audience], dict(AUDIENCE_CHOICES))[0],
        "languages": parts.languages(owner.languages),
        "price": {
            "is_free": owner.is_free,
            "text": page.price,
            "amount": str(owner.price_amount) if owner.price_amount is not None else None,
        },
        "registration": {
            "url": owner.registration_url,
            "capacity": owner.capacity,
            "is_full": owner.is_full,
        },
        "venue": parts.place(request, venue),
        "address": page.venue_address,
        "online_url": owner.online_url,
        "organisers": [parts.page_link(request, partner) for partner in organisers],
        "image": parts.picture(request, image, EVENT_PICTURE, page.image_alt or owner.image_alt),
        "timezone": owner.timezone,
        "last_published": isoformat(
            max(filter(None, (page.last_published_at, owner.last_published_at)), default=None)
        ),
    }
