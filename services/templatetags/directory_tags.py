"""Template helpers of the directory: labels, opening hours, map links and JSON-LD."""

from django import template
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

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
