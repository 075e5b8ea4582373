"""Template context shared by every page: the locale's navigation and contact details."""

from django.utils.functional import SimpleLazyObject


def site_chrome(request):
    from home.chrome import (
        contact_details_for_request,
        emergency_url_for_request,
        navigation_for_request,
    )

    return {
        "navigation": SimpleLazyObject(lambda: navigation_for_request(request)),
        "contact": SimpleLazyObject(lambda: contact_details_for_request(request)),
        "emergency_url": SimpleLazyObject(lambda: emergency_url_for_request(request)),
    }
