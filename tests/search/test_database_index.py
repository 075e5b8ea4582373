"""PostgreSQL searches through a GIN index on title || body (home/0002); SQLite through FTS5."""

from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

INDEX = "home_search_title_body_gin"


def index_names():
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT indexname FROM pg_indexes WHERE tablename = %s",
                ["wagtailsearch_indexentry"],
            )
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
        return {row[0] for row in cursor.fetchall()}


def test_search_filters_on_the_indexed_expression(pages):
    results = get_search_backend().search("salon", Page.objects.live())
    queryset = results.query_compiler.search(None, 0, 10)
    if connection.vendor == "postgresql":
        assert INDEX in index_names()
        # The index only serves a filter on exactly this expression.
        entry = '"wagtailsearch_indexentry"'
        assert f'({entry}."title" || {entry}."body") @@' in str(queryset.query)
    else:
        assert INDEX not in index_names()
    assert pages.salon_en.title in [page.title for page in queryset]
