"""A bad environment variable is a system-check message, not a site that will not start.

Found (issue 13, finding 7): MACHINE_TRANSLATION=deepl without DEEPL_AUTH_KEY stopped the
whole site with `KeyError: 'DEEPL_AUTH_KEY'` while the settings were imported. Now the
settings fall back to something safe and `manage.py check` names the variable.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import checks
from django.test import override_settings

from home.checks import environment_problems
from home.environment import UNUSABLE_DATABASE, Environment, Problem

ROOT = Path(__file__).resolve().parents[2]
GOOD_PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "x-long-random-secret-for-ci-only-1234567890abcdef-0123456789",
    "ALLOWED_HOSTS": "youlin.example",
    "DATABASE_URL": "postgres://youlin:secret@db.example:5432/youlin",
    "REDIS_URL": "redis://cache.example:6379/0",
    "DB_CONN_MAX_AGE": "60",
    "PAGE_CACHE_SECONDS": "600",
    "IMAGE_MAX_MEGAPIXELS": "40",
    "MACHINE_TRANSLATION": "deepl",
    "DEEPL_AUTH_KEY": "key",
    "LOG_LEVEL": "info",
}


def manage(*args, **environ):
    """`manage.py <args>` in a fresh interpreter with only `environ` of ours set."""
    ours = ("DJANGO_", "DATABASE_URL", "REDIS_URL", "CACHE_URL", "MACHINE_", "DEEPL_", "AWS_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(ours)}
    env.update(environ)
    return subprocess.run(  # noqa: S603 (our own interpreter and manage.py)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("environ", "problem", "says"),
    [
        ({"MACHINE_TRANSLATION": "deepl"}, "youlin.E002", "needs DEEPL_AUTH_KEY"),
        ({"MACHINE_TRANSLATION": "babelfish"}, "youlin.E001", "choose one of deepl"),
        ({"DATABASE_URL": "postgres://u:p@db:port/youlin"}, "youlin.E003", "DATABASE_URL"),
    ],
)
def test_manage_py_check_reports_the_variable_instead_of_a_traceback(environ, problem, says):
    done = manage("check", **environ)
    assert done.returncode == 1
    assert f"({problem})" in done.stderr
    assert says.lower() in done.stderr.lower()
    assert "Traceback" not in done.stderr


def test_check_deploy_passes_on_production_settings_with_good_values():
    done = manage("check", "--deploy", "--fail-level", "WARNING", **GOOD_PRODUCTION)
    assert done.returncode == 0, done.stderr
    assert "no issues" in done.stdout


def read(environ, reader, *args, **kwargs):
    env = Environment(environ)
    value = getattr(env, reader)(*args, **kwargs)
    return value, [problem.id for problem in env.problems]


@pytest.mark.parametrize(
    "url",
    ["postgres://u:p@db:port/youlin", "mysq://u@db/youlin", "postgres://u@db:5432/", "nonsense"],
)
def test_a_malformed_database_url_is_e003_and_refuses_queries(url):
    value, ids = read({"DATABASE_URL": url}, "database", "DATABASE_URL", "sqlite://", 0)
    assert (value, ids) == (UNUSABLE_DATABASE, ["youlin.E003"])


def test_a_good_database_url_is_used():
    url = "postgres://youlin:p%40ss@db:5432/youlin"
    value, ids = read({"DATABASE_URL": url}, "database", "DATABASE_URL", "sqlite://", 60)
    assert ids == []
    assert (value["HOST"], value["PASSWORD"], value["CONN_MAX_AGE"]) == ("db", "p@ss", 60)


@pytest.mark.parametrize(
    "url", ["http://cache:6379/0", "redis://", "redis://cache:port/0", "cache:6379"]
)
def test_a_malformed_redis_url_is_e004_and_the_cache_stays_local(url):
    value, ids = read({"REDIS_URL": url}, "redis_cache", ("CACHE_URL", "REDIS_URL"), "youlin")
    assert ids == ["youlin.E004"]
    assert value["BACKEND"].endswith("LocMemCache")


def test_the_redis_url_with_a_password_is_not_repeated_in_the_message():
    env = Environment({"REDIS_URL": "http://:hunter2@cache:6379/0"})
    env.redis_cache(("REDIS_URL",), "youlin")
    assert "hunter2" not in env.problems[0].message


@pytest.mark.parametrize("value", ["five", "-1", "3.5"])
def test_a_number_that_is_not_one_is_e005_and_the_default_is_used(value):
    assert read({"PAGE_CACHE_SECONDS": value}, "integer", "PAGE_CACHE_SECONDS", 300) == (
        300,
        ["youlin.E005"],
    )


def test_a_yes_no_value_that_is_neither_is_e006():
    assert read({"DEBUG": "Ture"}, "boolean", "DEBUG", False) == (False, ["youlin.E006"])
    assert read({"DEBUG": "Yes"}, "boolean", "DEBUG", False) == (True, [])


def test_an_unknown_log_level_is_e008_instead_of_a_crash_in_logging_setup():
    assert read({"LOG_LEVEL": "loud"}, "log_level", "LOG_LEVEL", "INFO") == (
        "INFO",
        ["youlin.E008"],
    )
    assert read({"LOG_LEVEL": "debug"}, "log_level", "LOG_LEVEL", "INFO") == ("DEBUG", [])


def test_an_s3_bucket_without_django_storages_or_credentials_is_reported(monkeypatch):
    import home.environment

    bucket = {"AWS_STORAGE_BUCKET_NAME": "youlin-media"}
    installed = home.environment.importlib.util.find_spec("storages") is not None
    value, ids = read(bucket, "media_storage")
    if not installed:
        assert (value["BACKEND"], ids) == (home.environment.LOCAL_MEDIA["BACKEND"], ["youlin.E007"])
    monkeypatch.setattr(home.environment.importlib.util, "find_spec", lambda name: object())
    assert read(bucket, "media_storage")[1] == ["youlin.W001"]
    half = {**bucket, "AWS_ACCESS_KEY_ID": "AKIA"}
    assert read(half, "media_storage")[1] == ["youlin.E007"]
    both = {**half, "AWS_SECRET_ACCESS_KEY": "secret"}
    value, ids = read(both, "media_storage")
    assert (value["BACKEND"], ids) == ("storages.backends.s3.S3Storage", [])


@override_settings(
    YOULIN_ENVIRONMENT_PROBLEMS=[
        Problem("youlin.E002", "MACHINE_TRANSLATION=deepl needs DEEPL_AUTH_KEY", "Set it."),
        Problem("youlin.W001", "bucket without credentials"),
    ]
)
def test_the_problems_settings_recorded_become_errors_and_warnings():
    messages = environment_problems()
    assert [(type(m), m.id) for m in messages] == [
        (checks.Error, "youlin.E002"),
        (checks.Warning, "youlin.W001"),
    ]
    assert messages[0].hint == "Set it."


def test_the_test_settings_have_no_problems():
    assert environment_problems() == []
