"""A–Z index keys for directory titles in English, Chinese and Korean (no Django here).

Each locale files a title under the initial its readers look for:
English by first letter, Chinese by the pinyin initial of the first character
(沐言咖啡 -> M), Korean by the initial consonant of the first Hangul syllable
(카페 -> ㅋ, tense consonants folded: 꽃 -> ㄱ). Latin titles go under their letter
in every locale; anything else goes under "#".

`sort_key` is plain ASCII (hex code points), so every database collation,
SQLite's or PostgreSQL's, orders it the same way.
"""

import string
import unicodedata

from pypinyin import Style, lazy_pinyin

LATIN = tuple(string.ascii_uppercase)
OTHER = "#"
# Compatibility jamo of the 19 initial consonants, in the order of Hangul syllables.
HANGUL_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
TENSE_FOLD = {"ㄲ": "ㄱ", "ㄸ": "ㄷ", "ㅃ": "ㅂ", "ㅆ": "ㅅ", "ㅉ": "ㅈ"}
KOREAN = tuple("ㄱㄴㄷㄹㅁㅂㅅㅇㅈㅊㅋㅌㅍㅎ")
HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3


def alphabet(language_code):
    """The index letters of a locale, in reading order ("#" last)."""
    if language_code.startswith("ko"):
        return (*KOREAN, *LATIN, OTHER)
    return (*LATIN, OTHER)


def _first_letter(title):
    for char in title.strip():
        if char.isalnum():
            return char
    return ""


def _latin_initial(char):
    base = unicodedata.normalize("NFKD", char)[:1].upper()
    return base if base in LATIN else None


def _hangul_initial(char):
    code = ord(char)
    if HANGUL_FIRST <= code <= HANGUL_LAST:
        jamo = HANGUL_INITIALS[(code - HANGUL_FIRST) // (21 * 28)]
        return TENSE_FOLD.get(jamo, jamo)
    if char in HANGUL_INITIALS:
        return TENSE_FOLD.get(char, char)
    return None


def _is_han(char):
    return "CJK UNIFIED IDEOGRAPH" in unicodedata.name(char, "")


def _pinyin_initial(char):
    letters = lazy_pinyin(char, style=Style.FIRST_LETTER, errors="ignore")
    initial = letters[0][:1].upper() if letters and letters[0] else ""
    return initial if initial in LATIN else None


def initial(title, language_code):
    """The A–Z index entry a title is filed under in the given locale."""
    char = _first_letter(title or "")
    if not char:
        return OTHER
    latin = _latin_initial(char)
    if latin:
        return latin
    if language_code.startswith("ko"):
        return _hangul_initial(char) or OTHER
    if language_code.startswith("zh") and _is_han(char):
        return _pinyin_initial(char) or OTHER
    return OTHER


def _reading(title, language_code):
    """The text to order by inside one initial: pinyin for Chinese, the title otherwise."""
    text = unicodedata.normalize("NFKC", title or "").strip().casefold()
    if language_code.startswith("zh"):
        return " ".join(lazy_pinyin(text))
    return text


def sort_key(title, language_code, max_chars=60):
    """An ASCII key that orders titles by their index letter, then by reading."""
    letters = alphabet(language_code)
    rank = letters.index(initial(title, language_code))
    reading = _reading(title, language_code)[:max_chars]
    return f"{rank:02d}" + "".join(f"{ord(char):05x}" for char in reading)
