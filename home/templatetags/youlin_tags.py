"""Template helpers used across the site."""

from django import template

from home.languages import bcp47

register = template.Library()


@register.filter
def html_lang(language_code):
    """ "zh-hans" -> "zh-Hans" for lang and hreflang attributes."""
    return bcp47(language_code or "")


@register.simple_tag(takes_context=True)
def localized_url(context, page):
    """URL of `page` in the visitor's locale, falling back to the page itself."""
    if page is None:
        return ""
    return page.localized.get_url(context.get("request"))
