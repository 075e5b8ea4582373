"""Settings from environment variables, read without ever raising.

config/settings/ reads every variable through `Environment`. A value that cannot be used
(a malformed DATABASE_URL, `PAGE_CACHE_SECONDS=five`, MACHINE_TRANSLATION=deepl without
DEEPL_AUTH_KEY) does not stop the site with a traceback: the setting falls back to
something safe (for the database, Django's dummy backend, which refuses every query) and
the problem is recorded. `YOULIN_ENVIRONMENT_PROBLEMS` carries the list to the system
check in home/checks.py, so `manage.py check` (and `migrate`, `runserver`) names the
variable and says how to fix it. No Django imports here: settings import this module.
"""

import importlib.util
import logging
from typing import NamedTuple
from urllib.parse import urlsplit

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}
# Django's dummy backend raises ImproperlyConfigured on every query, instead of a site
# quietly serving an empty SQLite database.
UNUSABLE_DATABASE = {"ENGINE": "django.db.backends.dummy"}
LOCAL_MEMORY_CACHE = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
LOCAL_MEDIA = {"BACKEND": "django.core.files.storage.FileSystemStorage"}


class Problem(NamedTuple):
    """One unusable environment variable: check id (`youlin.E003`), message and hint."""

    id: str
    message: str
    hint: str = ""


class Environment:
    """os.environ, read into settings; `problems` lists what could not be used."""

    def __init__(self, environ):
        self.environ = environ
        self.problems = []

    def report(self, id, message, hint=""):
        self.problems.append(Problem(id, message, hint))

    def text(self, name, default=""):
        return self.environ.get(name, default)

    def names(self, name, default=""):
        """A comma-separated list."""
        return [item.strip() for item in self.environ.get(name, default).split(",") if item.strip()]

    def boolean(self, name, default=False):
        value = self.environ.get(name)
        if value is None:
            return default
        if value.strip().lower() in TRUE:
            return True
        if value.strip().lower() in FALSE:
            return False
        self.report(
            "youlin.E006",
            f"{name}={value!r} is neither yes nor no; using {'on' if default else 'off'}.",
            "Use 1/0, true/false, yes/no or on/off.",
        )
        return default

    def integer(self, name, default, minimum=0):
        value = self.environ.get(name, "").strip()
        if not value:
            return default
        try:
            number = int(value)
        except ValueError:
            number = None
        if number is None or number < minimum:
            self.report(
                "youlin.E005",
                f"{name}={value!r} is not a whole number of at least {minimum}; using {default}.",
                f"Set {name} to a whole number such as {default}, or unset it.",
            )
            return default
        return number

    def log_level(self, name, default):
        value = self.environ.get(name, "").strip().upper() or default
        if not isinstance(logging.getLevelName(value), int):
            self.report(
                "youlin.E008",
                f"{name}={value!r} is not a log level; using {default}.",
                "Use DEBUG, INFO, WARNING, ERROR or CRITICAL.",
            )
            return default
        return value

    def database(self, name, default_url, conn_max_age):
        """DATABASES["default"] from a URL such as postgres://user:pass@host:5432/name."""
        import dj_database_url

        url = self.environ.get(name, "").strip() or default_url
        try:
            config = dj_database_url.parse(url, conn_max_age=conn_max_age)
        except Exception:  # ParseError, UnknownSchemeError, ValueError
            scheme = url.partition("://")[0]
            known = scheme in dj_database_url.ENGINE_SCHEMES
            reason = "not a valid URL" if known else f"unknown scheme {scheme!r}"
        else:
            reason = "" if config.get("NAME") else "it names no database"
        if reason:
            self.report(
                "youlin.E003",
                f"{name} cannot be used ({reason}); every database query will fail.",
                "Write it as postgres://user:password@host:5432/name (quote special "
                "characters in the password, e.g. @ as %40) or sqlite:////absolute/path.db.",
            )
            return dict(UNUSABLE_DATABASE)
        return config

    def redis_cache(self, names, key_prefix):
        """CACHES["default"]: Redis at the first of `names` that is set, else local memory."""
        name = next((n for n in names if self.environ.get(n, "").strip()), None)
        if name is None:
            return dict(LOCAL_MEMORY_CACHE)
        url = self.environ[name].strip()
        parts = urlsplit(url)
        try:
            parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
            usable = parts.scheme == "unix" or (
                parts.scheme in {"redis", "rediss"} and bool(parts.hostname)
            )
        except ValueError:
            usable = False
        if not usable:
            self.report(
                "youlin.E004",
                # Not the URL itself: it may hold a password.
                f"{name} is not a Redis URL (scheme {parts.scheme!r}); using a per-process "
                "memory cache.",
                "Write it as redis://host:6379/0 (rediss:// for TLS, unix:///path.sock).",
            )
            return dict(LOCAL_MEMORY_CACHE)
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "KEY_PREFIX": key_prefix,
        }

    def media_storage(self):
        """STORAGES["default"]: S3-compatible when AWS_STORAGE_BUCKET_NAME is set."""
        bucket = self.environ.get("AWS_STORAGE_BUCKET_NAME", "").strip()
        if not bucket:
            return dict(LOCAL_MEDIA)
        if importlib.util.find_spec("storages") is None:
            self.report(
                "youlin.E007",
                "AWS_STORAGE_BUCKET_NAME is set but django-storages is not installed; "
                "uploads go to the local disk.",
                "Install the s3 extra: pip install '.[s3]'.",
            )
            return dict(LOCAL_MEDIA)
        key = self.environ.get("AWS_ACCESS_KEY_ID", "").strip()
        secret = self.environ.get("AWS_SECRET_ACCESS_KEY", "").strip()
        if bool(key) != bool(secret):
            missing = "AWS_SECRET_ACCESS_KEY" if key else "AWS_ACCESS_KEY_ID"
            self.report(
                "youlin.E007",
                f"AWS_STORAGE_BUCKET_NAME is set with half of its credentials: {missing} is "
                "missing, so every upload will fail.",
                "Set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (for MinIO, Aliyun OSS "
                "or Tencent COS too).",
            )
        elif not key:
            self.report(
                "youlin.W001",
                "AWS_STORAGE_BUCKET_NAME is set without AWS_ACCESS_KEY_ID and "
                "AWS_SECRET_ACCESS_KEY; uploads fail unless the server has an instance role "
                "or ~/.aws credentials.",
                "Set both variables, or silence youlin.W001 where an instance role is used.",
            )
        return {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": bucket,
                "endpoint_url": self.environ.get("AWS_S3_ENDPOINT_URL") or None,
                "region_name": self.environ.get("AWS_S3_REGION_NAME") or None,
                "custom_domain": self.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
                "querystring_auth": False,
                "file_overwrite": False,
            },
        }
