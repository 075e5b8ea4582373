"""ASCII page slugs from any title: Chinese becomes pinyin ("英语沙龙" -> "ying-yu-sha-long")."""

from django.utils.text import slugify
from wagtail.models import Page


def ascii_slug(title):
    from pypinyin import lazy_pinyin  # ~55 MiB of dictionaries: only when a slug is made

    return slugify(" ".join(lazy_pinyin(title)))


def free_slug(title, parent, page, fallback="page"):
    """The title's ASCII slug, numbered (-2, -3 …) until no sibling under `parent` uses it."""
    base = ascii_slug(title) or fallback
    candidate, number = base, 1
    while not Page._slug_is_available(candidate, parent, page):
        number += 1
        candidate = f"{base}-{number}"
    return candidate
