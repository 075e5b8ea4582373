"""What every item of the API is made of: links, translations, places, pictures, hours.

Each function takes rows already loaded in bulk by the operation, so a page of 100
items costs the queries of a page of 5.
"""

from django.conf import settings
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from api.http import isoformat
from home.visibility import live_public
from services import maps
from services.models import LANGUAGE_LABELS


def absolute_url(request, page):
    return request.build_absolute_uri(page.get_url(request))


def translations_of(request, translation_keys):
    """{translation_key: [{locale, url}]}: every live, public page of the groups (one query)."""
    rows = (
        live_public(Page.objects.filter(translation_key__in=set(translation_keys)))
        .select_related("locale")
        .only("id", "url_path", "translation_key", "locale__language_code", "depth", "path")
    )
    order = [code for code, _name in settings.LANGUAGES]
    found = {}
    for row in sorted(rows, key=lambda row: order.index(row.locale.language_code)):
        found.setdefault(row.translation_key, []).append(
            {"locale": row.locale.language_code, "url": absolute_url(request, row)}
        )
    return found


def page_link(request, page):
    return {"id": page.translation_key, "title": page.title, "url": absolute_url(request, page)}


def point(latitude, longitude):
    return {"latitude": round(float(latitude), 6), "longitude": round(float(longitude), 6)}


def location(page):
    """Address and coordinates in WGS-84 and GCJ-02 of a space or partner."""
    wgs84 = gcj02 = None
    if page.has_point:
        wgs84 = point(page.latitude, page.longitude)
        gcj02 = point(*maps.wgs84_to_gcj02(float(page.latitude), float(page.longitude)))
    return {"address": page.address, "wgs84": wgs84, "gcj02": gcj02}


def place(request, page):
    if page is None:
        return None
    return {**page_link(request, page), "location": location(page)}


def labels(codes, names):
    return [{"code": code, "label": str(names.get(code, code))} for code in codes]


def languages(codes):
    return labels(codes, LANGUAGE_LABELS)


def images_with_renditions(image_ids, sizes):
    """{image id: image} with the renditions of `sizes` (a PictureSizes) prefetched: two queries."""
    ids = {pk for pk in image_ids if pk}
    if not ids:
        return {}
    images = get_image_model().objects.filter(pk__in=ids).prefetch_renditions(*sizes.filters())
    return {image.pk: image for image in images}


def picture(request, image, sizes, alt=""):
    """The image and its renditions in `sizes`, made on publish (home/renditions.py)."""
    if image is None:
        return None
    renditions = image.get_renditions(*sizes.filters())
    return {
        "alt": alt or "",
        "width": image.width,
        "height": image.height,
        "renditions": [
            {
                "url": request.build_absolute_uri(rendition.url),
                "width": rendition.width,
                "height": rendition.height,
                "format": rendition_format(spec, rendition),
            }
            for spec, rendition in renditions.items()
        ],
    }


def rendition_format(spec, rendition):
    for part in spec.split("|"):
        if part.startswith("format-"):
            return part.removeprefix("format-")
    return rendition.file.name.rsplit(".", 1)[-1].lower().replace("jpg", "jpeg")


def hours(periods):
    return [
        {
            "weekday": period.weekday,
            "opens": period.opens.strftime("%H:%M"),
            "closes": period.closes.strftime("%H:%M"),
        }
        for period in sorted(periods, key=lambda p: (p.weekday, p.opens))
    ]


def rich_text(html):
    return expand_db_html(html or "")


def directory_fields(request, page, translations):
    """What services, partners and spaces share."""
    return {
        "id": page.translation_key,
        "page_id": page.pk,
        "locale": page.locale.language_code,
        "title": page.title,
        "summary": page.summary,
        "url": absolute_url(request, page),
        "translations": translations.get(page.translation_key, []),
        "last_published": isoformat(page.last_published_at),
    }
