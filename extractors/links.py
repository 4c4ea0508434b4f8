"""Partner links: pairs of cities or organisations the text says cooperate.

A link needs a stated relation, never co-occurrence alone. Rules, per sentence, over
the "parties" the sentence names (resolved cities, and organisations from NER):
- 'cooperation/partnership/twinning between X and Y'
- 'X will cooperate/collaborate/partner with Y', 'X is twinned with Y'
- 'X, together with Y (and Z)'
- 'a cooperation project involving Y' (X = the sentence's first party)
- 'X and Y are sister cities' / 'sister city X'
- partner lists ('Partners: City of Torino (IT), City of Nagoya (JP)'): every pair when
  the list has at most four members, else the lead partner with each city
- a pairing/common-interest sentence listing 2-4 cities: every pair
Undirected pairs are written once per document.
"""
from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from .programmes import ProgrammeHit
from .records import CityRecord, LinkRecord, Mention, YearRecord
from .text import Sentences, name_key

MAX_LIST = 4  # partner lists up to this size link every pair
RELATIONS = [  # (regex on the cue, relation)
    (r"sister[- ]cit|twin (?:town|cit)", "sister_city"),
    (r"twinn|twin", "twinning"),
    (r"pair", "pairing"),
    (r"lead partner|project leader|coordinator|leader\b", "lead_partner"),
    (r"partner", "partner"),
    (r"member", "member"),
]
_ORG_WORDS = re.compile(r"\b(?:Ministry|Agency|University|Association|Associazione|Council|Institute|"
                        r"Chamber|Foundation|Fondazione|Authority|Department|Office|Community|Agenzia|"
                        r"Centre|Center|Politecnico|Region|Province|Internazionale|Strategica|Bank|"
                        r"Network|Company|Consortium|Management|Development|Eixo|Comunidad|Intermunicipal)\b")


@dataclass(frozen=True)
class Party:
    start: int
    end: int
    name: str
    kind: str  # city | organisation
    geonames_id: int | None


def _relation(cue: str, default: str = "cooperation") -> str:
    low = cue.lower()
    return next((rel for pat, rel in RELATIONS if re.search(pat, low)), default)


def find_parties(doc: Doc, cities: list[CityRecord], city_mentions: list[Mention],
                 programme_hits: list[ProgrammeHit]) -> list[Party]:
    """Cities (by their canonical name) and organisations named in the text."""
    by_gid = {str(c.geonames_id): c for c in cities}
    parties = []
    for m in city_mentions:
        city = by_gid.get(m.value)
        if city is not None:
            parties.append(Party(m.start, m.end, city.name, "city", city.geonames_id))
    taken = [(p.start, p.end) for p in parties]
    programme_spans = [(h.start, h.end) for h in programme_hits]
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "FAC", "GPE", "NORP") or "\n" in ent.text:
            continue
        text = re.sub(r"^(?:the|The)\s+", "", ent.text).strip(" ,.;:")
        start = ent.start_char + ent.text.find(text)
        end = start + len(text)
        if any(start < b and a < end for a, b in taken + programme_spans):
            continue
        if ent.label_ in ("GPE", "NORP") and not _ORG_WORDS.search(text):
            continue
        if len(text) < 3 or not text[:1].isupper():
            continue
        parties.append(Party(start, end, text, "organisation", None))
    return sorted(parties, key=lambda p: p.start)


def _in(parties: list[Party], a: int, b: int) -> list[Party]:
    return [p for p in parties if a <= p.start and p.end <= b]


_GLUE = re.compile(r"^[\s,]*(?:and|&|as well as)?[\s,]*(?:the\s+)?(?:(?:City|Municipality|Town|Region|"
                   r"city|municipality|town|region) (?:Council )?of\s+)?$")
_FILLER = re.compile(r"^[\s,]*(?:the\s+)?(?:(?:City|Municipality|Town|city|municipality|town) (?:Council )?of\s+)?$")
_CODE_TAIL = re.compile(r"^\s*\([A-Z]{2}\)")


def coordinated(parties: list[Party], text: str, first: int) -> list[Party]:
    """The run of parties starting at index ``first`` joined only by commas/'and'."""
    run = [parties[first]]
    for p in parties[first + 1:]:
        gap = text[run[-1].end:p.start]
        gap = _CODE_TAIL.sub("", gap)
        gap = re.sub(r"^\s*\([^)]{0,40}\)", "", gap)  # '(project leader)', '(IT)'
        if _GLUE.match(gap):
            run.append(p)
        else:
            break
    return run


