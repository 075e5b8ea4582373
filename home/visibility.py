"""Which pages anyone may see: live, and with no view restriction on them or an ancestor.

Wagtail's `PageQuerySet.public()` reads every restriction first (one more query each
time it is called) and builds a condition per restricted section. `live_public()`
says the same in one SQL subquery, so a listing, feed or filter costs no extra query
and stays right when a restriction is added between two requests.
"""

from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import PageViewRestriction


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
