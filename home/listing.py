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
    """One page of `items`: ?page=abc or ?page=² gives the first, a huge number the last.

    str.isdigit() accepts "²" and "١٢", which int() rejects or reads as another number,
    so only ASCII digits count as a page number.
    """
    raw = request.GET.get("page", "1").strip()
    return Paginator(items, per_page).get_page(raw if raw.isascii() and raw.isdigit() else 1)
