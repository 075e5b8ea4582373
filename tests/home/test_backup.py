"""A backup restored into an empty database serves the same pages (issue 13, finding 11).

The site is backed up with `manage.py backup` while this process holds it open; another
process, configured for an empty database and an empty media folder, runs
`manage.py restore` and then serves the pages, which must match byte for byte (less the
CSRF token), uploaded picture included.
"""

import io
import json
import os
import re
import subprocess
import sys

import pytest
from django.core.files.images import ImageFile
from django.core.management import CommandError, call_command
from PIL import Image as PillowImage
from wagtail.images.models import Image

from home.models import ContentPage
from tests.conftest import publish, translate

# Committed, so that pg_dump and another process see it; Wagtail's default site survives.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PATHS = ["/zh-hans/", "/en/", "/zh-hans/about/", "/en/about/", "/ko/about/", "/sitemap.xml"]

SERVE = """
import json, sys
import django
django.setup()
from django.core.management import call_command
from django.test import Client
from django.test.utils import setup_test_environment
setup_test_environment()  # the test client's host, "testserver", as in this process
call_command("restore", sys.argv[1])
client = Client()
pages = {}
for path in json.loads(sys.argv[2]):
    response = client.get(path)
    pages[path] = [response.status_code, response.content.decode()]
print(json.dumps(pages))
"""


def png_bytes():
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 30), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


def normalise(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


@pytest.fixture
def media_on_disk(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


def test_a_backup_restored_into_an_empty_database_serves_the_same_pages(
    client, home, media_on_disk, fresh_database_url, tmp_path
):
    picture = Image.objects.create(
        title="社区花园", file=ImageFile(io.BytesIO(png_bytes()), name="garden.png")
    )
    home.zh.hero_image = picture
    publish(home.zh)
    about = ContentPage(title="关于我们", slug="about", summary="双柏社区")
    home.zh.add_child(instance=about)
    publish(about)
    translate(about, "en", title="About us", summary="Shuangbai")
    translate(about, "ko", title="소개", summary="솽바이")
    before = {path: client.get(path) for path in PATHS}
    assert all(response.status_code == 200 for response in before.values())
    picture_path = media_on_disk / picture.file.name
    assert picture_path.exists()

    call_command("backup", "--to", str(tmp_path / "backups"), stdout=io.StringIO())
    [folder] = (tmp_path / "backups").iterdir()

    settings_module = tmp_path / "restored_settings.py"
    settings_module.write_text(
        "from config.settings.test import *  # noqa\n"
        "STORAGES = {**STORAGES, 'default': "
        "{'BACKEND': 'django.core.files.storage.FileSystemStorage'}}\n"
        f"MEDIA_ROOT = {str(tmp_path / 'restored-media')!r}\n"
    )
    env = {
        **os.environ,
        "DATABASE_URL": fresh_database_url,
        "DJANGO_SETTINGS_MODULE": "restored_settings",
        "PYTHONPATH": os.pathsep.join([str(tmp_path), os.getcwd()]),
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", SERVE, str(folder), json.dumps(PATHS)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    after = json.loads(result.stdout.strip().splitlines()[-1])
    for path, response in before.items():
        status, html = after[path]
        assert status == 200, path
        assert normalise(html) == normalise(response.content.decode()), path
    restored = tmp_path / "restored-media" / picture.file.name
    assert restored.read_bytes() == picture_path.read_bytes()


def test_restore_refuses_a_database_with_content(home, tmp_path, media_on_disk):
    call_command("backup", "--to", str(tmp_path), stdout=io.StringIO())
    [folder] = tmp_path.glob("youlin-*")
    with pytest.raises(CommandError, match="already has content"):
        call_command("restore", str(folder), stdout=io.StringIO())


def test_restore_refuses_a_folder_that_is_no_backup(db, tmp_path):
    with pytest.raises(CommandError, match="not a Youlin backup"):
        call_command("restore", str(tmp_path), stdout=io.StringIO())
