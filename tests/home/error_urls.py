"""A URLconf for the 500 tests: the site's own patterns plus views that raise."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def explode(request):
    raise RuntimeError("boom: a deliberate failure for the 500 page tests")


urlpatterns = [
    path("explode/", explode),
    *i18n_patterns(path("explode/", explode), prefix_default_language=True),
    *site_urlpatterns,
]

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
