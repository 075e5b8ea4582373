"""URL configuration.

Everything readers see lives under a language prefix (/zh-hans/, /en/, /ko/);
`/`, the sitemap, robots.txt, the JSON API, the admin and documents do not.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from api.urls import api, unknown_address
from editorial.guard import GuardedUpdateTranslationsView, convert_to_alias_if_allowed
from home import routing
from home import views as home_views
from home.sitemap import sitemap_xml
from search import views as search_views

urlpatterns = [
    path("", home_views.root_redirect, name="root"),
    path("robots.txt", home_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_xml, name="sitemap"),
    path("healthz", home_views.healthz, name="healthz"),
    # The public JSON API, outside the language prefixes: ?locale= picks the language.
    path("api/v3/", api.urls),
    re_path(r"^api/(?P<rest>.*)$", unknown_address),
    path("favicon.ico", home_views.favicon, name="favicon"),
    # wagtail-localize's "Sync translated pages", guarded so that "Publish immediately"
    # publishes no untranslated text, and only where the user may publish
    # (editorial/guard.py). Listed before the admin so they take over the same URLs.
    path(
        "admin/localize/update/<int:translation_source_id>/",
        require_admin_access(GuardedUpdateTranslationsView.as_view()),
        name="editorial_update_translations",
    ),
    # Converting a translation to an alias publishes the source's text in its place.
    path(
        "admin/localize/page/<int:page_id>/convert_to_alias/",
        require_admin_access(convert_to_alias_if_allowed),
        name="editorial_convert_to_alias",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.SERVE_MEDIA and settings.MEDIA_URL.startswith("/"):
    urlpatterns.append(path(f"{settings.MEDIA_URL[1:]}<path:path>", home_views.media, name="media"))

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    # Wagtail's page tree must come last: it catches every remaining path. Its pages are
    # found in two queries (home/routing.py), then served by Wagtail's own view.
    *[url for url in wagtail_urls.urlpatterns if url.name != "wagtail_serve"],
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    prefix_default_language=True,
)

handler400 = "home.views.bad_request"
handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
