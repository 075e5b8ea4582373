"""Reading the demo content in content/*.toml into texts the builder can translate.

A text is a table with the three languages, `{ zh = "…", en = "…", ko = "…" }`, and
becomes a `T`. Rich text is `{ paragraphs = [text, …] }` or `{ bullets = [text, …] }`
and becomes a `Rich`. Everything else (slugs, numbers, dates, lists of language
codes) is read as it is. README.md, "Demo content", describes the files.
"""

import functools
import tomllib
from dataclasses import dataclass
from pathlib import Path

CONTENT = Path(__file__).resolve().parent / "content"
LANGUAGES = ("zh", "en", "ko")


@dataclass(frozen=True)
class T:
    """One piece of demo text in the three languages."""

    zh: str
    en: str
    ko: str

    def get(self, language_code):
        return {"zh-hans": self.zh, "en": self.en, "ko": self.ko}[language_code]


@dataclass(frozen=True)
class Rich:
    """Rich text written as paragraphs (or list items); each becomes one translation segment."""

    paragraphs: tuple
    as_list: bool = False


def read(value):
    """`value` from a TOML file with its texts as T and its rich texts as Rich."""
    if isinstance(value, dict):
        if value.keys() == set(LANGUAGES):
            return T(**value)
        if value.keys() == {"paragraphs"}:
            return Rich(tuple(read(value["paragraphs"])))
        if value.keys() == {"bullets"}:
            return Rich(tuple(read(value["bullets"])), as_list=True)
        return {key: read(item) for key, item in value.items()}
    if isinstance(value, list):
        return [read(item) for item in value]
    return value


@functools.cache
def content(name):
    """The demo content in content/<name>.toml."""
    with (CONTENT / f"{name}.toml").open("rb") as file:
        return read(tomllib.load(file))


def block(table):
    """A StreamField block written as a table: its `type`, then its value's fields.

    A rich-text block holds `paragraphs` or `bullets`; a block with a plain value
    holds `value`.
    """
    fields = {key: item for key, item in table.items() if key != "type"}
    if fields.keys() == {"value"}:
        return table["type"], fields["value"]
    return table["type"], read(fields)  # texts are read already; this makes a rich block a Rich
