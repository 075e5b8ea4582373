"""One state across workers and app servers (issue 13, finding 1 and "where users outgrow one
machine"), reproduced as found: real gunicorn processes on production settings.

* Three sync workers on the embedded default (a database file or PostgreSQL, each worker
  with its own local-memory cache): every worker caches the English calendar feed, the
  salon is moved from 19:00 to 18:00 and published by an editor's process, and within a
  second every worker serves 18:00 with a new ETag, to plain and conditional requests.
* Two app servers on different ports sharing the database and Redis: the same, read
  through both.
* The salon's page, which every process has cached for anonymous visitors, shows the
  new time on every process at once too.
"""

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
import redis

from tests.conftest import new_database

ROOT = Path(__file__).resolve().parents[2]
REQUESTS_PER_CHECK = 24  # sync workers share one socket; two dozen requests reach all three

BUILD = """
import datetime
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from events.models import EventIndexPage, EventPage
from home.models import HomePage
for code in ("zh-hans", "en"):
    Locale.objects.get_or_create(language_code=code)
zh, en = Locale.objects.get(language_code="zh-hans"), Locale.objects.get(language_code="en")
root = Page.get_first_root_node()
home = root.add_child(instance=HomePage(title="双柏", slug="home-zh", locale=zh))
home.save_revision().publish()
site = Site.objects.get(is_default_site=True)
welcome = site.root_page
site.root_page = home
site.save()
welcome.delete()
index = home.add_child(instance=EventIndexPage(title="活动", slug="events"))
index.save_revision().publish()
today = timezone.localdate()
saturday = today + datetime.timedelta(days=(5 - today.weekday()) % 7 + 7)
salon = index.add_child(instance=EventPage(
    title="英语沙龙", slug="english-salon", summary="每周六", start_date=saturday,
    start_time=datetime.time(19), end_time=datetime.time(21), repeat="weekly", repeat_count=4))
salon.save_revision().publish()
for page in (home, index, salon):
    copy = Page.objects.get(pk=page.pk).specific.copy_for_translation(en, copy_parents=True)
    copy.title = {"双柏": "Shuangbai", "活动": "Events", "英语沙龙": "English salon"}[page.title]
    copy.save_revision().publish()
"""

MOVE = """
import datetime
import django
django.setup()
from events.models import EventPage
salon = EventPage.objects.get(slug="english-salon", locale__language_code="zh-hans")
salon.start_time = datetime.time(18)
salon.save_revision().publish()
"""


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def served_settings(tmp_path_factory):
    """Production settings, static files without a manifest: the folder to put on the path."""
    folder = tmp_path_factory.mktemp("served")
    (folder / "served_settings.py").write_text(
        "from config.settings.production import *  # noqa\n"
        "STORAGES = {**STORAGES, 'staticfiles': "
        "{'BACKEND': 'django.contrib.staticfiles.storage.StaticFilesStorage'}}\n"
    )
    return folder


def served_env(served_settings, database_url):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "served_settings",
        "PYTHONPATH": os.pathsep.join([str(served_settings), str(ROOT)]),
        "SECRET_KEY": "app-servers-test-" + uuid.uuid4().hex + uuid.uuid4().hex,
        "ALLOWED_HOSTS": "youlin.test",
        "SECURE_SSL_REDIRECT": "false",
    }
    env.pop("REDIS_URL", None)
    env.pop("CACHE_URL", None)
    return env


@pytest.fixture(scope="module")
def built_site(served_settings, migrated_database):
    """A database with the salon, built once by another process on production settings."""
    url, remove = new_database(copy_of=migrated_database)
    python(BUILD, served_env(served_settings, url))
    yield url
    remove()


@pytest.fixture
def site_env(served_settings, built_site):
    """Production settings on a copy of `built_site` of the test's own."""
    url, remove = new_database(copy_of=built_site)
    yield served_env(served_settings, url)
    remove()


def python(script, env):
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]


class AppServer:
    def __init__(self, env, workers):
        self.port = free_port()
        self.process = subprocess.Popen(  # noqa: S603
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--workers",
                str(workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--timeout",
                "120",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                self.get("/healthz")
                return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise AssertionError("gunicorn did not start: " + self.process.stderr.read().decode())

    def get(self, path, etag=None):
        # Behind one proxy every server sees the site's own host name.
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", headers={"Host": "youlin.test"}
        )
        if etag:
            request.add_header("If-None-Match", etag)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310
                return response.status, response.headers.get("ETag"), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("ETag"), ""

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


def feed_answers(servers, etag=None):
    return [
        server.get("/en/events/ics/", etag)
        for _ in range(REQUESTS_PER_CHECK // len(servers))
        for server in servers
    ]


def page_answers(servers):
    """The salon's English page from every process: each one caches it (home/page_cache.py)."""
    return [
        server.get("/en/events/english-salon/")
        for _ in range(REQUESTS_PER_CHECK // len(servers))
        for server in servers
    ]


def check_a_move_reaches_every_process(servers, env):
    pages = page_answers(servers)
    assert all(status == 200 and "19:00" in page for status, _etag, page in pages)
    before = feed_answers(servers)
    assert {status for status, _etag, _body in before} == {200}
    assert all("T190000" in body for _status, _etag, body in before)
    old_etag = before[0][1]
    assert {etag for _status, etag, _body in before} == {old_etag}

    python(MOVE, env)
    # The very first requests after the publish, plain and conditional, get the new time.
    for etag in (None, old_etag):  # plain requests, and calendar apps polling with the old ETag
        after = feed_answers(servers, etag)
        assert {status for status, _etag, _body in after} == {200}, "a process kept the old feed"
        assert all("T180000" in body and "T190000" not in body for _s, _e, body in after)
        assert {tag for _status, tag, _body in after} != {old_etag}
    # Every process had the page in its cache; none serves it after the publish.
    pages = page_answers(servers)
    assert all(status == 200 and "18:00" in page for status, _etag, page in pages)
    assert not any("19:00" in page for _status, _etag, page in pages)


def test_three_workers_on_the_embedded_default_serve_a_move_at_once(site_env):
    server = AppServer(site_env, workers=3)
    try:
        check_a_move_reaches_every_process([server], site_env)
    finally:
        server.stop()


def test_two_app_servers_sharing_the_database_and_redis(site_env):
    prefix = f"youlin-test-{uuid.uuid4().hex[:8]}"
    env = {**site_env, "REDIS_URL": "redis://127.0.0.1:6379/15", "CACHE_KEY_PREFIX": prefix}
    servers = [AppServer(env, workers=2), AppServer(env, workers=2)]
    shared = redis.Redis.from_url(env["REDIS_URL"])
    try:
        check_a_move_reaches_every_process(servers, env)
        # Feed bodies and pages live in Redis, shared by both servers, not in each process.
        assert list(shared.scan_iter(f"{prefix}*events:feed:*"))
        assert list(shared.scan_iter(f"{prefix}*cache_page*"))
    finally:
        for server in servers:
            server.stop()
        for key in shared.scan_iter(f"{prefix}*"):
            shared.delete(key)
