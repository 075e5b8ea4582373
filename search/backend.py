"""Wagtail's database search backend, indexing and querying CJK-aware terms.

Set as `WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.backend"`.
Like `wagtail.search.backends.database`, it picks the SQLite FTS5 or the
PostgreSQL backend for the default database, and changes two things:

* every value of a page's search fields is indexed as `search.text.index_text`
  (title, body and autocomplete columns alike, so the title keeps its weight);
* a query given as a string is turned into those terms: all must match, and an
  exact phrase of them scores higher (`Or(Phrase, And)`); the last word may also
  begin a longer word (`PrefixText`, "salo" finds "salon"); `operator="or"` asks
  for any of them;
* results and suggestions are ranked in one pass over the SQLite full-text table
  (`RankOnceMixin`) instead of a MATCH re-run per matching page.

A match in the title counts TITLE_WEIGHT times one in the body, on both databases
(the stock ranking multiplies by a title-length norm that favours short titles).
"""

import copy
from functools import cache
from itertools import combinations

from django.db import connection
from django.db.models import Case, F, Value, When
from wagtail.search import index
from wagtail.search.backends.base import EmptySearchResults
from wagtail.search.query import And, Or, Phrase, PlainText

from search.text import Group, index_text, parse_query, plain_text

# How much more a match in the title counts than one in the body, on both databases.
TITLE_WEIGHT = 10.0


class Tokenised:
    """Wraps a search field so that its value is indexed as CJK-aware terms."""

    def __init__(self, source):
        self.__dict__.update(source.__dict__)
        self.source = source

    def get_value(self, obj):
        return index_text(plain_text(self.source.get_value(obj)))


class TokenisedSearchField(Tokenised, index.SearchField):
    pass


class TokenisedAutocompleteField(Tokenised, index.AutocompleteField):
    pass


# Methods indexed in the title column, with the title's weight: a page's names in its
# other languages (home.models.BasePage.names_in_other_languages) are names all the same.
TITLE_LIKE = {"names_in_other_languages"}


def tokenised(fields):
    wrapped = []
    for field in fields:
        if isinstance(field, index.SearchField):
            wrapped.append(TokenisedSearchField(field))
            if field.field_name in TITLE_LIKE:
                # The database backends put every field named "title" in the title column;
                # the value is still read from the method (Tokenised.get_value).
                wrapped[-1].field_name = "title"
        elif isinstance(field, index.AutocompleteField):
            wrapped.append(TokenisedAutocompleteField(field))
        elif isinstance(field, index.RelatedFields):
            wrapped.append(index.RelatedFields(field.field_name, tokenised(field.fields)))
        else:
            wrapped.append(field)
    return wrapped


@cache
def tokenised_search_fields(model):
    return tokenised(model.get_search_fields())


class TokenisingIndexMixin:
    def add_items(self, model, objs):
        # The stock indexer reads `obj.get_search_fields()`; hand it copies whose
        # fields produce our terms, leaving the caller's objects untouched.
        copies = []
        for obj in objs:
            copied = copy.copy(obj)
            fields = tokenised_search_fields(type(obj))
            copied.get_search_fields = lambda fields=fields: fields
            copies.append(copied)
        return super().add_items(model, copies)


class PrefixText(PlainText):
    """One index term matched as a prefix (salo -> salon); compiled by both backends below."""

    def __init__(self, term):
        super().__init__(term, operator="and")


def _all_of(terms):
    return PlainText(" ".join(terms), operator="and")


def _group_query(group, prefixes=(), partial=False):
    """Any alternative of one group; a word being typed also as the beginning of a longer one."""
    # While typing, the prefix of the last word's own term already covers the whole word.
    branches = [] if prefixes and partial else [_all_of(a) for a in group.alternatives]
    branches += [PrefixText(p) for p in prefixes]
    return branches[0] if len(branches) == 1 else Or(branches)


def build_query(parsed, *, partial=False, cover=None):
    """A Wagtail search query for a parsed query (`search.text.parse_query`), or None.

    Every group must match (any one of its alternatives), or, with `cover`, any `cover`
    of them. The last word also matches as the beginning of a longer word (salo ->
    salon); a page with the whole word matches more branches, so it ranks first, and a
    page with the exact phrase typed ranks above one with the words apart.
    """
    groups = parsed.groups
    if not groups and not parsed.prefixes:
        return None
    if not groups:  # only a stop word being typed ("in" -> "information")
        return _group_query(Group([]), parsed.prefixes, partial=True)
    prefixes = parsed.prefixes if groups[-1].word else ()
    queries = [
        _group_query(g, prefixes if n == len(groups) - 1 else (), partial)
        for n, g in enumerate(groups)
    ]
    if cover is not None and cover < len(queries):
        return Or([And(list(chosen)) for chosen in combinations(queries, cover)])
    required = queries[0] if len(queries) == 1 else And(queries)
    if len(parsed.terms) > 1 and not partial:
        return Or([Phrase(" ".join(parsed.terms)), required])
    return required


