"""What rarely changes, kept in each process and thrown away when the content changes.

Sites, locales, view restrictions, the header and footer of each locale, the calendar's
filter choices: every request would otherwise read them again (the issue counted a third
of a page's queries there). They are kept in this process's memory under the site's
content version (`SiteVersion`, home/page_cache.py), which goes up in the same transaction
as any change a reader could see, so every process stops using its copy the moment a
change commits. Invalidation is free; the cost is one indexed read of the number, once
per request, which the page cache reads anyway.

Only while a GET or HEAD request is served: a POST may change the content after the
number was read, and code run outside a request (commands, tests) always computes.
Objects kept here are shared by later requests of the process: treat them as read-only.
"""

from contextvars import ContextVar

from django.core.signals import request_finished

_UNREAD = object()
# None: not serving a GET or HEAD request. _UNREAD: serving one, number not read yet.
_version = ContextVar("youlin_site_version", default=None)
_kept = {}  # name -> (version, value)


def begin_request(request, version=None):
    """Called as a request starts (FetchFromPageCacheMiddleware), with the number if read."""
    if request.method in ("GET", "HEAD"):
        _version.set(_UNREAD if version is None else version)
    else:
        _version.set(None)


def end_request(**kwargs):
    _version.set(None)


request_finished.connect(end_request, dispatch_uid="youlin_versioned_end_request")


def current():
    """The content version of the GET request being served (read at most once), else None."""
    version = _version.get()
    if version is _UNREAD:
        from home.models import SiteVersion

        version = SiteVersion.current()
        _version.set(version)
    return version


def kept(name, compute):
    """`compute()`, reused by this process until the content changes."""
    version = current()
    if version is None:
        return compute()
    found = _kept.get(name)
    if found is not None and found[0] == version:
        return found[1]
    value = compute()
    _kept[name] = (version, value)
    return value


def forget():
    """Drop every kept value (tests: a rollback takes the version number back)."""
    _kept.clear()
