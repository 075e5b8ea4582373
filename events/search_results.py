"""An event's next date under its search result (registered with search.queries in EventsConfig)."""

from django.utils import timezone

from events.dates import day_label, on_clock, time_label


def next_dates(pages):
    """{page id: "Sat 16 Jan 19:00"} for the events among `pages` that have a date to come."""
    from events.models import EventPage, Occurrence

    events = {p.translation_key: p.pk for p in pages if isinstance(p, EventPage)}
    if not events:
        return {}
    zones = {p.translation_key: p.timezone for p in pages if isinstance(p, EventPage)}
    found = {}
    upcoming = (
        Occurrence.objects.visible()
        .filter(translation_key__in=events, end__gt=timezone.now())
        .order_by("start")
        .values_list("translation_key", "start", "all_day")
    )
    for key, start, all_day in upcoming:
        if events[key] in found:
            continue
        start = on_clock(start, zones.get(key))
        found[events[key]] = (
            day_label(start) if all_day else f"{day_label(start)} {time_label(start)}"
        )
    return found
