"""An event for machines: schema.org Event data for search engines, and a Google Calendar link.

The directory's pages have theirs in services/structured_data.py, whose `script_tag`
this uses, so every page's JSON-LD is written the same way.
"""

import datetime
import decimal
import re
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from events.pictures import EVENT_SEARCH_PICTURE
from home.links import absolute_url
from services.structured_data import script_tag


def google_calendar_url(request, page, owner, occurrence, venue=None):
    """A Google Calendar template link; `venue` is the venue's page in the visitor's language."""
    if occurrence is None:
        return ""
    if occurrence.all_day:
        zone = ZoneInfo(owner.timezone)
        first = timezone.localtime(occurrence.start, zone).date()
        last = timezone.localtime(occurrence.end, zone).date()
        span = f"{first:%Y%m%d}/{last:%Y%m%d}"
    else:
        utc = datetime.UTC
        span = (
            f"{occurrence.start.astimezone(utc):%Y%m%dT%H%M%SZ}/"
            f"{occurrence.end.astimezone(utc):%Y%m%dT%H%M%SZ}"
        )
    params = {
        "action": "TEMPLATE",
        "text": page.title,
        "dates": span,
        "details": f"{page.summary}\n\n{absolute_url(request, page)}",
        "ctz": owner.timezone,
    }
    if venue is not None:
        location = ", ".join(part for part in (venue.title, venue.address) if part)
    else:
        location = page.venue_address
    if location:
        params["location"] = location
    return "https://calendar.google.com/calendar/render?" + urlencode(params)


SCHEMA_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
    "moved_online": "https://schema.org/EventMovedOnline",
}
LANGUAGE_TAGS = {"zh": "zh-Hans"}


_NUMBER = r"(\d+(?:\.\d{1,2})?)"
YUAN_AMOUNT = re.compile(
    rf"[¥￥]\s*{_NUMBER}|(?:RMB|CNY)\s*{_NUMBER}|{_NUMBER}\s*(?:元|块|RMB|CNY|yuan|위안)",
    re.IGNORECASE,
)


def amount_in_yuan(text):
    """The one amount in yuan that a price written as text names ("材料费20元", "¥20 for
    ingredients", "재료비 20위안"), else None: no amount, or several ("¥20, children ¥10")."""
    amounts = {
        decimal.Decimal(next(group for group in match.groups() if group))
        for match in YUAN_AMOUNT.finditer(text or "")
    }
    return amounts.pop() if len(amounts) == 1 else None


def event_offer(request, page, owner):
    """schema.org Offer: a price and its currency only when there is an amount (or it is free)."""
    offer = {
        "@type": "Offer",
        "description": page.price or "",
        "url": owner.registration_url or absolute_url(request, page),
        "availability": "https://schema.org/SoldOut"
        if owner.is_full
        else "https://schema.org/InStock",
    }
    if owner.first_published_at:
        # Registration opens when the event is announced.
        offer["validFrom"] = (
            timezone.localtime(owner.first_published_at).replace(microsecond=0).isoformat()
        )
    amount = 0 if owner.is_free else owner.price_amount
    if amount is None:
        # Only text was given: its amount when it names exactly one.
        amount = amount_in_yuan(owner.price) or amount_in_yuan(page.price)
    if amount is not None:
        offer["price"] = f"{amount:.2f}".removesuffix(".00")
        offer["priceCurrency"] = "CNY"
    return {key: value for key, value in offer.items() if value != ""}


def event_image(owner, venues=(), organisers=()):
    """The event's photo, else its venue's, else its first organiser's logo, else None.

    Google's Event results want an image on every event; most events have none of their own.
    `venues` and `organisers` are the visitor's-language pages, then the original ones
    (a translation may not carry the photo).
    """
    # One at a time: each candidate may be a query, and the first that has one wins.
    candidates = (
        lambda: owner.image,
        *(lambda venue=venue: getattr(venue, "image", None) for venue in venues if venue),
        *(lambda partner=partner: getattr(partner, "logo", None) for partner in organisers),
    )
    return next((image for image in (find() for find in candidates) if image is not None), None)


def event_structured_data(request, page, owner, venue, organisers, occurrence, image=None):
    if owner.status == "moved_online" or (
        owner.online_url and not (owner.venue or page.venue_address)
    ):
        mode = "https://schema.org/OnlineEventAttendanceMode"
    elif owner.online_url:
        mode = "https://schema.org/MixedEventAttendanceMode"
    else:
        mode = "https://schema.org/OfflineEventAttendanceMode"
    locations = []
    if venue is not None:
        place = {"@type": "Place", "name": venue.title, "address": venue.address}
        if venue.has_point:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(venue.latitude),
                "longitude": float(venue.longitude),
            }
        locations.append(place)
    elif page.venue_address:
        locations.append(
            {"@type": "Place", "name": page.venue_address, "address": page.venue_address}
        )
    if owner.online_url:
        locations.append({"@type": "VirtualLocation", "url": owner.online_url})
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "description": page.summary,
        "url": absolute_url(request, page),
        "eventStatus": SCHEMA_STATUS.get(owner.status, SCHEMA_STATUS["scheduled"]),
        "eventAttendanceMode": mode,
        "inLanguage": [LANGUAGE_TAGS.get(code, code) for code in owner.languages],
        "organizer": [
            {"@type": "Organization", "name": partner.title, "url": absolute_url(request, partner)}
            for partner in organisers
        ]
        # Google recommends an organizer on every event: the community, when no partner is named.
        or {
            "@type": "Organization",
            "name": settings.WAGTAIL_SITE_NAME,
            "url": request.build_absolute_uri(f"/{page.locale.language_code}/"),
        },
        "offers": event_offer(request, page, owner),
    }
    if owner.status == "scheduled" and occurrence is not None and occurrence.moved:
        data["eventStatus"] = "https://schema.org/EventRescheduled"
        zone = ZoneInfo(owner.timezone)
        data["previousStartDate"] = timezone.localtime(occurrence.original_start, zone).isoformat()
    if occurrence is not None:
        zone = ZoneInfo(owner.timezone)
        if occurrence.all_day:
            data["startDate"] = timezone.localtime(occurrence.start, zone).date().isoformat()
            data["endDate"] = (
                timezone.localtime(occurrence.end, zone).date() - datetime.timedelta(days=1)
            ).isoformat()
        else:
            data["startDate"] = timezone.localtime(occurrence.start, zone).isoformat()
            data["endDate"] = timezone.localtime(occurrence.end, zone).isoformat()
    if locations:
        data["location"] = locations[0] if len(locations) == 1 else locations
    image = image or event_image(owner, [venue], organisers[:1])
    if image is not None:
        data["image"] = request.build_absolute_uri(EVENT_SEARCH_PICTURE.rendition(image).url)
    return script_tag({k: v for k, v in data.items() if v not in ("", [], None)})
