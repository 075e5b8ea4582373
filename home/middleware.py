"""Request/response middleware: language negotiation, cache and security headers."""

import base64
import hashlib
from urllib.parse import urlsplit

from django.conf import settings
from django.http import Http404
from django.middleware.locale import LocaleMiddleware
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.datastructures import MultiValueDictKeyError

from home.languages import negotiate_language


class VisitorLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, but a path without a language prefix gets our negotiation.

    Django falls back to LANGUAGE_CODE (Chinese); we want Korean browsers on /ko/,
    Chinese ones on /zh-hans/ and everyone else on /en/. Prefixed paths keep
    Django's behaviour, and the redirect it issues for unprefixed paths carries
    `Vary: Accept-Language, Cookie`.
    """

    def process_request(self, request):
        language = translation.get_language_from_path(request.path_info)
        if not language:
            language = negotiate_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()

    def process_response(self, request, response):
        # Django redirects a 404 outside the language prefixes to /<language>/… when a page
        # could be there; a JSON API's "not found" is the answer itself, not a page to find.
        if response.status_code == 404 and not response.get("Content-Type", "").startswith(
            "text/html"
        ):
            return response
        return super().process_response(request, response)


class IncompleteRequestMiddleware:
    """A form or API call with a field missing is a 400, not a 500.

    Django's `request.POST["x"]` raises MultiValueDictKeyError when a client leaves
    out a part a view expects, and some views read their data that way (a StreamField's
    "-count", wagtail-localize's "value" and "file"). Those views read the key before
    they write anything, so the visitor can be told that nothing was saved.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, MultiValueDictKeyError):
            from home.views import bad_request  # home.views imports this module's helpers

            return bad_request(request, exception)
        return None


class SiteNotFoundPageMiddleware:
    """With DEBUG on, a missing page still gets the site's own translated 404.

    Django's technical 404 (URL patterns, settings) is for developers; someone trying the
    demo should see what visitors see. `DEBUG_404=true` brings Django's page back. With
    DEBUG off Django renders `handler404` itself and this does nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def _active(self):
        return settings.DEBUG and not getattr(settings, "DEBUG_404", False)

    def __call__(self, request):
        if self._active():
            # An unmatched URL raises before any view runs, out of process_exception's reach.
            try:
                resolve(request.path_info, getattr(request, "urlconf", None))
            except Resolver404:
                return self._not_found(request)
        return self.get_response(request)

    def process_exception(self, request, exception):
        if self._active() and isinstance(exception, Http404):
            return self._not_found(request)
        return None

    @staticmethod
    def _not_found(request):
        from home.views import page_not_found  # home.views imports this module's helpers

        return page_not_found(request)


class PublicCacheHeadersMiddleware:
    """Let a CDN or page cache serve anonymous visitors.

    A successful GET of a public page by an anonymous visitor, with no cookie
    being set, becomes `Cache-Control: public, max-age=N`. Anything personal
    (a logged-in editor, a response that sets a cookie or will get a CSRF cookie) is
    marked private.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD") or request.path_info.startswith("/admin/"):
            return response
        if response.has_header("Cache-Control"):
            return response
        user = getattr(request, "user", None)
        personal = (
            bool(response.cookies)
            # A form's CSRF token: its cookie is set later, by CsrfViewMiddleware above us.
            or request.META.get("CSRF_COOKIE_NEEDS_UPDATE", False)
            or (user is not None and user.is_authenticated)
        )
        if personal:
            patch_cache_control(response, private=True, no_cache=True)
        elif response.status_code in (200, 301, 404):
            from home.page_cache import max_age  # page_cache imports wagtail's signals

            patch_cache_control(response, public=True, max_age=max_age(request))
        patch_vary_headers(response, ("Cookie",))
        return response


# Public pages load only our own scripts, styles, fonts and images (JSON-LD is data, not
# script, so CSP leaves it alone); nothing may frame them, and forms post to us.
PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
}
# Wagtail's admin has inline scripts and styles of its own, so the strict policy is only
# reported there (in the browser's console); what it does keep to is enforced.
ADMIN_ENFORCED = "object-src 'none'; base-uri 'self'; frame-ancestors 'self'; form-action 'self'"
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def csp(policy, **extra):
    """`policy` as a header value; `extra` adds sources (`style_src=["'sha256-…'"]`)."""
    directives = {name: list(sources) for name, sources in policy.items()}
    for name, sources in extra.items():
        directives[name.replace("_", "-")] += sources
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def inline_hash(text):
    """The CSP source that allows exactly this inline <style> or <script> body."""
    digest = hashlib.sha256(text.encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


def media_origins():
    """Where uploaded images come from when they are not on this host (S3, a CDN)."""
    origins = []
    if urlsplit(settings.MEDIA_URL).netloc:
        origins.append(settings.MEDIA_URL)
    options = settings.STORAGES["default"].get("OPTIONS", {})
    if options.get("custom_domain"):
        origins.append(f"https://{options['custom_domain']}")
    elif options.get("endpoint_url"):
        endpoint = urlsplit(options["endpoint_url"])
        # Path-style (endpoint/bucket/key) and virtual-hosted (bucket.endpoint/key) addresses.
        origins.append(f"{endpoint.scheme}://{endpoint.netloc}")
        origins.append(f"{endpoint.scheme}://{options['bucket_name']}.{endpoint.netloc}")
    elif options.get("bucket_name"):
        origins.append(f"https://{options['bucket_name']}.s3.amazonaws.com")
        if options.get("region_name"):
            region = options["region_name"]
            origins.append(f"https://{options['bucket_name']}.s3.{region}.amazonaws.com")
    return [f"{urlsplit(o).scheme}://{urlsplit(o).netloc}" for o in origins]


class SecurityHeadersMiddleware:
    """A strict Content-Security-Policy on public pages, a reported one in the admin.

    Also Cross-Origin-Opener-Policy and a Permissions-Policy that turns off the camera,
    microphone, location and payment APIs no page uses. A view that sets its own
    Content-Security-Policy (the 500 page, for its one inline style) keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = csp(PUBLIC_POLICY, img_src=media_origins())

    def __call__(self, request):
        response = self.get_response(request)
        headers = response.headers
        if request.path_info.startswith(ADMIN_PREFIXES):
            headers.setdefault("Content-Security-Policy", ADMIN_ENFORCED)
            headers.setdefault("Content-Security-Policy-Report-Only", self.policy)
        else:
            headers.setdefault("Content-Security-Policy", self.policy)
        headers.setdefault("Cross-Origin-Opener-Policy", "same-origin")
        headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
