"""The editor's guide inside the admin, in the reader's admin language (Help → Editor's guide).

The guide is kept as Markdown in docs/ (editors.zh-hans.md first, the team's language;
editors.md in English; editors.ko.md for the Korean translators) and rendered here with
markdown-it-py, raw HTML off. The screenshots are left out in the admin (they live in
docs/screenshots/ for readers of the repository).
"""

import re
from functools import cache

from django.conf import settings
from markdown_it import MarkdownIt

GUIDES = {"zh-hans": "editors.zh-hans.md", "ko": "editors.ko.md", "en": "editors.md"}
PICTURE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)\s*$", re.MULTILINE)


def guide_path(language):
    name = GUIDES.get((language or "").lower(), GUIDES["en"])
    return settings.BASE_DIR / "docs" / name


@cache
def _rendered(path, modified):
    text = PICTURE.sub("", path.read_text(encoding="utf-8"))
    return MarkdownIt("commonmark", {"html": False}).enable("table").render(text)


def guide_html(language):
    """The guide for `language` (English for any other) as HTML."""
    path = guide_path(language)
    return _rendered(path, path.stat().st_mtime)
