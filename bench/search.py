"""Search timings: the results page and suggestions at 1,000 and 10,000 pages.

    .venv/bin/python bench/search.py [--sizes 1000,10000] [--runs 7]

Pages are split evenly between Chinese, English and Korean, with text drawn from a
small vocabulary so common words match many pages and rare ones a few. Runs on a
throwaway SQLite database in /tmp, then, if BENCH_DATABASE_URL is set, again on that
server in a throwaway test database (PostgreSQL:
BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/youlin_search_bench makes and
drops test_youlin_search_bench). Prints the median time and query count of each
request; indexing time is printed too.
"""

import os
import sys

sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

import argparse
import math
import random
import statistics
import subprocess
import tempfile
import time
import uuid
from urllib.parse import urlencode

os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
# Every request built by the view: the page cache would answer repeats in a query.
os.environ["PAGE_CACHE"] = "false"
# Django is set up once per process: the second database gets a process of its own.
SERVER_RUN = os.environ.get("BENCH_SERVER_RUN")
os.environ["DATABASE_URL"] = SERVER_RUN or f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django

django.setup()

from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client

from bench.timing import measure, timings

WORDS = {
    "zh-hans": ["社区", "服务", "活动", "邻居", "报名", "免费", "咖啡", "周末", "孩子", "志愿者"],
    "en": ["community", "service", "events", "neighbours", "register", "free", "coffee",
           "weekend", "children", "volunteers"],
    "ko": ["커뮤니티", "서비스", "행사", "이웃", "신청", "무료", "커피", "주말", "아이",
           "자원봉사"],
}  # fmt: skip
RARE = {"zh-hans": "英语沙龙", "en": "English salon", "ko": "영어 살롱"}
QUERIES = [
    ("zh-hans", "沙龙"),  # rare: 1 page in 50
    ("zh-hans", "社区服务"),  # common words
    ("en", "salons"),
    ("en", "community services"),
    ("ko", "살롱에서"),
    ("ko", "커뮤니티"),
    ("en", "nothing matches this"),
    # What residents type (issue 16): each takes another path through search/queries.py.
    ("zh-hans", "英語沙龍"),  # Traditional characters
    ("zh-hans", "周末活动报名"),  # a Chinese run cut into words
    ("en", "comunity servces"),  # typos: corrected against the index's words
    ("en", "free weekend coffee children"),  # all but one word (three or more)
    ("ko", "English salon"),  # nothing in Korean: the other languages' pages
    ("en", "parking permit"),  # nothing anywhere, after every fallback
]


def build_site():
    from wagtail.models import Locale, Page, Site

    from home.models import HomePage

    call_command("migrate", verbosity=0)
    for code in ("en", "ko"):
        Locale.objects.get_or_create(language_code=code)
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    home = HomePage(
        title="首页", slug="home-bench", locale=Locale.objects.get(language_code="zh-hans")
    )
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    site.root_page = home
    site.save()
    welcome.delete()
    homes = {"zh-hans": HomePage.objects.get(pk=home.pk)}
    for code in ("en", "ko"):
        copy = home.copy_for_translation(Locale.objects.get(language_code=code))
        copy.save_revision().publish()
        homes[code] = HomePage.objects.get(pk=copy.pk)
    return homes


def sentence(rng, code, n):
    words = [rng.choice(WORDS[code]) for _ in range(12)]
    if n % 50 == 0:
        words.insert(rng.randrange(len(words)), RARE[code])
    joiner = "" if code == "zh-hans" else " "
    return joiner.join(words)


@transaction.atomic
def bulk_pages(home, code, count, rng):
    """`count` live content pages under `home`, inserted in bulk, then indexed."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    from bench.bulk_events import _insert_rows, bulk_page_rows
    from home.models import ContentPage

    existing = home.numchild
    content_type = ContentType.objects.get_for_model(ContentPage)
    now = timezone.now()
    titles = [
        sentence(rng, code, n + 1)[:60] if n % 7 else f"{RARE[code]} {n}"
        for n in range(existing, existing + count)
    ]
    keys = [uuid.uuid4() for _ in titles]
    pages = bulk_page_rows(home, titles, existing, content_type, now, keys)
    rows = [
        ContentPage(page_ptr_id=page.pk, summary=sentence(rng, code, n), body=[])
        for n, page in enumerate(pages)
    ]
    _insert_rows(ContentPage, rows)
    Page.objects.filter(pk=home.pk).update(numchild=existing + count)
    home.numchild = existing + count
    objs = list(ContentPage.objects.filter(pk__in=[p.pk for p in pages]))
    backend = get_search_backend()
    for start in range(0, len(objs), 500):
        backend.add_bulk(ContentPage, objs[start : start + 500])


def percentile(values, share):
    """The value below which `share` per cent of `values` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share / 100 * len(ordered)) - 1)]


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    rng = random.Random(6)
    name = connection.settings_dict["NAME"]
    if SERVER_RUN:
        connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        run(sizes, args.runs, rng)
    finally:
        if SERVER_RUN:
            connection.creation.destroy_test_db(name, verbosity=0)
    server = os.environ.get("BENCH_DATABASE_URL")
    if server and not SERVER_RUN:
        print(flush=True)
        env = {**os.environ, "BENCH_SERVER_RUN": server}
        subprocess.run([sys.executable, __file__, *sys.argv[1:]], env=env, check=True)  # noqa: S603


def run(sizes, runs, rng):
    homes = build_site()
    client = Client(HTTP_HOST="localhost")
    print(f"database: {connection.vendor}")
    print(
        f"{'pages':>6} | {'request':<38} {'results':>7} {'median ms':>9} {'p95 ms':>7} "
        f"{'queries':>7}"
    )
    created = 0
    for size in sizes:
        started = time.perf_counter()
        for code, home in homes.items():
            bulk_pages(home, code, (size - created) // 3, rng)
        created = size
        setup = time.perf_counter() - started
        from wagtail.models import Locale

        from home.models import SiteVersion
        from search.queries import Search

        SiteVersion.bump()  # the rows were inserted in bulk: the caches' words are stale
        every = []
        for code, query in QUERIES:
            url = f"/{code}/search/?{urlencode({'q': query})}"
            total = Search(query, Locale.objects.get(language_code=code)).total
            times, queries = timings(client, url, runs)
            every += times
            ms, p95 = statistics.median(times) * 1000, percentile(times, 95) * 1000
            label = f"search {code} {query}"
            print(f"{size:>6} | {label:<38} {total:>7} {ms:>9.1f} {p95:>7.1f} {queries:>7}")
        print(f"{'':>6}   p95 of every search request: {percentile(every, 95) * 1000:.1f} ms")
        for code, query in (("zh-hans", "英语沙"), ("en", "sal"), ("ko", "영어 살")):
            url = f"/{code}/search/suggest/?{urlencode({'q': query})}"
            ms, queries = measure(client, url, runs)
            label = f"suggest {code} {query}"
            print(f"{size:>6} | {label:<38} {'':>7} {ms:>9.1f} {'':>7} {queries:>7}")
        print(f"{'':>6}   (pages created and indexed in {setup:.1f}s)")


if __name__ == "__main__":
    main()
