"""Reading a listing's query string safely: known filter values and page numbers.

Every list on the site (directory, calendar, search) takes its filters and page from
GET parameters, so lists work without JavaScript and can be shared as links. A value
the site does not know raises BadFilter, which the view answers with a 400 page in
the visitor's language; a page number that is not one shows the nearest page.
"""

from django.core.paginator import Paginator


class BadFilter(ValueError):
    """A filter value the list does not know; the view answers 400."""


def choice(params, name, allowed):
    """The value of `name` if it is one of `allowed`, None when empty; else BadFilter."""
    value = params.get(name, "").strip()
    if value and value not in allowed:
        raise BadFilter(name)
    return value or None


def page_of(request, items, per_page):
    """One page of `items`: ?page=abc or ?page=² gives the first, -3 or a huge number the last.

    int() reads "١٢" (Arabic-Indic digits) as 12 and str.isdigit() accepts "²", so a page
    number written with anything but ASCII counts as no page number at all.
    """
    raw = request.GET.get("page", "1").strip()
    return Paginator(items, per_page).get_page(raw if raw.isascii() else 1)
