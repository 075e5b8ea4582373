"""The visitor's search: pages of one locale, by type, with counts and snippets."""

from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Page
from wagtail.search import index
from wagtail.search.backends import get_search_backend

from home.visibility import live_public
from search.text import highlight, parse_query, plain_text

RESULTS_PER_PAGE = 10
SUGGESTIONS = 8
SNIPPET_LENGTH = 160


@dataclass(frozen=True)
class ResultType:
    key: str  # in the URL: ?type=events
    label: str
    models: tuple  # app_label.ModelName; empty for "pages": everything else


# The kinds of result, in the order of the type filter. "Pages" (everything else) stays
# last; apps above search add theirs with register_result_type() in AppConfig.ready().
RESULT_TYPES = [
    ResultType("services", _("Services"), ("services.ServicePage", "services.ServiceIndexPage")),
    ResultType("events", _("Events"), ("events.EventPage", "events.EventIndexPage")),
    ResultType("partners", _("Partners"), ("services.PartnerPage", "services.PartnerIndexPage")),
    ResultType(
        "spaces", _("Public spaces"), ("services.PublicSpacePage", "services.SpaceIndexPage")
    ),
    # "Pages" alone is also the page-number navigation: translators need the context.
    ResultType("pages", pgettext_lazy("kind of search result", "Pages"), ()),
]
RESULT_TYPE_KEYS = {t.key for t in RESULT_TYPES}
# Suggested on an empty search: the calendar, then the directory.
BROWSE_PAGES = [
    "events.EventIndexPage",
    "services.ServiceIndexPage",
    "services.PartnerIndexPage",
    "services.SpaceIndexPage",
]


def register_result_type(result_type, browse_page=None):
    """Add a kind of result (before "Pages"), and its index page to suggest on an empty search.

    For apps above search (the notice board): search never imports them.
    """
    if result_type.key in RESULT_TYPE_KEYS:
        return
    RESULT_TYPES.insert(len(RESULT_TYPES) - 1, result_type)
    RESULT_TYPE_KEYS.add(result_type.key)
    if browse_page and browse_page not in BROWSE_PAGES:
        BROWSE_PAGES.append(browse_page)


def _content_type_ids(result_type):
    models = [apps.get_model(name) for name in result_type.models]
    # get_for_models is cached by ContentType's manager after the first request.
    return {ct.pk for ct in ContentType.objects.get_for_models(*models).values()}


def type_of_content_type(content_type_id):
    """The result type key for a page's content type ("pages" for any other type)."""
    for result_type in RESULT_TYPES:
        if result_type.models and content_type_id in _content_type_ids(result_type):
            return result_type
    return RESULT_TYPES[-1]


def searchable_pages(locale):
    """Live, public pages of one locale: what a visitor of that language may find."""
    return Page.objects.live().public().filter(locale=locale, depth__gt=1)


def of_type(queryset, key):
    result_type = next(t for t in RESULT_TYPES if t.key == key)
    if result_type.models:
        return queryset.filter(content_type__in=_content_type_ids(result_type))
    others = set().union(*(_content_type_ids(t) for t in RESULT_TYPES if t.models))
    return queryset.exclude(content_type__in=others)


def page_text(page):
    """The plain text of a page's indexed model fields other than the title, for snippets."""
    texts = []
    model_fields = {f.name for f in type(page)._meta.get_fields()}
    for field in type(page).get_search_fields():
        # Methods (an event's venue name) are skipped: they query per page, and the
        # results page must cost the same for ten hits as for one.
        if (
            isinstance(field, index.SearchField)
            and field.field_name != "title"
            and field.field_name in model_fields
        ):
            texts.append(plain_text(field.get_value(page)))
    return " ".join(t for t in texts if t)


@dataclass
class Hit:
    page: object
    url: str
    type: ResultType
    title: list  # [(text, is_match)]
    snippet: list


class Search:
    """One visitor's search in one locale, optionally narrowed to a result type.

    All words must match; when nothing matches every word, pages matching any of
    them are shown instead (`any_words`), best first.
    """

    def __init__(self, text, locale, kind=None):
        self.query = parse_query(text)
        self.text = self.query.text
        self.locale = locale
        self.kind = kind if kind in RESULT_TYPE_KEYS else None
        self.any_words = False
        self.backend = get_search_backend()

    def _search(self, queryset, operator):
        return self.backend.search(self.text, queryset, operator=operator)

    @property
    def kind_type(self):
        """The ResultType chosen with ?type=, or None for every type."""
        return next((t for t in RESULT_TYPES if t.key == self.kind), None)

    @cached_property
    def pages(self):
        return searchable_pages(self.locale)

    @cached_property
    def _facet(self):
        """{content type id: count} of every result, switching to "any word" if needed."""
        if not self.query:
            return {}
        facet = self._search(self.pages, "and").facet("content_type_id")
        if not facet and len(self.query.terms) > 1:
            self.any_words = True
            facet = self._search(self.pages, "or").facet("content_type_id")
        return facet

    @cached_property
    def counts(self):
        """[(ResultType, count)] for the type filter, in RESULT_TYPES order."""
        by_type = dict.fromkeys(RESULT_TYPE_KEYS, 0)
        for content_type_id, count in self._facet.items():
            by_type[type_of_content_type(content_type_id).key] += count
        return [(t, by_type[t.key]) for t in RESULT_TYPES]

    @cached_property
    def total(self):
        return sum(count for _type, count in self.counts)

    @cached_property
    def results(self):
        """Search results (specific pages) of the chosen type, or of every type, best first."""
        if not self._facet:
            return []
        queryset = self.pages.specific()
        if self.kind:
            queryset = of_type(queryset, self.kind)
        return self._search(queryset, "or" if self.any_words else "and")

    def browse_pages(self):
        """The calendar and the directory in this locale, suggested when nothing is found."""
        models = [apps.get_model(name) for name in BROWSE_PAGES]
        content_types = ContentType.objects.get_for_models(*models)
        order = {content_types[model].pk: n for n, model in enumerate(models)}
        pages = live_public(Page.objects.filter(locale=self.locale, content_type__in=order.keys()))
        return sorted(pages, key=lambda page: order[page.content_type_id])

    def hits(self, pages, request):
        """The results on one page of the listing, with highlighted title and snippet."""
        return [
            Hit(
                page=page,
                url=page.get_url(request),
                type=type_of_content_type(page.content_type_id),
                title=highlight(page.title, self.query),
                snippet=highlight(page_text(page), self.query, width=SNIPPET_LENGTH),
            )
            for page in pages
        ]


def suggestions(text, locale, request, limit=SUGGESTIONS):
    """Titles of pages whose title starts like the text being typed, for the search box."""
    query = parse_query(text, partial=True)
    if not query:
        return []
    backend = get_search_backend()
    pages = backend.autocomplete(query.text, searchable_pages(locale))[:limit]
    return [
        {
            "title": page.title,
            "url": page.get_url(request),
            "type": str(type_of_content_type(page.content_type_id).label),
        }
        for page in pages
    ]
