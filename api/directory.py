"""GET /api/v3/services/, /partners/, /spaces/ and one of each by id, in the requested language.

The lists are the directory's own querysets (`services.queries`): the pages under the
locale's index page, live and public, in the order the site lists them. Each item
carries the other languages' URLs and, for places, coordinates in WGS-84 and GCJ-02.
"""

from typing import Literal
from uuid import UUID

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from ninja import Query, Router
from ninja.decorators import decorate_view

from api import parts
from api.http import conditional, today
from api.params import DEFAULT_LIMIT, MAX_LIMIT, MAX_OFFSET, BadParameter, activate, page_of
from api.schemas import ErrorAnswer, LocaleCode, Partner, Partners, Service, Services, Space, Spaces
from home.visibility import live_public
from services import opening, queries
from services.models import (
    LANGUAGE_LABELS,
    PARTNER_TYPE_LABELS,
    PartnerIndexPage,
    PublicSpacePage,
    ServiceIndexPage,
    SpaceIndexPage,
    SpaceOpeningHours,
)
from services.pictures import PARTNER_LOGO, SPACE_PHOTO

router = Router(tags=["directory"])

PartnerType = Literal[tuple(PARTNER_TYPE_LABELS)]
Language = Literal[tuple(LANGUAGE_LABELS)]
ERRORS = {400: ErrorAnswer, 404: ErrorAnswer}


def index_of(model, locale):
    """The locale's list page of `model` (one query), or None."""
    return live_public(model.objects.filter(locale=locale)).first()


def one(pages, item_id):
    found = list(pages.filter(translation_key=item_id)[:1])
    if not found:
        raise Http404(_("There is no such item in this language."))
    return found


# Services ------------------------------------------------------------------------------------


def service_pages(locale, category=""):
    index = index_of(ServiceIndexPage, locale)
    by_key = queries.categories_in(locale)
    keys = None
    if category:
        keys = [key for key, row in by_key.items() if row.slug == category]
        if not keys:
            raise BadParameter("category")
    if index is None:
        return queries.ServicePage.objects.none(), by_key
    return queries.services(index, keys).select_related("locale").prefetch_related(
        "opening_hours"
    ), by_key


