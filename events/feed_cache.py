"""Feed bodies in the Django cache, one builder at a time, answered with ETag and 304.

A body is kept under a version number in the database (`FeedsVersion`) that
events/signals.py bumps whenever an event, venue, organiser or category changes, so
several workers and app servers never disagree about which body is current. Responses
carry ETag and Last-Modified and answer `304 Not Modified` to conditional requests, so
polling clients cost almost nothing between changes.
"""

import hashlib
import time

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Max
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from wagtail.models import PageLogEntry

from events.models import EventIndexPage, EventPage, FeedsVersion
from services.models import PartnerPage, PublicSpacePage

BODY_SECONDS = 6 * 3600  # the version bump invalidates sooner; this bounds "upcoming" drift
MAX_AGE = 900  # what browsers and CDNs may reuse without asking again
LOCK_SECONDS = 60  # a build that takes longer (or crashed) lets the next request try
LOCK_WAIT_SECONDS = 5

# Pages whose titles or addresses appear in feeds.
FEED_PAGES = (EventPage, EventIndexPage, PublicSpacePage, PartnerPage)


def feeds_version():
    """The number cached bodies are kept under: one indexed read, shared by every process."""
    return FeedsVersion.current()


def invalidate_feeds():
    """Every cached feed body is stale once the current transaction commits.

    The number is written in the transaction that changes the page, so it commits or rolls
    back with it: a request that read the old data before the commit keeps its body under
    the old number, which no request asks for afterwards.
    """
    FeedsVersion.bump()


# Wagtail's log of what happened to the pages a feed shows. Deletes are logged by the admin's
# DeletePageAction, not by a bare `page.delete()`.
FEED_LOG_ACTIONS = ("wagtail.publish", "wagtail.unpublish", "wagtail.delete", "wagtail.move")


def feeds_changed_at():
    """When a page that feeds show was last published, unpublished, deleted or moved.

    The newest event in a feed is not enough for Last-Modified: when that event
    is unpublished the feed changes but its newest event is older, and a client
    polling with If-Modified-Since would wrongly get 304. The log is in the
    database, so every process and every cache agrees and it never goes back.
    """
    return PageLogEntry.objects.filter(
        content_type__in=ContentType.objects.get_for_models(*FEED_PAGES).values(),
        action__in=FEED_LOG_ACTIONS,
    ).aggregate(newest=Max("timestamp"))["newest"]


def cache_key(*parts):
    """The key of a feed body under the database's current version."""
    digest = hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()
    return f"events:feed:{feeds_version()}:{digest}"


def _claim(key):
    """True for the one process that may build `key` now (cache.add is atomic in Redis too)."""
    return cache.add(f"{key}:building", True, LOCK_SECONDS)


def cached(key, build):
    """A feed body from the cache, built by one process at a time when it is missing.

    When a popular feed is invalidated, the first request builds it and the others wait
    a moment for it rather than all building at once. None of them is ever given a body
    older than the database: after the wait, a request builds the body itself.
    """
    feed = cache.get(key)
    if feed is not None:
        return feed
    if not _claim(key):
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(0.05)
            feed = cache.get(key)
            if feed is not None:
                return feed
    try:
        feed = build()
        cache.set(key, feed, BODY_SECONDS)
    finally:
        cache.delete(f"{key}:building")
    return feed


def etag_of(body):
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def feed_response(request, feed, content_type):
    """The body with validators; a conditional GET that matches gets 304 and no body."""
    response = HttpResponse(feed["body"], content_type=content_type)
    response["ETag"] = feed["etag"]
    stamp = None
    if feed["last_modified"] is not None:
        stamp = int(feed["last_modified"].timestamp())
        response["Last-Modified"] = http_date(stamp)
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    response = get_conditional_response(
        request, etag=feed["etag"], last_modified=stamp, response=response
    )
    # Every calendar app and feed reader asks for gzip: a quarter of the bytes. Django's
    # own compression (it adds `Vary: Accept-Encoding` and weakens the ETag, which the
    # conditional check above compares weakly).
    return GZipMiddleware(lambda request: response).process_response(request, response)
