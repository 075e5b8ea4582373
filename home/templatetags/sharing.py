"""What a page gives to be shared and printed: Open Graph tags and a QR code of its address.

Open Graph is what WeChat, KakaoTalk, Facebook, Slack and mail clients read to show a card
for a link: the title, a line of description, a picture and the page's language with the
languages it also exists in. The QR code is printed on notices for the board (segno,
inline SVG: no request to another host, no picture to make).
"""

import segno
from django import template
from django.templatetags.static import static
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

register = template.Library()

# Open Graph writes locales as language_TERRITORY.
OG_LOCALES = {"zh-hans": "zh_CN", "en": "en_GB", "ko": "ko_KR"}


def description_of(page):
    """The page's own one-line description: its search description, summary, intro or lead."""
    for name in ("search_description", "summary", "intro", "lead"):
        text = getattr(page, name, "") or ""
        if text.strip():
            return " ".join(text.split())[:200]
    return ""


def share_image_url(page, request):
    picture = page.share_picture() if hasattr(page, "share_picture") else None
    if picture is not None:
        image, sizes = picture
        return request.build_absolute_uri(sizes.rendition(image).url), None
    return request.build_absolute_uri(static("icons/share.png")), (1200, 630)


@register.simple_tag(takes_context=True)
def open_graph(context):
    """<meta property="og:…"> for the page being shown (or the site, on other views)."""
    request = context.get("request")
    if request is None:
        return ""
    page = context.get("page")
    site_name = _("Youlin")
    title = (getattr(page, "seo_title", "") or getattr(page, "title", "")) if page else ""
    description = description_of(page) if page else ""
    if not description:
        description = _("Shuangbai International Community")
    image, size = share_image_url(page, request)
    language = get_language()
    tags = [
        ("og:site_name", site_name),
        ("og:type", "website"),
        ("og:title", title or site_name),
        ("og:description", description),
        ("og:url", request.build_absolute_uri()),
        ("og:image", image),
    ]
    if size:
        tags += [("og:image:width", str(size[0])), ("og:image:height", str(size[1]))]
    tags.append(("og:locale", OG_LOCALES.get(language, "en_GB")))
    links = context.get("language_links")
    others = [link.code for link in links.alternates] if links else []
    tags += [
        ("og:locale:alternate", OG_LOCALES[code])
        for code in others
        if code != language and code in OG_LOCALES
    ]
    tags.append(("twitter:card", "summary_large_image" if size is None else "summary"))
    return format_html_join(
        "\n  ",
        '<meta {}="{}" content="{}">',
        (
            ("name" if prop.startswith("twitter:") else "property", prop, value)
            for prop, value in tags
        ),
    )


@register.simple_tag(takes_context=True)
def address_qr_code(context):
    """The page's address as an inline SVG QR code, for printed notices."""
    request = context.get("request")
    if request is None:
        return ""
    url = request.build_absolute_uri()
    try:
        code = segno.make(url, error="m", micro=False)
    except segno.DataOverflowError:
        return ""  # an address longer than a QR code holds (a long search): none on paper
    svg = code.svg_inline(scale=3, border=2, dark="#000", light="#fff", omitsize=True)
    label = escape(_("QR code"))
    svg = svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1)
    return format_html(
        '<figure class="print-qr print-only">{}<figcaption>{}</figcaption></figure>',
        mark_safe(svg),  # noqa: S308 (segno's own markup, with our escaped label)
        _("Scan to open this page on a phone"),
    )
