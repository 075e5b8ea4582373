"""The calendar's querysets, built in one place.

Every listing is one indexed range query on Occurrence (joined to the schedule
owner for its facts and filters), then one query each for the visitor's-locale
pages, categories and venues of the rows shown. A page of 10 rows and a page
of 1,000 cost the same number of queries.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import get_language

from events.choices import AUDIENCE_CHOICES
from events.forms import CalendarFilterForm
from events.models import EventCategory, EventOrganiser, EventPage, Occurrence
from home import versioned
from home.listing import BadFilter
from home.translations import shown_on_site
from home.visibility import live_public
from services.models import LANGUAGE_LABELS, PartnerPage, PublicSpacePage
from services.queries import in_locale


@dataclass(frozen=True)
class Filters:
    category: str = ""
    venue: str = ""
    organiser: str = ""
    audience: str = ""
    language: str = ""
    free: bool = False

    NAMES = ("category", "venue", "organiser", "audience", "language", "free")

    @classmethod
    def from_query(cls, query, locale):
        """Validated filters from request.GET; unknown values raise BadFilter."""
        form = CalendarFilterForm(
            {name: query.get(name, "").strip() for name in cls.NAMES}, filter_options(locale)
        )
        if not form.is_valid():
            raise BadFilter(next(iter(form.errors)))
        return cls(**form.cleaned_data)

    @property
    def active(self):
        return any(getattr(self, name) for name in self.NAMES)

    def as_query(self):
        """The filters as URL query items (for links that keep them)."""
        items = [(n, getattr(self, n)) for n in self.NAMES[:-1] if getattr(self, n)]
        if self.free:
            items.append(("free", "1"))
        return items

    def apply(self, occurrences):
        if self.category:
            occurrences = occurrences.filter(event__category__slug=self.category)
        if self.venue:
            occurrences = occurrences.filter(venue__slug=self.venue)
        if self.organiser:
            occurrences = occurrences.filter(
                Exists(
                    EventOrganiser.objects.filter(
                        page_id=OuterRef("event_id"), partner__slug=self.organiser
                    )
                )
            )
        if self.audience:
            occurrences = occurrences.filter(event__audience=self.audience)
        if self.language:
            occurrences = occurrences.filter(event__languages__contains=f",{self.language},")
        if self.free:
            occurrences = occurrences.filter(event__is_free=True)
        return occurrences


def categories_in(locale):
    """{translation_key: category} as `locale` shows them, in list order.

    Kept by each process until the content changes (home/versioned.py): every calendar
    view, event page and listing names categories.
    """

    def categories():
        rows = shown_on_site(EventCategory.objects.filter(locale=locale).order_by("sort_order"))
        return {row.translation_key: row for row in rows}

    return versioned.kept(("event categories", locale.pk), categories)


def filter_options(locale):
    """The choices each filter offers, labelled in the visitor's locale.

    Two queries, kept by each process until the content changes (home/versioned.py).
    """
    return versioned.kept(
        ("calendar filters", locale.pk, get_language()), lambda: _filter_options(locale)
    )


def _filter_options(locale):
    categories = [(c.slug, c.name) for c in categories_in(locale).values()]
    venues = [
        (p.slug, p.title)
        for p in live_public(PublicSpacePage.objects.filter(locale=locale)).order_by("sort_key")
    ]
    organisers = [
        (p.slug, p.title)
        for p in live_public(PartnerPage.objects.filter(locale=locale)).order_by("sort_key")
    ]
    return {
        "category": categories,
        "venue": venues,
        "organiser": organisers,
        "audience": [(code, str(label)) for code, label in AUDIENCE_CHOICES],
        "language": [(code, str(label)) for code, label in LANGUAGE_LABELS.items()],
    }


def occurrences_in(
    locale, start, end, filters=None, include_cancelled=False, include_moved_from=False
):
    """Occurrences overlapping [start, end) of events live and public in `locale`, in start order.

    The schedule is shared, but whether visitors may see the event is not: a translation
    can be unpublished or private (a view restriction on it or on an ancestor).
    `include_moved_from` adds dates moved away from a day in the range, which the
    calendar marks "Moved to ..." on their old day.
    """
    window = Q(start__lt=end, end__gt=start)
    if include_moved_from:
        window |= Q(moved=True, original_start__gte=start, original_start__lt=end)
    occurrences = (
        Occurrence.objects.filter(window)
        .filter(
            translation_key__in=live_public(EventPage.objects.filter(locale=locale)).values(
                "translation_key"
            )
        )
        # The events themselves are loaded once per listing by `entries`, not per row:
        # building a page object for every occurrence is most of the cost of a busy month.
        .order_by("start", "pk")
        # An all-day event's dates are those of its own zone (events.views.local_days);
        # the venue's translation key finds its page in the visitor's locale (`entries`).
        .annotate(event_timezone=F("event__timezone"), venue_key=F("venue__translation_key"))
    )
    if not include_cancelled:
        occurrences = occurrences.visible()
    if filters is not None:
        occurrences = filters.apply(occurrences)
    return occurrences


@dataclass
class Entry:
    """One row of a listing: the occurrence with its event, category and venue in the locale."""

    occurrence: Occurrence
    page: EventPage  # the visitor's-locale translation (title, summary, URL)
    owner: EventPage  # the facts
    category: EventCategory | None
    venue: PublicSpacePage | None
    moved_away: bool = False  # shown on the day the date was moved away from

    @property
    def called_off(self):
        """Not happening as listed: this date or the whole event cancelled, or postponed."""
        return self.occurrence.cancelled or self.owner.status in ("cancelled", "postponed")

    @property
    def status(self):
        return self.owner.status


def entries(occurrences, locale, venues=None):
    """Entries for already-fetched occurrences: three queries whatever their number.

    `venues`: {translation_key: venue page in `locale`} when the caller has them already
    (from `in_locale`), else they are read here.
    """
    occurrences = list(occurrences)
    owners = {
        event.pk: event
        for event in EventPage.objects.filter(pk__in={o.event_id for o in occurrences})
        .select_related("category")
        .defer("body")
    }
    for o in occurrences:
        o.event = owners[o.event_id]
    keys = {o.translation_key for o in occurrences}
    pages = {
        page.translation_key: page
        for page in live_public(
            EventPage.objects.filter(translation_key__in=keys, locale=locale)
        ).defer("body")
    }
    categories = categories_in(locale)
    venue_ids = {o.venue_id for o in occurrences if o.venue_id}
    if all(hasattr(o, "venue_key") for o in occurrences):  # read with them (occurrences_in)
        venue_keys = {o.venue_id: o.venue_key for o in occurrences if o.venue_id}
    else:
        venue_keys = dict(
            PublicSpacePage.objects.filter(pk__in=venue_ids).values_list("pk", "translation_key")
        )
    if venues is None:
        venues = in_locale(PublicSpacePage, set(venue_keys.values()), locale)
    result = []
    for o in occurrences:
        page = pages.get(o.translation_key)
        if page is None:
            continue
        category = o.event.category
        result.append(
            Entry(
                occurrence=o,
                page=page,
                owner=o.event,
                category=categories.get(category.translation_key, category) if category else None,
                venue=venues.get(venue_keys.get(o.venue_id)) if o.venue_id else None,
            )
        )
    return result


def upcoming_entries(locale, limit=6, days=90, **lookups):
    """The next `limit` events (one row each, their next date) in `locale`.

    `lookups` narrow the occurrences, e.g. ``venue__translation_key=...``.
    Constant queries: one for occurrences plus those of `entries`.
    """
    from django.utils import timezone

    now = timezone.now()
    occurrences = occurrences_in(locale, now, now + datetime.timedelta(days=days)).filter(**lookups)
    seen, picked = set(), []
    for occurrence in occurrences[: limit * 8]:
        if occurrence.translation_key not in seen:
            seen.add(occurrence.translation_key)
            picked.append(occurrence)
        if len(picked) == limit:
            break
    return entries(picked, locale)


def upcoming_at_venue(space, limit=6):
    """Upcoming events held at a public space (any locale's page of it)."""
    return upcoming_entries(space.locale, limit, venue__translation_key=space.translation_key)


def upcoming_by_organiser(partner, limit=6):
    """Upcoming events a partner organises."""
    return upcoming_entries(
        partner.locale,
        limit,
        event__organisers__partner__translation_key=partner.translation_key,
    )
