"""Local development: DEBUG on, a throwaway secret key."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-not-secret"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)

# The demo site and `load_demo` (demo/); production settings have neither.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
DEMO_ALLOWED = True
