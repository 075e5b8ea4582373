"""Template helpers used across the site."""

from django import template
from django.utils.html import format_html

from home.languages import bcp47

register = template.Library()


@register.filter
def html_lang(language_code):
    """ "zh-hans" -> "zh-Hans" for lang and hreflang attributes."""
    return bcp47(language_code or "")


@register.simple_tag
def in_language(text, language_code):
    """`text` in a <span lang>, for a fragment whose language differs from the page's.

    Screen readers then switch voice and browsers pick that script's font, e.g. an English
    page title quoted in a Korean sentence. The result is safe to pass to blocktranslate.
    """
    return format_html('<span lang="{}">{}</span>', bcp47(language_code or ""), text)


@register.simple_tag(takes_context=True)
def localized_url(context, page):
    """URL of `page` in the visitor's locale, falling back to the page itself."""
    if page is None:
        return ""
    return page.localized.get_url(context.get("request"))
