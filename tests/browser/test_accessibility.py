"""Every page type in every locale, in Chromium at phone width: axe-core finds no WCAG 2.2 A/AA
violations (nor any of the layout-dependent ones at desktop width), the console stays clean,
nothing overflows sideways from 320 px up, text in another script carries its own lang, images
reserve their space and load lazily below the fold, colours keep their contrast in the dark
theme too, and nothing is fetched from another host
(third-party CDNs are blocked or slow in mainland China).

One test walks all the pages, because it needs the whole demo site, which takes minutes to build."""

from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest

pytestmark = [pytest.mark.browser]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Each page type, with the status it answers.
PAGES = {
    "/{lang}/": 200,
    "/{lang}/about/": 200,
    "/{lang}/newcomers/": 200,
    "/{lang}/emergency/": 200,
    "/{lang}/services/": 200,
    "/{lang}/services/temporary-residence-registration/": 200,
    "/{lang}/partners/": 200,
    "/{lang}/partners/muyan-coffee/": 200,
    "/{lang}/spaces/": 200,
    "/{lang}/spaces/international-neighbour-service-centre/": 200,
    "/{lang}/events/": 200,
    "/{lang}/events/month/": 200,
    "/{lang}/events/week/": 200,
    "/{lang}/events/today/": 200,
    "/{lang}/events/weekend/": 200,
    "/{lang}/events/english-salon/": 200,
    "/{lang}/events/subscribe/": 200,
    "/{lang}/notices/": 200,
    "/{lang}/notices/archive/": 200,
    "/{lang}/notices/water-outage-jinxiu/": 200,
    "/{lang}/contact/": 200,
    "/{lang}/search/?q={salon}": 200,  # results
    "/{lang}/search/?q=xyzzy": 200,  # nothing found: the way on to the calendar and directory
    "/{lang}/does-not-exist/": 404,
    "/{lang}/events/month/2030/13/": 400,  # the calendar's "we could not show that" page
    "/{lang}/partners/?type=spaceship": 400,  # the directory's "we could not use that filter"
}

SALON = {"zh-hans": "沙龙", "en": "salon", "ko": "살롱"}

# Text in Hangul outside a Korean element, or in Han outside a Chinese one: a screen reader
# would read it in the wrong voice and the browser might pick the wrong font. Editors' own
# text (.prose, .lead) is left out: it cannot carry lang.
FOREIGN_TEXT = r"""() => {
  const hangul = /[\uac00-\ud7af\u1100-\u11ff\u3130-\u318f]/, han = /[\u3400-\u9fff]/;
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement, text = node.textContent.trim();
    if (!text || element.closest('script, style, .prose, .lead')) continue;
    const lang = element.closest('[lang]').lang.toLowerCase();
    if ((hangul.test(text) && !lang.startsWith('ko'))
        || (han.test(text) && !hangul.test(text) && !lang.startsWith('zh'))) {
      found.push(`"${text.slice(0, 40)}" in lang=${lang}`);
    }
  }
  return found;
}"""

# Every image says how big it will be (no layout shift), comes as AVIF and WebP with a
# fallback, and waits with loading="lazy" if it starts more than a screen below the top.
IMAGES = """() => [...document.images].flatMap(img => {
  const name = img.src.split('/').pop(), sources = img.closest('picture')
    ? [...img.closest('picture').querySelectorAll('source')].map(s => s.type) : [];
  const problems = [];
  if (!img.getAttribute('width') || !img.getAttribute('height')) problems.push('no width/height');
  if (!sources.includes('image/avif') || !sources.includes('image/webp')) {
    problems.push('no AVIF/WebP');
  }
  if (img.getBoundingClientRect().top > 2 * innerHeight && img.loading !== 'lazy') {
    problems.push('below the fold but not lazy');
  }
  return problems.map(problem => `${name}: ${problem}`);
})"""


# The rules whose outcome depends on the layout: checked again on a desktop-wide window.
LAYOUT_RULES = ["target-size", "color-contrast", "scrollable-region-focusable"]


def axe_violations(page, rules=None):
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, as a browser extension would: the page's
        # strict Content-Security-Policy rightly refuses an injected <script>.
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": WCAG_TAGS}
    # Every rule still runs on every element; only the violations are written up in full
    # (axe describes passing and inapplicable elements with one example each), which spares
    # most of its time on a long page.
    result = page.evaluate(
        "only => axe.run(document, {runOnly: only, resultTypes: ['violations']})", only
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
        for pattern, expected in PAGES.items():
            path = pattern.format(lang=lang, salon=quote(SALON[lang]))
            page.console_errors.clear()
            response = page.goto(live_server.url + path)
            if response.status != expected:
                problems.append(f"{path}: HTTP {response.status}")
                continue
            for violation in axe_violations(page):
                problems.append(f"{path}: {violation}")
            problems += [f"{path}: {text}" for text in page.evaluate(FOREIGN_TEXT)]
            problems += [f"{path}: {image}" for image in page.evaluate(IMAGES)]
            for width in (375, 320):
                page.set_viewport_size({"width": width, "height": 800})
                overflow = page.evaluate(
                    "document.documentElement.scrollWidth - document.documentElement.clientWidth"
                )
                if overflow > 0:
                    problems.append(f"{path}: {overflow}px wider than a {width}px screen")
            page.set_viewport_size({"width": 1280, "height": 800})
            for violation in axe_violations(page, LAYOUT_RULES):
                problems.append(f"{path} at 1280px: {violation}")
            page.set_viewport_size({"width": 375, "height": 800})
            # The dark theme (prefers-color-scheme: dark) changes colours only: contrast again.
            page.emulate_media(color_scheme="dark")
            for violation in axe_violations(page, ["color-contrast"]):
                problems.append(f"{path} in dark mode: {violation}")
            page.emulate_media(color_scheme="light")
            # An error page logs its own status; anything else in the console is a fault.
            errors = [e for e in page.console_errors if expected == 200 or str(expected) not in e]
            problems += [f"{path}: console: {error}" for error in errors]
    problems += [f"failed request: {request}" for request in failed_requests]
    problems += [f"request to another host: {url}" for url in foreign_requests]
    assert problems == [], "\n".join(problems)
