"""Feed timings: the all-events iCalendar feed at 100, 1,000 and 10,000 events, cold and cached.

    .venv/bin/python bench/feeds.py [--sizes 100,1000,10000] [--runs 3]

"Cold" clears the cache first, so the body is built from the database; "cached"
is what a polling client costs between changes (the body comes from the
Django cache) and "304" is a conditional GET with the ETag it was given.
A fifth of the events repeat weekly for a year. Uses a throwaway SQLite
database in /tmp unless DATABASE_URL is set.
"""

import os
import sys

sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

import argparse
import statistics
import tempfile
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django

django.setup()

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

URL = "/zh-hans/events/ics/"


def timed(client, runs, clear=False, **headers):
    times, queries, response = [], 0, None
    for _ in range(runs):
        if clear:
            cache.clear()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(URL, **headers)
            times.append(time.perf_counter() - started)
        queries = len(captured.captured_queries)
    return statistics.median(times) * 1000, queries, response


def main():
    from bench.bulk_events import bulk_events
    from bench.calendar_views import build_site
    from events.models import Occurrence

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    index = build_site()
    client = Client(HTTP_HOST="localhost")
    backend = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    print(f"database: {connection.vendor}, cache: {backend}")
    print(
        f"{'events':>7} {'occurrences':>11} {'body KB':>8} | "
        f"{'cold ms':>8} {'q':>3} | {'cached ms':>9} {'q':>3} | {'304 ms':>7}"
    )
    created = 0
    for size in sizes:
        bulk_events(index, size - created)
        index.refresh_from_db()
        created = size
        occurrences = Occurrence.objects.count()
        cold, cold_queries, response = timed(client, args.runs, clear=True)
        assert response.status_code == 200
        body_kb = len(response.content) / 1024
        cached, cached_queries, _ = timed(client, max(args.runs, 7))
        not_modified, _, response = timed(
            client, max(args.runs, 7), HTTP_IF_NONE_MATCH=response["ETag"]
        )
        assert response.status_code == 304
        print(
            f"{size:>7} {occurrences:>11} {body_kb:>8.0f} | {cold:>8.1f} {cold_queries:>3} | "
            f"{cached:>9.1f} {cached_queries:>3} | {not_modified:>7.1f}"
        )


if __name__ == "__main__":
    main()
