"""Shared fixtures: the clock, locales, a published home page in three languages, helpers.

Every test runs on one fixed morning (`clock`), unless it travels elsewhere itself:
dates built from "now" are then the same at any hour the suite runs. YOULIN_TEST_NOW
(an ISO 8601 instant) runs the whole suite at another one.

Page trees are built once per test process and replayed as rows after that
(tests/replay.py). Search indexing is off, except where search is what is tested
(fixture `search_index_kept_up_to_date`).
"""

import copy
import datetime
import io
import os
import sqlite3
import subprocess
import time
import uuid
from pathlib import Path
from types import SimpleNamespace

import pytest
import time_machine
from django.core.cache import cache, caches
from django.core.management import call_command
from django.db import connection, transaction
from wagtail.models import Locale, Page, Site

from home import versioned
from home.models import HomePage
from tests.replay import dump_database, replayed, search_indexing_on, write_database

LANGUAGE_CODES = ("zh-hans", "en", "ko")

# A Wednesday morning in Chengdu, mid-month: today, this week and this month all have
# days left, and every evening event of the week is still to come.
DEFAULT_NOW = "2027-01-13T10:00:00+08:00"


def suite_now():
    return datetime.datetime.fromisoformat(os.environ.get("YOULIN_TEST_NOW") or DEFAULT_NOW)


# time.monotonic() is the real clock: time-machine leaves it alone.
_suite_started = time.monotonic()


@pytest.fixture(autouse=True)
def clock():
    """The suite's fixed instant, plus the time the suite has run so far; it ticks on.

    The clock never goes back from one test to the next, so what an earlier test
    recorded (tests/replay.py) was always published in the past. A test that needs
    another instant travels there itself: `clock.move_to(...)`.
    """
    elapsed = datetime.timedelta(seconds=time.monotonic() - _suite_started)
    with time_machine.travel(suite_now() + elapsed, tick=True) as traveller:
        yield traveller


@pytest.fixture(autouse=True)
def keep_file_storages():
    """Put back the storages a test found, files and all, when it changed STORAGES.

    Django drops its storage objects whenever STORAGES changes, and with the in-memory
    media storage every file uploaded so far (the demo's pictures, restored with the demo's
    rows in later tests). Torn down after the test's own `settings` changes are undone.
    """
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.core.files.storage import default_storage, storages

    saved = (dict(storages._storages), default_storage._wrapped, staticfiles_storage._wrapped)
    yield
    storages._storages, default_storage._wrapped, staticfiles_storage._wrapped = saved


@pytest.fixture
def search_index_kept_up_to_date():
    """Whether saving a page updates the search index: overridden where search is tested."""
    return False


@pytest.fixture(autouse=True)
def search_auto_update(request, search_index_kept_up_to_date):
    if search_index_kept_up_to_date:
        yield
        return
    settings = request.getfixturevalue("settings")
    backends = copy.deepcopy(settings.WAGTAILSEARCH_BACKENDS)
    for backend in backends.values():
        backend["AUTO_UPDATE"] = False
    settings.WAGTAILSEARCH_BACKENDS = backends
    yield


def pytest_configure(config):
    # The gettext catalogues are compiled from locale/*.po with Babel, as setup does.
    from babel.messages.frontend import CommandLineInterface

    for directory, domain in (
        ("locale", "django"),
        ("locale/vendor", "django"),
        ("locale/vendor", "djangojs"),
    ):
        CommandLineInterface().run(["pybabel", "-q", "compile", "-d", directory, "-D", domain])


# Tests that start other processes (app servers, editors, a restore, manage.py), and those
# that need the whole demo site (DEMO_FIXTURES, LOAD_DEMO_TWICE): `--part=heavy` runs only
# them, `--part=rest` the others, so that bin/test can give them a pytest process of their
# own beside the rest. The demo is then loaded in that process only.
PROCESS_TESTS = (
    "tests/feeds/test_app_servers.py",
    "tests/home/test_concurrent_publishing.py",
    "tests/home/test_backup.py",
    "tests/home/test_environment_checks.py",
)