@dataclass
class _Collector:
    text: str
    sents: Sentences
    programme_hits: list[ProgrammeHit]
    years: list[YearRecord]
    doc_programme: str | None
    out: dict[frozenset, LinkRecord]

    def add(self, a: Party, b: Party, relation: str, s0: int, s1: int) -> None:
        if a.name == b.name or name_key(a.name) == name_key(b.name):
            return
        key = frozenset((name_key(a.name), name_key(b.name)))
        if key in self.out:
            return
        programme = next((h.name for h in self.programme_hits
                          if s0 <= h.start < s1 and h.kind not in ("institution", "fund")), self.doc_programme)
        year = next((y.year for y in self.years if s0 <= y.start < s1), None)
        self.out[key] = LinkRecord(a.name, b.name, a.kind, b.kind, a.geonames_id, b.geonames_id, relation,
                                   programme, year, s0, s1, " ".join(self.text[s0:s1].split()))


_BETWEEN = re.compile(r"\b(?P<cue>cooperation|co-operation|partnership|twinning|pairing|agreement|collaboration|"
                      r"exchange|memorandum|relations?|friendship|link|alliance)s?\b[^.]{0,40}?\b(?:between|among)\s", re.I)
_WITH = re.compile(r"\b(?P<cue>cooperat\w*|co-operat\w*|collaborat\w*|partner(?:ed|ing|s)?|work(?:s|ed|ing)? together|"
                   r"team(?:ed|s)? up|twinned|paired|linked|sister[- ]city (?:agreement|relationship|ties)?)\s+with\s", re.I)
_TOGETHER = re.compile(r",?\s*(?:together|jointly|along) with\s", re.I)
_INVOLVING = re.compile(r"\b(?P<cue>cooperation|partnership|twinning|pairing|exchange|collaboration)\b[^.]{0,30}?\binvolving\s", re.I)
_SISTER = re.compile(r"\b(?:are|became|have been|were|as)\s+(?P<cue>sister cities|twin cities|twin towns|sister towns|partner cities|partner towns)\b", re.I)
_LIST_HEAD = re.compile(r"(?im)^[ \t•*-]*(?:the\s+)?(?:international\s+|project\s+|main\s+)?partners?"
                        r"(?:\s+(?:are|include|is))?(?:[ \t]*:\s*|[ \t]*\n[ \t]*\n\s*)")
_PAIR_CUE = re.compile(r"\b(?P<cue>pair(?:ed|ing|s)?|common interest|cooperat\w*|partnership|twinn\w*|sister cit\w*|"
                       r"collaborat\w*|exchanges?)\b", re.I)
_LEAD = re.compile(r"lead partner|project leader|leader|coordinator|lead\b", re.I)


def extract_links(doc: Doc, sents: Sentences, parties: list[Party], programme_hits: list[ProgrammeHit],
                  years: list[YearRecord]) -> list[LinkRecord]:
    text = doc.text
    known = Counter(h.name for h in programme_hits if h.kind == "programme")
    col = _Collector(text, sents, programme_hits, years, known.most_common(1)[0][0] if known else None, {})
    for s0, s1 in zip(sents.starts, sents.ends):
        ps = _in(parties, s0, s1)
        if len(ps) < 2:
            continue
        sentence = text[s0:s1]
        _rule_between(col, ps, text, s0, s1, sentence)
        _rule_with(col, ps, text, s0, s1, sentence)
        _rule_together(col, ps, text, s0, s1, sentence)
        _rule_involving(col, ps, text, s0, s1, sentence)
        _rule_sister(col, ps, text, s0, s1, sentence)
        _rule_pair_list(col, ps, text, s0, s1, sentence)
    _rule_partner_lists(col, parties, text)
    return sorted(col.out.values(), key=lambda r: (r.start, r.source_name, r.target_name))


def _first_after(ps: list[Party], pos: int, within: int = 30) -> int | None:
    return next((i for i, p in enumerate(ps) if pos <= p.start <= pos + within), None)


def _subject(ps: list[Party], pos: int, text: str) -> Party | None:
    """The party the clause is about: the last one before ``pos`` that is not inside a
    parenthesis; cities are preferred to organisations."""
    before = [p for p in ps if p.end <= pos]
    if not before:
        return None
    cities = [p for p in before if p.kind == "city"]
    return (cities or before)[0] if (cities or before) else None


