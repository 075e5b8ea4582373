"""Template helpers of the directory: labels, opening hours, map links and JSON-LD."""

from babel.dates import format_date
from django import template
from django.conf import settings
from django.utils.dates import WEEKDAYS
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from home.languages import babel_locale
from services import opening, structured_data
from services.models import LANGUAGE_LABELS, PARTNER_TYPE_LABELS, PartnerPage, PublicSpacePage

register = template.Library()

MAP_APPS = {
    "amap": _("Amap (Gaode)"),
    "baidu": _("Baidu Maps"),
    "apple": _("Apple Maps"),
    "osm": _("OpenStreetMap"),
}


@register.filter
def language_names(codes):
    """["en", "ko"] -> ["English", "Korean"] in the visitor's language."""
    return [LANGUAGE_LABELS[code] for code in codes or [] if code in LANGUAGE_LABELS]


@register.filter
def partner_type_name(code):
    return PARTNER_TYPE_LABELS.get(code, "")


@register.filter
def weekday_name(number):
    return WEEKDAYS.get(number, "")


@register.filter
def all_day(opens, closes):
    """{% if opens|all_day:closes %}: a period that is the whole day (open 24 hours)."""
    return opening.is_all_day(opens, closes)


@register.filter
def until_midnight(opens, closes):
    """{% if opens|until_midnight:closes %}: 10:00–00:00 or 10:00–23:59, "until midnight"."""
    return opening.closes_at_midnight(opens, closes)


@register.simple_tag
def opens_next(moment, today):
    """ "Opens today at 14:00", "Opens tomorrow at 09:00", "Opens Tue 09:00" (naive, local)."""
    if moment is None:
        return ""
    time = moment.strftime("%H:%M")
    days = (moment.date() - today).days
    if days == 0:
        return gettext("Opens today at %(time)s") % {"time": time}
    if days == 1:
        return gettext("Opens tomorrow at %(time)s") % {"time": time}
    day = format_date(moment.date(), "EEE", locale=babel_locale())
    return gettext("Opens %(day)s %(time)s") % {"day": day, "time": time}


@register.simple_tag
def in_chinese(place, address_field="address"):
    """{name, address} of `place` (a space, partner or service guide) in Chinese, for a reader
    of another language to show a taxi driver or paste into Didi or Amap; None on Chinese
    pages, or when the Chinese page is not live or gives no address."""
    if place is None or get_language() == settings.LANGUAGE_CODE:
        return None
    original = (
        type(place)
        .objects.live()
        .filter(translation_key=place.translation_key, locale__language_code=settings.LANGUAGE_CODE)
        .values("title", address_field)
        .first()
    )
    if not original or not (original[address_field] or "").strip():
        return None
    return {"name": original["title"], "address": original[address_field].strip()}


@register.simple_tag
def map_links(page):
    """[{app, label, url}] for a located page; empty without coordinates."""
    return [
        {"app": link.app, "label": MAP_APPS[link.app], "url": link.url} for link in page.map_links()
    ]


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    request = context["request"]
    if isinstance(page, PublicSpacePage):
        data = structured_data.place(page, request, page.periods(), page.exceptions())
    elif isinstance(page, PartnerPage):
        periods = [row.as_period() for row in page.opening_hours.all()]
        data = structured_data.organisation(page, request, periods)
    else:
        data = structured_data.service(
            page,
            request,
            context.get("category"),
            context.get("space"),
            context.get("periods", ()),
        )
    return structured_data.script_tag(data)
