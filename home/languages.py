"""Which language a visitor gets, and the links between translations of a page.

`negotiate_language` picks the locale for a request that has none in its path;
`language_links` builds the switcher and hreflang links of a page from one query.
"""

from dataclasses import dataclass, replace

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation.trans_real import parse_accept_lang_header


def bcp47(language_code):
    """Django's language code as an HTML/BCP 47 tag: "zh-hans" -> "zh-Hans"."""
    parts = language_code.split("-")
    return "-".join([parts[0]] + [p.title() if len(p) == 4 else p.upper() for p in parts[1:]])


def supported_language(tag):
    """The site language that serves a browser language tag, or None.

    Every Chinese variant goes to Simplified Chinese: it is the only Chinese we publish.
    """
    tag = tag.strip().lower().replace("_", "-")
    codes = [code for code, _ in settings.LANGUAGES]
    if tag in codes:
        return tag
    primary = tag.split("-")[0]
    for code in codes:
        if code.split("-")[0] == primary:
            return code
    return None


def negotiate_language(request):
    """The visitor's remembered choice, else their browser's best match, else English."""
    chosen = supported_language(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, ""))
    if chosen:
        return chosen
    for tag, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        if tag != "*" and (match := supported_language(tag)):
            return match
    return settings.YOULIN_FALLBACK_LANGUAGE


@dataclass(frozen=True)
class LanguageLink:
    code: str  # Django's code, "zh-hans"
    tag: str  # BCP 47, "zh-Hans", for hreflang and lang attributes
    name: str  # the language's own name, "简体中文"
    url: str
    translated: bool  # False: the link leads to that locale's home page instead
    current: bool


@dataclass(frozen=True)
class LanguageLinks:
    links: list
    x_default: str

    def __iter__(self):
        return iter(self.links)

    @property
    def alternates(self):
        return [link for link in self.links if link.translated]


def language_links(request, page):
    """Switcher and hreflang links for `page`, costing one query whatever the page.

    `page.localized` would silently return the source page when no translation
    exists (and query each time), so translations and locale home pages are
    fetched together and missing ones lead to the locale's home with a notice.
    """
    from wagtail.models import Page, Site

    from home.visibility import live_public

    site = Site.find_for_request(request)
    home_key = site.root_page.translation_key if site else page.translation_key
    rows = (
        live_public(
            Page.objects.filter(
                Q(translation_key=page.translation_key) | Q(translation_key=home_key)
            )
        )
        .select_related("locale")
        .only("id", "url_path", "translation_key", "locale__language_code", "live", "depth", "path")
    )
    translations, homes = {}, {}
    for row in rows:
        code = row.locale.language_code
        if row.translation_key == page.translation_key:
            translations[code] = row
        if row.translation_key == home_key:
            homes[code] = row

    current = get_language()
    links = []
    for code, name in settings.LANGUAGES:
        if code in translations:
            url, translated = translations[code].get_url(request), True
        elif code in homes:
            url = f"{homes[code].get_url(request)}?untranslated={page.pk}"
            translated = False
        else:
            url, translated = f"/{code}/", False
        links.append(LanguageLink(code, bcp47(code), name, url, translated, code == current))

    # x-default is the community's own language everywhere, home pages included: `/`
    # redirects, and crawlers report an alternate that redirects.
    fallback = translations.get(settings.YOULIN_FALLBACK_LANGUAGE) or page
    x_default = fallback.get_url(request)
    return LanguageLinks(links, x_default)


def with_suffix(links, suffix):
    """The same links with `suffix` (a sub-path and query) added to translated pages.

    For routable sub-views (/ko/events/month/2026/11/?category=salon), so the
    switcher keeps the visitor in the same view. `suffix` may also be a function
    of the target language code, for a query that differs by language (an A–Z
    letter that only some languages have).
    """
    if not suffix:
        return links
    suffix_for = suffix if callable(suffix) else lambda _code: suffix
    changed = [
        replace(link, url=link.url + suffix_for(link.code)) if link.translated else link
        for link in links.links
    ]
    return LanguageLinks(changed, links.x_default + suffix_for(settings.YOULIN_FALLBACK_LANGUAGE))


def home_language_links(request):
    """Switcher links for views that are not pages (404, errors): each locale's home."""
    current = get_language()
    links = [
        LanguageLink(code, bcp47(code), name, f"/{code}/", True, code == current)
        for code, name in settings.LANGUAGES
    ]
    return LanguageLinks(links, reverse("root"))


# Babel (CLDR) locales for dates and lists: British English for 24-hour, day-first dates.
BABEL_LOCALES = {"zh-hans": "zh_Hans_CN", "en": "en_GB", "ko": "ko_KR"}


def babel_locale(language=None):
    return BABEL_LOCALES.get(language or get_language(), "en_GB")
