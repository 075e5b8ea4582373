"""Calendar timings: month view, upcoming list and an event page at 100, 1,000 and 10,000 events.

    .venv/bin/python bench/calendar_views.py [--sizes 100,1000,10000] [--runs 7]
    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/youlin_bench .venv/bin/python ...

A site as the demo has it: three languages, every event translated into English and
Korean, held at one of five venues (public spaces) and organised by one of five
partners; a fifth of the events repeat weekly for a year. Uses a throwaway SQLite
database in /tmp, or the PostgreSQL database named by BENCH_DATABASE_URL, which is
dropped and created afresh (its name must contain "bench"). Prints the median time
and the query count of each view; the query counts should not change with the
number of events.
"""

import os
import sys

# Run as a script, this file's folder comes first on sys.path; the bench package is
# imported from the project root instead.
sys.path[0] = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

import argparse
import tempfile
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
# What a page costs to build: every request runs its view, none comes from the page cache
# (home/page_cache.py). What each process keeps per content version (home/versioned.py)
# is warm, as on a live site. PAGE_CACHE=true times cache hits instead.
os.environ.setdefault("PAGE_CACHE", "false")


def fresh_postgres(url):
    """Drop and create the benchmark database named in `url` (only one named *bench*)."""
    from urllib.parse import urlparse

    import psycopg

    name = urlparse(url).path.lstrip("/")
    if "bench" not in name or not name.replace("_", "").isalnum():
        sys.exit(f"BENCH_DATABASE_URL must name a database containing 'bench', not {name!r}")
    admin_url = url[: url.rindex("/") + 1] + "postgres"
    with psycopg.connect(admin_url, autocommit=True) as admin:
        # The name was checked above: letters, digits and underscores only.
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')


if os.environ.get("BENCH_DATABASE_URL"):
    fresh_postgres(os.environ["BENCH_DATABASE_URL"])
    os.environ["DATABASE_URL"] = os.environ["BENCH_DATABASE_URL"]
elif "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"

import django

django.setup()

from django.core.management import call_command
from django.db import connection
from django.test import Client

from bench.timing import measure


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


def publish(page):
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def translated(page):
    """`page` in English and Korean, published."""
    from wagtail.models import Locale

    copies = []
    for code in ("en", "ko"):
        copy = page.copy_for_translation(Locale.objects.get(language_code=code), copy_parents=True)
        copy.title = f"{page.title} ({code})"
        copies.append(publish(copy))
    return copies


def build_realistic_site():
    """The calendar in three languages, five venues and five organisers, each translated."""
    from wagtail.models import Locale

    from events.models import EventCategory, EventIndexPage
    from services.models import PartnerIndexPage, PartnerPage, PublicSpacePage, SpaceIndexPage

    index = build_site()
    for code in ("en", "ko"):
        Locale.objects.get_or_create(language_code=code)
    home = index.get_parent().specific
    translated(home)
    index_translations = [EventIndexPage.objects.get(pk=p.pk) for p in translated(index)]
    spaces = SpaceIndexPage(title="公共空间", slug="spaces", locale=home.locale)
    home.add_child(instance=spaces)
    spaces = publish(spaces)
    partners = PartnerIndexPage(title="合作伙伴", slug="partners", locale=home.locale)
    home.add_child(instance=partners)
    partners = publish(partners)
    translated(spaces)
    translated(partners)
    venues, organisers = [], []
    for n in range(5):
        venue = PublicSpacePage(title=f"空间 {n}", slug=f"space-{n}", address=f"双柏社区 {n} 号")
        spaces.add_child(instance=venue)
        venues.append(publish(venue))
        translated(venues[-1])
        partner = PartnerPage(title=f"伙伴 {n}", slug=f"partner-{n}", partner_type="volunteer")
        partners.add_child(instance=partner)
        organisers.append(publish(partner))
        translated(organisers[-1])
    category = EventCategory.objects.create(locale=home.locale, name="英语沙龙", slug="salon")
    for code in ("en", "ko"):
        category.copy_for_translation(Locale.objects.get(language_code=code)).save()
    return index, index_translations, venues, organisers, category


def main():
    from bench.bulk_events import bulk_events
    from events.models import EventIndexPage, EventPage, Occurrence

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="100,1000,10000")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    index, translations, venues, organisers, category = build_realistic_site()
    client = Client(HTTP_HOST="localhost")
    print(f"database: {connection.vendor}")
    print(f"{'events':>7} {'occurrences':>11} | {'view':<12} {'median ms':>9} {'queries':>7}")
    created = 0
    for size in sizes:
        started = time.perf_counter()
        bulk_events(
            index,
            size - created,
            category=category,
            venues=venues,
            organisers=organisers,
            translations=translations,
        )
        if connection.vendor == "postgresql":
            # What autovacuum does soon after a bulk load: fresh planner statistics.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        index.refresh_from_db()
        translations = [EventIndexPage.objects.get(pk=t.pk) for t in translations]
        created = size
        setup = time.perf_counter() - started
        occurrences = Occurrence.objects.count()
        event = EventPage.objects.filter(repeat="weekly").order_by("pk").first()
        for name, url in (
            ("month", "/zh-hans/events/month/"),
            ("upcoming", "/zh-hans/events/"),
            ("upcoming ko", "/ko/events/"),
            ("event page", f"/zh-hans/events/{event.slug}/"),
            ("event en", f"/en/events/{event.slug}/"),
        ):
            ms, queries = measure(client, url, args.runs)
            print(f"{size:>7} {occurrences:>11} | {name:<12} {ms:>9.1f} {queries:>7}")
        print(f"{'':>7} (created in {setup:.1f}s)")


if __name__ == "__main__":
    main()
