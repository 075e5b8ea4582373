"""`python manage.py setup_roles`: create or correct the editorial groups and workflow."""

from django.core.management.base import BaseCommand

from editorial.roles import WORKFLOW_NAME, setup_roles


class Command(BaseCommand):
    help = "Create the Editors, Moderators and per-language Translators groups (idempotent)."

    def handle(self, *args, **options):
        for name, group in setup_roles().items():
            pages = group.page_permissions.values("page").distinct().count()
            self.stdout.write(f"{name}: {group.permissions.count()} permissions, {pages} trees")
        self.stdout.write(f"Workflow: {WORKFLOW_NAME!r} on every page")
