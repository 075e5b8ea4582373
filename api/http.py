"""HTTP around the API's answers: validators from the site's version number, 304, CORS, gzip.

An answer's ETag is computed before any work from what decides the answer: the
content's version number (`home.models.SiteVersion`, raised in the same transaction
as any change a reader could see), the URL with its query, the language and, for
answers that depend on the clock, the day or the minute. So an app polling for changes
gets its `304 Not Modified` for one indexed read. Last-Modified is when this server
first gave that ETag: never earlier than the change that made it, so a client asking
with If-Modified-Since is told "not modified" only when nothing has changed.
"""

import datetime
import hashlib
import time
from functools import wraps

from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date

from api.params import language_of, site_zone
from home.models import SiteVersion

API_PREFIX = "/api/"
MAX_AGE = 60  # what browsers and CDNs may reuse without asking again
SEEN_SECONDS = 30 * 24 * 3600
FORMAT_VERSION = "1"  # change when the shape of the answers changes


def clock_part(granularity):
    """The part of an answer the clock decides: today's date in Beijing, or this minute."""
    now = timezone.localtime(timezone.now(), site_zone())
    if granularity == "minute":
        return now.strftime("%Y-%m-%dT%H:%M")
    return now.date().isoformat()


def entity_tag(request, granularity, extra=()):
    parts = [
        FORMAT_VERSION,
        SiteVersion.current(),
        *extra,
        language_of(request, request.GET.get("locale")),
        request.get_full_path(),
        clock_part(granularity),
    ]
    digest = hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()
    return f'"{digest[:32]}"'


def first_seen(etag):
    """The time (seconds) this ETag was first given, kept in the cache shared by the workers."""
    key = f"api:seen:{etag}"
    stamp = cache.get(key)
    if stamp is None:
        cache.add(key, int(time.time()), SEEN_SECONDS)
        stamp = cache.get(key) or int(time.time())
    return stamp


def conditional(granularity="day", versions=None):
    """Decorate an API view: validators, 304, caching headers, gzip.

    `granularity` is "day" or "minute": how often the clock alone changes the answer.
    `versions` is a function returning more version parts (one query each at most).
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            extra = versions() if versions else ()
            etag = entity_tag(request, granularity, extra)
            stamp = first_seen(etag)
            headers = HttpResponse()
            set_validators(headers, etag, stamp)
            answer = get_conditional_response(
                request, etag=etag, last_modified=stamp, response=headers
            )
            if answer is not headers:
                return answer
            response = view(request, *args, **kwargs)
            if response.status_code == 200:
                set_validators(response, etag, stamp)
            return GZipMiddleware(lambda request: response).process_response(request, response)

        return wrapper

    return decorator


def set_validators(response, etag, stamp):
    response["ETag"] = etag
    response["Last-Modified"] = http_date(stamp)
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    patch_vary_headers(response, ("Accept-Language",))


def isoformat(value):
    """An aware datetime as ISO 8601 with its offset, to the second."""
    if value is None:
        return None
    return value.replace(microsecond=0).isoformat()


def local_isoformat(value, zone):
    return isoformat(timezone.localtime(value, zone)) if value else None


def today():
    return timezone.localtime(timezone.now(), site_zone()).date()


def start_of(day):
    return datetime.datetime.combine(day, datetime.time(0), site_zone())


class CrossOriginMiddleware:
    """Any web page may read the API (`Access-Control-Allow-Origin: *`), and ask before it does.

    First in MIDDLEWARE, so that answers from the page cache and 304s carry the headers
    too. Only GET is offered: the API changes nothing, and sends no cookie.
    """

    ALLOW_HEADERS = "Accept, Accept-Language, If-None-Match, If-Modified-Since"
    EXPOSE_HEADERS = "ETag, Last-Modified, Content-Language"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers:
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, OPTIONS"
            response["Access-Control-Allow-Headers"] = self.ALLOW_HEADERS
            response["Access-Control-Max-Age"] = "86400"
        else:
            response = self.get_response(request)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = self.EXPOSE_HEADERS
        return response
