"""Feed bodies in the Django cache, one builder at a time, answered with ETag and 304.

A body is kept under a version number that events/signals.py bumps whenever an event,
venue, organiser or category changes. Responses carry ETag and Last-Modified and answer
`304 Not Modified` to conditional requests, so polling clients cost almost nothing
between changes.
"""

import hashlib
import time

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models import Max
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from wagtail.models import PageLogEntry

from events.models import EventIndexPage, EventPage
from services.models import PartnerPage, PublicSpacePage

BODY_SECONDS = 6 * 3600  # the version bump invalidates sooner; this bounds "upcoming" drift
MAX_AGE = 900  # what browsers and CDNs may reuse without asking again
VERSION_KEY = "events:feeds:version"
LOCK_SECONDS = 60  # a build that takes longer (or crashed) lets the next request try
LOCK_WAIT_SECONDS = 5

# Pages whose titles or addresses appear in feeds.
FEED_PAGES = (EventPage, EventIndexPage, PublicSpacePage, PartnerPage)


def feeds_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        # Start from the clock, not 1: if only this key was evicted, old bodies stay unused.
        version = int(time.time() * 1000)
        cache.add(VERSION_KEY, version, None)
        version = cache.get(VERSION_KEY, version)
    return version


def _bump():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, int(time.time() * 1000), None)


def invalidate_feeds():
    """Every cached feed body is stale: now, and again once the change is committed.

    The second bump stops a request that read the old data mid-transaction from
    keeping its body under the new version.
    """
    _bump()
    transaction.on_commit(_bump)


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
    """The versioned key of a feed body, and the unversioned key of its last good copy."""
    digest = hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()
    return f"events:feed:{feeds_version()}:{digest}", f"events:feed:stale:{digest}"


def _claim(key):
    """True for the one process that may build `key` now (cache.add is atomic in Redis too)."""
    return cache.add(f"{key}:building", True, LOCK_SECONDS)


def cached(keys, build):
    """A feed body from the cache, built by one process at a time when it is missing.

    When a popular feed expires or is invalidated, the first request builds it;
    the others are given the last good copy meanwhile (stale-while-revalidate),
    or, with none, wait a moment for the new one rather than all building at once.
    """
    key, stale_key = keys
    feed = cache.get(key)
    if feed is not None:
        return feed
    if not _claim(key):
        stale = cache.get(stale_key)
        if stale is not None:
            return stale
        deadline = time.monotonic() + LOCK_WAIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(0.05)
            feed = cache.get(key)
            if feed is not None:
                return feed
    try:
        feed = build()
        cache.set_many({key: feed, stale_key: feed}, BODY_SECONDS)
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
    return get_conditional_response(
        request, etag=feed["etag"], last_modified=stamp, response=response
    )
