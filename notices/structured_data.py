"""A notice for machines: schema.org JSON-LD in the page's language.

An urgent alert (public health or safety) is a `SpecialAnnouncement`, which search
engines show prominently until it `expires`; every other notice a `NewsArticle`.
Written with services/structured_data.py's `script_tag`, like every page's JSON-LD.
"""

from django.conf import settings

from home.languages import bcp47
from home.links import absolute_url
from services.structured_data import script_tag


def _publisher(request):
    return {
        "@type": "Organization",
        "name": settings.WAGTAIL_SITE_NAME,
        "url": request.build_absolute_uri("/"),
    }


def notice_data(request, page):
    url = absolute_url(request, page)
    common = {
        "@context": "https://schema.org",
        "url": url,
        "inLanguage": bcp47(page.locale.language_code),
        "datePosted" if page.is_urgent else "datePublished": page.valid_from.isoformat(),
    }
    if page.is_urgent:
        data = {
            **common,
            "@type": "SpecialAnnouncement",
            "name": page.title,
            "text": page.summary,
            "expires": page.valid_until.isoformat() if page.valid_until else None,
            "spatialCoverage": {"@type": "Place", "name": str(settings.YOULIN_SITE_NAME)},
            "publisher": _publisher(request),
        }
    else:
        data = {
            **common,
            "@type": "NewsArticle",
            "headline": page.title[:110],
            "description": page.summary,
            "mainEntityOfPage": url,
            "dateModified": (page.last_published_at or page.valid_from).isoformat(),
            "author": _publisher(request),
            "publisher": _publisher(request),
        }
    return {key: value for key, value in data.items() if value not in (None, "")}


def notice_structured_data(request, page):
    return script_tag(notice_data(request, page))