@router.get(
    "/services/",
    response={200: Services, **ERRORS},
    operation_id="services_list",
    summary="Service guides",
    description="In the order of the site's list: by category, then A–Z in the language.",
)
@decorate_view(conditional("day"))
def list_services(
    request,
    locale: LocaleCode | None = None,
    category: str = Query("", max_length=100),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    locale_row = activate(request, locale)
    pages, by_key = service_pages(locale_row, category)
    page, rows = page_of(request, pages, limit, offset)
    return {**page, "items": service_items(request, rows, by_key, locale_row)}


@router.get(
    "/services/{id}/",
    response={200: Service, **ERRORS},
    operation_id="services_detail",
    summary="One service guide",
)
@decorate_view(conditional("day"))
def service_detail(request, id: UUID, locale: LocaleCode | None = None):
    locale_row = activate(request, locale)
    pages, by_key = service_pages(locale_row)
    return service_items(request, one(pages, id), by_key, locale_row)[0]


def service_items(request, rows, categories, locale):
    space_keys = dict(
        PublicSpacePage.objects.filter(
            pk__in={row.where_space_id for row in rows if row.where_space_id}
        ).values_list("pk", "translation_key")
    )
    spaces = queries.in_locale(PublicSpacePage, set(space_keys.values()), locale)
    space_hours = {}
    for period in SpaceOpeningHours.objects.filter(page__in=[s.pk for s in spaces.values()]):
        space_hours.setdefault(period.page_id, []).append(period.as_period())
    translations = parts.translations_of(request, [row.translation_key for row in rows])
    items = []
    for row in rows:
        category = queries.localized_category(row.category, categories)
        space = spaces.get(space_keys.get(row.where_space_id))
        periods = [period.as_period() for period in row.opening_hours.all()]
        if not periods and space is not None:
            periods = space_hours.get(space.pk, [])
        items.append(
            {
                **parts.directory_fields(request, row, translations),
                "category": {"slug": category.slug, "name": category.name} if category else None,
                "government_service": row.government_service,
                "steps": [
                    {
                        "title": step.value["title"],
                        "text": parts.rich_text(step.value["text"].source)
                        if step.value["text"]
                        else "",
                    }
                    for step in row.steps
                ],
                "documents": parts.rich_text(row.documents),
                "fees": row.fees,
                "where": parts.place(request, space),
                "where_address": row.where_address,
                "opening_hours": parts.hours(periods),
                "hours_note": row.hours_note,
                "counter_languages": parts.languages(row.counter_languages),
                "phone": row.phone,
                "email": row.email,
                "online_url": row.online_url,
                "last_checked": row.last_reviewed.isoformat(),
            }
        )
    return items


# Partners ------------------------------------------------------------------------------------


def partner_pages(locale, partner_type=None, language=None):
    index = index_of(PartnerIndexPage, locale)
    if index is None:
        return queries.PartnerPage.objects.none()
    return (
        queries.partners(index, partner_type, language)
        .select_related("locale")
        .prefetch_related("opening_hours")
    )


@router.get(
    "/partners/",
    response={200: Partners, **ERRORS},
    operation_id="partners_list",
    summary="Partners",
    description="A–Z in the requested language, as the site lists them.",
)
@decorate_view(conditional("day"))
def list_partners(
    request,
    locale: LocaleCode | None = None,
    type: PartnerType | None = None,
    language: Language | None = Query(None, description="A language spoken there."),
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    locale_row = activate(request, locale)
    page, rows = page_of(request, partner_pages(locale_row, type, language), limit, offset)
    return {**page, "items": partner_items(request, rows)}


@router.get(
    "/partners/{id}/",
    response={200: Partner, **ERRORS},
    operation_id="partners_detail",
    summary="One partner",
)
@decorate_view(conditional("day"))
def partner_detail(request, id: UUID, locale: LocaleCode | None = None):
    locale_row = activate(request, locale)
    return partner_items(request, one(partner_pages(locale_row), id))[0]


def partner_items(request, rows):
    translations = parts.translations_of(request, [row.translation_key for row in rows])
    return [
        {
            **parts.directory_fields(request, row, translations),
            "type": {"code": row.partner_type, "label": str(row.type_label)},
            "logo": parts.picture(request, row.logo, PARTNER_LOGO, row.title),
            "description": parts.rich_text(row.description),
            "offers": parts.rich_text(row.offers),
            "languages": parts.languages(row.languages),
            "location": parts.location(row),
            "opening_hours": parts.hours(p.as_period() for p in row.opening_hours.all()),
            "hours_note": row.hours_note,
            "website": row.website,
            "phone": row.phone,
            "wechat_id": row.wechat_id,
        }
        for row in rows
    ]


# Spaces --------------------------------------------------------------------------------------


def space_pages(locale):
    index = index_of(SpaceIndexPage, locale)
    if index is None:
        return PublicSpacePage.objects.none()
    return queries.spaces(index).select_related("locale")


@router.get(
    "/spaces/",
    response={200: Spaces, **ERRORS},
    operation_id="spaces_list",
    summary="Public spaces",
    description="A–Z in the requested language. `open_now` is as of the request, Beijing time.",
)
@decorate_view(conditional("minute"))
def list_spaces(
    request,
    locale: LocaleCode | None = None,
    limit: int = Query(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
):
    locale_row = activate(request, locale)
    page, rows = page_of(request, space_pages(locale_row), limit, offset)
    return {**page, "items": space_items(request, rows)}


@router.get(
    "/spaces/{id}/",
    response={200: Space, **ERRORS},
    operation_id="spaces_detail",
    summary="One public space",
)
@decorate_view(conditional("minute"))
def space_detail(request, id: UUID, locale: LocaleCode | None = None):
    locale_row = activate(request, locale)
    return space_items(request, one(space_pages(locale_row), id))[0]


def space_items(request, rows):
    translations = parts.translations_of(request, [row.translation_key for row in rows])
    day = today()
    items = []
    for row in rows:
        exceptions = row.exceptions()
        items.append(
            {
                **parts.directory_fields(request, row, translations),
                "image": parts.picture(request, row.image, SPACE_PHOTO, row.image_alt),
                "description": parts.rich_text(row.description),
                "facilities": parts.rich_text(row.facilities),
                "location": parts.location(row),
                "opening_hours": parts.hours(row.periods()),
                "special_days": [
                    {
                        "date": e.day.isoformat(),
                        "closed": e.closed,
                        "opens": e.opens.strftime("%H:%M") if e.opens else None,
                        "closes": e.closes.strftime("%H:%M") if e.closes else None,
                    }
                    for e in opening.upcoming_exceptions(exceptions, day, days=366)
                ],
                "open_now": row.is_open_now(),
                "hours_note": row.hours_note,
                "accessibility": {
                    "step_free": row.step_free,
                    "accessible_toilet": row.accessible_toilet,
                    "lift": row.lift,
                },
                "capacity": row.capacity,
                "how_to_book": parts.rich_text(row.how_to_book),
                "booking_url": row.booking_url,
                "phone": row.phone,
            }
        )
    return items
