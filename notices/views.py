"""How the notice board answers: current notices and the archive, filters, pagination, 400.

Filters are plain GET parameters (`?kind=urgent&area=<compound>`), so the list works
without JavaScript and can be shared as a link; an unknown value gets a 400 page in
the visitor's language, a page number out of range the nearest page.
"""

from urllib.parse import urlencode

from django.template.response import TemplateResponse
from django.utils import timezone

from home.languages import with_suffix
from home.listing import BadFilter, choice, page_of
from notices import queries
from notices.models import KIND_CHOICES, KIND_LABELS
from notices.structured_data import notice_structured_data


def notice_list(request, index, archive):
    context = index.get_context(request)
    by_key = queries.areas_in(index.locale)
    slugs = {area.slug: key for key, area in by_key.items()}
    try:
        kind = choice(request.GET, "kind", KIND_LABELS)
        area = choice(request.GET, "area", slugs)
    except BadFilter:
        context["index_page"] = index
        return TemplateResponse(request, "services/bad_filter.html", context, status=400)
    page_obj = page_of(
        request,
        queries.notices(index.locale, kind, slugs.get(area), archive=archive),
        queries.PAGE_SIZE,
    )
    language_code = index.locale.language_code
    items = [
        {
            "page": notice,
            "untranslated": notice.locale.language_code != language_code,
            "areas": queries.area_names(notice, by_key),
        }
        for notice in page_obj.object_list
    ]
    list_url = index.sub_url("archive_view") if archive else index.url
    context.update(
        archive=archive,
        list_url=list_url,
        page_obj=page_obj,
        items=items,
        kinds=KIND_CHOICES,
        areas=list(by_key.values()),
        current_kind=kind,
        current_area=area,
        filtered=bool(kind or area),
        feeds=feed_links(request, index),
        noindex=bool(kind or area),
    )
    chosen = {name: value for name, value in (("kind", kind), ("area", area)) if value}
    suffix = ("archive/" if archive else "") + (f"?{urlencode(chosen)}" if chosen else "")
    context["language_links"] = with_suffix(context["language_links"], suffix)
    return TemplateResponse(request, index.get_template(request), context)


def feed_links(request, index):
    return {
        format: request.build_absolute_uri(index.sub_url("feed", format=format))
        for format in ("rss", "atom")
    }


def notice_context(request, page):
    """What a notice's page shows besides its own fields: areas, links, feeds, JSON-LD."""
    from notices.models import NoticeIndexPage

    by_key = queries.areas_in(page.locale)
    related = queries.localized_pages(
        [link.target for link in page.related_pages.select_related("target")], page.locale
    )
    attachments = [a.document for a in page.attachments.select_related("document")]
    board = NoticeIndexPage.objects.filter(pk=page.get_parent().pk).first()
    return {
        "areas": queries.area_names(page, by_key),
        "related": related,
        "attachments": attachments,
        "expired": page.is_expired(timezone.now()),
        "feeds": feed_links(request, board) if board else None,
        "structured_data": notice_structured_data(request, page),
    }
