"""Small pure helpers on text shared by the extractors."""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

_FOLD = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d", "ł": "l", "Ł": "l", "ø": "o",
                       "Ø": "o", "ß": "ss", "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i"})


@lru_cache(maxsize=1 << 16)  # pages repeat their names: most calls are hits (bounded memory)
def fold(text: str) -> str:
    """Lower-case ASCII-ish form: 'Wrocław' -> 'wroclaw', 'Đà Lạt' -> 'da lat'."""
    s = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """Lookup key for place and organisation names: folded, punctuation as spaces.

    'Donostia-San Sebastián', 'Donostia / San Sebastian' and 'donostia san sebastian'
    share one key, so the gazetteer needs no spelling variants of separators.
    """
    s = re.sub(r"[’'`]", "", fold(name))
    return re.sub(r"[^0-9a-z]+", " ", s).strip()


def literal_alternation(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, written as a trie: 'Ch(?:ad|i(?:le|na))'.

    Same matches as the words joined longest first, but Python's engine then tries one
    branch per next character instead of every word at every offset of the text (the
    country, demonym, programme and currency look-ups scanned each page hundreds of
    times). Longer words are still preferred: at each node the continuations come before
    the end of a shorter word, so a failed look-ahead after a longer word backtracks to
    the shorter one, as with the plain alternation."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:
        branches = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        if len(branches) == 1 and "" not in node:
            return branches[0]
        return "(?:" + "|".join(branches) + ("|" if "" in node else "") + ")"

    return render(trie)


_TEXT_KEY = "citycoop.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc: spaCy rebuilds the string from every token on
    each access, which cost more than some extractors themselves."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Give a Doc the text it was parsed from, so :func:`doc_text` need not rebuild it
    (spaCy keeps the text verbatim: they are equal)."""
    doc.user_data[_TEXT_KEY] = text


def token_words(doc: Doc) -> tuple[list[str], list[int]]:
    """Every token's text and start offset, read once per Doc from spaCy's arrays:
    iterating the Doc builds a Python Token object per token, which cost a quarter of
    the extraction time on long pages."""
    cached = doc.user_data.get("citycoop.words")
    if cached is None:
        from spacy.attrs import IDX, LENGTH

        text = doc_text(doc)
        starts, lengths = (doc.to_array([IDX, LENGTH]).T.tolist() if len(doc) else ([], []))
        cached = doc.user_data["citycoop.words"] = ([text[a:a + n] for a, n in zip(starts, lengths)], starts)
    return cached


@dataclass(frozen=True)
class Sentences:
    """Sentence boundaries of a Doc, for O(log n) 'which sentence holds offset x'."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    text: str

    @classmethod
    def of(cls, doc: Doc) -> "Sentences":
        text = doc_text(doc)
        spans = [(s.start_char, s.end_char) for s in doc.sents] or [(0, len(text))]
        return cls(tuple(a for a, _ in spans), tuple(b for _, b in spans), text)

    def index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def bounds(self, offset: int) -> tuple[int, int]:
        i = self.index(offset)
        return self.starts[i], self.ends[i]

    def evidence(self, start: int, end: int | None = None) -> str:
        """The sentence(s) around a span, whitespace collapsed, for the evidence column."""
        a, _ = self.bounds(start)
        _, b = self.bounds(max(start, (end or start) - 1))
        return " ".join(self.text[a:b].split())


def line_bounds(text: str, offset: int) -> tuple[int, int]:
    """Start and end offsets of the line holding ``offset``."""
    a = text.rfind("\n", 0, offset) + 1
    b = text.find("\n", offset)
    return a, len(text) if b < 0 else b


_CREDIT = re.compile(
    r"(\bCC[ -]BY\b|\bCC0\b|\bown work\b|\btrabajo propio\b|\beigenes werk\b|©|\(c\)\s|"
    r"^\s*(photo|image|foto|picture|credit|credits|source)\s*:|"
    r"^\s*(by|de|von|par)\s+\S+.*\s-\s)",
    re.IGNORECASE,
)


def is_credit_line(line: str) -> bool:
    """Image credits and licence lines ('By Jardoz - Own work, CC BY-SA 3.0'): not content."""
    return bool(_CREDIT.search(line)) and len(line) < 200


def credit_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges of credit lines, to mask place matches inside them."""
    out = []
    pos = 0
    for line in text.split("\n"):
        if is_credit_line(line):
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a <= start and end <= b for a, b in ranges)
