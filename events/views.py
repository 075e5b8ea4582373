"""Calendar views of EventIndexPage and the context of EventPage.

All views work without JavaScript: periods and filters live in the URL, so a
view can be shared. Nonsense in the URL (month 13, page "abc", an unknown
category) gets a 400 page in the visitor's language or the nearest sensible
view, never a server error.
"""

import calendar
import datetime
from dataclasses import replace
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, F, Max, Min, Q, Window
from django.db.models.functions import RowNumber, TruncDate
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from events import dates
from events.errors import bad_request
from events.feed_cache import feed_response
from events.feeds import cached_event_calendar, feed_title
from events.forms import CalendarFilterForm
from events.models import Occurrence
from events.occurrences import horizon_days, occurrence_rows
from events.queries import (
    BadFilter,
    Filters,
    categories_in,
    entries,
    filter_options,
    occurrences_in,
)
from events.structured_data import event_image, event_structured_data, google_calendar_url
from events.subscribe import feed_links
from home.languages import with_suffix
from home.listing import page_of
from services.models import LANGUAGE_LABELS, PartnerPage, PublicSpacePage
from services.queries import in_locale

PAGE_SIZE = 20
MONTH_CELL_LIMIT = 4  # events shown in a day of the month grid; the rest via "N more"
MIN_YEAR, MAX_YEAR = 2000, 2100  # what a URL may say at all; beyond, a 400
ARCHIVE_MARGIN = datetime.timedelta(days=366)  # how far month and week views reach past events


def site_zone():
    return ZoneInfo(settings.TIME_ZONE)


def local_today():
    return timezone.localtime(timezone.now(), site_zone()).date()


def day_start(day):
    return datetime.datetime.combine(day, datetime.time(0), site_zone())


def archive_bounds():
    """(first, last) day a month or week view answers for: a year either side of the events.

    Without a bound, "next month" links lead crawlers through every month to 2100.
    One aggregate query over the occurrence index.
    """
    found = Occurrence.objects.aggregate(first=Min("start"), last=Max("end"))
    today = local_today()
    days = [today] + [timezone.localtime(t, site_zone()).date() for t in found.values() if t]
    return min(days) - ARCHIVE_MARGIN, max(days) + ARCHIVE_MARGIN


def within(bounds, first, last):
    return first <= bounds[1] and last >= bounds[0]


def _calendar_context(request, index, view, filters, title):
    context = index.get_context(request)
    suffix = request.path[len(index.url) :] if request.path.startswith(index.url) else ""
    query = request.GET.urlencode()
    context["language_links"] = with_suffix(
        context["language_links"], suffix + (f"?{query}" if query else "")
    )
    query = urlencode(filters.as_query())
    options = filter_options(index.locale)
    context.update(
        {
            "feeds": feed_links(request, index, filters),
            "feed_title": feed_title(index, filters, options),
            "view": view,
            "filters": filters,
            "filter_query": query,
            "filter_options": options,
            "filter_form": CalendarFilterForm(dict(filters.as_query()), options),
            "view_title": title,
            # One indexable copy of each event list: the plain list and month grids. Weeks,
            # today, the weekend and every filtered view repeat them (robots.txt too).
            "noindex": filters.active or view not in ("upcoming", "month"),
            "links": {
                "upcoming": index.url,
                "today": index.sub_url("today_view"),
                "weekend": index.sub_url("weekend_view"),
                "month": index.sub_url("month_view"),
                "week": index.sub_url("week_view"),
            },
        }
    )
    return context


def _filters(request, index):
    return Filters.from_query(request.GET, index.locale)


def local_days(occurrence, first=None, last=None):
    """Every local date an occurrence covers (its end is exclusive), within [first, last].

    Timed events are placed on the site's days. An all-day event is the same dates
    everywhere, so they are its own zone's (midnight in London is 08:00 in Beijing:
    on the site's clock a one-day London fair would straddle two days).
    """
    zone = (
        dates.event_zone(getattr(occurrence, "event_timezone", None))
        if occurrence.all_day
        else site_zone()
    )
    start = timezone.localtime(occurrence.start, zone).date()
    end = timezone.localtime(occurrence.end, zone)
    stop = max(start, (end - datetime.timedelta(microseconds=1)).date())
    day = max(start, first) if first else start
    stop = min(stop, last) if last else stop
    while day <= stop:
        yield day
        day += datetime.timedelta(days=1)


def moved_from_day(occurrence):
    """The local date a moved occurrence was first on."""
    zone = (
        dates.event_zone(getattr(occurrence, "event_timezone", None))
        if occurrence.all_day
        else site_zone()
    )
    return timezone.localtime(occurrence.original_start, zone).date()