def build_text_query(text, operator=None, partial=False):
    """build_query for a string, as Wagtail's admin and the API pass it; "or": any term."""
    parsed = parse_query(text, partial=partial)
    if not parsed:
        return None
    if (operator or "and").lower() == "or":
        return PlainText(" ".join(parsed.terms), operator="or")
    return build_query(parsed, partial=partial)


class TokenisingBackendMixin:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if isinstance(query, str):
            partial = query_compiler_class is self.autocomplete_query_compiler_class
            query = build_text_query(query, kwargs.get("operator"), partial=partial)
            if query is None:
                return EmptySearchResults()
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


@cache
def _sqlite_backend_class():  # noqa: C901 (classes defined once the app registry is ready)
    from modelsearch.backends.database.sqlite import sqlite
    from modelsearch.backends.database.sqlite.query import (
        BM25,
        Lexeme,
        MatchExpression,
        SearchQueryExpression,
        normalize,
    )
    from modelsearch.query import MatchAll, Not
    from modelsearch.utils import get_descendants_content_types_pks

    class WeightedBM25(BM25):
        """bm25() with column weights; the FTS table is `fts5(autocomplete, body, title)`."""

        def __init__(self, autocomplete, body, title):
            super().__init__()
            self.weights = (autocomplete, body, title)

        def as_sql(self, compiler, connection, function=None, template=None):
            table = sqlite.SQLiteFTSIndexEntry._meta.db_table
            weights = ", ".join(str(float(w)) for w in self.weights)
            return f"bm25({table}, {weights})", []

    class PrefixMixin:
        def build_search_query_content(self, query, config=None):
            if isinstance(query, PrefixText):
                lexeme = Lexeme(query.query_string, prefix=True)
                return SearchQueryExpression(lexeme, config=config)
            return super().build_search_query_content(query, config=config)

    class RankOnceMixin:
        def _ranking(self, query, config):
            """Primary keys of every allowed match, best first (two queries, then cached:
            a listing asks for its count and then for one page)."""
            if getattr(self, "_ranked", None) is None:
                match = MatchExpression(
                    self.fields or self.FTS_TABLE_FIELDS,
                    self.build_search_query(query, config=config),
                )
                rank = self._build_rank_expression(self.get_search_vectors(), config)
                entries = (
                    sqlite.SQLiteFTSIndexEntry.objects.filter(match)
                    .filter(
                        index_entry__content_type__in=get_descendants_content_types_pks(
                            self.queryset.model
                        )
                    )
                    .annotate(score=rank)
                )
                scores = dict(entries.values_list("index_entry__object_id", "score"))
                allowed = self.queryset.filter(
                    pk__in=entries.values_list("index_entry__object_id", flat=True)
                ).values_list("pk", flat=True)
                # The stock compiler's order: score, then newest first.
                self._ranked = sorted(allowed, key=lambda pk: (scores[str(pk)], -pk))
            return self._ranked

        def search(self, config, start, stop, score_field=None):
            """Results best first, scored in one pass over the full-text table.

            The stock compiler orders by a correlated subquery that runs the MATCH again
            for every matching row: quadratic, 15-26 s for a word on 3,000 of 10,000
            pages. Here one query reads (object, score) for every match, a second lists
            the matches the queryset allows, and the order is set in Python; the rows of
            the requested slice are then fetched in that order.
            """
            query = normalize(self.query)
            if (
                not self.order_by_relevance
                or score_field is not None
                or isinstance(query, (MatchAll, Not))
            ):
                return super().search(config, start, stop, score_field)
            ranked = self._ranking(query, config)[start:stop]
            order = Case(*(When(pk=pk, then=Value(n)) for n, pk in enumerate(ranked)))
            return (
                self.queryset.filter(pk__in=ranked).order_by(order)
                if ranked
                else (self.queryset.none())
            )

    class QueryCompiler(PrefixMixin, RankOnceMixin, sqlite.SQLiteSearchQueryCompiler):
        def _build_rank_expression(self, vectors, config):
            # The stock rank multiplies one whole-row bm25() by a title-length norm, so a
            # short title wins whatever it says. Score the title and the body separately
            # instead (bm25 is negative: lower is better). Phrases in the MATCH expression
            # count as their own terms, so an exact phrase scores above scattered words.
            return WeightedBM25(0, 0, 1) * TITLE_WEIGHT + WeightedBM25(0, 1, 0)

    class AutocompleteQueryCompiler(
        PrefixMixin, RankOnceMixin, sqlite.SQLiteAutocompleteQueryCompiler
    ):
        def _build_rank_expression(self, vectors, config):
            return WeightedBM25(1, 0, 0)

    class Results(sqlite.SQLiteSearchResults):
        def best_pks(self, limit):
            """The ids of the best `limit` matches, from the ranking already read.

            A slice would fetch the pages ordered by a CASE of `limit` branches, whose
            compiling alone costs more than the search.
            """
            compiler = self.query_compiler
            query = normalize(compiler.query)
            if not compiler.order_by_relevance or isinstance(query, (MatchAll, Not)):
                return [page.pk for page in self[:limit]]
            return compiler._ranking(query, compiler.get_config(self.backend))[:limit]

        def facet(self, field_name):
            # Counting needs no ranking: one query instead of three.
            compiler = self.query_compiler
            ordered, compiler.order_by_relevance = compiler.order_by_relevance, False
            try:
                return super().facet(field_name)
            finally:
                compiler.order_by_relevance = ordered

    class Index(TokenisingIndexMixin, sqlite.SQLiteIndex):
        pass

    class Backend(TokenisingBackendMixin, sqlite.SQLiteSearchBackend):
        query_compiler_class = QueryCompiler
        autocomplete_query_compiler_class = AutocompleteQueryCompiler
        index_class = Index
        results_class = Results

    return Backend


