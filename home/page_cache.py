"""Anonymous visitors' pages from the cache, invalidated by any content change, on every server.

Django's own two-part cache middleware does the caching (only GET and HEAD, only 200s
that are `public` and set no cookie, keyed by URL and `Vary`); this module gives it a
key prefix that changes with the content. The prefix is a number in the database
(`SiteVersion`), raised in the same transaction as any change a reader could see: a
publish, unpublish, move or delete, a snippet, setting, redirect, image or view
restriction saved. So every worker and every app server stops serving the old page at
the moment the change commits, whatever cache backend each one has (process memory by
default, Redis when `REDIS_URL` is set), and a hit costs one query: reading the number.

Requests from anyone with a session (editors, a visitor who has just logged in to a
private page) are never served from or stored in the cache. What changes with the
clock alone ("open now", "today") is at most `YOULIN_PAGE_CACHE_SECONDS` old, as the
`Cache-Control: max-age` sent to browsers and proxies already allows, except what every
page shows and changes at a known time with nothing published then (an urgent alert's
banner ends): apps register when that happens next (`register_clock_change`), and no
page is kept, here or by a browser or CDN, past that moment (`max_age`).
"""

import math
from contextvars import ContextVar

from django.apps import apps
from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.middleware.cache import FetchFromCacheMiddleware, UpdateCacheMiddleware
from django.utils import timezone
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

from home import versioned

# Bookkeeping that changes nothing a reader sees: drafts, logs, sessions, search entries,
# renditions (made from an image whose own save counts), translation strings (which
# reach the site only when the page or snippet is saved), derived rows and this number.
IGNORED_APPS = {"sessions", "axes", "admin", "contenttypes", "wagtail_localize", "wagtailsearch"}
IGNORED_MODELS = {
    "auth.user",
    "wagtailcore.revision",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.referenceindex",
    "wagtailcore.comment",
    "wagtailcore.pagesubscription",
    "wagtailadmin.editingsession",
    "wagtailadmin.userprofile",
    "wagtailimages.rendition",
    "wagtailforms.formsubmission",
    "events.occurrence",
    "events.feedsversion",
    "home.siteversion",
}

_prefix = ContextVar("youlin_page_cache_prefix", default=None)


def site_version():
    """The content's version number: as this request read it already, else from the database."""
    from home.models import SiteVersion

    number = versioned.current()  # read once per GET request, by the page cache's middleware
    return SiteVersion.current() if number is None else number


def content_changed(**kwargs):
    """Raise the number: every page cached before this change is a miss from now on."""
    from home.models import SiteVersion

    SiteVersion.bump()


def _model_changed(sender, **kwargs):
    meta = getattr(sender, "_meta", None)
    if meta is None or meta.apps is not apps:
        return  # a migration's historical model (its table may not exist yet), or Django's own
    if meta.auto_created and not kwargs.get("action"):
        return
    if meta.app_label in IGNORED_APPS or meta.label_lower in IGNORED_MODELS:
        return
    if kwargs.get("action", "post_").startswith("post_") and not kwargs.get("raw"):
        content_changed()


def connect_receivers():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_model_changed, dispatch_uid=f"youlin_page_cache_{id(signal)}")
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(content_changed, dispatch_uid=f"youlin_page_cache_{id(signal)}")


# Functions of the request giving the next moment (or None) at which something shown on
# every page changes by the clock alone; filled in by higher apps' AppConfig.ready().
CLOCK_CHANGES = []


def register_clock_change(next_change):
    if next_change not in CLOCK_CHANGES:
        CLOCK_CHANGES.append(next_change)


def max_age(request):
    """Seconds a public page may be kept: PAGE_CACHE_SECONDS, or less before a clock change."""
    seconds = settings.YOULIN_PAGE_CACHE_SECONDS
    now = timezone.now()
    for next_change in CLOCK_CHANGES:
        moment = next_change(request)
        if moment is not None:
            seconds = min(seconds, max(0, math.floor((moment - now).total_seconds())))
    return seconds


# Not pages: the admin, documents (served with their own checks) and the load balancer's
# check, which must answer without the database.
NOT_CACHED = ("/admin/", "/documents/", "/healthz")


def _cacheable(request):
    return (
        settings.YOULIN_PAGE_CACHE
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path_info.startswith(NOT_CACHED)
    )


class VersionedKey:
    """Django's cache middleware, with the key prefix of the content's current version."""

    @property
    def key_prefix(self):
        return _prefix.get() or settings.CACHE_MIDDLEWARE_KEY_PREFIX

    @key_prefix.setter
    def key_prefix(self, value):
        pass  # set per request in FetchFromPageCacheMiddleware.process_request


class UpdatePageCacheMiddleware(VersionedKey, UpdateCacheMiddleware):
    """First in MIDDLEWARE: stores what the view answered, under the request's version."""

    def __init__(self, get_response):
        super().__init__(get_response)
        self.cache_timeout = settings.YOULIN_PAGE_CACHE_SECONDS


class FetchFromPageCacheMiddleware(VersionedKey, FetchFromCacheMiddleware):
    """Last in MIDDLEWARE: answers a repeat anonymous request from the cache."""

    def process_request(self, request):
        if not _cacheable(request):
            request._cache_update_cache = False
            _prefix.set(None)
            versioned.begin_request(request)  # read when something kept is first asked for
            return None
        from home.models import SiteVersion

        version = SiteVersion.current()
        versioned.begin_request(request, version)
        _prefix.set(f"{settings.CACHE_MIDDLEWARE_KEY_PREFIX}v{version}")
        return super().process_request(request)
