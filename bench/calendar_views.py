"""Calendar timings: month view, upcoming list and an event page at 100, 1,000 and 10,000 events.

    .venv/bin/python bench/calendar_views.py [--sizes 100,1000,10000] [--runs 7]

A fifth of the events repeat weekly for a year. Uses a throwaway SQLite database
in /tmp unless DATABASE_URL is set. Prints the median time and the query count
of each view; the query counts should not change with the number of events.
"""

import os
import sys

# Run as a script, this file's folder comes first on sys.path; the bench package is
# imported from the project root instead.
sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

import argparse  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from bench.timing import measure  # noqa: E402


def build_site():
    from wagtail.models import Locale, Page, Site

    from events.models import EventIndexPage
    from home.models import HomePage

    call_command("migrate", verbosity=0)
    locale = Locale.objects.get(language_code="zh-hans")
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    home = HomePage(title="首页", slug="home-bench", locale=locale)
    Page.get_first_root_node().add_child(instance=home)
    home.save_revision().publish()
    site.root_page = home
    site.save()
    welcome.delete()
    index = EventIndexPage(title="活动", slug="events", locale=locale)
    home.add_child(instance=index)
    index.save_revision().publish()
    return EventIndexPage.objects.get(pk=index.pk)


def main():
    from bench.bulk_events import bulk_events
    from events.models import EventPage, Occurrence

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    index = build_site()
    client = Client(HTTP_HOST="localhost")
    print(f"database: {connection.vendor}")
    print(f"{'events':>7} {'occurrences':>11} | {'view':<12} {'median ms':>9} {'queries':>7}")
    created = 0
    for size in sizes:
        started = time.perf_counter()
        bulk_events(index, size - created)
        index.refresh_from_db()
        created = size
        setup = time.perf_counter() - started
        occurrences = Occurrence.objects.count()
        event = EventPage.objects.filter(repeat="weekly").order_by("pk").first()
        for name, url in (
            ("month", "/zh-hans/events/month/"),
            ("upcoming", "/zh-hans/events/"),
            ("event page", f"/zh-hans/events/{event.slug}/"),
        ):
            ms, queries = measure(client, url, args.runs)
            print(f"{size:>7} {occurrences:>11} | {name:<12} {ms:>9.1f} {queries:>7}")
        print(f"{'':>7} (created in {setup:.1f}s)")


if __name__ == "__main__":
    main()
