"""`load_demo` writes only where it is meant to: dev or test settings, a database of its own."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Locale, Page

from demo.management.commands import load_demo
from demo.users import PUBLISHED_PASSWORD, demo_password

ROOT = Path(__file__).resolve().parents[2]


def written():
    """What load_demo's first steps would add: accounts, locales, pages."""
    return (get_user_model().objects.count(), Locale.objects.count(), Page.objects.count())


def refusal(**options):
    before = written()
    with pytest.raises(CommandError) as error:
        call_command("load_demo", stdout=io.StringIO(), **options)
    assert written() == before
    return str(error.value)


def test_production_settings_do_not_have_load_demo(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="x" * 50,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    done = subprocess.run(
        [sys.executable, "manage.py", "load_demo"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode != 0
    assert "Unknown command: 'load_demo'" in done.stderr
    assert not (tmp_path / "db.sqlite3").exists() or (tmp_path / "db.sqlite3").stat().st_size == 0


@pytest.mark.django_db
def test_refuses_settings_without_demo_allowed(settings):
    del settings.DEMO_ALLOWED  # as in config.settings.production
    assert "DEMO_ALLOWED" in refusal()


@pytest.mark.django_db
def test_refuses_a_database_with_other_pages():
    Page.get_first_root_node().add_child(instance=Page(title="Our real news", slug="news"))
    message = refusal()
    assert "'Our real news'" in message and "--force" in message


@pytest.mark.django_db
def test_refuses_a_database_with_other_users():
    get_user_model().objects.create_user("alice", "alice@youlin.example")
    assert "users: 'alice'" in refusal()


@pytest.mark.django_db
def test_refuses_a_real_account_that_has_a_demo_name():
    get_user_model().objects.create_user("editor", "mei.li@youlin.example")
    assert "users: 'editor'" in refusal()


@pytest.mark.django_db
def test_force_loads_with_a_made_up_password_when_debug_is_off(settings, monkeypatch):
    del settings.DEMO_ALLOWED
    settings.DEMO_PUBLISHED_PASSWORD = False
    get_user_model().objects.create_user("alice", "alice@youlin.example")
    monkeypatch.setattr(load_demo, "STEPS", load_demo.STEPS[:2])  # locales and the admin
    out = io.StringIO()
    call_command("load_demo", "--force", stdout=out)

    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser and not admin.check_password(PUBLISHED_PASSWORD)
    password = out.getvalue().split("password '")[1].split("'")[0]
    assert admin.check_password(password)
    assert PUBLISHED_PASSWORD not in out.getvalue()


def test_published_password_only_with_debug_on(settings):
    settings.DEMO_PUBLISHED_PASSWORD = False
    settings.DEBUG = False
    assert demo_password() != PUBLISHED_PASSWORD
    assert demo_password() != demo_password()
    settings.DEBUG = True
    assert demo_password() == PUBLISHED_PASSWORD


def test_no_production_app_imports_demo():
    for app in ("config", "home", "services", "events", "editorial"):
        for path in (ROOT / app).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert "from demo" not in text and "import demo" not in text, path
