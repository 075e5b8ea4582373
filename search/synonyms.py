"""Synonyms for search queries: editors' word lists, matched against what visitors type.

No Django here (the editors' snippet is `search.models.Synonym`). Each list names words
that mean the same thing to a resident: `看病, 就诊, 就医` or `ping pong, table tennis`;
or, with an arrow, words that should also find others but not the other way round:
`doctor => hospital, clinic`.
A query that contains one of them (as a whole word, or inside a run of Chinese) also
finds pages with any of the others; the words are compared as the search compares them
(stemmed, folded to Simplified Chinese, Korean particles dropped).
"""

from search.text import _units, fold


def _key(phrase):
    """('cjk', run) for a phrase of Chinese alone, else ('words', (term, …))."""
    units = _units(fold(" ".join(str(phrase).split())), partial=False)
    if len(units) == 1 and units[0][0] == "cjk":
        return "cjk", units[0][1]
    keys = tuple(key for _kind, _run, key, _last in units)
    return ("words", keys) if any(keys) else (None, None)


ARROWS = ("=>", "→")


def split_words(text):
    """The phrases of one list, as editors write it: separated by commas (, ， 、) or lines."""
    for arrow in ARROWS:
        text = text.replace(arrow, ",")
    for separator in "，、;；\n":
        text = text.replace(separator, ",")
    return [phrase.strip() for phrase in text.split(",") if phrase.strip()]


def read_list(text):
    """(phrases that find the others, phrases they find) for one list.

    `看病, 就诊, 就医`: each finds the others. `doctor => hospital, clinic`: a search for
    doctor also finds hospitals and clinics, but one for hospital does not find every
    page that mentions a doctor.
    """
    for arrow in ARROWS:
        if arrow in text:
            left, _arrow, right = text.partition(arrow)
            sources = split_words(left)
            return sources, sources + split_words(right)
    phrases = split_words(text)
    return phrases, phrases


class Synonyms:
    """Lists of phrases that mean the same, looked up by what a query contains.

    Each list is text as editors write it (`read_list`).
    """

    def __init__(self, lists=()):
        self.words = {}  # (term, …) -> [phrase]
        self.chinese = {}  # Han run -> [phrase]
        self.longest = 0
        for text in lists:
            sources, found = read_list(text)
            for phrase in sources:
                kind, key = _key(phrase)
                if kind == "cjk":
                    self.chinese.setdefault(key, []).extend(found)
                elif kind == "words":
                    self.words.setdefault(key, []).extend(found)
                    self.longest = max(self.longest, len(key))

    def __bool__(self):
        return bool(self.words or self.chinese)

    def match_words(self, keys):
        """(how many of `keys` a list starts with, its phrases), the longest; (0, []) if none."""
        for length in range(min(self.longest, len(keys)), 0, -1):
            phrases = self.words.get(tuple(keys[:length]))
            if phrases and any(keys[:length]):
                return length, phrases
        return 0, []

    def match_chinese(self, run):
        """(start, end, phrases) of the first, longest listed word inside `run`, or None."""
        best = None
        for key, phrases in self.chinese.items():
            start = run.find(key)
            if start != -1 and (best is None or (start, -len(key)) < (best[0], best[0] - best[1])):
                best = (start, start + len(key), phrases)
        return best