def pytest_addoption(parser):
    parser.addoption(
        "--part",
        choices=("all", "heavy", "rest"),
        default="all",
        help="all tests; only those that start other processes or need the demo; or the rest",
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Keep the `--part` asked for; run `test_load_demo_twice…` before the other demo tests.

    That test loads the demo for real anyway (twice, from an empty database) and keeps it
    for `restore_demo`: the tests after it restore that instead of loading a third time.
    """
    part = config.getoption("part")
    if part != "all":
        kept, left = [], []
        for item in items:
            heavy = (
                item.nodeid.split("::")[0] in PROCESS_TESTS
                or item.name == LOAD_DEMO_TWICE
                or bool(DEMO_FIXTURES & set(getattr(item, "fixturenames", ())))
            )
            (kept if heavy == (part == "heavy") else left).append(item)
        if left:
            config.hook.pytest_deselected(items=left)
            items[:] = kept
    twice = [i for i, item in enumerate(items) if item.name == LOAD_DEMO_TWICE]
    demo = [
        i for i, item in enumerate(items) if DEMO_FIXTURES & set(getattr(item, "fixturenames", ()))
    ]
    if twice and demo and twice[0] > demo[0]:
        items.insert(demo[0], items.pop(twice[0]))


LOAD_DEMO_TWICE = "test_load_demo_twice_changes_nothing_and_reports_each_step"
DEMO_FIXTURES = {"demo_site", "demo"}  # both call restore_demo()


@pytest.fixture
def locales(db):
    return replayed(
        "locales",
        lambda: {
            code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGE_CODES
        },
    )


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
    return replayed("home", lambda: build_home(locales))


def build_home(locales):
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
        indexed = (key, "search index")
        # Row for row, ids included; foreign keys are checked at the commit.
        with transaction.atomic():
            if search_indexing_on() and indexed in _demo_snapshots:
                write_database(_demo_snapshots[indexed])
            else:
                write_database(_demo_snapshots[key])
        if search_indexing_on() and indexed not in _demo_snapshots:
            # As the demo was first loaded here, the search index may have been left empty.
            call_command("update_index", stdout=io.StringIO())
            _demo_snapshots[indexed] = dump_database()  # the next one restores it indexed
    return Site.objects.get(is_default_site=True)


def remember_demo():
    """Keep what the database holds now, right after a real `load_demo`, for `restore_demo`."""
    key = connection.settings_dict["NAME"]
    _demo_snapshots[key] = dump_database()
    _demo_snapshots.pop((key, "search index"), None)


@pytest.fixture
def demo_site(transactional_db, django_db_serialized_rollback):
    """The full demo site, built by `load_demo` exactly as a newcomer would.

    Transactional: wagtail-localize publishes translations when the transaction
    commits, which a plain `db` test never does.
    """
    return restore_demo()


def new_database(copy_of=None):
    """The URL of a new database of the engine the suite runs on, and a function removing it.

    Empty, or a copy of the database at `copy_of` (a URL from here, or the test database
    itself as `TEST_DATABASE`), which nobody may be connected to on PostgreSQL: a database
    file copied with SQLite's backup API, or `createdb --template` on PostgreSQL. For tests
    that start other processes (app servers, editors, a restore).
    """
    if connection.vendor == "sqlite":
        path = Path(f"/tmp/youlin-{uuid.uuid4().hex}.sqlite3")  # noqa: S108
        if copy_of is not None:
            with sqlite3.connect(path) as target:
                if copy_of == TEST_DATABASE:
                    connection.ensure_connection()
                    connection.connection.backup(target)
                else:
                    source = sqlite3.connect(copy_of.removeprefix("sqlite:///"))
                    with source:
                        source.backup(target)
                    source.close()
            target.close()

        def remove():
            for suffix in ("", "-wal", "-shm"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)

        return f"sqlite:///{path}", remove
    db = connection.settings_dict
    host, user = db["HOST"] or "127.0.0.1", db["USER"]
    server = ["-h", host, "-p", str(db["PORT"] or 5432), "-U", user]
    name = f"youlin_{uuid.uuid4().hex[:12]}"
    template = []
    if copy_of == TEST_DATABASE:
        connection.close()  # a template database has no one else connected
        template = ["--template", db["NAME"]]
    elif copy_of is not None:
        template = ["--template", copy_of.rsplit("/", 1)[1]]
    subprocess.run(["createdb", *server, *template, name], check=True)  # noqa: S603, S607

    def remove():
        # In the background: dropping a database waits for a checkpoint, seconds on a busy
        # disk. `django_db_setup` waits for every drop at the end of the session.
        _dropping.append(subprocess.Popen(["dropdb", *server, name]))  # noqa: S603, S607

    return f"postgres://{user}@{host}:{db['PORT'] or 5432}/{name}", remove


TEST_DATABASE = "the test database"  # for new_database(copy_of=...)
_migrated = {}  # test database name -> URL of its copy as the migrations left it
_dropping = []  # dropdb processes under way


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    """pytest-django's test database; and a copy of it as the migrations left it, if wanted.

    The copy (`migrated_database`) is taken before any test writes to the test database,
    and only when a collected test asks for it.
    """
    wanted = any(
        "migrated_database" in getattr(item, "fixturenames", ()) for item in request.session.items
    )
    remove = None
    if wanted:
        with django_db_blocker.unblock():
            url, remove = new_database(copy_of=TEST_DATABASE)
            _migrated[connection.settings_dict["NAME"]] = url
    yield
    if remove is not None:
        remove()
    while _dropping:
        dropdb = _dropping.pop()
        assert dropdb.wait() == 0, dropdb.args


@pytest.fixture(scope="session")
def migrated_database(django_db_setup):
    """The URL of a database as `migrate` leaves it, to copy with `new_database`, never to use.

    The test database just after pytest-django migrated it: a copy of it is what running
    `migrate` on an empty database gives, in a fraction of the time.
    """
    return _migrated[connection.settings_dict["NAME"]]


@pytest.fixture
def fresh_database_url():
    """The URL of a new, empty database of the engine the suite runs on, removed afterwards."""
    url, remove = new_database()
    yield url
    remove()


@pytest.fixture
def migrated_database_url(migrated_database):
    """The URL of a new database as `migrate` leaves it, removed afterwards."""
    url, remove = new_database(copy_of=migrated_database)
    yield url
    remove()


@pytest.fixture(autouse=True)
def fresh_page_cache():
    """An empty cache for each test: a cached page is keyed by the content's version number,
    which each test's rollback takes back to where it was. So are the values each process
    keeps per version (home/versioned.py)."""
    cache.clear()
    caches["feed_blocks"].clear()
    versioned.forget()


@pytest.fixture
def uncached_pages(settings):
    """Every request rendered by its view: for tests of what a page costs to build."""
    settings.YOULIN_PAGE_CACHE = False
