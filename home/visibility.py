"""Which pages anyone may see: live, and with no view restriction on them or an ancestor.

Wagtail's `PageQuerySet.public()` reads every restriction first (one more query each
time it is called) and builds a condition per restricted section. `live_public()`
says the same in one SQL subquery, so a listing, feed or filter costs no extra query
and stays right when a restriction is added between two requests.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction

from home import versioned


def restricted():
    """Subquery condition: a restriction sits on this page or one of its ancestors."""
    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def live_public(queryset):
    """`queryset` (of pages) without drafts and without anything behind a view restriction."""
    return queryset.live().exclude(restricted())


def _guarded_paths():
    """Tree paths of every page with a view restriction, and of every alias (whose
    restrictions are its source's): on no other page's way does Wagtail find one."""
    restricted_paths = PageViewRestriction.objects.values_list("page__path", flat=True)
    aliases = Page.objects.filter(alias_of__isnull=False).values_list("path", flat=True)
    return frozenset(restricted_paths) | frozenset(aliases)


def known_unrestricted(page):
    """True if no view restriction applies to `page`, known without a query; else False.

    Only while a GET request is served (home/versioned.py): the restrictions and aliases
    of the whole site are kept per content version, a few rows on any site.
    """
    if versioned.current() is None or not page.path:
        return False
    guarded = versioned.kept("guarded paths", _guarded_paths)
    steps = Page.steplen
    return not any(page.path[:end] in guarded for end in range(steps, len(page.path) + 1, steps))
