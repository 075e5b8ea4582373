"""Test settings: fast hashing, plain static storage, DATABASE_URL picks the database."""

from .base import *  # noqa: F403

DEBUG = False
SERVE_MEDIA = True  # the browser tests load renditions from the in-memory storage
SECRET_KEY = "test-only-not-secret"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "feed_blocks": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "feed-blocks",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
}
WAGTAILADMIN_BASE_URL = "http://testserver"

# The demo site and `load_demo` (demo/); production settings have neither.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
DEMO_ALLOWED = True
# Django runs tests with DEBUG off; the demo users still get the published password.
DEMO_PUBLISHED_PASSWORD = True

# PostgreSQL: a commit returns without waiting for its WAL to reach the disk (a crash of
# the server could lose the last few, which a test database can afford; what every other
# connection sees is unchanged). `load_demo` and the transactional tests commit thousands
# of times.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c synchronous_commit=off"  # noqa: F405