def _rule_between(col, ps, text, s0, s1, sentence) -> None:
    for m in _BETWEEN.finditer(sentence):
        i = _first_after(ps, s0 + m.end())
        if i is None:
            continue
        run = coordinated(ps, text, i)
        if 2 <= len(run) <= MAX_LIST:
            for a, b in itertools.combinations(run, 2):
                col.add(a, b, _relation(m.group("cue")), s0, s1)


def _rule_with(col, ps, text, s0, s1, sentence) -> None:
    for m in _WITH.finditer(sentence):
        i = _first_after(ps, s0 + m.end())
        subj = _subject(ps, s0 + m.start(), text)
        if i is None or subj is None:
            continue
        for b in coordinated(ps, text, i)[:MAX_LIST]:
            col.add(subj, b, _relation(m.group("cue")), s0, s1)


def _rule_together(col, ps, text, s0, s1, sentence) -> None:
    for m in _TOGETHER.finditer(sentence):
        i = _first_after(ps, s0 + m.end())
        if i is None:
            continue
        run = coordinated(ps, text, i)
        before = [p for p in ps if p.end <= s0 + m.start()]
        after_run = ps[i + len(run):]
        # 'X, together with Y, ...' or 'Together with Y and Z, the lead partner X will ...'
        subj = before[-1] if before else (after_run[0] if after_run else None)
        if subj is None:
            continue
        lead = bool(_LEAD.search(text[max(s0, subj.start - 20):subj.start]))
        if len(run) + 1 <= MAX_LIST or lead:
            for b in run:
                col.add(subj, b, "lead_partner" if lead else "partner", s0, s1)


def _rule_involving(col, ps, text, s0, s1, sentence) -> None:
    for m in _INVOLVING.finditer(sentence):
        i = _first_after(ps, s0 + m.end())
        subj = _subject(ps, s0 + m.start(), text)
        if i is None or subj is None:
            continue
        for b in coordinated(ps, text, i)[:MAX_LIST]:
            col.add(subj, b, _relation(m.group("cue")), s0, s1)


def _rule_sister(col, ps, text, s0, s1, sentence) -> None:
    for m in _SISTER.finditer(sentence):
        before = [p for p in ps if p.end <= s0 + m.start()]
        if len(before) < 2:
            continue
        run = coordinated(before, text, max(0, len(before) - MAX_LIST))
        run = [p for p in run if p in before]
        for a, b in itertools.combinations(run[-MAX_LIST:], 2):
            col.add(a, b, _relation(m.group("cue")), s0, s1)


def _rule_pair_list(col, ps, text, s0, s1, sentence) -> None:
    """'... an area of common interest for Donostia-San Sebastian, Lugo, and Toyama'."""
    cue = _PAIR_CUE.search(sentence)
    if not cue:
        return
    cities = [p for p in ps if p.kind == "city"]
    for i in range(len(cities)):
        run = coordinated(cities, text, i)
        if 3 <= len(run) <= MAX_LIST:
            for a, b in itertools.combinations(run, 2):
                col.add(a, b, _relation(cue.group("cue"), "pairing"), s0, s1)
            return


def _rule_partner_lists(col, parties, text) -> None:
    """'Partners: A (IT), B (JP)' and 'The partners are : the City of A (project leader) and ...'."""
    for m in _LIST_HEAD.finditer(text):
        end = text.find("\n\n", m.end())
        end = len(text) if end < 0 else end
        block = _in(parties, m.end(), end)
        if len(block) < 2:
            continue
        members = _list_members(block, text)
        s0, s1 = m.start(), end
        if 2 <= len(members) <= MAX_LIST:
            for a, b in itertools.combinations(members, 2):
                col.add(a, b, "partner", s0, s1)
            continue
        lead = next((p for p in members if _LEAD.search(text[p.end:p.end + 30].split(")")[0])), None)
        if lead is not None:
            for b in members:
                if b is not lead and b.kind == "city":
                    col.add(lead, b, "lead_partner", s0, s1)


def _list_members(block: list[Party], text: str) -> list[Party]:
    """Members of a partner list: one party per item (items split by ';' or ',' / 'and')."""
    members: list[Party] = []
    for p in block:
        if members:
            gap = text[members[-1].end:p.start]
            if not re.search(r"[;,]|\band\b", gap):
                continue  # same item: 'the City of Graz and the Graz Regional Management' stays two
        members.append(p)
    return members
