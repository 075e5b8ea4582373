"""A–Z index keys for directory titles in English, Chinese and Korean (no Django here).

Each locale files a title under the initial its readers look for:
English by first letter, accents ignored (Éclair -> E), Chinese by the pinyin
initial of the first character read in its phrase (沐言咖啡 -> M; 长城 is chang,
so C, though 长 alone reads zhang), Korean by the initial consonant of the first
Hangul syllable (카페 -> ㅋ, tense consonants folded: 꽃 -> ㄱ). Latin titles go
under their letter in every locale; anything else goes under "#".

`sort_key` is plain ASCII (hex code points), so every database collation,
SQLite's or PostgreSQL's, orders it the same way. The initial and the order
inside it come from the same reading, so a title is always sorted among the
titles of its own letter.
"""

import string
import unicodedata

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


def _from_first_letter(title):
    """The title from its first letter or digit on ("" if it has none)."""
    for position, char in enumerate(title):
        if char.isalnum():
            return title[position:]
    return ""


def fold_accents(text):
    """ "Éclair" -> "Eclair": Latin letters without their accents; Hangul and Han unchanged."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", bare)


def fold_letter(letter):
    """An A–Z letter as a visitor may type it ("m", "ㄲ") -> the entry it is filed under."""
    letter = letter.strip()
    if letter.isascii():
        return letter.upper()
    return TENSE_FOLD.get(letter, letter)


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


def lazy_pinyin(text, **options):
    """pypinyin's reading of `text`, imported on first use: its phrase dictionary takes
    about 55 MiB, which a worker that never sorts Chinese names should not carry."""
    from pypinyin import lazy_pinyin as read

    return read(text, **options)


def _pinyin_initial(text):
    # pypinyin reads the whole phrase, so a character with several readings gets
    # the one it has here (长城 chang, 重庆 chong, 厦门 xia), as in the sort key.
    syllables = lazy_pinyin(text, errors="ignore")
    initial = syllables[0][:1].upper() if syllables and syllables[0] else ""
    return initial if initial in LATIN else None


def initial(title, language_code):
    """The A–Z index entry a title is filed under in the given locale."""
    text = _from_first_letter(unicodedata.normalize("NFC", title or ""))
    if not text:
        return OTHER
    char = text[0]
    latin = _latin_initial(char)
    if latin:
        return latin
    if language_code.startswith("ko"):
        return _hangul_initial(char) or OTHER
    if language_code.startswith("zh") and _is_han(char):
        return _pinyin_initial(text) or OTHER
    return OTHER


def _reading(title, language_code):
    """The text to order by inside one initial: pinyin for Chinese, the title otherwise.

    Accents are folded so that "éclair" sorts between "eclat" and "ezra", not after "ezra".
    """
    text = unicodedata.normalize("NFKC", title or "").strip().casefold()
    if language_code.startswith("zh"):
        text = " ".join(lazy_pinyin(text))
    return fold_accents(text)


def sort_key(title, language_code, max_chars=60):
    """An ASCII key that orders titles by their index letter, then by reading."""
    letters = alphabet(language_code)
    rank = letters.index(initial(title, language_code))
    reading = _reading(title, language_code)[:max_chars]
    return f"{rank:02d}" + "".join(f"{ord(char):05x}" for char in reading)
