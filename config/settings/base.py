"""Settings shared by every environment, read from environment variables.

The defaults give the embedded setup a newcomer needs: SQLite, a local-memory
cache and media on the local disk. Production overrides come from the
environment (see README "Configuration").
"""

import os
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

from editorial.machine_translation_settings import settings_from_environment
from home.environment import Environment
from search.configuration import search_backends

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Every variable is read through `env`, which never raises: what cannot be used is listed
# in YOULIN_ENVIRONMENT_PROBLEMS (end of this module) and reported by `manage.py check`.
env = Environment(os.environ)
env_bool = env.boolean
env_list = env.names

SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
# With DEBUG on, a missing page shows the site's 404 unless this asks for Django's
# technical page (URL patterns tried): home.middleware.SiteNotFoundPageMiddleware.
DEBUG_404 = env_bool("DEBUG_404", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# e.g. youlin.W001 where media on S3 use the server's instance role.
SILENCED_SYSTEM_CHECKS = env_list("SILENCED_SYSTEM_CHECKS")

INSTALLED_APPS = [
    "home",
    "events",
    "services",
    "search",
    "editorial",
    "imports",
    "api",
    "notices",
    # django-ninja's own templates and static files: the API's docs page (Swagger UI)
    # served from this site, not from a CDN.
    "ninja",
    # wagtail_localize.locales replaces wagtail.locales (same app label).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
]

MIDDLEWARE = [
    # The JSON API may be read from any origin: first, so that cached answers and 304s
    # carry the header too (api/http.py).
    "api.http.CrossOriginMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "home.middleware.SecurityHeadersMiddleware",
    # Anonymous visitors' pages from the cache, keyed by the content's version in the
    # database (home/page_cache.py): stores on the way out, answers in the last middleware.
    "home.page_cache.UpdatePageCacheMiddleware",
    # ETag on every response, 304 for a browser or feed reader that has it already.
    "django.middleware.http.ConditionalGetMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "home.middleware.VisitorLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Translators reach wagtail-localize's per-translation URLs in their language only.
    "editorial.locale_guard.TranslatorLocaleMiddleware",
    # A request with a part missing answers 400, not 500 (home/middleware.py).
    "home.middleware.IncompleteRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "home.middleware.PublicCacheHeadersMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Turns a throttled login into the lockout page (editorial/lockouts.py).
    "axes.middleware.AxesMiddleware",
    "home.page_cache.FetchFromPageCacheMiddleware",
    # With DEBUG on, the site's own 404 rather than Django's technical one (DEBUG_404).
    "home.middleware.SiteNotFoundPageMiddleware",
]
CACHE_MIDDLEWARE_KEY_PREFIX = "page"

# django-axes first: it refuses a login that is locked out before the password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# AXES_FAILURE_LIMIT wrong passwords for one username from one address lock that pair out
# for AXES_COOLOFF_MINUTES; administrators see and lift lockouts under Settings → Login
# lockouts. Behind N reverse proxies set AXES_PROXY_COUNT=N so the visitor's address is used.
AXES_FAILURE_LIMIT = env.integer("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env.integer("AXES_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "editorial.lockouts.lockout_response"
if env.integer("AXES_PROXY_COUNT", 0):
    # Only then: without a proxy that sets it, X-Forwarded-For is whatever the client says.
    AXES_IPWARE_PROXY_COUNT = env.integer("AXES_PROXY_COUNT", 0)
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "site" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "home.context_processors.site_chrome",
                # The urgent-alert banner in the base layout (notices/alerts.py).
                "notices.context_processors.urgent_alerts",
            ],
        },
    },
]

