"""sitemap.xml for every locale, each URL listing its translations as xhtml:link alternates.

Wagtail's own sitemap lists only the default site tree, so this one walks all
live, public pages of every locale in one query and groups them by translation key.
"""

from collections import defaultdict

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe
from wagtail.models import Page

from home.languages import bcp47
from home.links import absolute_url
from home.visibility import live_public


@require_safe
def sitemap_xml(request):
    pages = (
        live_public(Page.objects.filter(depth__gt=1))
        .select_related("locale")
        .only(
            "id",
            "url_path",
            "translation_key",
            "last_published_at",
            "locale__language_code",
            "depth",
            "path",
        )
        .order_by("path")
    )
    by_key = defaultdict(list)
    entries = []
    for page in pages:
        url = absolute_url(request, page)
        if not url:
            continue
        entry = {
            "home": page.depth == 2,
            "loc": url,
            "lastmod": page.last_published_at,
            "key": page.translation_key,
            "code": page.locale.language_code,
        }
        by_key[page.translation_key].append(entry)
        entries.append(entry)

    language_order = [code for code, _ in settings.LANGUAGES]
    for entry in entries:
        siblings = sorted(by_key[entry["key"]], key=lambda e: language_order.index(e["code"]))
        entry["alternates"] = [{"hreflang": bcp47(s["code"]), "href": s["loc"]} for s in siblings]
        fallback = next(
            (s for s in siblings if s["code"] == settings.YOULIN_FALLBACK_LANGUAGE), siblings[0]
        )
        # Home pages too: `/` redirects, and an alternate must not (as the pages' own x-default).
        entry["x_default"] = fallback["loc"]

    response = TemplateResponse(
        request, "sitemap.xml", {"entries": entries}, content_type="application/xml; charset=utf-8"
    )
    patch_cache_control(response, public=True, max_age=3600)
    return response
