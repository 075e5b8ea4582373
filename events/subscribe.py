"""The Subscribe page: every way to follow a calendar (webcal, Google, Outlook, RSS, Atom).

The visitor picks what to follow (everything, a category, a venue or an organiser) and
the page shows one block of links for that, rather than one per category.
"""

from urllib.parse import urlencode

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from events.errors import bad_request
from events.feeds import feed_title, feed_url, resolve_filters
from events.queries import BadFilter, Filters, filter_options


def feed_links(request, index, filters=None, topic=None):
    """Absolute URLs of a calendar's feeds (with its filters) and of its Subscribe page."""
    if topic is not None:
        filters = Filters(**{topic[0]: topic[1]})
    query = urlencode(filters.as_query()) if filters is not None else ""
    subscribe = index.sub_url("subscribe_view")
    return {
        "ics": feed_url(request, index, "ics", filters, topic),
        "rss": feed_url(request, index, "rss", filters, topic),
        "atom": feed_url(request, index, "atom", filters, topic),
        "subscribe": f"{subscribe}?{query}" if query else subscribe,
    }


def subscription(request, index, filters, title):
    """Every way to follow one feed: webcal, Google Calendar, the plain URL, RSS and Atom."""
    links = feed_links(request, index, filters)
    https = links["ics"]
    webcal = "webcal://" + https.split("://", 1)[1]
    return {
        "title": title,
        "url": https,
        "webcal": webcal,
        "google": "https://calendar.google.com/calendar/r?" + urlencode({"cid": webcal}),
        # Google is blocked in mainland China; Outlook's web apps subscribe in one click too.
        "outlook": "https://outlook.live.com/calendar/0/addfromweb?"
        + urlencode({"url": https, "name": title}),
        "office": "https://outlook.office.com/calendar/0/addfromweb?"
        + urlencode({"url": https, "name": title}),
        "rss": links["rss"],
        "atom": links["atom"],
    }


PICKABLE = ("category", "venue", "organiser")


def choices(options):
    """[(group label, [(value, label)])] for the "What to follow" picker."""
    labels = {
        "category": _("A kind of event"),
        "venue": _("A venue"),
        "organiser": _("An organiser"),
    }
    return [
        (labels[kind], [(f"{kind}:{slug}", name) for slug, name in options[kind]])
        for kind in PICKABLE
        if options[kind]
    ]


def subscribe(request, index):
    follow = request.GET.get("follow")
    if follow is not None:
        # The picker's choice, as the calendar's own filter in the address (no JavaScript).
        kind, _sep, slug = follow.partition(":")
        query = urlencode({kind: slug}) if kind in PICKABLE and slug else ""
        target = index.sub_url("subscribe_view")
        return HttpResponseRedirect(f"{target}?{query}" if query else target)
    try:
        filters = resolve_filters(request, index)
    except BadFilter:
        return bad_request(request, index, _("That filter does not match anything we know."))
    options = filter_options(index.locale)
    main = subscription(request, index, filters, feed_title(index, filters, options))
    picked = next(
        (f"{kind}:{getattr(filters, kind)}" for kind in PICKABLE if getattr(filters, kind)), ""
    )
    context = index.get_context(request)
    context.update(
        {
            "subscription": main,
            "choices": choices(options),
            "picked": picked,
            "filters": filters,
            "breadcrumb_here": _("Subscribe to the calendar"),
            "feeds": feed_links(request, index, filters),
            "calendar_url": index.url,
            "view_title": _("Subscribe to the calendar"),
        }
    )
    return TemplateResponse(request, "events/subscribe.html", context)
