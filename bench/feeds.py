"""Feed timings: the all-events iCalendar feed at 100, 1,000 and 10,000 events, cold and cached.

    .venv/bin/python bench/feeds.py [--sizes 100,1000,10000] [--runs 3]

"Cold" clears every cache first, so the body and every event's text are written
from the database; "1 changed" is the body rebuilt after one event was published
(every other event's text comes from the `feed_blocks` cache, events/feed_blocks.py);
"cached" is what a polling client costs between changes (the body comes from the
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
from django.core.cache import cache, caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

URL = "/zh-hans/events/ics/"


def timed(client, runs, clear=False, before=None, **headers):
    times, queries, response = [], 0, None
    for _ in range(runs):
        if clear:
            for alias in caches:
                caches[alias].clear()
        if before is not None:
            before()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(URL, **headers)
            times.append(time.perf_counter() - started)
        queries = len(captured.captured_queries)
    return statistics.median(times) * 1000, queries, response


def main():
    from django.utils import timezone

    from bench.bulk_events import bulk_events
    from bench.calendar_views import build_site
    from events.models import EventPage, Occurrence

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
        f"{'events':>7} {'occurrences':>11} {'body KB':>8} | {'cold ms':>8} {'q':>3} | "
        f"{'1 changed ms':>12} | {'cached ms':>9} {'q':>3} | {'304 ms':>7}"
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
        event = EventPage.objects.order_by("pk").first()

        def publish_one(event=event):
            # What publishing one event changes for the feed: its stamp, and the body's key.
            EventPage.objects.filter(pk=event.pk).update(last_published_at=timezone.now())
            cache.clear()

        one_changed, _, _ = timed(client, args.runs, before=publish_one)
        cached, cached_queries, response = timed(client, max(args.runs, 7))
        not_modified, _, response = timed(
            client, max(args.runs, 7), HTTP_IF_NONE_MATCH=response["ETag"]
        )
        assert response.status_code == 304
        print(
            f"{size:>7} {occurrences:>11} {body_kb:>8.0f} | {cold:>8.1f} {cold_queries:>3} | "
            f"{one_changed:>12.1f} | {cached:>9.1f} {cached_queries:>3} | {not_modified:>7.1f}"
        )


if __name__ == "__main__":
    main()
