"""The switcher and hreflang links cost the same queries however many translations exist."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def queries_for(client, path):
    client.get(path)  # warm per-process caches (site root paths, content types, templates)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, path
    return [q["sql"] for q in captured.captured_queries]


def test_three_translations_cost_no_more_queries_than_one(client, salon, notice_board):
    three = queries_for(client, "/zh-hans/english-salon/")
    one = queries_for(client, "/zh-hans/notice-board/")
    assert len(three) == len(one), "\n".join(three)


def test_english_page_with_missing_korean_costs_the_same_as_fully_translated(client, salon, garden):
    full = queries_for(client, "/en/english-salon/")
    partial = queries_for(client, "/en/community-garden/")
    assert len(full) == len(partial), "\n".join(partial)
