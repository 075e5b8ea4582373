"""Hostile query strings and paths on every public view of the demo site: never a 5xx.

The views are one page of every page type in every language, plus their sub-views
(calendars, feeds, Subscribe) and the site's other URLs; the parameters are every
name the code reads from a query string, found in the source, so a new parameter is
fuzzed as soon as it exists.
"""

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from wagtail.models import Page

ROOT = Path(__file__).resolve().parents[2]
APPS = ("home", "services", "events", "search", "editorial")
# A parameter read in the code: request.GET.get("x"), choice(request.GET, "x"), Filters.NAMES.
READ = re.compile(r'GET\.get\(\s*"(\w+)"|choice\(\s*request\.GET,\s*"(\w+)"')
# Each stands for a family: huge numbers, control bytes, non-ASCII digits, markup and
# very long values, impossible dates and negatives.
HOSTILE = ["9" * 40, "%00", "²", "<script>" + "a" * 3000, "2026-02-30", "-1"]
PATHS = ["x/", "9999999999/13/"]
OTHER_URLS = [
    "/",
    "/robots.txt",
    "/sitemap.xml",
    "/healthz",
    "/en/search/",
    "/ko/search/suggest/",
    "/zh-hans/search/",
]


def parameters_in_code():
    names = set()
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            for match in READ.finditer(path.read_text()):
                names.add(match.group(1) or match.group(2))
    from events.queries import Filters

    names |= set(Filters.NAMES)
    return names


# Read by the calendar views from the path or query (events/views.py), besides those above.
CALENDAR = {"month", "week", "date"}


def views():
    """One live page of each type in each language, the other URLs, and the sub-views
    (calendars, feeds) of each routable page type in one language: (url, is_sub-view)."""
    urls = {(url, False) for url in OTHER_URLS}
    seen, routed = set(), set()
    for page in Page.objects.live().public().specific().order_by("path"):
        kind = (type(page), page.locale_id)
        if kind in seen or page.depth < 2:
            continue
        seen.add(kind)
        urls.add((page.url, False))
        if hasattr(page, "get_subpage_urls") and type(page) not in routed:
            routed.add(type(page))
            urls.update((page.url + sub, True) for sub in subpaths(page) if sub)
    return sorted(urls)


EXAMPLES = {"year": "2026", "month": "12", "week": "10", "format": "ics", "kind": "category"}


def subpaths(page):
    """Concrete paths of a routable page's routes, their arguments filled with examples."""
    for pattern in page.get_subpage_urls():
        regex = getattr(pattern.pattern, "_regex", None) or str(pattern.pattern)
        filled = re.sub(
            r"\(\?P<(\w+)>[^)]*\)", lambda m: EXAMPLES.get(m.group(1), "language"), regex
        )
        yield filled.lstrip("^").rstrip("$")


def test_every_parameter_read_in_the_code_is_fuzzed():
    names = parameters_in_code()
    assert {"page", "q", "category", "letter", "type", "free"} <= names


@pytest.mark.django_db(transaction=True)
def test_hostile_query_strings_and_paths_never_give_a_server_error(client, demo_site):
    client.raise_request_exception = False
    names = sorted(parameters_in_code() | CALENDAR)
    urls = views()
    assert len(urls) > 40
    failures = []
    pages = [url for url, sub_view in urls if not sub_view]

    requested = []

    def get(url):
        requested.append(url)
        response = client.get(url)
        if response.status_code >= 500:
            failures.append((url[:200], response.status_code))

    for url, sub_view in urls:
        for value in HOSTILE[:3] if sub_view else HOSTILE:  # every parameter at once
            get(f"{url}?" + "&".join(f"{name}={quote(value)}" for name in names))
    for url in pages:
        for tail in PATHS:
            get(f"{url.rstrip('/')}/{tail}")
    # One parameter at a time on the listings that read them, so an early 400 hides nothing;
    # a value from each family, the languages taking turns.
    listings = [u for u in pages if re.search(r"/(events|services|partners|spaces|search)/$", u)]
    for turn, (name, url) in enumerate((n, u) for n in names for u in listings):
        value = HOSTILE[turn % len(HOSTILE)]
        get(f"{url}?{name}={quote(value)}&{name}=2")
    assert len(requested) > 400
    assert not failures, failures
