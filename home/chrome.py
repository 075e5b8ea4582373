"""The header navigation and footer contact details for the active locale.

Both are translatable snippets. A locale without its own complete copy falls back to
the default locale's, so a half-translated site still has a header and footer. Each
process keeps both per language until the content changes (home/versioned.py): every
page shows them, and they cost four queries to build.
"""

from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page

from home import versioned
from home.translations import complete
from home.visibility import live_public


def _for_active_locale(model):
    # A translation with strings still untranslated is skipped: the default locale's
    # copy is shown rather than a half-translated one (home/translations.py). Only the
    # published row: a draft waits for a supervisor's approval.
    rows = {
        obj.locale.language_code: obj
        for obj in complete(model.objects.filter(live=True).select_related("locale")).order_by("pk")
    }
    return rows.get(get_language()) or rows.get(settings.LANGUAGE_CODE)


def navigation_for_request(request):
    """[(label, url, is_current)] for the header, with page links in the visitor's locale."""
    from wagtail.models import Site

    site = Site.find_for_request(request)
    key = ("navigation", get_language(), site.pk if site else None)
    links = versioned.kept(key, lambda: _navigation_links(request))
    return [
        {
            "label": label,
            "url": url,
            "current": request.path == url or (url.count("/") > 2 and request.path.startswith(url)),
        }
        for label, url in links
    ]


def _navigation_links(request):
    """[(label, url)] of the header's links in the active locale, for the request's site."""
    from home.models import NavigationMenu

    menu = _for_active_locale(NavigationMenu)
    if menu is None:
        return []
    links = [block.value for block in menu.items]
    # One query turns every linked page into its translation in the active locale; a link
    # to a page nobody may see (a draft, or behind a view restriction) is left out.
    keys = [link["page"].translation_key for link in links if link["page"]]
    visible = live_public(Page.objects.filter(translation_key__in=keys)).select_related("locale")
    localized, shown_ids = {}, set()
    for page in visible:
        shown_ids.add(page.pk)
        if page.locale.language_code == get_language():
            localized[page.translation_key] = page
    items = []
    for link in links:
        if link["page"]:
            page = localized.get(link["page"].translation_key, link["page"])
            url = page.get_url(request) if page.pk in shown_ids else ""
        else:
            url = link["url"]
        if url:
            items.append((link["label"], url))
    return items


def contact_details_for_request(request):
    from home.models import ContactDetails

    # Read by the footer and by the header's emergency button; kept until the content changes.
    return versioned.kept(("contact", get_language()), lambda: _for_active_locale(ContactDetails))


def emergency_url_for_request(request):
    """Where the header's "Emergency" button leads: the emergency page in the visitor's
    language (else in the default one), or the footer's numbers when there is none."""
    return versioned.kept(("emergency url", get_language()), lambda: _emergency_url(request))


def _emergency_url(request):
    contact = contact_details_for_request(request)
    if contact is None:
        return ""
    fallback = "#footer-emergency-heading" if contact.emergency_numbers else ""
    if contact.emergency_page_id is None:
        return fallback
    key = Page.objects.filter(pk=contact.emergency_page_id).values("translation_key")
    pages = {
        page.locale.language_code: page
        for page in live_public(Page.objects.filter(translation_key__in=key)).select_related(
            "locale"
        )
    }
    page = pages.get(get_language()) or pages.get(settings.LANGUAGE_CODE)
    return page.get_url(request) if page is not None else fallback
