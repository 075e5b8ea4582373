"""Only text readers see is indexed: not choice values, levels or web addresses of blocks."""

import json

import pytest

from home.models import ContentPage
from tests.search.conftest import add
from tests.search.test_search_pages import titles


@pytest.fixture
def callouts(home):
    body = [
        {"type": "heading", "value": {"text": "Before you go", "level": "h2"}},
        {
            "type": "callout",
            "value": {"tone": "warning", "heading": "", "text": "<p>Bring your passport.</p>"},
        },
        {
            "type": "callout",
            "value": {"tone": "info", "heading": "Opening hours", "text": "<p>Mon to Fri.</p>"},
        },
        {
            "type": "button",
            "value": {"label": "Book a room", "page": None, "url": "https://example.org/tip"},
        },
    ]
    page = ContentPage(title="Visa help", slug="visa-help", body=json.dumps(body))
    return add(home.en, page)


@pytest.mark.parametrize(
    "query", ["warning", "Important", "info", "Information", "tip", "h2", "example.org"]
)
def test_block_settings_are_not_searchable(client, callouts, query):
    assert titles(client.get("/en/search/", {"q": query})) == []


@pytest.mark.parametrize("query", ["passport", "Opening hours", "Before you go", "Book a room"])
def test_block_text_is_searchable(client, callouts, query):
    assert titles(client.get("/en/search/", {"q": query})) == ["Visa help"]
