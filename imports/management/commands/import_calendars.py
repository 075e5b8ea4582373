"""`manage.py import_calendars`: import every active partner calendar (run it from cron).

One line per calendar, e.g. "Muyan Coffee: 3 added, 1 updated, 0 cancelled or
unpublished, 2 skipped (0.4 s)"; the full report is in the admin under Reports →
Calendar imports. `--source <id>` imports one calendar, active or not.
"""

import time

from django.core.management.base import BaseCommand
from django.utils import translation

from imports.importer import import_source
from imports.models import CalendarSource


class Command(BaseCommand):
    help = "Import the partners' calendars (iCalendar) into the event calendar."

    def add_arguments(self, parser):
        parser.add_argument("--source", type=int, action="append", help="only this calendar's id")

    def handle(self, *args, source=None, **options):
        sources = CalendarSource.objects.select_related("partner", "locale", "document")
        sources = sources.filter(pk__in=source) if source else sources.filter(active=True)
        failed = 0
        with translation.override("en"):
            for calendar in sources.order_by("pk"):
                started = time.monotonic()
                run = import_source(calendar)
                seconds = time.monotonic() - started
                if run.failed:
                    failed += 1
                    self.stderr.write(f"{calendar.name}: failed: {run.error_message()}")
                else:
                    self.stdout.write(f"{calendar.name}: {run.summary()} ({seconds:.1f} s)")
        if failed:
            self.stderr.write(f"{failed} calendar(s) could not be imported.")
