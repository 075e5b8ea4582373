"""Finding the page a URL names in two queries, whatever its depth.

Wagtail walks the tree one level at a time: the site, the active locale and the
localized home page, then two queries (the child with that slug, then its specific
row) per level, so an event page costs eight before anything is shown. Here the site
and the home page of each language are kept per content version (home/versioned.py),
and every page on the way is read in one query by its slug, matched on its `url_path`
(Wagtail keeps it current on every move and slug change), then the last one's specific
row.

A page on the way with its own routing (a RoutablePageMixin that answers the rest of
the path itself, or any other `route` override) is left to Wagtail's own walk, as is
anything not found, so what is served and every 404 stay Wagtail's. The route found is
handed to Wagtail's `serve` the way Wagtail caches its own (`_wagtail_route_for_request`):
view restrictions, hooks and the page's `serve` all run as usual.
"""

from django.db.models import Q
from django.http import Http404
from django.utils.translation import get_language
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Locale, Page, Site
from wagtail.views import serve as wagtail_serve

from home import versioned

MAX_KEPT_HOSTS = 100  # Host headers are the visitor's to choose; keep a few, not any number


def site_for_request(request):
    """Wagtail's `Site.find_for_request`, kept per host and port until the content changes."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    sites = versioned.kept("sites by host", dict)
    key = (request._get_raw_host(), request.get_port())
    if key not in sites:
        site = Site.find_for_request(request)
        if len(sites) < MAX_KEPT_HOSTS:
            sites[key] = site
    request._wagtail_site = sites.get(key) or Site.find_for_request(request)
    return request._wagtail_site


def locale_by_id(locale_id):
    return versioned.kept("locales", lambda: {lo.pk: lo for lo in Locale.objects.all()}).get(
        locale_id
    )


def _home_of(site, language):
    """(pk, path, url_path) of the site's home page in `language`, as Wagtail localizes it."""
    homes = versioned.kept("localized homes", dict)
    key = (site.pk, language)
    if key not in homes:
        home = site.root_page.localized
        homes[key] = (home.pk, home.path, home.url_path)
    return homes[key]


def _own_route(page, remaining):
    """Whether `page` would answer `remaining` (path parts) itself rather than by a child."""
    model = page.specific_class or Page
    if model.route is Page.route:
        return False
    if issubclass(model, RoutablePageMixin) and model.route is RoutablePageMixin.route:
        if not page.live:
            return False
        try:
            page.specific_deferred.resolve_subpage("/" + "".join(f"{p}/" for p in remaining))
        except Http404:
            return False
    return True


def find_route(request, path):
    """Wagtail's RouteResult for `path` under the request's site, or None to let Wagtail walk."""
    site = site_for_request(request)
    if site is None or not site.root_page_id:
        return None
    home_pk, home_path, home_url_path = _home_of(site, get_language())
    parts = [part for part in path.split("/") if part]
    prefixes = [home_url_path + "".join(f"{p}/" for p in parts[:n]) for n in range(len(parts) + 1)]
    # By slug, which is indexed (url_path is not), then matched on url_path.
    found = {
        page.url_path: page
        for page in Page.objects.filter(
            Q(pk=home_pk)
            | Q(
                slug__in=parts,
                path__startswith=home_path,
                depth__lte=len(home_path) // Page.steplen + len(parts),
            )
        )
        if page.url_path in prefixes
    }
    chain = []
    for prefix in prefixes:
        page = found.get(prefix)
        if page is None or (chain and page.depth != chain[-1].depth + 1):
            break
        chain.append(page)
    if not chain or chain[0].pk != home_pk:
        return None
    if any(_own_route(page, parts[level:]) for level, page in enumerate(chain[:-1])):
        return None  # a page on the way answers the rest of the path itself
    last = chain[-1]
    remaining = parts[len(chain) - 1 :]
    if remaining and not _own_route(last, remaining):
        return None  # no such child: Wagtail's walk answers 404
    if not remaining and not last.live:
        return None
    page = last.specific
    page._state.fields_cache["locale"] = locale_by_id(page.locale_id) or page.locale
    page._route_ancestors = chain[:-1]
    if len(chain) > 1:
        page._cached_parent_obj = chain[-2]
    try:
        return page.route(request, remaining)
    except Http404:
        return None


def serve(request, path):
    """Wagtail's page view, with the route found by `find_route` when it can."""
    if not hasattr(request, "_wagtail_route_for_request"):
        route = find_route(request, path)
        if route is not None:
            request._wagtail_route_for_request = route
    return wagtail_serve(request, path)
