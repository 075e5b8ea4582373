"""The search results page (/<lang>/search/?q=) and the search box's suggestions (JSON)."""

from urllib.parse import urlencode

from django.conf import settings
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_safe
from wagtail.models import Locale

from home.languages import LanguageLink, LanguageLinks, bcp47
from home.listing import page_of
from search.queries import RESULTS_PER_PAGE, Search, suggestions
from search.text import MAX_QUERY_LENGTH


def _query_text(request):
    # Cap before any work: a 5,000-character query costs what a 200-character one does.
    return request.GET.get("q", "")[: MAX_QUERY_LENGTH * 2]


def _language_links(query_string):
    """The same search in each language (pages differ, the words may still match)."""
    current = get_language()
    suffix = f"?{query_string}" if query_string else ""
    links = [
        LanguageLink(code, bcp47(code), name, f"/{code}/search/{suffix}", True, code == current)
        for code, name in settings.LANGUAGES
    ]
    return LanguageLinks(links, reverse("root"))


@require_safe
def search(request):
    search = Search(_query_text(request), Locale.get_active(), request.GET.get("type"))
    page_obj = page_of(request, search.results, RESULTS_PER_PAGE)
    paginator = page_obj.paginator
    # 1 … 4 5 [6] 7 8 … 12: every page number would not fit on a phone.
    page_range = paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1)
    params = {"q": search.text}
    if search.kind:
        params["type"] = search.kind
    context = {
        "search": search,
        "search_query": search.text,
        "page_obj": page_obj,
        "page_range": page_range,
        "hits": search.hits(page_obj.object_list, request),
        "query_params": urlencode({"q": search.text}),
        "language_links": _language_links(urlencode(params) if search.text else ""),
    }
    return TemplateResponse(request, "search/search.html", context)


@require_safe
def suggest(request):
    """Up to eight pages whose titles match what is being typed: {"suggestions": [...]}."""
    items = suggestions(_query_text(request), Locale.get_active(), request)
    return JsonResponse({"suggestions": items}, json_dumps_params={"ensure_ascii": False})
