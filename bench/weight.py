"""Page weight: HTML + CSS + JS of each page type, gzip-compressed, against a 100 KB budget.

    .venv/bin/python bench/weight.py [--budget-kb 100] [--languages zh-hans,en,ko]

Serves the demo site (see bench/demo_server.py), fetches each page type in each language,
then every stylesheet and script the page links from this site, and gzips each one as
whitenoise does for production (images are left out, as the budget says). Prints one row
per page and language and exits with status 1 if any page is over budget.
"""

import os
import sys

# Run as a script, this folder comes first on sys.path; import the bench package from the
# project root instead.
sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


import argparse
import gzip
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urljoin

from bench.demo_server import LANGUAGES, PAGE_TYPES, demo_server, page_path


class Assets(HTMLParser):
    """Collects the stylesheets and scripts a page loads."""

    def __init__(self):
        super().__init__()
        self.css, self.js = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split():
            self.css.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.js.append(attrs["src"])


def fetch(url):
    try:
        with urllib.request.urlopen(url) as response:  # noqa: S310
            return response.read()
    except urllib.error.HTTPError as error:  # the 404 page is a page too
        return error.read()


def gz(data):
    return len(gzip.compress(data, compresslevel=9))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--budget-kb", type=float, default=100)
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    args = parser.parse_args()
    over = []
    with demo_server() as base:
        print(
            f"{'page type':<16} {'lang':<8} {'HTML':>8} {'CSS':>8} {'JS':>8} {'total':>9}  (KB gz)"
        )
        for name, pattern in PAGE_TYPES:
            for lang in args.languages.split(","):
                url = base + page_path(pattern, lang)
                html = fetch(url)
                if b'rel="stylesheet"' not in html:
                    raise SystemExit(f"{url} did not return a site page:\n{html[:500]!r}")
                assets = Assets()
                assets.feed(html.decode("utf-8"))
                css = sum(gz(fetch(urljoin(url, href))) for href in assets.css)
                js = sum(gz(fetch(urljoin(url, src))) for src in assets.js)
                total = gz(html) + css + js
                flag = "" if total <= args.budget_kb * 1024 else "  OVER BUDGET"
                if flag:
                    over.append(f"{name} ({lang})")
                print(
                    f"{name:<16} {lang:<8} {gz(html) / 1024:8.1f} {css / 1024:8.1f} "
                    f"{js / 1024:8.1f} {total / 1024:9.1f}{flag}"
                )
    if over:
        print("Over the budget:", ", ".join(over))
        return 1
    print(f"Every page is within {args.budget_kb:g} KB (HTML + CSS + JS, gzip).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
