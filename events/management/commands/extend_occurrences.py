"""`manage.py extend_occurrences`: move the rolling window of materialised occurrences forward.

Run it daily (cron, systemd timer): repeating events then always have dates
`EVENTS_HORIZON_DAYS` ahead.
"""

from django.core.management.base import BaseCommand

from events.occurrences import horizon_days, rebuild_all


class Command(BaseCommand):
    help = "Rebuild every event's occurrences up to the horizon (EVENTS_HORIZON_DAYS ahead)."

    def handle(self, *args, **options):
        def progress(done, total, rows):
            self.stdout.write(f"  {done}/{total} events, {rows} occurrences")

        self.stdout.write(f"Materialising occurrences {horizon_days()} days ahead …")
        rows = rebuild_all(progress=progress)
        self.stdout.write(self.style.SUCCESS(f"Done: {rows} occurrences."))
