"""`python manage.py load_demo`: build (or complete) the demo site. Safe to run again."""

import importlib
import importlib.util
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo_kit import Demo

# Apps whose `demo` module contributes STEPS, in the order they run.
DEMO_APPS = ["home", "services", "events", "editorial"]


def demo_modules():
    for app in DEMO_APPS:
        if importlib.util.find_spec(f"{app}.demo") is not None:
            yield importlib.import_module(f"{app}.demo")


class Command(BaseCommand):
    help = "Create the trilingual demo site from the facts in shared/BRIEF.md (idempotent)."

    def handle(self, *args, **options):
        modules = list(demo_modules())
        steps = [step for module in modules for step in getattr(module, "STEPS", [])]
        steps += [step for module in modules for step in getattr(module, "FINAL_STEPS", [])]
        demo = Demo(self.stdout)
        started = time.monotonic()
        for number, (title, step) in enumerate(steps, start=1):
            self.stdout.write(self.style.MIGRATE_HEADING(f"[{number}/{len(steps)}] {title}"))
            step_started = time.monotonic()
            with transaction.atomic():
                step(demo)
            self.stdout.write(f"  done in {time.monotonic() - step_started:.1f}s")
        from home.demo import ADMIN_PASSWORD, ADMIN_USERNAME

        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready in {time.monotonic() - started:.1f}s. "
                f"Admin: {settings.WAGTAILADMIN_BASE_URL}/admin/  "
                f"user {ADMIN_USERNAME!r}, password {ADMIN_PASSWORD!r}"
            )
        )