def listed_days(occurrence, first=None, last=None):
    """[(date, moved_away)]: the days within [first, last] an occurrence is held on, and
    the day it was moved away from (marked "Moved to ..." there), if that is another."""
    days = [(day, False) for day in local_days(occurrence, first, last)]
    if occurrence.moved:
        left = moved_from_day(occurrence)
        in_range = (first is None or left >= first) and (last is None or left <= last)
        if in_range and all(day != left for day, _away in days):
            days.append((left, True))
    return days


def limit_per_day(occurrences, first, last, per_day):
    """The occurrences with at most `per_day` on any day, and {date: how many were left out}.

    An event over several days counts on each of them.
    """
    if per_day is None:
        return list(occurrences), {}
    kept, counts, more = [], {}, {}
    for occurrence in occurrences:
        shown = False
        for day, _away in listed_days(occurrence, first, last):
            counts[day] = counts.get(day, 0) + 1
            if counts[day] <= per_day:
                shown = True
            else:
                more[day] = counts[day] - per_day
        if shown:
            kept.append(occurrence)
    return kept, more


def group_by_day(rows, first, last=None, per_day=None):
    """[(date, [entries])] in order: each row on every day it covers from `first` on."""
    days = {}
    for row in rows:
        held = False
        for day, away in listed_days(row.occurrence, first, last):
            if last is None and held and not away:
                continue  # the upcoming list shows a row once, on its first day from now
            held = held or not away
            if per_day is None or len(days.get(day, ())) < per_day:
                days.setdefault(day, []).append(replace(row, moved_away=True) if away else row)
    for listed in days.values():
        # On its old day, a moved date sits where it used to start.
        listed.sort(
            key=lambda row: (
                row.occurrence.original_start if row.moved_away else row.occurrence.start
            )
        )
    return [(day, days[day]) for day in sorted(days)]


def upcoming(request, index):
    try:
        filters = _filters(request, index)
    except BadFilter:
        return bad_request(request, index, _("That filter does not match anything we know."))
    now = timezone.now()
    occurrences = occurrences_in(
        index.locale, now, now + datetime.timedelta(days=366), filters, include_cancelled=True
    )
    page = page_of(request, occurrences, PAGE_SIZE)
    paginator = page.paginator
    rows = entries(page.object_list, index.locale)
    context = _calendar_context(request, index, "upcoming", filters, _("Upcoming events"))
    days = group_by_day(rows, local_today())
    context.update({"page_obj": page, "days": days, "paginator": paginator})
    return TemplateResponse(request, "events/event_index_page.html", context)


def one_day_rows(occurrences, first, last):
    """Q and day expression for occurrences held on one of the site's days in [first, last].

    Timed, not moved, starting and ending on the same local day: such a row is listed on
    its start day only, so the database can count and rank the rows of each day.
    """
    zone = site_zone()
    day = TruncDate("start", tzinfo=zone)
    one_day = Q(
        all_day=False,
        moved=False,
        start__gte=day_start(first),
        start__lt=day_start(last + datetime.timedelta(days=1)),
        day_of_end=F("day"),
    )
    return occurrences.annotate(day=day, day_of_end=TruncDate("end", tzinfo=zone)), one_day


def capped_occurrences(occurrences, first, last, per_day):
    """`limit_per_day` of the occurrences, with most rows counted and capped by the database.

    A busy month has thousands of dates and shows four a day: each day's one-day rows
    come ranked and counted by the database (the first `per_day` of them, and how many
    there are), the few others (all-day, over several days, moved) are read whole, and
    `limit_per_day` decides among them. Whatever it keeps is among these rows: a one-day
    row that is not among the first `per_day` one-day rows of its day has `per_day` rows
    before it that day.
    """
    annotated, one_day = one_day_rows(occurrences, first, last)
    ranked = annotated.filter(one_day).annotate(
        rank=Window(RowNumber(), partition_by=[F("day")], order_by=[F("start"), F("pk")]),
        day_total=Window(Count("pk"), partition_by=[F("day")]),
    )
    top = list(ranked.filter(rank__lte=per_day))
    others = [o for o in annotated.exclude(one_day) if listed_days(o, first, last)]
    candidates = sorted(top + others, key=lambda o: (o.start, o.pk))
    kept, more = limit_per_day(candidates, first, last, per_day)
    # The one-day rows not read still count against their day.
    totals = {}
    for o in top:
        totals[o.day] = o.day_total
    for o in others:
        for day, _away in listed_days(o, first, last):
            totals[day] = totals.get(day, 0) + 1
    more = {day: total - per_day for day, total in totals.items() if total > per_day}
    return kept, more


