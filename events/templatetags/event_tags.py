"""Date, time and recurrence formatting for event templates, in the visitor's locale."""

from django import template
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from events import dates
from events.models import EventIndexPage
from events.queries import upcoming_at_venue, upcoming_by_organiser, upcoming_entries
from events.subscribe import feed_links
from home import versioned
from home.templatetags.youlin_tags import list_join
from home.visibility import live_public

register = template.Library()


@register.filter
def day_label(value, zone=None):
    return dates.day_label(dates.on_clock(value, zone)) if value else ""


@register.filter
def long_day(value, zone=None):
    return dates.long_day(dates.on_clock(value, zone)) if value else ""


@register.filter
def time_label(value, zone=None):
    return dates.time_label(dates.on_clock(value, zone)) if value else ""


@register.filter
def iso(value, zone=None):
    return dates.on_clock(value, zone).isoformat() if value else ""


@register.simple_tag
def zone_name(zone):
    """ "United Kingdom Time" / "英国时间" for an event outside the site's zone; else ""."""
    if not zone or zone == settings.TIME_ZONE:
        return ""
    return dates.zone_label(dates.event_zone(zone))


last_day = register.filter(dates.last_day)
when_text = register.simple_tag(dates.when_text)
new_date_text = register.simple_tag(dates.new_date_text)


@register.filter
def spans_days(occurrence, zone=None):
    return dates.on_clock(occurrence.start, zone).date() != last_day(occurrence, zone)


@register.simple_tag
def repeat_text(owner):
    """How an event repeats, in words: "Every week on Saturday", "Every 2 months"."""
    if not owner.repeat:
        return ""
    n = owner.repeat_interval or 1
    if owner.repeat == "daily":
        text = _("Every day") if n == 1 else _("Every %(n)s days") % {"n": n}
    elif owner.repeat == "weekly":
        import datetime

        monday = datetime.date(2024, 1, 1)
        days = [int(d) for d in (owner.repeat_weekdays or "").split(",") if d.isdigit()] or [
            owner.start_date.weekday()
        ]
        names = list_join(
            [dates.weekday_long(monday + datetime.timedelta(days=d)) for d in sorted(days)]
        )
        if n == 1:
            text = _("Every week on %(days)s") % {"days": names}
        else:
            text = _("Every %(n)s weeks on %(days)s") % {"n": n, "days": names}
    else:
        text = _("Every month") if n == 1 else _("Every %(n)s months") % {"n": n}
    if owner.repeat_until:
        text = _("%(rule)s until %(date)s") % {
            "rule": text,
            "date": dates.long_day(owner.repeat_until),
        }
    elif owner.repeat_count:
        text += " " + ngettext("(%(n)s time)", "(%(n)s times)", owner.repeat_count) % {
            "n": owner.repeat_count
        }
    return text


@register.filter
def with_query(url, query):
    return f"{url}?{query}" if query else url


@register.simple_tag(takes_context=True)
def topic_feeds(context, page, kind):
    """Feed URLs of the calendar narrowed to a venue or organiser page (one query a request)."""
    request = context.get("request")
    if request is None:
        return None
    indexes = request.__dict__.setdefault("_event_indexes", {})
    if page.locale_id not in indexes:
        indexes[page.locale_id] = live_public(
            EventIndexPage.objects.filter(locale_id=page.locale_id)
        ).first()
    index = indexes[page.locale_id]
    if index is None:
        return None
    return feed_links(request, index, topic=(kind, page.slug))


@register.simple_tag
def upcoming_events(page, held_as=""):
    """The next events of a home page's locale, or those at a venue or by an organiser.

    Venues and organisers are the directory's pages, which know nothing of events:
    their templates ask here. Kept on the page, so the head and body share one lookup.
    """
    found = page.__dict__.setdefault("_upcoming_events", {})
    if held_as not in found:
        if held_as == "venue":
            found[held_as] = upcoming_at_venue(page)
        elif held_as == "organiser":
            found[held_as] = upcoming_by_organiser(page)
        else:
            found[held_as] = upcoming_entries(page.locale, limit=5)
    return found[held_as]


@register.simple_tag
def calendar_of(home_page):
    """The live calendar under a home page, or None (kept until the content changes)."""
    return versioned.kept(
        ("calendar of", home_page.pk),
        lambda: live_public(EventIndexPage.objects.child_of(home_page)).first(),
    )
