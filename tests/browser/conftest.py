"""Playwright driving Debian's Chromium against pytest-django's live server."""

import os

import pytest

# The calendar of tests/events (an events index, venues, categories, the weekly salon): a few
# seconds to build, where the whole demo site takes minutes. Only the axe sweep needs that.
from tests.events.conftest import calendar, salon  # noqa: F401 (fixtures used by these tests)
from tests.services.conftest import directory  # noqa: F401

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Playwright's sync API keeps an event loop in this thread; the live server's
# fixtures still need the ORM here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    from django.db import connections
    from playwright.sync_api import sync_playwright

    # Django keeps database connections per thread, or per context once an event loop runs,
    # and Playwright's sync API starts one: from here on this thread gets new connection
    # objects. Hand them the snapshot serialized_rollback restores from, or every
    # transactional test after a flush would start from an empty database.
    snapshots = {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }
    with sync_playwright() as playwright:
        for alias, contents in snapshots.items():
            connections[alias]._test_serialized_contents = contents
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="en-US")
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda msg: msg.type == "error" and page.console_errors.append(msg.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    yield page
    context.close()


@pytest.fixture
def search_index_kept_up_to_date():
    """The browser tests use the site as visitors do, site search included."""
    return True
