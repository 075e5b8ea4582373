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
* Traditional characters are folded to Simplified on both sides (簽證 -> 签证,
  search/chinese.py).

A query becomes groups, one per word (a Chinese run cut into words, 签证延期 ->
签证, 延期; question words such as "where", 哪里, 어디 dropped): each must match,
through any of its alternatives (the editors' synonyms). `relevance` scores a page
from its indexed terms, the same on every database; `correct_word` corrects a
mistyped Latin word against the index's words.

Every term is a run of letters and digits, so terms pass unchanged through
SQLite FTS5's unicode61 tokenizer and PostgreSQL's parser with the `simple`
configuration, and can never be read as query syntax (quotes, `*`, NEAR, %).
"""

import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

import snowballstemmer

from search.chinese import segment, to_simplified

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
    text = fold(str(text))
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


# Words a visitor types around what they look for ("where can I find a hospital",
# 在哪里看病, 병원 어디): dropped from queries only, so they never make a page required
# to say them. A query of nothing else still searches for them.
QUERY_STOP_WORDS = frozenset(
    [
        "about",
        "any",
        "anyone",
        "can",
        "could",
        "did",
        "do",
        "does",
        "find",
        "get",
        "go",
        "how",
        "i",
        "know",
        "like",
        "look",
        "me",
        "my",
        "near",
        "need",
        "our",
        "please",
        "see",
        "should",
        "some",
        "tell",
        "what",
        "when",
        "where",
        "which",
        "who",
        "why",
        "want",
        "we",
        "you",
        "your",
    ]
)
CHINESE_STOP_WORDS = frozenset(
    [
        "的",
        "了",
        "和",
        "与",
        "及",
        "在",
        "是",
        "吗",
        "呢",
        "吧",
        "啊",
        "呀",
        "我",
        "我们",
        "你",
        "你们",
        "怎么",
        "怎么样",
        "怎样",
        "如何",
        "哪里",
        "哪儿",
        "哪个",
        "哪些",
        "在哪",
        "在哪里",
        "什么",
        "可以",
        "能",
        "能不能",
        "想",
        "要",
        "我要",
        "我想",
        "需要",
        "请问",
        "有没有",
        "一下",
        "去",
        "到",
        "找",
        "办",
        "办理",
    ]
)
KOREAN_STOP_WORDS = frozenset(
    [
        "어디",
        "어디서",
        "어떻게",
        "무엇",
        "뭐",
        "언제",
        "누가",
        "왜",
        "방법",
        "있나요",
        "있어요",
        "있습니까",
        "하나요",
        "해요",
        "하려면",
        "싶어요",
        "싶은데",
        "좀",
        "수",
        "제",
        "저",
        "저는",
        "알려주세요",
    ]
)


@dataclass
class Group:
    """One thing the visitor asked for: a word, or a phrase with synonyms.

    A page matches the group if it has every term of any one alternative.
    """

    alternatives: list  # [tuple of index terms]; the first is what was typed
    word: str = ""  # the typed Latin word, if the group is one (typos are corrected on these)

    @property
    def terms(self):
        return self.alternatives[0]


@dataclass
class ParsedQuery:
    """A visitor's query as index terms, plus what to highlight in the results."""

    text: str  # the query as used (trimmed and capped), for display
    # Index terms of the query as typed, in order (Chinese runs as all their bigrams):
    # a page with all of them in this order has the exact phrase.
    terms: list = field(default_factory=list)
    groups: list = field(default_factory=list)  # [Group]: every one must match
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


def fold(text):
    """NFKC, and Traditional Chinese characters as Simplified ones (簽證 -> 签证)."""
    return to_simplified(unicodedata.normalize("NFKC", text))


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


def chinese_words(run):
    """The words of a Han run a page must have, stop words dropped (签证延期 -> 签证, 延期).

    A character the word list leaves on its own stays with the one before it, so an
    unknown name stays whole (詹叔) and a suffix stays with its word (中文课 is a class,
    not any page with 中文 and 课): only the seams between known words are let go.
    """
    words = []  # None where a stop word was: nothing joins across it
    for word in segment(run):
        if word in CHINESE_STOP_WORDS:
            words.append(None)
        elif len(word) == 1 and words and words[-1] is not None:
            words[-1] += word
        else:
            words.append(word)
    return [word for word in words if word]


def phrase_terms(phrase):
    """Index terms of a synonym, every one required: its words, in Chinese its words' bigrams
    (签证延长 -> 签证 延长, apart or together, as a query's own words)."""
    terms = []
    for kind, run, _start, _end in _script_runs(fold(phrase)):
        if kind == "word":
            term = normalise_word(run)
            if term:
                terms.append(term)
        elif kind == "cjk":
            terms.extend(t for word in chinese_words(run) or [run] for t in bigrams(word))
        else:
            terms.extend(bigrams(run))
    return tuple(dict.fromkeys(terms))


def _units(normalised, partial):
    """(kind, text, key) for each word of the query, in order; key is what synonyms match."""
    runs = list(_script_runs(normalised))
    units = []
    for position, (kind, run, _start, _end) in enumerate(runs):
        is_last = position == len(runs) - 1
        if kind == "word":
            units.append(("word", run, normalise_word(run), is_last))
        elif kind == "hangul":
            if not (partial and is_last):
                run = strip_particle(run)
            units.append(("hangul", run, run, is_last))
        else:
            units.append(("cjk", run, run, is_last))
    return units


def parse_query(raw, *, partial=False, synonyms=None):
    """Index terms for a query. `partial`: the last word is still being typed (autocomplete).

    `synonyms` (a `search.synonyms.Synonyms`) adds alternatives to the words it knows.
    """
    text = " ".join(str(raw or "").split())[:MAX_QUERY_LENGTH]
    query = ParsedQuery(text=text)
    units = _units(fold(text), partial)
    stop_only = []
    index = 0
    while index < len(units):
        length = _add_synonym(query, units[index:], synonyms)
        if length:
            index += length
            continue
        kind, run, key, is_last = units[index]
        index += 1
        if kind == "word":
            _add_word(query, stop_only, run, key, is_last, partial)
            continue
        query.terms.extend(bigrams(run))
        query.fragments.append(run)
        if kind == "hangul":
            group = Group([tuple(bigrams(run))])
            (stop_only if run in KOREAN_STOP_WORDS else query.groups).append(group)
        else:
            _add_chinese(query, run, synonyms)
    if not query.groups:
        query.groups = stop_only or ([Group([tuple(query.terms)])] if query.terms else [])
    if not query.terms and not query.prefixes:
        # A query of stop words only ("the", "in") searches for them as they are.
        words = [r.casefold() for k, r, _key, _last in units if k == "word"]
        query.terms = words
        query.stems.update(words)
        query.groups = [Group([(w,)], word=w) for w in words]
    query.terms = list(dict.fromkeys(query.terms))[:MAX_QUERY_TERMS]
    query.groups = _capped(query.groups)
    return query


def _capped(groups):
    """The groups, each alternative's terms once, as many as MAX_QUERY_TERMS * 2 terms allow.

    However long the query, the search expression stays small (PostgreSQL nests one
    level per term).
    """
    kept, total = [], 0
    for group in groups:
        alternatives = [tuple(dict.fromkeys(a))[:MAX_QUERY_TERMS] for a in group.alternatives]
        total += sum(len(a) for a in alternatives)
        if total > MAX_QUERY_TERMS * 2 and kept:
            break
        kept.append(Group(alternatives, word=group.word))
    return kept


def _add_synonym(query, units, synonyms):
    """A group for the listed words (not Chinese) `units` begin with; how many units it took."""
    if synonyms is None or units[0][0] == "cjk":
        return 0
    length, phrases = synonyms.match_words([unit[2] for unit in units])
    if length:
        matched = units[:length]
        typed = tuple(t for unit in matched for t in _unit_terms(unit))
        query.terms.extend(typed)
        for kind, run, key, _last in matched:
            if kind == "word":
                query.stems.add(key)
            else:
                query.fragments.append(run)
        query.groups.append(Group(_alternatives(query, typed, phrases)))
    return length


def _add_word(query, stop_only, run, key, is_last, partial):
    if key:
        query.terms.append(key)
        query.stems.add(key)
        # While typing, the last word is never a stop word yet ("can" -> "canteen").
        stop = key in QUERY_STOP_WORDS and not (partial and is_last)
        (stop_only if stop else query.groups).append(Group([(key,)], word=run))
    if is_last and ((key and key not in QUERY_STOP_WORDS) or partial):
        query.prefixes = word_prefixes(run)


def _add_chinese(query, run, synonyms):
    """A group per word of a Han run, or per listed synonym inside it."""
    for piece, phrases in _chinese_pieces(run, synonyms):
        if phrases:
            query.groups.append(Group(_alternatives(query, phrase_terms(piece), phrases)))
        else:
            words = chinese_words(piece)
            query.groups.extend(Group([tuple(bigrams(word))]) for word in words)
            query.fragments.extend(word for word in words if word != run)


def _unit_terms(unit):
    kind, run, key, _last = unit
    if kind == "word":
        return (key,) if key else ()
    return tuple(bigrams(run))


def _alternatives(query, typed, phrases):
    """What was typed, then each synonym's terms; the synonyms are highlighted too."""
    alternatives = [typed]
    for phrase in phrases:
        terms = phrase_terms(phrase)
        if terms and terms not in alternatives:
            alternatives.append(terms)
        for kind, run, _start, _end in _script_runs(fold(phrase)):
            if kind == "word":
                query.stems.add(normalise_word(run))
            else:
                query.fragments.append(run)
    return alternatives


def _chinese_pieces(run, synonyms):
    """A Han run cut around the synonyms it contains: [(text, synonyms or None)]."""
    found = synonyms.match_chinese(run) if synonyms is not None else None
    if not found:
        return [(run, None)]
    start, end, phrases = found
    pieces = _chinese_pieces(run[:start], synonyms) if start else []
    pieces.append((run[start:end], phrases))
    if end < len(run):
        pieces.extend(_chinese_pieces(run[end:], synonyms))
    return pieces


# Ranking, the same on every database (search/queries.py re-ranks the best matches with it).
RANK_TITLE = 10.0  # a group found in the title counts this many times one in the body only
RANK_PHRASE_TITLE = 6.0  # the query's terms in order in the title
RANK_PHRASE_BODY = 2.0  # … in the body
RANK_TITLE_SHARE = 4.0  # times the share of the title's terms the query matches
RANK_BODY_REPEAT = 0.5  # times log(1 + how often the query's terms recur in the body)


def _has(terms, alternative):
    return bool(alternative) and all(t in terms for t in alternative)


def _contains(sequence, part):
    n = len(part)
    return n > 0 and any(sequence[i : i + n] == part for i in range(len(sequence) - n + 1))


def relevance(query, title, body):
    """A page's score for `query` from its indexed title and body terms (strings).

    Every group the page has counts, more in the title; the exact phrase, a title
    that is mostly the query (Muyan Coffee the partner above "English corner at Muyan
    Coffee") and a body that keeps coming back to it count too.
    """
    title_terms, body_terms = title.split(), body.split()
    title_set, body_set = set(title_terms), set(body_terms)
    prefixes = tuple(query.prefixes)
    score, matched = 0.0, set()
    for group in query.groups:
        alternatives = list(group.alternatives)
        in_title = any(_has(title_set, a) for a in alternatives)
        in_body = any(_has(body_set, a) for a in alternatives)
        if not (in_title or in_body) and group is query.groups[-1] and prefixes:
            in_title = any(t.startswith(prefixes) for t in title_set)
            in_body = any(t.startswith(prefixes) for t in body_set)
        score += RANK_TITLE * in_title + in_body
        matched.update(t for a in alternatives for t in a)
    terms = list(query.terms)
    if len(terms) > 1:
        score += RANK_PHRASE_TITLE * _contains(title_terms, terms)
        score += RANK_PHRASE_BODY * _contains(body_terms, terms)
    if title_terms:
        share = sum(1 for t in dict.fromkeys(title_terms) if t in matched)
        score += RANK_TITLE_SHARE * share / len(set(title_terms))
    repeats = sum(1 for t in body_terms if t in matched)
    return score + RANK_BODY_REPEAT * math.log1p(repeats)


def edit_distance(a, b, limit):
    """Damerau-Levenshtein distance (adjacent swaps count one), or limit + 1 if above it."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous, current = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        before, previous, current = previous, current, [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                current[j] = min(current[j], before[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
    return current[-1]


def typo_limit(word):
    """Edits allowed in a word of this length: none below five letters, two from nine."""
    return 0 if len(word) < 5 else 1 if len(word) < 9 else 2


# Endings the English stemmer takes off: a stem plus one of these is a word it came from.
ENDINGS = (
    "", "s", "e", "es", "ed", "ing", "ings", "er", "ers", "al", "als", "ion", "ions",
    "ation", "ations", "ment", "ments", "ity", "ive", "ly", "ness", "ence", "ance", "ent",
)  # fmt: skip


def _word_forms(term):
    """Words the stem `term` comes from (hospit -> hospital, bakeri -> bakery, bakeries)."""
    forms = [term + ending for ending in ENDINGS]
    if term.endswith("i"):
        forms += [term[:-1] + "y", term[:-1] + "ies"]
    return forms


def correct_word(word, vocabulary):
    """(index term, word to show) for a mistyped Latin word, or None.

    `vocabulary` is {index term: number of pages}. The index holds stems (hospital ->
    hospit), so the typed word is compared with the words each stem comes from
    (hospit + al): hosptal is one edit from hospital, whose stem is in the index. The
    nearest wins, then the one on more pages, then the shorter.
    """
    folded = unicodedata.normalize("NFKC", word).casefold()
    limit = typo_limit(folded)
    if not limit or not folded.isascii() or not folded.isalpha():
        return None
    if normalise_word(word) in vocabulary:
        return None
    best = None
    for term, pages in vocabulary.items():
        if term[0] != folded[0] or abs(len(term) - len(folded)) > limit + 5:
            continue
        for form in _word_forms(term):
            if abs(len(form) - len(folded)) > limit or normalise_word(form) != term:
                continue
            distance = edit_distance(folded, form, limit)
            rank = (distance, -pages, len(form))
            if distance <= limit and (best is None or rank < best[0]):
                best = (rank, term, form)
    return (best[1], best[2]) if best else None


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
        normalised = fold(run)
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
