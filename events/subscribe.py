"""The Subscribe page: every way to follow a calendar (webcal, Google, RSS, Atom) and its links."""

from urllib.parse import urlencode

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
        "rss": links["rss"],
        "atom": links["atom"],
    }


def subscribe(request, index):
    try:
        filters = resolve_filters(request, index)
    except BadFilter:
        return bad_request(request, index, _("That filter does not match anything we know."))
    options = filter_options(index.locale)
    main = subscription(request, index, filters, feed_title(index, filters, options))
    topics = []
    if not filters.active:
        topics = [
            subscription(request, index, Filters(category=slug), name)
            for slug, name in options["category"]
        ]
    context = index.get_context(request)
    context.update(
        {
            "subscription": main,
            "topics": topics,
            "filters": filters,
            "feeds": feed_links(request, index, filters),
            "calendar_url": index.url,
            "view_title": _("Subscribe to the calendar"),
        }
    )
    return TemplateResponse(request, "events/subscribe.html", context)
