"""Chinese for search: Traditional folded to Simplified, and queries cut into words.

No Django here.

* `to_simplified` folds Traditional characters (簽證 -> 签证, 英語沙龍 -> 英语沙龙) with
  OpenCC's `t2s` tables, on index terms and query terms alike, so a visitor from
  Taiwan or Hong Kong finds the Simplified pages and the other way round. OpenCC is
  imported on first use (about 30 ms, 5 MB).
* `segment` cuts a run of Han characters into words (签证延期 -> 签证 延期) with the
  maximum-probability path over a word list, as jieba does without its HMM step. The
  word list (`data/zh_words.txt.gz`) is jieba's dictionary (MIT licence) cut to its
  60,000 words of two to six characters seen 30 times or more: loading it takes about
  0.15 s and 10 MB, where jieba itself takes 2.5 s and 100 MB. A character the list does
  not join to a neighbour is left on its own; the caller decides what to do with it.
"""

import gzip
import math
from functools import cache, lru_cache
from pathlib import Path

WORDS = Path(__file__).parent / "data" / "zh_words.txt.gz"
MAX_WORD = 6


@cache
def _converter():
    import opencc  # imported on first use: most requests never need it

    return opencc.OpenCC("t2s")


def _has_han(text):
    return any("\u3400" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff" for c in text)


@lru_cache(maxsize=20000)
def to_simplified(text):
    """`text` with Traditional Chinese characters replaced by Simplified ones."""
    if not text or not _has_han(text):
        return text
    converted = _converter().convert(text)
    # OpenCC maps character by character here, but keep offsets stable whatever happens.
    return converted if len(converted) == len(text) else text


@cache
def _dictionary():
    """{word: log probability} and the log probability of an unknown character."""
    counts = {}
    with gzip.open(WORDS, "rt", encoding="utf-8") as lines:
        for line in lines:
            word, _space, count = line.rstrip("\n").partition(" ")
            counts[word] = int(count)
    total = math.log(sum(counts.values()))
    words = {word: math.log(count) - total for word, count in counts.items()}
    return words, -total


def segment(run):
    """A run of Han characters as words, by the most probable path (签证延期 -> 签证, 延期)."""
    if len(run) <= 2:
        return [run]
    words, unknown = _dictionary()
    # best[i] = (log probability of run[i:], end of the first word from i)
    best = [(0.0, len(run))] * (len(run) + 1)
    for start in range(len(run) - 1, -1, -1):
        choice = (unknown + best[start + 1][0], start + 1)
        for end in range(start + 2, min(len(run), start + MAX_WORD) + 1):
            logp = words.get(run[start:end])
            if logp is not None and logp + best[end][0] > choice[0]:
                choice = (logp + best[end][0], end)
        best[start] = choice
    found, start = [], 0
    while start < len(run):
        end = best[start][1]
        found.append(run[start:end])
        start = end
    return found
