"""Template helpers used across the site."""

import datetime
import re

from babel.lists import format_list
from django import template
from django.utils import timezone
from django.utils.html import format_html

from home import dates
from home.languages import babel_locale, bcp47

register = template.Library()


@register.filter
def html_lang(language_code):
    """ "zh-hans" -> "zh-Hans" for lang and hreflang attributes."""
    return bcp47(language_code or "")


# How a list of names (languages spoken, days) is run together: Chinese puts the
# enumeration comma 、 between words, where a "," would be a typo.
@register.filter
def list_join(items):
    """["中文", "英语", "韩语"] -> "中文、英语和韩语", "Chinese, English and Korean" (CLDR)."""
    shown = [str(item) for item in items or [] if str(item)]
    return format_list(shown, locale=babel_locale()) if shown else ""


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


@register.filter
def machine_datetime(value):
    """A moment for <time datetime>: ISO 8601 on the site's clock, to the second.

    Django's `date:'c'` writes microseconds, six digits where HTML allows three at most.
    """
    if not value:
        return ""
    return timezone.localtime(value).replace(microsecond=0).isoformat()


@register.filter
def long_date(value):
    """23 November 2026 / 2026年11月23日 / 2026년 11월 23일 (a date, or a moment's local date)."""
    return dates.long_date(value) if value else ""


@register.simple_tag
def date_element(value):
    """<time datetime="2026-11-23">23 November 2026</time>, to put inside a translated sentence.

    A moment keeps its time, to the second, in the attribute.
    """
    if not value:
        return ""
    machine = (
        machine_datetime(value)
        if isinstance(value, datetime.datetime)
        else dates.local_date(value).isoformat()
    )
    return format_html('<time datetime="{}">{}</time>', machine, dates.long_date(value))


@register.filter
def is_phone_number(value):
    """ "110", "028-8888 1001", "+86 28 1234 5678": digits with spaces, dashes and a leading +."""
    return bool(re.fullmatch(r"\+?[0-9][0-9 \-]{1,20}[0-9]", str(value or "").strip()))


@register.filter
def initial_character(title):
    """The character a name's avatar shows, in the name's own language: 晨 for 晨光面包房,
    M for Morning Light Bakery, 아 for 아침빛 베이커리."""
    text = str(title or "").strip()
    return text[:1].upper()
