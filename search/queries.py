"""The visitor's search: pages of one locale, by type, with counts and snippets."""

import re
from dataclasses import dataclass

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Locale, Page
from wagtail.search import index
from wagtail.search.backends import get_search_backend

from home.languages import bcp47
from home.visibility import live_public
from search.backend import build_query, indexed_texts, vocabulary
from search.synonyms import Synonyms
from search.text import correct_word, highlight, parse_query, plain_text, relevance

RESULTS_PER_PAGE = 10
# A query of this many groups or more falls back to pages with all but one of them.
MIN_GROUPS_FOR_PARTIAL = 3
# … up to this many: each group left out is one more branch of the query.
MAX_GROUPS_FOR_PARTIAL = 6
# Pages of other languages offered when nothing in the visitor's language matches.
OTHER_LANGUAGE_RESULTS = 30
SYNONYMS_CACHE_SECONDS = 24 * 3600
# How many of the best matches are put in the same order on every database.
RERANKED = 100
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
    language: object = None  # the page's locale, when it is not the visitor's
    lang: str = ""  # its BCP 47 tag, for lang="…"
    next_date: object = None  # an event's next date (a datetime), if it has one


# Functions other apps add (events: an event's next date): pages -> {page id: text}.
# Each must cost one query for any number of pages.
RESULT_DATES = []


def register_result_dates(function):
    """Show a date under results: `function(pages)` returns {page id: text} (events/apps.py)."""
    if function not in RESULT_DATES:
        RESULT_DATES.append(function)
    return function


def next_dates(pages):
    found = {}
    for function in RESULT_DATES:
        found.update(function(pages))
    return found


def synonyms_for(locale):
    """The editors' synonym lists of one language, from the cache while nothing changed.

    Cached per locale under the site's version number (home/page_cache.py), which goes
    up whenever a snippet is saved or deleted, so a changed list is used at once.
    """
    from home.page_cache import site_version
    from search.models import Synonym

    key = f"youlin:search:synonyms:{locale.pk}:v{site_version()}"
    lists = cache.get(key)
    if lists is None:
        lists = list(
            Synonym.objects.filter(locale=locale, live=True).values_list("words", flat=True)
        )
        cache.set(key, lists, SYNONYMS_CACHE_SECONDS)
    return Synonyms(lists)


