"""Programmes, funds, networks and named projects.

Known names come from ``data/programmes.json`` (canonical name + aliases, so
'International Urban and Regional Cooperation' is IURC). Unknown project names are
caught by rule where the page says so: 'the Let's GOv project', 'the EU-funded project
CityRegions', 'the Upper project'.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicons import Programme, programmes
from .records import Mention, ProgrammeRecord
from .text import Sentences, literal_alternation, name_key


@dataclass(frozen=True)
class ProgrammeHit:
    start: int
    end: int
    name: str
    kind: str
    funder: bool


@lru_cache(maxsize=None)
def _lexicon() -> tuple[re.Pattern, dict[str, Programme]]:
    by_alias: dict[str, Programme] = {}
    for p in programmes():
        for alias in (p.name, *p.aliases):
            by_alias[alias] = p
    return re.compile(rf"(?<![\w-]){literal_alternation(by_alias)}(?![\w-]|\+)"), by_alias


_NAMED_PROJECT = re.compile(
    r"(?:\b(?:project|programme|program|network|initiative)\s+(?P<a>[A-Z][\w'’+-]*(?:\s[A-Z][\w'’+-]*){0,2}))"
    # 'the EU-funded project CityRegions': an adjective ('EU-funded', 'city-led') names nothing
    r"|(?:(?<![\w-])(?![\w'’+-]*-(?:funded|financed|backed|led|based|wide|sponsored)\b)"
    r"(?P<b>[A-Z][\w'’+-]*(?:\s(?:[A-Z][\w'’+-]*|of|for|and|the)){0,5})\s(?:project|programme|Programme|Project|network|Network|initiative|Initiative)\b)"
)
_GENERIC_FIRST = frozenset("the this that a an our their its his her european eu international national "
                           "regional local pilot new one each every which whole such".split())


def find_programmes(text: str) -> list[ProgrammeHit]:
    """All programme mentions, known names first, then rule-found project names."""
    pattern, by_alias = _lexicon()
    hits = [ProgrammeHit(m.start(), m.end(), by_alias[m.group()].name, by_alias[m.group()].kind,
                         by_alias[m.group()].funder) for m in pattern.finditer(text)]
    taken = [(h.start, h.end) for h in hits]
    for m in _NAMED_PROJECT.finditer(text):
        group = "a" if m.group("a") else "b"
        name = m.group(group)
        a, b = m.start(group), m.end(group)
        words = name.split()
        while words and words[-1].lower() in ("of", "for", "and", "the"):
            words.pop()
        if not words or words[0].lower() in _GENERIC_FIRST or "\n" in name:
            continue
        name = " ".join(words)
        b = a + len(name)
        if any(a < y and x < b for x, y in taken):
            continue
        taken.append((a, b))
        hits.append(ProgrammeHit(a, b, name, "project", False))
    return sorted(hits, key=lambda h: h.start)


def extract_programmes(text: str, sents: Sentences) -> tuple[list[ProgrammeRecord], list[ProgrammeHit], list[Mention]]:
    hits = find_programmes(text)
    grouped: dict[str, list[ProgrammeHit]] = {}
    for h in hits:
        if h.name in ("European Union",):
            continue  # the EU is a funder and a context, not a programme
        grouped.setdefault(name_key(h.name), []).append(h)
    records = []
    for group in grouped.values():
        first = group[0]
        records.append(ProgrammeRecord(
            name=first.name, kind=first.kind,
            surface_forms=tuple(sorted({text[h.start:h.end] for h in group})), n_mentions=len(group),
            start=first.start, end=first.end, evidence=sents.evidence(first.start, first.end),
            method="rule" if first.kind == "project" else "gazetteer"))
    mentions = [Mention(h.start, h.end, text[h.start:h.end], "PROGRAMME",
                        "rule" if h.kind == "project" else "gazetteer", h.name) for h in hits]
    return sorted(records, key=lambda r: r.start), hits, mentions
