"""A demo site served on localhost for the page-weight and screenshot scripts.

The demo database and media live in BENCH_DEMO_DIR (default /tmp/youlin-bench-demo) and
are built once with `migrate` and `load_demo`; delete the folder to rebuild them.
"""

import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("zh-hans", "en", "ko")
SALON = {"zh-hans": "沙龙", "en": "salon", "ko": "살롱"}
# One URL per page type; {lang} is the language prefix, {salon} the word "salon" in that
# language (so the search page shows results in each).
PAGE_TYPES = [
    ("home", "/{lang}/"),
    ("content", "/{lang}/about/"),
    ("service index", "/{lang}/services/"),
    ("service", "/{lang}/services/temporary-residence-registration/"),
    ("partner index", "/{lang}/partners/"),
    ("partner", "/{lang}/partners/muyan-coffee/"),
    ("space index", "/{lang}/spaces/"),
    ("space", "/{lang}/spaces/international-neighbour-service-centre/"),
    ("calendar list", "/{lang}/events/"),
    ("calendar month", "/{lang}/events/month/"),
    ("calendar week", "/{lang}/events/week/"),
    ("calendar today", "/{lang}/events/today/"),
    ("calendar weekend", "/{lang}/events/weekend/"),
    ("event", "/{lang}/events/english-salon/"),
    ("subscribe", "/{lang}/events/subscribe/"),
    ("search", "/{lang}/search/?q={salon}"),
    ("404", "/{lang}/does-not-exist/"),
    ("400", "/{lang}/events/month/2030/13/"),
]


def page_path(pattern, lang):
    """The path of one of PAGE_TYPES in `lang`."""
    return pattern.format(lang=lang, salon=quote(SALON[lang]))


def _env(workdir):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": f"sqlite:///{workdir}/db.sqlite3",
        "MEDIA_ROOT": str(workdir / "media"),
        "PYTHONWARNINGS": "ignore",
        # Pages as visitors get them: no debug 404 page, hashed static files from whitenoise.
        "DEBUG": "false",
        "STATIC_ROOT": str(workdir / "static"),
    }


def _manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603


@contextmanager
def demo_server(port=None):
    """Yield the base URL of a runserver process serving the demo site.

    The port is BENCH_PORT (default 8765): give each checkout its own when several run at once.
    """
    port = port or int(os.environ.get("BENCH_PORT", "8765"))
    workdir = Path(
        os.environ.get("BENCH_DEMO_DIR") or Path(tempfile.gettempdir()) / "youlin-bench-demo"
    )
    workdir.mkdir(parents=True, exist_ok=True)
    env = _env(workdir)
    if not (workdir / "db.sqlite3").exists():
        print(f"Building the demo site in {workdir} (once) ...", flush=True)
        _manage(env, "migrate", "--noinput", "-v0")
        # DEBUG on while loading: the demo accounts get the published password the
        # admin screenshots log in with (with DEBUG off load_demo makes one up).
        _manage({**env, "DEBUG": "true"}, "load_demo")
    _manage(env, "collectstatic", "--noinput", "-v0")
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{base}/healthz", timeout=1)  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("the demo server did not start")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)
