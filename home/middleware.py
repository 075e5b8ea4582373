"""Request/response middleware: language negotiation and cache headers for public pages."""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers

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


class PublicCacheHeadersMiddleware:
    """Let a CDN or page cache serve anonymous visitors.

    A successful GET of a public page by an anonymous visitor, with no cookie
    being set, becomes `Cache-Control: public, max-age=N`. Anything personal
    (a logged-in editor, a response that sets a cookie) is marked private.
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
        personal = bool(response.cookies) or (user is not None and user.is_authenticated)
        if personal:
            patch_cache_control(response, private=True, no_cache=True)
        elif response.status_code in (200, 301, 404):
            patch_cache_control(response, public=True, max_age=settings.YOULIN_PAGE_CACHE_SECONDS)
        patch_vary_headers(response, ("Cookie",))
        return response