@cache
def _postgres_backend_class():
    from django.contrib.postgres.search import SearchQuery
    from modelsearch.backends.database.postgres import postgres
    from modelsearch.backends.database.postgres.query import Lexeme

    class PrefixMixin:
        def build_tsquery_content(self, query, config=None, invert=False):
            if isinstance(query, PrefixText):
                lexeme = Lexeme(query.query_string, invert=invert, prefix=True)
                return SearchQuery(lexeme, search_type="raw", config=config)
            return super().build_tsquery_content(query, config=config, invert=invert)

    class AutocompleteQueryCompiler(PrefixMixin, postgres.PostgresAutocompleteQueryCompiler):
        pass

    class QueryCompiler(PrefixMixin, postgres.PostgresSearchQueryCompiler):
        def get_index_vectors(self, search_query):
            # As on SQLite: title and body ranked apart, no title-length norm.
            return [
                (F("index_entries__title"), TITLE_WEIGHT),
                (F("index_entries__body"), 1.0),
            ]

    class Index(TokenisingIndexMixin, postgres.PostgresIndex):
        pass

    class Backend(TokenisingBackendMixin, postgres.PostgresSearchBackend):
        query_compiler_class = QueryCompiler
        autocomplete_query_compiler_class = AutocompleteQueryCompiler
        index_class = Index

        def __init__(self, params):
            # Our terms are already folded and stemmed: 'simple' keeps them as they are.
            super().__init__({"SEARCH_CONFIG": "simple", **params})

    return Backend


def indexed_texts(pks):
    """{page id: (title terms, body terms)} as the index holds them, in one query."""
    from modelsearch.utils import get_descendants_content_types_pks
    from wagtail.models import Page

    if connection.vendor == "postgresql":
        from modelsearch.backends.database.postgres import postgres

        entries, fields = postgres.IndexEntry.objects, ("title_text", "body_text")
    else:
        from modelsearch.backends.database.sqlite import sqlite

        entries, fields = sqlite.IndexEntry.objects, ("title", "body")
    rows = entries.filter(
        content_type__in=get_descendants_content_types_pks(Page),
        object_id__in=[str(pk) for pk in pks],
    ).values_list("object_id", *fields)
    return {int(object_id): (title or "", body or "") for object_id, title, body in rows}


# The index's words are read again after this long at most, and whenever the site changes.
VOCABULARY_CACHE_SECONDS = 3600


def vocabulary():
    """{Latin index term: number of entries with it}, from the index itself, cached.

    SQLite reads FTS5's own term list (`fts5vocab`), PostgreSQL `ts_stat`: the same terms
    and counts on both. Used to correct typos, only when a query finds nothing.
    """
    from django.core.cache import cache

    from home.page_cache import site_version

    key = f"youlin:search:vocabulary:v{site_version()}"
    found = cache.get(key)
    if found is None:
        found = dict(_read_vocabulary())
        cache.set(key, found, VOCABULARY_CACHE_SECONDS)
    return found


def _read_vocabulary():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            from modelsearch.backends.database.postgres import postgres

            table = connection.ops.quote_name(postgres.IndexEntry._meta.db_table)
            # The table name is the model's own, never the visitor's input.
            cursor.execute(
                "SELECT word, ndoc FROM ts_stat("  # noqa: S608
                f"'SELECT title || body FROM {table}') WHERE word ~ '^[a-z]{{3,}}$'"
            )
        else:
            from modelsearch.backends.database.sqlite import sqlite

            table = sqlite.SQLiteFTSIndexEntry._meta.db_table
            cursor.execute(
                "CREATE VIRTUAL TABLE IF NOT EXISTS temp.youlin_vocabulary "
                f"USING fts5vocab(main, '{table}', 'row')"
            )
            cursor.execute(
                "SELECT term, doc FROM temp.youlin_vocabulary WHERE term GLOB '[a-z][a-z][a-z]*' "
                "AND NOT term GLOB '*[^a-z]*'"
            )
        return cursor.fetchall()


def SearchBackend(params):
    """The backend for the default database: PostgreSQL or SQLite (FTS5)."""
    if connection.vendor == "postgresql":
        return _postgres_backend_class()(params)
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.utils import fts5_available

        if fts5_available():
            return _sqlite_backend_class()(params)
    raise NotImplementedError(
        "search.backend needs PostgreSQL or SQLite with FTS5; "
        "set SEARCH_URL for Elasticsearch/OpenSearch instead."
    )