def _range_view(request, index, view, first, last, title, extra=None, per_day=None):
    try:
        filters = _filters(request, index)
    except BadFilter:
        return bad_request(request, index, _("That filter does not match anything we know."))
    # A day either side: an all-day event's dates are its own zone's, up to a day off ours.
    occurrences = occurrences_in(
        index.locale,
        day_start(first - datetime.timedelta(days=1)),
        day_start(last + datetime.timedelta(days=2)),
        filters,
        include_cancelled=True,
        include_moved_from=True,
    )
    if per_day is None:
        occurrences = [o for o in occurrences if listed_days(o, first, last)]
        more = {}
    else:
        occurrences, more = capped_occurrences(occurrences, first, last, per_day)
    rows = entries(occurrences, index.locale)
    context = _calendar_context(request, index, view, filters, title)
    days = group_by_day(rows, first, last, per_day)
    context.update({"days": days, "first": first, "last": last, "more": more})
    if not days and view in ("today", "weekend"):
        context["next_entry"] = next_entry_after(index.locale, last, filters)
    context.update(extra or {})
    return TemplateResponse(request, "events/event_index_page.html", context)


def next_entry_after(locale, last, filters):
    """The next event after the day `last` with these filters, for an empty period to point
    to ("nothing today; next: the English salon on Sat 12 Dec"), or None within a year."""
    start = day_start(last + datetime.timedelta(days=1))
    following = occurrences_in(locale, start, start + datetime.timedelta(days=366), filters)
    found = entries(following[:1], locale)
    return found[0] if found else None


def today(request, index):
    day = local_today()
    title = _("Today, %(day)s") % {"day": dates.day_label(day)}
    return _range_view(request, index, "today", day, day, title)


def weekend(request, index):
    day = local_today()
    if day.weekday() == 6:  # Sunday: the weekend is today
        saturday = day - datetime.timedelta(days=1)
        first = day
    else:
        saturday = day + datetime.timedelta(days=(5 - day.weekday()) % 7)
        first = max(day, saturday)
    last = saturday + datetime.timedelta(days=1)
    title = _("This weekend, %(days)s") % {"days": dates.day_range(first, last)}
    return _range_view(request, index, "weekend", first, last, title)


def month(request, index, year=None, month=None):
    if year is None:
        today_ = local_today()
        year, month = today_.year, today_.month
    year, month = int(year), int(month)
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12):
        return bad_request(request, index, _("There is no such month in our calendar."))
    first_of_month = datetime.date(year, month, 1)
    last_of_month = first_of_month.replace(day=calendar.monthrange(year, month)[1])
    bounds = archive_bounds()
    if not within(bounds, first_of_month, last_of_month):
        raise Http404
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(year, month)
    grid_first, grid_last = weeks[0][0], weeks[-1][-1]
    previous_month = first_of_month - datetime.timedelta(days=1)
    next_month = last_of_month + datetime.timedelta(days=1)
    response = _range_view(
        request,
        index,
        "month",
        grid_first,
        grid_last,
        dates.month_label(first_of_month),
        {
            "month_first": first_of_month,
            "previous_url": index.sub_url("month_view", previous_month.year, previous_month.month)
            if previous_month >= bounds[0]
            else "",
            "next_url": index.sub_url("month_view", next_month.year, next_month.month)
            if next_month <= bounds[1]
            else "",
        },
        per_day=MONTH_CELL_LIMIT,
    )
    if response.status_code == 200:
        by_day = dict(response.context_data["days"])
        more = response.context_data["more"]
        response.context_data["weeks"] = [
            [
                {
                    "date": day,
                    "in_month": day.month == month,
                    "today": day == local_today(),
                    "rows": by_day.get(day, []),
                    "more": more.get(day, 0),
                    "week_url": index.sub_url("week_view", *day.isocalendar()[:2]),
                }
                for day in week
            ]
            for week in weeks
        ]
        response.context_data["weekday_names"] = [
            (dates.weekday_short(d), dates.weekday_long(d)) for d in weeks[0]
        ]
    return response


def week(request, index, year=None, week=None):
    if year is None:
        year, week, _weekday = local_today().isocalendar()
    year, week = int(year), int(week)
    try:
        monday = datetime.date.fromisocalendar(year, week, 1)
    except ValueError:
        return bad_request(request, index, _("There is no such week in our calendar."))
    if not MIN_YEAR <= year <= MAX_YEAR:
        return bad_request(request, index, _("There is no such week in our calendar."))
    sunday = monday + datetime.timedelta(days=6)
    bounds = archive_bounds()
    if not within(bounds, monday, sunday):
        raise Http404
    previous_week = (monday - datetime.timedelta(days=7)).isocalendar()
    next_week = (monday + datetime.timedelta(days=7)).isocalendar()
    title = dates.day_range(monday, sunday)
    response = _range_view(
        request,
        index,
        "week",
        monday,
        sunday,
        title,
        {
            # No links out of the archive's bounds: they would answer 404.
            "previous_url": index.sub_url("week_view", *previous_week[:2])
            if monday - datetime.timedelta(days=1) >= bounds[0]
            else "",
            "next_url": index.sub_url("week_view", *next_week[:2])
            if sunday + datetime.timedelta(days=1) <= bounds[1]
            else "",
        },
    )
    if response.status_code == 200:
        by_day = dict(response.context_data["days"])
        response.context_data["week_days"] = [
            (
                monday + datetime.timedelta(days=n),
                by_day.get(monday + datetime.timedelta(days=n), []),
            )
            for n in range(7)
        ]
    return response


