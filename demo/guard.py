"""Where `load_demo` may write: settings that allow it, and a database with nothing but the demo.

The demo creates a superuser and role accounts and sets the groups of users with its
names, which must not happen on a real site. `--force` skips these checks.
"""

import functools
import operator

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import CommandError
from django.db.models import Q
from wagtail.models import Page

from demo.loader import content
from demo.users import demo_accounts

SHOWN = 5  # names quoted in the refusal


def demo_slugs():
    """The slug of every page the demo creates (its translations share them)."""
    site, directory, events = content("site"), content("directory"), content("events")
    notices = content("notices")
    slugs = {site["home"]["slug"], "events", "notices", notices["contact"]["slug"]}
    slugs |= set(directory["indexes"])
    for items in (site["pages"], directory["spaces"], directory["services"]):
        slugs |= {item["slug"] for item in items}
    for items in (directory["partners"], events["events"], notices["notices"]):
        slugs |= {item["slug"] for item in items}
    return slugs


def foreign_pages():
    """Pages the demo did not create (Wagtail's welcome page from `migrate` aside)."""
    slugs = demo_slugs()
    demo_keys = Page.objects.filter(slug__in=slugs).values("translation_key")
    welcome = Q(depth=2, slug="home", content_type=ContentType.objects.get_for_model(Page))
    return (
        Page.objects.filter(depth__gt=1)
        .exclude(slug__in=slugs)
        .exclude(translation_key__in=demo_keys)
        .exclude(welcome)
        .order_by("path")
    )


def foreign_users():
    """Accounts the demo did not create: other names, or a demo name with another e-mail address."""
    ours = [Q(username=username, email=email) for username, email in demo_accounts()]
    return get_user_model().objects.exclude(functools.reduce(operator.or_, ours)).order_by("pk")


def check_may_load():
    """Raise CommandError, before anything is written, where the demo must not be loaded."""
    if not getattr(settings, "DEMO_ALLOWED", False):
        raise CommandError(
            "load_demo refuses to run with these settings (DEMO_ALLOWED is not set, as in "
            "production): it creates a superuser and demo accounts. Use config.settings.dev, "
            "or pass --force if you really mean to load the demo here."
        )
    pages = [page.title for page in foreign_pages()[:SHOWN]]
    users = [user.get_username() for user in foreign_users()[:SHOWN]]
    if pages or users:
        found = "; ".join(
            f"{kind}: {', '.join(map(repr, names))}"
            for kind, names in (("pages", pages), ("users", users))
            if names
        )
        raise CommandError(
            f"load_demo refuses to run on a database with content the demo did not create "
            f"({found}). It would add a superuser and demo accounts and reset the groups of "
            f"users with the demo's names. Use an empty database, or pass --force."
        )
