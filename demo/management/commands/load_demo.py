"""`python manage.py load_demo`: build (or complete) the demo site. Safe to run again."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from demo import calendars, directory, events, notices, site, users
from demo.builder import Demo
from demo.guard import check_may_load
from demo.search_index import DeferredIndex
from home.renditions import left_to_visitors

STEPS = [
    ("Locales", site.ensure_locales),
    ("Admin user", users.ensure_admin),
    ("Home pages", site.home_pages),
    ("Content pages", site.content_pages),
    ("Directory: service categories", directory.categories),
    ("Directory: index pages", directory.index_pages),
    ("Directory: public spaces", directory.spaces),
    ("Directory: service guides", directory.services),
    ("Directory: partners", directory.partners),
    ("Event categories", events.categories),
    ("Event calendar page", events.index_page),
    ("Repeating events (the English salon: one Saturday cancelled, one moved)", events.repeating),
    ("One-off and multi-day events", events.one_offs),
    ("Notices: residential compounds", notices.areas),
    ("Notices: the notice board", notices.index_page),
    ("Notices: a water outage, a reminder, a road closure and an urgent alert", notices.notices),
    ("Contact form", notices.contact_page),
    ("Search synonyms", site.search_synonyms),
    ("Editorial roles, workflow and demo users", users.roles_and_users),
    (
        "Partner calendars (an uploaded .ics, imported by import_calendars)",
        calendars.partner_calendar,
    ),
    # Last, so the menu can link to every index page.
    ("Links between pages (the newcomer's path)", site.page_links),
    ("Navigation and footer", site.site_chrome),
]


class Command(BaseCommand):
    help = (
        "Create the trilingual demo site from demo/content/*.toml (idempotent). Refuses to run "
        "outside the development and test settings, or on a database with other content, "
        "unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the demo even with production settings or on a database with other content.",
        )

    def handle(self, *args, force=False, **options):
        if not force:
            check_may_load()
        demo = Demo(self.stdout, password=users.demo_password())
        search_index = DeferredIndex()
        steps = [*STEPS, ("Search index", search_index.update)]
        started = time.monotonic()
        # Renditions are made by the first visit of each page, not for all ~60 pages here.
        with search_index, left_to_visitors():
            for number, (title, step) in enumerate(steps, start=1):
                self.stdout.write(self.style.MIGRATE_HEADING(f"[{number}/{len(steps)}] {title}"))
                step_started = time.monotonic()
                with transaction.atomic():
                    step(demo)
                self.stdout.write(f"  done in {time.monotonic() - step_started:.1f}s")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready in {time.monotonic() - started:.1f}s. "
                f"Admin: {settings.WAGTAILADMIN_BASE_URL}/admin/  "
                f"user {users.ADMIN_USERNAME!r}, {users.account_password(demo)}"
            )
        )
