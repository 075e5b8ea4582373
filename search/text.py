"""Index terms for Chinese, Korean and English text, and the matching query terms.

No Django here. The database backends split text on spaces and punctuation only,
so a run of Han characters is one token and a Korean noun with its particle is
another. We give them terms that match the way people search instead:

* Han and kana runs become overlapping bigrams (英语沙龙 -> 英语 语沙 沙龙), as
  Lucene's CJK bigram filter does, so any two-character word is found inside a
  longer run, and a longer query is found as a phrase (all of its bigrams, in
  order). Single characters are added after the bigrams so a one-character
  query (药, 书) still matches.
* Hangul words get the same bigrams, so 서울 matches 서울에서; in queries a
  trailing particle (and the plural 들) is dropped from words of three
  syllables or more (서울에서 -> 서울, 학생들에게는 -> 학생), so a query
  with a particle finds the bare noun too. Two-syllable words are kept
  whole: 책을 could be 책 + 을, but 가을 and 회의 are words.
* Other words are NFKC-normalised, case-folded, stripped of accents and
  stemmed with the Snowball English stemmer (Saturdays -> saturday); a few
  English stop words are dropped on both sides.

Every term is a run of letters and digits, so terms pass unchanged through
SQLite FTS5's unicode61 tokenizer and PostgreSQL's parser with the `simple`
configuration, and can never be read as query syntax (quotes, `*`, NEAR, %).
"""

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

# Characters per query and terms per query: enough for any real question,
# small enough that a pasted essay costs no more than a sentence.
MAX_QUERY_LENGTH = 200
MAX_QUERY_TERMS = 24

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_KANA = "\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff"
_HANGUL = "\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff"
_TOKEN = re.compile(
    rf"(?P<cjk>[{_HAN}{_KANA}]+)|(?P<hangul>[{_HANGUL}]+)|(?P<word>[^\W_{_HAN}{_KANA}{_HANGUL}]+)"
)

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "but",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "into",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "s",
        "t",
        "that",
        "the",
        "their",
        "there",
        "these",
        "this",
        "to",
        "was",
        "were",
        "will",
        "with",
    ]
)

# Korean particles (josa) that attach to nouns, alone or stacked (에서 + 는), longest first.
KOREAN_PARTICLES = tuple(
    sorted(
        [
            "에게서는",
            "께서는",
            "에서는",
            "에게서",
            "에게는",
            "한테서",
            "한테는",
            "으로는",
            "으로도",
            "으로의",
            "에서도",
            "에서의",
            "까지는",
            "까지도",
            "부터는",
            "부터도",
            "이랑은",
            "이라도",
            "이든지",
            "에서",
            "에게",
            "한테",
            "께서",
            "으로",
            "까지",
            "부터",
            "처럼",
            "보다",
            "하고",
            "이랑",
            "이나",
            "에는",
            "에도",
            "와는",
            "과는",
            "와의",
            "과의",
            "로는",
            "로도",
            "마다",
            "밖에",
            "조차",
            "라도",
            "든지",
            "은",
            "는",
            "이",
            "가",
            "을",
            "를",
            "의",
            "에",
            "도",
            "와",
            "과",
            "로",
            "랑",
            "만",
            "나",
            "께",
        ],
        key=len,
        reverse=True,
    )
)
# The plural marker, between a noun and its particle (학생들에게 -> 학생).
KOREAN_PLURAL = "들"

_stemmer = snowballstemmer.stemmer("english")


@lru_cache(maxsize=20000)
def normalise_word(word):
    """One index term for a non-CJK word: case-folded, unaccented, stemmed ("" for a stop word)."""
    word = unicodedata.normalize("NFKC", word).casefold()
    word = "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))
    if not word or word in STOP_WORDS:
        return ""
    if word.isascii() and word.isalpha():
        return _stemmer.stemWord(word)
    return word


def bigrams(run):
    """英语沙龙 -> [英语, 语沙, 沙龙]; a single character stays itself."""
    if len(run) == 1:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


def strip_particle(word):
    """서울에서 -> 서울, 학생들에게 -> 학생: drop a particle and plural, keep two syllables."""
    if len(word) < 3:
        return word
    for particle in KOREAN_PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= 2:
            word = word[: -len(particle)]
            break
    if word.endswith(KOREAN_PLURAL) and len(word) >= 3:
        word = word[:-1]
    return word


def _script_runs(text):
    for match in _TOKEN.finditer(text):
        yield match.lastgroup, match.group(), match.start(), match.end()


def index_text(text):
    """The terms to index for `text`, space-separated, in reading order (then single characters)."""
    if not text:
        return ""
    text = unicodedata.normalize("NFKC", str(text))
    stream, singles = [], {}
    for kind, run, _start, _end in _script_runs(text):
        if kind == "word":
            term = normalise_word(run)
            if term:
                stream.append(term)
        else:
            stream.extend(bigrams(run))
            if len(run) > 1:
                singles.update(dict.fromkeys(run))
    return " ".join(stream + list(singles))


@dataclass
class ParsedQuery:
    """A visitor's query as index terms, plus what to highlight in the results."""

    text: str  # the query as used (trimmed and capped), for display
    terms: list = field(default_factory=list)  # index terms, all required, in order
    fragments: list = field(default_factory=list)  # CJK/Hangul strings to highlight
    stems: set = field(default_factory=set)  # word terms to highlight
    # The last word may still be being typed: index terms it may begin (stem and a
    # shorter cut, as the stem of the whole word can be shorter than what is typed:
    # "hospita" -> hospi*, since "hospital" is indexed as "hospit").
    prefixes: list = field(default_factory=list)

    def __bool__(self):
        return bool(self.terms or self.prefixes)


