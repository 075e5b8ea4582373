"""`python manage.py setup_synonyms`: give each language without synonym lists the usual ones."""

import tomllib
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale

from search.models import Synonym

SEEDS = Path(__file__).resolve().parents[2] / "data" / "synonyms.toml"


def seed_synonyms():
    """Add search/data/synonyms.toml's lists to every language that has none: {code: added}."""
    seeds = tomllib.loads(SEEDS.read_text(encoding="utf-8"))
    added = {}
    with transaction.atomic():
        for locale in Locale.objects.filter(language_code__in=seeds):
            if Synonym.objects.filter(locale=locale).exists():
                continue
            for words in seeds[locale.language_code]:
                # One by one, through save(): the site's version goes up (search/queries.py).
                Synonym.objects.create(locale=locale, words=words)
            added[locale.language_code] = len(seeds[locale.language_code])
    return added


class Command(BaseCommand):
    help = (
        "Give each language with no search synonyms yet the usual lists "
        "(search/data/synonyms.toml); editors change them under Snippets → Search synonyms."
    )

    def handle(self, *args, **options):
        added = seed_synonyms()
        for code, count in added.items():
            self.stdout.write(f"{code}: {count} synonym lists")
        if not added:
            self.stdout.write("Every language already has synonym lists.")
