"""Three editors publishing the same page at once on the embedded default (issue 13, finding 2).

Reproduced as found: three processes, each publishing 15 revisions of one page as fast
as it can, against a real database file (SQLite) or a real PostgreSQL database. Every
publish must succeed ("database is locked" was a 500 in the admin) and every revision
must be recorded; the page ends up showing the last revision published.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PUBLISHES = 15

SETUP = """
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from wagtail.models import Page
from home.models import ContentPage
root = Page.get_first_root_node()
page = ContentPage(title="Notice", slug="notice", summary="start")
root.add_child(instance=page)
page.save_revision().publish()
"""

EDITOR = """
import json, sys, time
import django
django.setup()
from home.models import ContentPage
name, count = sys.argv[1], int(sys.argv[2])
errors = []
for n in range(1, count + 1):
    try:
        page = ContentPage.objects.get(slug="notice")
        page.summary = f"{name}{n}"
        page.save_revision().publish()
    except Exception as error:  # report every failure, as the admin would show a 500
        errors.append(f"{type(error).__name__}: {error}")
print(json.dumps(errors))
"""

CHECK = """
import json
import django
django.setup()
from home.models import ContentPage
page = ContentPage.objects.get(slug="notice")
revisions = [r.content["summary"] for r in page.revisions.order_by("created_at", "pk")]
print(json.dumps({"live": page.summary, "revisions": revisions}))
"""


def run(script, env, *args):
    return subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", script, *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finished(process, timeout=600):
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, err[-3000:]
    return json.loads(out.strip().splitlines()[-1])


def test_three_editors_publishing_at_once_lose_nothing(migrated_database_url):
    env = {
        **os.environ,
        "DATABASE_URL": migrated_database_url,
        # The embedded default as deployed: the base settings, not the test overrides.
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "false",
    }
    setup = run(SETUP, env)
    _out, err = setup.communicate(timeout=600)
    assert setup.returncode == 0, err[-3000:]

    editors = [run(EDITOR, env, name, str(PUBLISHES)) for name in "ABC"]
    errors = [finished(editor) for editor in editors]

    assert errors == [[], [], []]
    state = finished(run(CHECK, env))
    assert len(state["revisions"]) == 1 + 3 * PUBLISHES
    for name in "ABC":
        assert [r for r in state["revisions"] if r.startswith(name)] == [
            f"{name}{n}" for n in range(1, PUBLISHES + 1)
        ]
    # No lost update: whoever published last, the page shows an editor's last revision.
    assert state["live"] in {f"{name}{PUBLISHES}" for name in "ABC"}