# Letters a partial word is cut by so that its prefix still begins the stem of the whole word.
PREFIX_CUT = 2
MIN_PREFIX = 3


def word_prefixes(word):
    """Prefixes of index terms that `word` may be the beginning of ([] if too short)."""
    folded = unicodedata.normalize("NFKC", word).casefold()
    folded = "".join(
        c for c in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(c)
    )
    if len(folded) < 2:
        return []
    found = [normalise_word(word) or folded]
    if len(folded) - PREFIX_CUT >= MIN_PREFIX:
        found.append(folded[:-PREFIX_CUT])
    return list(dict.fromkeys(found))


def parse_query(raw, *, partial=False):
    """Index terms for a query. `partial`: the last word is still being typed (autocomplete)."""
    text = " ".join(str(raw or "").split())[:MAX_QUERY_LENGTH]
    query = ParsedQuery(text=text)
    normalised = unicodedata.normalize("NFKC", text)
    runs = list(_script_runs(normalised))
    for position, (kind, run, _start, _end) in enumerate(runs):
        is_last = position == len(runs) - 1
        if kind == "word":
            term = normalise_word(run)
            if term:
                query.terms.append(term)
                query.stems.add(term)
            if is_last and (term or partial):
                query.prefixes = word_prefixes(run)
            continue
        if kind == "hangul" and not (partial and is_last):
            run = strip_particle(run)
        query.terms.extend(bigrams(run))
        query.fragments.append(run)
    if not query.terms and not query.prefixes:
        # A query of stop words only ("the", "in") searches for them as they are.
        query.terms = [w.casefold() for _k, w, _s, _e in runs if _k == "word"]
        query.stems.update(query.terms)
    query.terms = list(dict.fromkeys(query.terms))[:MAX_QUERY_TERMS]
    return query


def match_spans(text, query):
    """(start, end) offsets in `text` of everything `query` matches, in order, not overlapping."""
    spans = []
    if not text or not query:
        return spans
    for kind, run, start, _end in _script_runs(text):
        if kind == "word":
            term = normalise_word(run)
            if term in query.stems or any(term.startswith(p) for p in query.prefixes):
                spans.append((start, start + len(run)))
            continue
        normalised = unicodedata.normalize("NFKC", run)
        if len(normalised) != len(run):
            continue
        for fragment in query.fragments:
            found = normalised.find(fragment)
            while found != -1:
                spans.append((start + found, start + found + len(fragment)))
                found = normalised.find(fragment, found + len(fragment))
    spans.sort()
    merged = []
    for start, end in spans:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


_CJK_CHAR = re.compile(rf"[{_HAN}{_KANA}]")
# How far a cut may move to reach a word boundary; a longer word (a URL) is cut inside.
MAX_CUT_SHIFT = 20


def _in_word(char):
    """Part of a space-separated word (Latin, Hangul, digits): not a place to cut.

    Han and kana have no spaces between words, so any place between two of them is clean.
    """
    return (char.isalnum() or char in "'’-") and not _CJK_CHAR.match(char)


def _clean_cut(text, start, end, first_match):
    """Move a snippet's edges inwards to word boundaries, past spaces and punctuation."""
    limit = min(first_match, start + MAX_CUT_SHIFT) if first_match > start else start
    cut = start
    if cut > 0:
        while cut < limit and _in_word(text[cut - 1]) and _in_word(text[cut]):
            cut += 1
        if cut == limit and cut < first_match and _in_word(text[cut - 1]):
            cut = start  # a very long word: cut inside it
    while cut < first_match and not (text[cut].isalnum() or _CJK_CHAR.match(text[cut])):
        cut += 1
    start = cut
    cut = end
    if cut < len(text):
        floor = max(start + 1, end - MAX_CUT_SHIFT)
        while cut > floor and _in_word(text[cut - 1]) and _in_word(text[cut]):
            cut -= 1
        if cut == floor:
            cut = end
    while cut > start + 1 and not (text[cut - 1].isalnum() or _CJK_CHAR.match(text[cut - 1])):
        cut -= 1
    return start, cut


def highlight(text, query, width=None):
    """[(text, is_match)] for `text`, cut to about `width` characters around the first match.

    Returns plain strings; the template escapes them and wraps matches in <mark>.
    """
    text = " ".join(str(text or "").split())
    spans = match_spans(text, query)
    start, end = 0, len(text)
    if width and len(text) > width:
        first = spans[0][0] if spans else 0
        start = max(0, first - width // 3)
        end = min(len(text), start + width)
        start = max(0, end - width)
        start, end = _clean_cut(text, start, end, first)
    segments = []
    if start > 0:
        segments.append(("…", False))
    cursor = start
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        span_start, span_end = max(span_start, start), min(span_end, end)
        if span_start > cursor:
            segments.append((text[cursor:span_start], False))
        segments.append((text[span_start:span_end], True))
        cursor = span_end
    if cursor < end:
        segments.append((text[cursor:end], False))
    if end < len(text):
        segments.append(("…", False))
    return segments


def plain_text(value):
    """A search field's value as one string: lists and dicts (StreamField data) joined."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(plain_text(item) for item in value)
    if isinstance(value, dict):
        return " ".join(plain_text(item) for item in value.values())
    return str(value)
