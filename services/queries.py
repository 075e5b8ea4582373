"""The directory's querysets, built in one place.

Each listing prefetches what its template shows (categories, logos and their
renditions, opening hours), so a page of 5 items costs the same number of
queries as a page of 50. Pages are found through the index page, so a listing
only ever shows pages of the index's own locale.
"""

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone

from home.translations import shown_on_site
from home.visibility import live_public
from services import opening
from services.models import (
    PartnerPage,
    PublicSpacePage,
    ServiceCategory,
    ServicePage,
    SpaceOpeningHours,
)

PAGE_SIZE = 20


def in_locale(model, translation_keys, locale, related=()):
    """{translation_key: the page of `model` to show in `locale`} for many pages in one query.

    The live translation in `locale`, else the one in the default locale (a venue not yet
    translated shows its Chinese name), else any. A page nobody may see, a draft or one
    behind a view restriction, is left out in every locale, so it is never named or linked.
    The events app uses this for venues and organisers, stored as source-locale pages.
    `related` names foreign keys to load with them (a venue's photo, a partner's logo).
    """
    rows = live_public(model.objects.filter(translation_key__in=list(translation_keys)))

    def preference(row):
        if row.locale_id == locale.pk:
            return 0
        return 1 if row.locale.language_code == settings.LANGUAGE_CODE else 2

    shown = {}
    for row in sorted(rows.select_related("locale", *related), key=preference):
        shown.setdefault(row.translation_key, row)
    return shown


def categories_in(locale):
    """{translation_key: category} of the locale's categories, in list order."""
    rows = shown_on_site(
        ServiceCategory.objects.filter(locale=locale).order_by("sort_order", "name")
    )
    return {row.translation_key: row for row in rows}


def localized_category(category, by_key):
    if category is None:
        return None
    return by_key.get(category.translation_key, category)


def services(index, category_keys=None):
    pages = (
        live_public(ServicePage.objects.all())
        .child_of(index)
        .select_related("category")
        .order_by("category__sort_order", "sort_key", "pk")
    )
    if category_keys is not None:
        pages = pages.filter(category__translation_key__in=category_keys)
    return pages


def partners(index, partner_type=None, language=None, letter=None):
    pages = (
        live_public(PartnerPage.objects.all())
        .child_of(index)
        .select_related("logo")
        .prefetch_related("logo__renditions")
        .order_by("sort_key", "pk")
    )
    if partner_type:
        pages = pages.filter(partner_type=partner_type)
    if language:
        pages = pages.filter(languages__contains=f",{language},")
    if letter:
        pages = pages.filter(initial=letter)
    return pages


def languages_with_letter(letter, partner_type=None, language=None):
    """The languages (codes) whose partner list has a partner under `letter` with these
    filters, in one query: the language switcher carries `?letter=` only to those."""
    pages = live_public(PartnerPage.objects.all()).filter(initial=letter)
    if partner_type:
        pages = pages.filter(partner_type=partner_type)
    if language:
        pages = pages.filter(languages__contains=f",{language},")
    return set(pages.order_by().values_list("locale__language_code", flat=True).distinct())


def initials_present(pages):
    """The index letters that have at least one page, in one query."""
    return set(pages.order_by().values_list("initial", flat=True).distinct())


def spaces(index):
    return (
        live_public(PublicSpacePage.objects.all())
        .child_of(index)
        .select_related("image")
        .prefetch_related("image__renditions", "opening_hours", "hours_exceptions")
        .order_by("sort_key", "pk")
    )


def service_detail(page):
    """What a service page shows besides its own fields, all in the page's locale."""
    category = localized_category(page.category, categories_in(page.locale))
    space = None
    if page.where_space_id:
        # The link is synchronised (it may point at the Chinese page): show the visitor's.
        same_place = PublicSpacePage.objects.filter(pk=page.where_space_id).values(
            "translation_key"
        )
        candidates = list(
            live_public(
                PublicSpacePage.objects.filter(translation_key__in=same_place)
            ).prefetch_related(Prefetch("opening_hours", SpaceOpeningHours.objects.all()))
        )
        space = next((s for s in candidates if s.locale_id == page.locale_id), None)
        space = space or next(iter(candidates), None)
    periods = [row.as_period() for row in page.opening_hours.all()]
    if not periods and space is not None:
        periods = space.periods()
    return {
        "category": category,
        "space": space,
        "periods": periods,
        "week": opening.weekly_table(periods) if periods else [],
        "today": timezone.localdate(),
    }