class Search:
    """One visitor's search in one locale, optionally narrowed to a result type.

    Every word must match, or one of its synonyms. When nothing does, in this order:
    a mistyped word is corrected against the index's words (`correction`); with
    three words or more, pages with all but one are shown (`any_words`); pages of
    other languages that match are offered, in this language where a translation
    exists (`other_languages`). Otherwise nothing is found: no noise.
    """

    def __init__(self, text, locale, kind=None):
        self.synonyms = synonyms_for(locale)
        self.query = parse_query(text, synonyms=self.synonyms)
        self.text = self.typed = self.query.text
        self.locale = locale
        self.kind = kind if kind in RESULT_TYPE_KEYS else None
        self.any_words = False
        self.other_languages = False
        self.correction = None  # the corrected query's text, shown as "Did you mean"
        self.backend = get_search_backend()
        self._query = build_query(self.query)

    def _search(self, queryset, query=None):
        return self.backend.search(query or self._query, queryset)

    @property
    def kind_type(self):
        """The ResultType chosen with ?type=, or None for every type."""
        return next((t for t in RESULT_TYPES if t.key == self.kind), None)

    @cached_property
    def pages(self):
        return searchable_pages(self.locale)

    @cached_property
    def _facet(self):
        """{content type id: count} of every result, after whatever fallback was needed."""
        if self._query is None:
            return {}
        facet = self._search(self.pages).facet("content_type_id")
        if facet:
            return facet
        corrected = self._corrected()
        if corrected is not None:
            query = build_query(corrected)
            facet = self._search(self.pages, query).facet("content_type_id")
            if facet:
                self.query, self._query = corrected, query
                self.correction = corrected.text
                return facet
        if MIN_GROUPS_FOR_PARTIAL <= len(self.query.groups) <= MAX_GROUPS_FOR_PARTIAL:
            query = build_query(self.query, cover=len(self.query.groups) - 1)
            facet = self._search(self.pages, query).facet("content_type_id")
            if facet:
                self.any_words, self._query = True, query
                return facet
        found = self._in_other_languages()
        if found:
            self.other_languages = True
            facet = {}
            for page in found:
                facet[page.content_type_id] = facet.get(page.content_type_id, 0) + 1
        return facet

    def _corrected(self):
        """The query with its mistyped Latin words corrected, or None if none is."""
        words = [g.word for g in self.query.groups if g.word and len(g.alternatives) == 1]
        if not words:
            return None
        known = vocabulary()
        text = self.typed
        for word in words:
            found = correct_word(word, known)
            if found:
                text = re.sub(rf"\b{re.escape(word)}\b", found[1], text)
        return parse_query(text, synonyms=self.synonyms) if text != self.typed else None

    def _in_other_languages(self):
        """Pages of other languages that match, each as its translation here where one exists."""
        others = Page.objects.live().public().filter(depth__gt=1).exclude(locale=self.locale)
        matches = Reranked(self._search(others), self.query)[:OTHER_LANGUAGE_RESULTS]
        if not matches:
            return []
        keys = [page.translation_key for page in matches]
        here = {page.translation_key: page for page in self.pages.filter(translation_key__in=keys)}
        chosen, seen = [], set()
        for page in matches:
            if page.translation_key in seen:
                continue
            seen.add(page.translation_key)
            chosen.append(here.get(page.translation_key, page))
        self._other_language_pages = chosen
        return chosen

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
        if self.other_languages:
            chosen = self._other_language_pages
            if self.kind:
                chosen = [
                    p for p in chosen if type_of_content_type(p.content_type_id).key == self.kind
                ]
            specific = Page.objects.filter(pk__in=[p.pk for p in chosen]).specific().in_bulk()
            return [specific[p.pk] for p in chosen if p.pk in specific]
        queryset = self.pages
        if self.kind:
            queryset = of_type(queryset, self.kind)
        # The facet counted them already: counting again would rank every match again.
        count = {t.key: n for t, n in self.counts}[self.kind] if self.kind else self.total
        return Reranked(self._search(queryset), self.query, count)

    def browse_pages(self):
        """The calendar and the directory in this locale, suggested when nothing is found."""
        models = [apps.get_model(name) for name in BROWSE_PAGES]
        content_types = ContentType.objects.get_for_models(*models)
        order = {content_types[model].pk: n for n, model in enumerate(models)}
        pages = live_public(Page.objects.filter(locale=self.locale, content_type__in=order.keys()))
        return sorted(pages, key=lambda page: order[page.content_type_id])

    def hits(self, pages, request):
        """The results on one page of the listing, with highlighted title and snippet."""
        dates = next_dates(pages)
        # Pages of other languages say which: their locales in one query, not one each.
        foreign = {page.locale_id for page in pages} - {self.locale.pk}
        locales = Locale.objects.in_bulk(foreign) if foreign else {}
        return [
            Hit(
                page=page,
                url=page.get_url(request),
                type=type_of_content_type(page.content_type_id),
                title=highlight(page.title, self.query),
                snippet=highlight(page_text(page), self.query, width=SNIPPET_LENGTH),
                language=locales.get(page.locale_id),
                lang=bcp47(locales[page.locale_id].language_code)
                if page.locale_id in locales
                else "",
                next_date=dates.get(page.pk),
            )
            for page in pages
        ]


class Reranked:
    """Search results with the best RERANKED put in the order `search.text.relevance` gives.

    The database picks the matches and its own best RERANKED of them; their final order
    is computed here from the indexed terms, so SQLite and PostgreSQL (whose scores
    differ) list the same pages in the same order. Further results keep the database's
    order. Pages come back specific, as a slice of a list or of a queryset would.
    """

    def __init__(self, results, query, count=None):
        self.results, self.query, self._count = results, query, count

    def count(self):
        if self._count is None:
            self._count = self.results.count()
        return self._count

    def __len__(self):
        return self.count()

    @cached_property
    def _best(self):
        if hasattr(self.results, "best_pks"):
            candidates = self.results.best_pks(RERANKED)
        else:
            candidates = [page.pk for page in self.results[:RERANKED]]
        texts = indexed_texts(candidates)
        score = {pk: relevance(self.query, *texts.get(pk, ("", ""))) for pk in candidates}
        # Ties: the newer page first, as the database backends order them.
        return sorted(candidates, key=lambda pk: (-score[pk], -pk))

    def __getitem__(self, key):
        if isinstance(key, int):
            return self[key : key + 1][0]
        start, stop = key.start or 0, key.stop
        if stop is None:
            stop = self.count()
        pks = self._best[start:stop]
        if stop > RERANKED:
            pks += [page.pk for page in self.results[max(start, RERANKED) : stop]]
        pages = Page.objects.filter(pk__in=pks).specific().in_bulk()
        return [pages[pk] for pk in pks if pk in pages]

    def __iter__(self):
        return iter(self[:])


def suggestions(text, locale, request, limit=SUGGESTIONS):
    """Titles of pages whose title starts like the text being typed, for the search box."""
    query = parse_query(text, partial=True)
    if not query:
        return []
    backend = get_search_backend()
    pages = backend.autocomplete(build_query(query, partial=True), searchable_pages(locale))[:limit]
    return [
        {
            "title": page.title,
            "url": page.get_url(request),
            "type": str(type_of_content_type(page.content_type_id).label),
        }
        for page in pages
    ]