# Database: SQLite unless DATABASE_URL says otherwise (e.g. postgres://user@host/db).
DATABASES = {
    "default": env.database(
        "DATABASE_URL",
        default_url=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env.integer("DB_CONN_MAX_AGE", 0),
    )
}
# SQLite, the embedded default, with several workers and editors at once: WAL lets pages be
# read while one publish writes; IMMEDIATE takes the write lock when a transaction starts,
# so two publishes queue instead of one failing with "database is locked" on upgrade;
# a writer waits up to SQLITE_TIMEOUT seconds for the one before it.
if DATABASES["default"].get("ENGINE") == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
            "transaction_mode": "IMMEDIATE",
            "timeout": env.integer("SQLITE_TIMEOUT", 20),
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory unless REDIS_URL / CACHE_URL points at Redis.
CACHES = {
    "default": env.redis_cache(
        ("CACHE_URL", "REDIS_URL"), key_prefix=env.text("CACHE_KEY_PREFIX", "youlin")
    )
}
# Each event's iCalendar text (events/feed_blocks.py): one entry per event and language,
# more than local memory's default 300, so in local memory a cache of its own.
CACHES["feed_blocks"] = (
    {**CACHES["default"], "LOCATION": "feed-blocks", "OPTIONS": {"MAX_ENTRIES": 100_000}}
    if CACHES["default"]["BACKEND"].endswith("LocMemCache")
    else CACHES["default"]
)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages. Lowercase "zh-hans" everywhere: Wagtail compares Locale.language_code
# with these settings as exact strings, and the first migrate creates the default
# locale from LANGUAGE_CODE.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [
    ("zh-hans", "简体中文"),
    ("en", "English"),
    ("ko", "한국어"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# Chinese visitors land on zh-hans, Korean ones on ko, everyone else on English.
YOULIN_FALLBACK_LANGUAGE = "en"
# A service guide not checked for this many days is listed under Reports → Guides to review.
YOULIN_SERVICE_REVIEW_DAYS = 365

# Partners' calendars (imports/fetch.py): a download is refused past this size, gives up
# after these timeouts (connect, each read, the whole download) and follows this many
# redirects. Addresses in private networks are always refused, except those listed in
# IMPORTS_ALLOWED_NETWORKS (CIDR; tests serve calendars on 127.0.0.1).
IMPORTS_MAX_BYTES = env.integer("IMPORTS_MAX_MB", 10, minimum=1) * 1024 * 1024
IMPORTS_CONNECT_TIMEOUT = 10
IMPORTS_READ_TIMEOUT = 20
IMPORTS_DEADLINE_SECONDS = 60
IMPORTS_MAX_REDIRECTS = 5
IMPORTS_ALLOWED_NETWORKS = []
# locale/vendor corrects Wagtail's own catalogues where their translation is wrong.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "vendor"]
LANGUAGE_COOKIE_NAME = "youlin_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"

TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

# Static files: hashed, compressed, served by whitenoise.
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [BASE_DIR / "site" / "static"]
MEDIA_URL = os.environ.get("MEDIA_URL", "/media/")
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Let Django itself serve MEDIA_URL from the default storage (see home.views.media). On for
# development and tests; in production media belongs on S3 or behind the web server.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
STORAGES = {
    # S3-compatible media (AWS, MinIO, Aliyun OSS, Tencent COS) when AWS_STORAGE_BUCKET_NAME
    # is set; needs the "s3" extra.
    "default": env.media_storage(),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Wagtail
WAGTAIL_SITE_NAME = "友邻 Youlin"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Slugs stay ASCII and identical in every locale (Chinese titles become pinyin).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"avif": "avif", "webp": "webp"}
# Uploads of more than IMAGE_MAX_MEGAPIXELS million pixels are refused, checked from the
# file's header before anything is decoded, and so are files Pillow cannot decode
# (home/images.py). Each rendition of a 121-megapixel photo cost ~5 s and 1.1 GB.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env.integer("IMAGE_MAX_MEGAPIXELS", 40, minimum=1) * 1_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "home.images.ImageForm"
# Publishing a page makes its renditions (home/renditions.py). With django-tasks' default
# immediate backend that happens in the publishing request, which gunicorn kills after
# GUNICORN_TIMEOUT seconds: stop starting new pictures after a third of it (the publish
# has committed by then; visitors make whatever is left).
YOULIN_PUBLISH_RENDITIONS_SECONDS = env.integer("GUNICORN_TIMEOUT", 30, minimum=1) / 3
WAGTAILEMBEDS_FINDERS = []  # no third-party oEmbed calls from mainland China
WAGTAIL_GRAVATAR_PROVIDER_URL = None  # nor Gravatar avatars in the admin
# Search: the database, with Chinese/Korean/English-aware terms (search/, docs/search.md);
# SEARCH_URL switches to Elasticsearch/OpenSearch with analyzers for the three languages.
WAGTAILSEARCH_BACKENDS = search_backends(os.environ, env.report)
# Translations stay synced with their source (PO files, machine translation, "Sync
# translated pages"), and a new translation starts as a draft instead of going live
# in Chinese: see editorial/ and docs/editors.md.
WAGTAIL_LOCALIZE_DEFAULT_TRANSLATION_MODE = "synced"
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation is off unless MACHINE_TRANSLATION=deepl|google|libretranslate.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = settings_from_environment(os.environ, env.report)
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# Anonymous page views are cacheable by a browser, CDN or page cache for this many seconds.
# A minute: a cancellation published at 8 pm reaches a visitor's open tab within one (the
# site's own cache is invalidated at once; a browser's cannot be).
YOULIN_PAGE_CACHE_SECONDS = env.integer("PAGE_CACHE_SECONDS", 60)
# Anonymous visitors' pages served from the cache (home/page_cache.py).
YOULIN_PAGE_CACHE = env.boolean("PAGE_CACHE", True)
# Contact form: messages one address may send per hour (notices/contact.py).
YOULIN_CONTACT_RATE_LIMIT = env.integer("CONTACT_RATE_LIMIT", 5, minimum=1)
DEFAULT_FROM_EMAIL = env.text("DEFAULT_FROM_EMAIL", "webmaster@localhost")
# Public URL of the site, used in the sitemap when no request is at hand.
YOULIN_SITE_NAME = _("Youlin · Shuangbai International Community")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.log_level("LOG_LEVEL", "WARNING")},
}

# What could not be used (production.py adds its own); home/checks.py reports it.
YOULIN_ENVIRONMENT_PROBLEMS = env.problems

# robots.txt: calendar views that only repeat the list and month grids in another cut, an
# endless space for crawlers (their pages also say noindex). Feeds stay allowed: calendar
# apps fetching a subscription may heed robots.txt.
ROBOTS_DISALLOW = [
    "/*/events/week/",
    "/*/events/today/",
    "/*/events/weekend/",
    "/*/events/?",
    "/*/events/month/*?",
]
