"""Template helpers used across the site."""

from babel.lists import format_list
from django import template

from home.languages import bcp47

register = template.Library()


@register.filter
def html_lang(language_code):
    """ "zh-hans" -> "zh-Hans" for lang and hreflang attributes."""
    return bcp47(language_code or "")


@register.filter
def list_join(items):
    """A list as the visitor's language writes one (CLDR, through Babel).

    "中文、英语和韩语" / "Chinese, English and Korean" / "중국어, 영어 및 한국어":
    a comma would be wrong between Chinese words.
    """
    from events.dates import babel_locale  # the site's language -> Babel locale map

    words = [str(item) for item in items or [] if str(item)]
    return format_list(words, locale=babel_locale()) if words else ""


@register.simple_tag(takes_context=True)
def localized_url(context, page):
    """URL of `page` in the visitor's locale, falling back to the page itself."""
    if page is None:
        return ""
    return page.localized.get_url(context.get("request"))
