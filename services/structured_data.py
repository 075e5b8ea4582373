"""schema.org JSON-LD for service, partner and public-space pages.

Built as Python dicts and serialised with json.dumps, then escaped so that no
text an editor writes can close the <script> element.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import mark_safe

from home.languages import bcp47
from home.links import absolute_url

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
    "restaurant": "LocalBusiness",
    "school": "EducationalOrganization",
    "social": "Organization",
    "volunteer": "Organization",
    "public": "Organization",
    "enterprise": "Organization",
}
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def script_tag(data):
    """`data` as a <script type="application/ld+json"> element, safe inside HTML."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308


def _clean(data):
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def _hhmm(value):
    return value.strftime("%H:%M")


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
            "closes": _hhmm(closes),
        }
        for (opens, closes), days in grouped.items()
    ]


def special_hours_specification(exceptions):
    rows = []
    for exception in exceptions:
        closed = exception.closed or not (exception.opens and exception.closes)
        rows.append(
            {
                "@type": "OpeningHoursSpecification",
                "validFrom": exception.day.isoformat(),
                "validThrough": exception.day.isoformat(),
                "opens": "00:00" if closed else _hhmm(exception.opens),
                "closes": "00:00" if closed else _hhmm(exception.closes),
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
    return {
        "@context": "https://schema.org",
        "@type": schema_type,
        "name": page.title,
        "description": page.summary,
        "url": absolute_url(request, page),
        "inLanguage": bcp47(page.locale.language_code),
    }


def _image_url(image, request):
    if image is None:
        return None
    return request.build_absolute_uri(image.file.url)


def place(page, request, periods=(), exceptions=()):
    data = _base(page, request, "Place")
    data.update(
        address=_address(page.address),
        geo=_geo(page),
        telephone=page.phone,
        image=_image_url(page.image, request),
        maximumAttendeeCapacity=page.capacity,
        openingHoursSpecification=opening_hours_specification(periods),
        specialOpeningHoursSpecification=special_hours_specification(exceptions),
        amenityFeature=[
            {"@type": "LocationFeatureSpecification", "name": name, "value": value}
            for name, value in (
                ("step-free entrance", page.step_free),
                ("accessible toilet", page.accessible_toilet),
                ("lift", page.lift),
            )
        ],
    )
    return _clean(data)


def organisation(page, request, periods=()):
    schema_type = PARTNER_SCHEMA_TYPES.get(page.partner_type, "Organization")
    data = _base(page, request, schema_type)
    data.update(
        telephone=page.phone,
        logo=_image_url(page.logo, request),
        sameAs=[page.website] if page.website else None,
        knowsLanguage=page.languages,
    )
    if schema_type == "LocalBusiness":
        data.update(
            address=_address(page.address),
            geo=_geo(page),
            openingHoursSpecification=opening_hours_specification(periods),
        )
    else:
        data["address"] = _address(page.address)
        location = _clean({"@type": "Place", "address": _address(page.address), "geo": _geo(page)})
        if len(location) > 1:
            data["location"] = location
    return _clean(data)


def government_service(page, request, category=None, space=None, periods=()):
    data = _base(page, request, "GovernmentService")
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
        areaServed={"@type": "AdministrativeArea", "name": "Pidu District, Chengdu"},
        availableChannel=channel if len(channel) > 1 else None,
        hoursAvailable=opening_hours_specification(periods),
        dateModified=page.last_reviewed,
    )
    return _clean(data)
