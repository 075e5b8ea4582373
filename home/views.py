"""Views that are not Wagtail pages: the root redirect, robots.txt, error pages."""

import mimetypes
import re

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse, HttpResponseRedirect
from django.template import loader
from django.templatetags.static import static
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe

from home.languages import home_language_links, negotiate_language
from home.middleware import PUBLIC_POLICY, csp, inline_hash


@require_safe
def root_redirect(request):
    """`/` -> the visitor's language: remembered choice, then Accept-Language, then English."""
    language = negotiate_language(request)
    response = HttpResponseRedirect(f"/{language}/")
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    patch_cache_control(response, public=True, max_age=3600)
    return response


@require_safe
def robots_txt(request):
    sitemap_url = request.build_absolute_uri("/sitemap.xml")
    body = "\n".join(
        [
            "User-agent: *",
            "Disallow: /admin/",
            "Disallow: /*?untranslated=",
            *(f"Disallow: {path}" for path in settings.ROBOTS_DISALLOW),
            "",
            f"Sitemap: {sitemap_url}",
            "",
        ]
    )
    return HttpResponse(body, content_type="text/plain; charset=utf-8")


@require_safe
def media(request, path):
    """Uploaded files and renditions straight from the default storage.

    Only routed when SERVE_MEDIA is on (development, tests, a single small server);
    production puts media on S3-style storage or behind the web server instead.
    """
    if ".." in path.split("/") or not default_storage.exists(path):
        raise Http404(path)
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = FileResponse(default_storage.open(path), content_type=content_type)
    # Renditions and uploads get new names when they change.
    patch_cache_control(response, public=True, max_age=7 * 24 * 3600)
    return response


def healthz(request):
    """Load-balancer check: the process answers (no database round-trip)."""
    return HttpResponse("ok", content_type="text/plain")


def _error_page(request, status):
    """`<status>.html` in the visitor's language, with a way back to each locale's home page."""
    template = loader.get_template(f"{status}.html")
    context = {"language_links": home_language_links(request), "request_path": request.path}
    return HttpResponse(template.render(context, request), status=status)


def page_not_found(request, exception=None):
    """A 404: the page does not exist, or is not public."""
    return _error_page(request, 404)


def bad_request(request, exception=None):
    """A 400: a form or request with a part missing."""
    return _error_page(request, 400)


def server_error(request):
    """A 500 that needs no database: the language comes from the URL or the browser."""
    language = translation.get_language_from_path(request.path_info) or negotiate_language(request)
    with translation.override(language):
        template = loader.get_template("500.html")
        body = template.render(
            {"LANGUAGE_CODE": language, "language_links": home_language_links(request)}
        )
    response = HttpResponse(body, status=500)
    # The page carries its one small stylesheet inline, so it shows even when static files
    # are what failed; the strict policy allows exactly that stylesheet.
    style = re.search(r"<style>(.*?)</style>", body, re.DOTALL)
    if style:
        response["Content-Security-Policy"] = csp(PUBLIC_POLICY, style_src=[inline_hash(style[1])])
    return response


@require_safe
def favicon(request):
    """`/favicon.ico`, which browsers and feed readers ask for whatever the page's <link> says."""
    response = HttpResponseRedirect(static("icons/favicon.ico"))
    patch_cache_control(response, public=True, max_age=24 * 3600)
    return response
