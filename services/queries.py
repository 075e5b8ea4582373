"""The directory's querysets, built in one place.

Each listing prefetches what its template shows (categories, logos and their
renditions, opening hours), so a page of 5 items costs the same number of
queries as a page of 50. Pages are found through the index page, so a listing
only ever shows pages of the index's own locale.
"""

from django.db.models import Prefetch

from home.translations import shown_on_site
from services import opening
from services.models import (
    PartnerPage,
    PublicSpacePage,
    ServiceCategory,
    ServicePage,
    SpaceOpeningHours,
)

PAGE_SIZE = 20


def in_locale(model, translation_keys, locale):
    """{translation_key: live page of `model` in `locale`} for many pages in one query.

    The events app uses this to show a venue or organiser (stored as the
    source-locale page) in the visitor's language, without `page.localized`.
    """
    rows = (
        model.objects.live()
        .filter(translation_key__in=list(translation_keys), locale=locale)
        .select_related("locale")
    )
    return {row.translation_key: row for row in rows}


def translation_in(page, locale):
    """`page` in `locale` if that translation is live, else `page` itself (None stays None)."""
    if page is None or page.locale_id == locale.pk:
        return page
    return in_locale(type(page), [page.translation_key], locale).get(page.translation_key, page)


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
        ServicePage.objects.live()
        .public()
        .child_of(index)
        .select_related("category")
        .order_by("category__sort_order", "sort_key", "pk")
    )
    if category_keys is not None:
        pages = pages.filter(category__translation_key__in=category_keys)
    return pages


def partners(index, partner_type=None, language=None, letter=None):
    pages = (
        PartnerPage.objects.live()
        .public()
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


def initials_present(pages):
    """The index letters that have at least one page, in one query."""
    return set(pages.order_by().values_list("initial", flat=True).distinct())


def spaces(index):
    return (
        PublicSpacePage.objects.live()
        .public()
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
            PublicSpacePage.objects.live()
            .filter(translation_key__in=same_place)
            .prefetch_related(Prefetch("opening_hours", SpaceOpeningHours.objects.all()))
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
    }
