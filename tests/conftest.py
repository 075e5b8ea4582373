"""Shared fixtures: locales, a published home page in three languages, translation helpers."""

import io
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.models import Locale, Page, Site

from home.models import HomePage

LANGUAGE_CODES = ("zh-hans", "en", "ko")


def pytest_configure(config):
    # The gettext catalogues are compiled from locale/*.po with Babel, as setup does.
    from babel.messages.frontend import CommandLineInterface

    for directory in ("locale", "locale/vendor"):
        CommandLineInterface().run(["pybabel", "-q", "compile", "-d", directory, "-D", "django"])


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGE_CODES}


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def translate(page, language_code, **fields):
    """A published translation of `page` into `language_code` with `fields` set."""
    locale = Locale.objects.get(language_code=language_code)
    translation = page.specific.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translation, name, value)
    return publish(translation)


@pytest.fixture
def home(locales):
    """The Chinese home page as the default site's root, with English and Korean translations."""
    site = Site.objects.get(is_default_site=True)
    welcome = site.root_page
    root = Page.get_first_root_node()
    zh = HomePage(title="双柏国际社区", slug="home-zh", locale=locales["zh-hans"], lead="欢迎")
    root.add_child(instance=zh)
    publish(zh)
    site.root_page = zh
    site.save()
    welcome.delete()
    en = translate(zh, "en", title="Shuangbai International Community", lead="Welcome")
    ko = translate(zh, "ko", title="솽바이 국제 커뮤니티", lead="환영합니다")
    return SimpleNamespace(**{"zh": zh, "en": en, "ko": ko})


# The demo as load_demo leaves it, serialized after the first real run in each test process
# (one per database): a real run takes a minute, restoring this a few seconds.
_demo_snapshots = {}


def restore_demo():
    """The database as `load_demo` leaves it; call only inside a transactional test."""
    key = connection.settings_dict["NAME"]
    if key not in _demo_snapshots:
        call_command("load_demo", stdout=io.StringIO())
        remember_demo()
    else:
        # As TransactionTestCase flushes: sequences stay ahead of every restored id.
        call_command(
            "flush",
            verbosity=0,
            interactive=False,
            inhibit_post_migrate=True,
            reset_sequences=False,
        )
        connection.creation.deserialize_db_from_string(_demo_snapshots[key])
        # SQLite's full-text table is not a model, so it is not in the snapshot.
        call_command("update_index", stdout=io.StringIO())
    return Site.objects.get(is_default_site=True)


def remember_demo():
    """Keep what the database holds now, right after a real `load_demo`, for `restore_demo`."""
    _demo_snapshots[connection.settings_dict["NAME"]] = connection.creation.serialize_db_to_string()


@pytest.fixture
def demo_site(transactional_db, django_db_serialized_rollback):
    """The full demo site, built by `load_demo` exactly as a newcomer would.

    Transactional: wagtail-localize publishes translations when the transaction
    commits, which a plain `db` test never does.
    """
    return restore_demo()
