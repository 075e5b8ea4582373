"""Every page type in every locale, in Chromium at phone width: axe-core finds no WCAG 2.2 A/AA
violations, the console stays clean, nothing overflows sideways and nothing is fetched from
another host (third-party CDNs are blocked or slow in mainland China)."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = [
    "/{lang}/",
    "/{lang}/about/",
    "/{lang}/services/",
    "/{lang}/services/temporary-residence-registration/",
    "/{lang}/partners/",
    "/{lang}/partners/muyan-coffee/",
    "/{lang}/spaces/",
    "/{lang}/spaces/international-neighbour-service-centre/",
    "/{lang}/events/",
    "/{lang}/events/month/",
    "/{lang}/events/week/",
    "/{lang}/events/english-salon/",
    "/{lang}/events/subscribe/",
    "/{lang}/search/?q=%E6%B2%99%E9%BE%99",  # 沙龙: results in Chinese, the empty state elsewhere
    "/{lang}/does-not-exist/",
]


def axe_violations(page):
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] for node in v["nodes"][:3])
        for v in result["violations"]
    ]


def test_every_page_type_passes_axe_in_every_locale(live_server, page, demo_site):
    assert AXE.exists(), "npm ci installs axe-core into node_modules"
    problems = []
    failed_requests = []
    foreign_requests = []
    own_host = urlsplit(live_server.url).netloc
    page.on(
        "request",
        lambda r: (
            urlsplit(r.url).scheme in ("http", "https")
            and urlsplit(r.url).netloc != own_host
            and foreign_requests.append(r.url)
        ),
    )
    page.on(
        "response",
        lambda r: (
            r.status >= 400
            and r.request.resource_type != "document"
            and failed_requests.append(f"{r.status} {r.url}")
        ),
    )
    for lang in ("zh-hans", "en", "ko"):
        for pattern in PAGES:
            path = pattern.format(lang=lang)
            page.console_errors.clear()
            response = page.goto(live_server.url + path)
            expected = 404 if "does-not-exist" in path else 200
            if response.status != expected:
                problems.append(f"{path}: HTTP {response.status}")
                continue
            for violation in axe_violations(page):
                problems.append(f"{path}: {violation}")
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            if overflow > 0:
                problems.append(f"{path}: {overflow}px wider than a 375px screen")
            # A 404 page logs its own status; anything else in the console is a fault.
            errors = [e for e in page.console_errors if expected == 200 or "404" not in e]
            problems += [f"{path}: console: {error}" for error in errors]
    problems += [f"failed request: {request}" for request in failed_requests]
    problems += [f"request to another host: {url}" for url in foreign_requests]
    assert problems == [], "\n".join(problems)
