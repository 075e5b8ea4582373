"""Date, time and recurrence formatting for event templates, in the visitor's locale."""

import zoneinfo
from zoneinfo import ZoneInfo

from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from events import dates
from home.templatetags.youlin_tags import list_join

register = template.Library()


def _zone(name=None):
    try:
        return ZoneInfo(name or settings.TIME_ZONE)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        return ZoneInfo(settings.TIME_ZONE)


def _local(value, zone=None):
    """`value` on the wall clock of `zone` (an event's own time zone; the site's by default)."""
    if hasattr(value, "tzinfo") and value.tzinfo is not None:
        return timezone.localtime(value, _zone(zone))
    return value


@register.filter
def day_label(value, zone=None):
    return dates.day_label(_local(value, zone)) if value else ""


@register.filter
def long_day(value, zone=None):
    return dates.long_day(_local(value, zone)) if value else ""


@register.filter
def time_label(value, zone=None):
    return dates.time_label(_local(value, zone)) if value else ""


@register.filter
def iso(value, zone=None):
    return _local(value, zone).isoformat() if value else ""


@register.simple_tag
def zone_name(zone):
    """ "United Kingdom Time" / "英国时间" for an event outside the site's zone; else ""."""
    if not zone or zone == settings.TIME_ZONE:
        return ""
    return dates.zone_label(_zone(zone))


@register.filter
def last_day(occurrence, zone=None):
    """The last day an all-day occurrence covers (its end is exclusive)."""
    import datetime

    return (_local(occurrence.end, zone) - datetime.timedelta(seconds=1)).date()


@register.filter
def spans_days(occurrence, zone=None):
    return _local(occurrence.start, zone).date() != last_day(occurrence, zone)


@register.simple_tag
def when_text(occurrence, zone=None):
    """ "19:00–21:00", "All day", or a span over several days, in the event's `zone`."""
    start, end = _local(occurrence.start, zone), _local(occurrence.end, zone)
    if occurrence.all_day:
        last = last_day(occurrence, zone)
        if last != start.date():
            return f"{dates.day_label(start)} – {dates.day_label(last)}"
        return _("All day")
    if start.date() != end.date():
        return (
            f"{dates.day_label(start)} {dates.time_label(start)} – "
            f"{dates.day_label(end)} {dates.time_label(end)}"
        )
    return f"{dates.time_label(start)}–{dates.time_label(end)}"


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
    from events.feeds import feed_links
    from events.models import EventIndexPage

    request = context.get("request")
    if request is None:
        return None
    indexes = request.__dict__.setdefault("_event_indexes", {})
    if page.locale_id not in indexes:
        indexes[page.locale_id] = (
            EventIndexPage.objects.live().filter(locale_id=page.locale_id).first()
        )
    index = indexes[page.locale_id]
    if index is None:
        return None
    return feed_links(request, index, topic=(kind, page.slug))
