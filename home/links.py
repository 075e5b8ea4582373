"""Absolute links to pages, built from the request's own scheme and host.

Wagtail's `get_full_url` uses the Site record's hostname, which is right in
production only if an editor set it; the request knows where the visitor is.
"""


def absolute_url(request, page):
    if request is None:
        return page.get_full_url()
    return request.build_absolute_uri(page.get_url(request))
