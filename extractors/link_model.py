"""A learned second opinion on partner links, for pairs no rule linked.

The link rules (links.py) state what they match. On pages written after they were
tuned they find about half of the links; most of the others sit in sentences whose
wording no cue pattern covers ('found its counterpart in', 'teams up with'). Here a
logistic regression scores every pair of parties in one sentence from the words
between, before and after them, the sentence's words and a few shape features; a pair
the rules left alone becomes a link when its probability reaches the model's threshold.

The weights are data (data/link_model.json), trained on the gold sets by
tools/train_link_model.py, which uses these same feature functions. Scoring is a sum
of weights: no ML library at run time.
"""
from __future__ import annotations

import bisect
import json
import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Protocol

from .text import Sentences, name_key

MODEL_PATH = Path(__file__).parent / "data" / "link_model.json"
MAX_BETWEEN = 12  # words between two parties read one by one; a longer gap by its ends only

_WORD = re.compile(r"[a-z]+(?:['’][a-z]+)?|\d{4}|[|•\-–:;()]")


class PartyLike(Protocol):
    start: int
    end: int
    name: str
    kind: str


class PairContext(NamedTuple):
    """What every pair of one sentence shares: the sentence's parties, the page's most
    named city and the sentence's own features."""
    in_sentence: Sequence[PartyLike]
    home: str | None
    sentence_features: frozenset[str]


def words(text: str) -> list[str]:
    """Lower-case words, the punctuation that shapes lists, and '#year' for a year."""
    return ["#year" if w[0].isdigit() else w for w in _WORD.findall(text.lower())]


def _bucket(n: int) -> str:
    return next((str(e) for e in (0, 1, 2, 3, 5, 8, 12, 20) if n <= e), "more")


def pair_features(text: str, s0: int, s1: int, a: PartyLike, b: PartyLike,
                  in_sentence: Sequence[PartyLike], home: str | None,
                  sentence_features: frozenset[str] | None = None) -> set[str]:
    """Binary features of the pair (a before b) in the sentence text[s0:s1].
    ``sentence_features`` (see sentence_features()) spares recomputing the sentence's own
    features for each of its pairs."""
    between = text[a.end:b.start]
    bw = words(between)
    f = {"bias", "nbtw:" + _bucket(sum(1 for p in in_sentence if a.end <= p.start and p.end <= b.start)),
         "np:" + _bucket(len(in_sentence)), "kinds:" + "-".join(sorted((a.kind, b.kind))),
         "dist:" + _bucket(len(bw))}
    if len(bw) <= MAX_BETWEEN:
        f.update("b:" + w for w in bw)
        f.update(f"bb:{x}_{y}" for x, y in zip(bw, bw[1:]))
    else:
        f.add("b_long")
        f.update("bL:" + w for w in bw[:4])
        f.update("bR:" + w for w in bw[-4:])
    f.update("p:" + w for w in words(text[s0:a.start])[-6:])
    f.update("a:" + w for w in words(text[b.end:s1])[:6])
    f |= sentence_features if sentence_features is not None else sentence_features_of(text[s0:s1])
    glue = between.strip()
    f.add("glue:" + (glue if len(glue) <= 5 else "long"))
    line = text[text.rfind("\n", 0, a.start) + 1:a.start].lstrip()
    if line[:1] in ("-", "*", "•"):
        f.add("bullet")
    if "|" in text[s0:s1]:
        f.add("pipe")
    if "\n" in between:
        f.add("nl_btw")
    if home is not None and home in (a.name, b.name):
        f.add("home")
    return f


def sentence_features_of(sentence: str) -> frozenset[str]:
    """The features every pair of a sentence shares: its words."""
    return frozenset("s:" + w for w in words(sentence))


def home_name(parties: Sequence[PartyLike]) -> str | None:
    """The city the page names most often: on a city's own page, one end of most links."""
    counts = Counter(p.name for p in parties if p.kind == "city")
    return counts.most_common(1)[0][0] if counts else None


def sentence_pairs(text: str, sents: Sentences, parties: Sequence[PartyLike]
                   ) -> Iterator[tuple[int, int, PartyLike, PartyLike, PairContext]]:
    """Every pair of differently named parties within one sentence, once per sentence:
    (s0, s1, a, b, context), a before b; ``pair_features(text, s0, s1, a, b, *context)``
    gives its features. Features are left to the caller: the extractor's guards skip many
    pairs first, and the features cost more than the guards."""
    ordered = sorted(parties, key=lambda p: p.start)
    home = home_name(ordered)
    starts = [p.start for p in ordered]
    keys = {name: name_key(name) for name in {p.name for p in ordered}}
    for s0, s1 in zip(sents.starts, sents.ends):
        lo, hi = bisect.bisect_left(starts, s0), bisect.bisect_left(starts, s1)
        ps = ordered[lo:hi]
        if len(ps) < 2:
            continue
        context = PairContext(ps, home, sentence_features_of(text[s0:s1]))
        seen: set[frozenset] = set()
        for i, a in enumerate(ps):
            for b in ps[i + 1:]:
                key = frozenset((keys[a.name], keys[b.name]))
                if len(key) < 2 or key in seen:
                    continue
                seen.add(key)
                yield s0, s1, a, b, context


def candidate_pairs(text: str, sents: Sentences, parties: Sequence[PartyLike]
                    ) -> Iterator[tuple[int, int, PartyLike, PartyLike, set[str]]]:
    """``sentence_pairs`` with each pair's features: (s0, s1, a, b, features)."""
    for s0, s1, a, b, context in sentence_pairs(text, sents, parties):
        yield s0, s1, a, b, pair_features(text, s0, s1, a, b, *context)


@dataclass(frozen=True)
class LinkModel:
    weights: dict[str, float]
    threshold: float

    def probability(self, features: set[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def link_model() -> LinkModel | None:
    """The shipped model, or None when the file is absent (rules only)."""
    if not MODEL_PATH.exists():
        return None
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    return LinkModel(data["weights"], float(data["threshold"]))
