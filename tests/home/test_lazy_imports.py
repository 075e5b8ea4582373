"""A worker starts without pypinyin's ~55 MiB of dictionaries (issue 14: worker memory).

They are needed only when a slug or a Chinese sort key is computed, which a worker
serving pages and feeds rarely does.
"""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

STARTUP = """
import sys
from config.wsgi import application  # what gunicorn loads
from django.test import Client
from django.urls import get_resolver
get_resolver().url_patterns  # the whole URL conf, every app's views imported
print("pypinyin" in sys.modules)
from home.slugs import ascii_slug
print(ascii_slug("英语沙龙"))
print("pypinyin" in sys.modules)
"""


def test_a_worker_imports_pypinyin_only_when_it_needs_it():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", STARTUP],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    assert result.stdout.split() == ["False", "ying-yu-sha-long", "True"]