# Event page --------------------------------------------------------------------------------


def event_context(request, page):
    """What the event page shows: facts from the schedule owner, in the page's locale."""
    owner = page.schedule_owner
    locale = page.locale
    now = timezone.now()
    if getattr(request, "is_preview", False) and (page.pk is None or owner.pk == page.pk):
        # The editor previews unsaved schedule rows: expand them instead of the published table.
        owner = page
        upcoming_rows = draft_occurrences(page, now)
    else:
        upcoming_rows = list(
            Occurrence.objects.filter(translation_key=page.translation_key, end__gt=now)
            .select_related("venue")
            .order_by("start")[:UPCOMING_DATES]
        )
    related_occurrences = []
    if owner.category_id:
        found = (
            occurrences_in(locale, now, now + datetime.timedelta(days=120))
            .filter(event__category_id=owner.category_id)
            .exclude(translation_key=page.translation_key)
        )
        seen = set()
        for o in found[:30]:
            if o.translation_key not in seen:
                seen.add(o.translation_key)
                related_occurrences.append(o)
            if len(related_occurrences) == 3:
                break
    venue_keys = {o.venue.translation_key for o in upcoming_rows if o.venue}
    venue_keys |= {o.venue_key for o in related_occurrences if o.venue_id}
    if owner.venue:
        venue_keys.add(owner.venue.translation_key)
    # With the photo and logo the JSON-LD's picture may come from (events/structured_data.py).
    venues = in_locale(PublicSpacePage, venue_keys, locale, related=["image"])
    organiser_pages = [o.partner for o in owner.organisers.select_related("partner__logo")]
    organisers_local = in_locale(
        PartnerPage, {p.translation_key for p in organiser_pages}, locale, related=["logo"]
    )
    category = owner.category
    if category is not None:
        category = categories_in(locale).get(category.translation_key, category)
    venue = venues.get(owner.venue.translation_key) if owner.venue else None
    next_occurrence = next((o for o in upcoming_rows if not o.cancelled), None)
    related = entries(related_occurrences, locale, venues) if related_occurrences else []
    organisers = [
        organisers_local[p.translation_key]
        for p in organiser_pages
        if p.translation_key in organisers_local
    ]
    calendar_index = page.get_parent().specific_deferred
    return {
        "owner": owner,
        "category": category,
        "venue": venue,
        "organisers": organisers,
        "upcoming_dates": [
            {
                "occurrence": o,
                "venue": venues.get(o.venue.translation_key) if o.venue else None,
            }
            for o in upcoming_rows
        ],
        "next_occurrence": next_occurrence,
        "google_calendar_url": google_calendar_url(
            request,
            page,
            owner,
            next_occurrence,
            venues.get(next_occurrence.venue.translation_key)
            if next_occurrence and next_occurrence.venue
            else venue,
        ),
        "related": related,
        "structured_data": event_structured_data(
            request,
            page,
            owner,
            venue,
            organisers,
            next_occurrence,
            image=event_image(owner, [venue, owner.venue], [*organisers[:1], *organiser_pages[:1]]),
        ),
        "calendar_index": calendar_index,
        "feeds": feed_links(request, calendar_index),
        "feed_title": calendar_index.title,
        "language_names": [str(LANGUAGE_LABELS.get(code, code)) for code in owner.languages],
    }


UPCOMING_DATES = 24


def draft_occurrences(page, now):
    """Unsaved Occurrence rows for the page's own (draft) schedule, as a preview shows them."""
    end = now + datetime.timedelta(days=horizon_days())
    rows = occurrence_rows(page, now, end)[:UPCOMING_DATES]
    venues = PublicSpacePage.objects.in_bulk({o.venue_id for o in rows if o.venue_id})
    for row in rows:
        row.venue = venues.get(row.venue_id)
    return rows


def event_ics(request, page):
    """This event as an iCalendar file (issue 5 builds the full feeds on the same code)."""
    if not page.live:
        raise Http404
    response = feed_response(
        request, cached_event_calendar(request, page), "text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.ics"'
    return response
