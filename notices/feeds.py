"""RSS 2.0 and Atom feeds of a locale's notice board (`/<lang>/notices/rss/`, `atom/`).

The newest notices, current and ended, each in the feed's language or, until it is
translated, in Chinese with the title marked. Responses are public pages like any
other: the page cache keeps them under the site version, which a notice's publish
raises, and they get an ETag and 304 (ConditionalGetMiddleware).
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.utils import feedgenerator
from django.utils.html import linebreaks
from django.utils.translation import gettext as _

from home.languages import bcp47
from notices import queries
from notices.models import KIND_LABELS

FEED_ITEMS = 50
CONTENT_TYPES = {
    "rss": "application/rss+xml; charset=utf-8",
    "atom": "application/atom+xml; charset=utf-8",
}


def feed_items(request, index):
    language_code = index.locale.language_code
    pages = (
        queries.in_locale_or_source(index.locale)
        .select_related("locale")
        .defer("body")
        .order_by("-valid_from", "-pk")[:FEED_ITEMS]
    )
    items = []
    for page in pages:
        untranslated = page.locale.language_code != language_code
        title = page.title
        if untranslated:
            title = _("%(title)s (not yet translated)") % {"title": page.title}
        lines = [str(KIND_LABELS.get(page.kind, "")), "", page.summary]
        items.append(
            {
                "title": title,
                "link": request.build_absolute_uri(page.get_url(request)),
                "description": linebreaks("\n".join(lines), True),
                "published": page.valid_from,
                "updated": page.last_published_at or page.valid_from,
                "categories": [str(KIND_LABELS.get(page.kind, page.kind))],
            }
        )
    return items


class NoticesFeed(Feed):
    feed_type = feedgenerator.Rss201rev2Feed

    def __init__(self, request, index, self_url):
        super().__init__()
        self.index = index
        self.language = bcp47(index.locale.language_code)
        self._link = request.build_absolute_uri(index.url)
        self._self_url = self_url
        self._items = feed_items(request, index)

    def title(self):
        return self.index.title

    def link(self):
        return self._link

    def feed_url(self):
        return self._self_url

    feed_guid = feed_url

    def author_name(self):
        return settings.WAGTAIL_SITE_NAME

    def description(self):
        return self.index.intro or _("Notices from the community service centre, newest first.")

    subtitle = description

    def items(self):
        return self._items

    def item_title(self, item):
        return item["title"]

    def item_link(self, item):
        return item["link"]

    def item_guid(self, item):
        return item["link"]

    item_guid_is_permalink = True

    def item_description(self, item):
        return item["description"]

    def item_pubdate(self, item):
        return item["published"]

    def item_updateddate(self, item):
        return item["updated"]

    def item_categories(self, item):
        return item["categories"]


class NoticesAtom(NoticesFeed):
    feed_type = feedgenerator.Atom1Feed


def feed_view(request, index, format):
    if format not in CONTENT_TYPES:
        raise Http404
    self_url = request.build_absolute_uri(request.path)
    feed_class = NoticesAtom if format == "atom" else NoticesFeed
    generator = feed_class(request, index, self_url).get_feed(None, request)
    return HttpResponse(generator.writeString("utf-8"), content_type=CONTENT_TYPES[format])
