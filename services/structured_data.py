"""schema.org JSON-LD for service, partner and public-space pages.

Built as Python dicts and serialised with json.dumps, then escaped so that no
text an editor writes can close the <script> element. Everything a reader sees
is in the page's own language, including the words the site adds (accessibility
features, the area served). Opening hours follow schema.org's conventions:
00:00–23:59 is open all day, 00:00–00:00 on a special day is closed.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from home.languages import bcp47
from home.links import absolute_url
from services import opening
from services.pictures import SEARCH_LOGO, SEARCH_PHOTO

SCHEMA_DAYS = [
    "https://schema.org/Monday",
    "https://schema.org/Tuesday",
    "https://schema.org/Wednesday",
    "https://schema.org/Thursday",
    "https://schema.org/Friday",
    "https://schema.org/Saturday",
    "https://schema.org/Sunday",
]
PARTNER_SCHEMA_TYPES = {
    "cafe": "LocalBusiness",
    "restaurant": "Restaurant",
    "school": "EducationalOrganization",
    "social": "NGO",
    "volunteer": "Organization",
    "public": "GovernmentOrganization",
    "enterprise": "Organization",
}
# Types that are places themselves (LocalBusiness and its subtypes) and so carry
# opening hours; an Organization gets them through its `location` instead.
LOCAL_BUSINESS_TYPES = {"LocalBusiness", "Restaurant"}
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def script_tag(data):
    """`data` as a <script type="application/ld+json"> element, safe inside HTML."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def _clean(data):
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _hhmm(value):
    return value.strftime("%H:%M")


def _closes(opens, closes):
    # The site stores "open all day" as 00:00–00:00, which schema.org reads as
    # closed all day; its way to say open 24 hours is 00:00–23:59.
    if opening.is_all_day(opens, closes):
        return "23:59"
    return _hhmm(closes)


def opening_hours_specification(periods):
    """Periods grouped by identical hours: one entry lists every day with those hours."""
    grouped = {}
    for period in sorted(periods, key=lambda p: (p.opens, p.closes, p.weekday)):
        grouped.setdefault((period.opens, period.closes), []).append(SCHEMA_DAYS[period.weekday])
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": days,
            "opens": _hhmm(opens),
            "closes": _closes(opens, closes),
        }
        for (opens, closes), days in grouped.items()
    ]


def special_hours_specification(exceptions, today):
    """Special days from `today` on, in date order (past holidays are no longer news)."""
    rows = []
    for exception in sorted((e for e in exceptions if e.day >= today), key=lambda e: e.day):
        closed = exception.closed or not (exception.opens and exception.closes)
        rows.append(
            {
                "@type": "OpeningHoursSpecification",
                "validFrom": exception.day.isoformat(),
                "validThrough": exception.day.isoformat(),
                "opens": "00:00" if closed else _hhmm(exception.opens),
                "closes": "00:00" if closed else _closes(exception.opens, exception.closes),
            }
        )
    return rows


def _address(text):
    return {"@type": "PostalAddress", "streetAddress": text} if text else None


def _geo(page):
    if not page.has_point:
        return None
    return {
        "@type": "GeoCoordinates",
        "latitude": float(page.latitude),
        "longitude": float(page.longitude),
    }


def _base(page, request, schema_type):
    url = absolute_url(request, page)
    return {
        "@context": "https://schema.org",
        "@type": schema_type,
        "name": page.title,
        "description": page.summary,
        "url": url,
        # Places, organisations and services have no inLanguage of their own: the
        # language is the page's, which describes them.
        "mainEntityOfPage": {
            "@type": "WebPage",
            "@id": url,
            "inLanguage": bcp47(page.locale.language_code),
        },
    }


def _image_url(image, request, sizes):
    if image is None:
        return None
    return request.build_absolute_uri(sizes.rendition(image).url)


def place(page, request, periods=(), exceptions=(), today=None):
    with translation.override(page.locale.language_code):
        data = _base(page, request, "Place")
        data.update(
            address=_address(page.address),
            geo=_geo(page),
            telephone=page.phone,
            image=_image_url(page.image, request, SEARCH_PHOTO),
            maximumAttendeeCapacity=page.capacity,
            openingHoursSpecification=opening_hours_specification(periods),
            specialOpeningHoursSpecification=special_hours_specification(
                exceptions, today or timezone.localdate()
            ),
            amenityFeature=[
                {"@type": "LocationFeatureSpecification", "name": name, "value": value}
                for name, value in (
                    (_("Step-free entrance"), page.step_free),
                    (_("Accessible toilet"), page.accessible_toilet),
                    (_("Lift"), page.lift),
                )
            ],
        )
    return _clean(data)


def organisation(page, request, periods=()):
    schema_type = PARTNER_SCHEMA_TYPES.get(page.partner_type, "Organization")
    data = _base(page, request, schema_type)
    data.update(
        telephone=page.phone,
        logo=_image_url(page.logo, request, SEARCH_LOGO),
        sameAs=[page.website] if page.website else None,
        knowsLanguage=page.languages,
        address=_address(page.address),
    )
    hours = opening_hours_specification(periods)
    if schema_type in LOCAL_BUSINESS_TYPES:
        data.update(geo=_geo(page), openingHoursSpecification=hours)
    else:
        # Organization has no opening hours of its own: they belong to the place it is at.
        location = _clean(
            {
                "@type": "Place",
                "address": _address(page.address),
                "geo": _geo(page),
                "openingHoursSpecification": hours,
            }
        )
        if len(location) > 1:
            data["location"] = location
    return _clean(data)


def service(page, request, category=None, space=None, periods=()):
    """A GovernmentService when a government office offers it, a plain Service otherwise."""
    with translation.override(page.locale.language_code):
        return _service(page, request, category, space, periods)


def _service(page, request, category, space, periods):
    schema_type = "GovernmentService" if page.government_service else "Service"
    data = _base(page, request, schema_type)
    location = None
    if space is not None:
        location = _clean(
            {
                "@type": "Place",
                "name": space.title,
                "url": absolute_url(request, space),
                "address": _address(space.address),
                "geo": _geo(space),
            }
        )
    elif page.where_address:
        location = {"@type": "Place", "address": _address(page.where_address)}
    channel = _clean(
        {
            "@type": "ServiceChannel",
            "serviceUrl": page.online_url,
            "servicePhone": (
                {"@type": "ContactPoint", "telephone": page.phone} if page.phone else None
            ),
            "serviceLocation": location,
            "availableLanguage": page.counter_languages,
        }
    )
    data.update(
        serviceType=category.name if category else None,
        areaServed={"@type": "AdministrativeArea", "name": _("Pidu District, Chengdu")},
        availableChannel=channel if len(channel) > 1 else None,
        hoursAvailable=opening_hours_specification(periods),
    )
    return _clean(data)
