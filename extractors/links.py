"""Partner links: pairs of cities, regions or organisations the text says cooperate.

A link needs a stated relation, never co-occurrence alone. The rules work per sentence
on the "parties" it names (resolved cities, regions, organisations from NER) and on
coordinated runs of them ('Cork and Valparaíso', 'Daejeon Metropolitan City and the
City of Surabaya'):

- 'cooperation / partnership / twinning between X and Y'
- 'X will cooperate / collaborate / partner / join forces with Y (and Z)'
- 'X signed an agreement / a letter of intent with Y', 'X will mentor Y'
- 'X, together with Y (and Z), ...'  ('Together with Y and Z, the lead partner X ...')
- 'X and Y will cooperate / work together / are sister cities'
- 'a cooperation project involving Y' (X = the party before the cue)
- 'the project brings together A, B, C and D'
- a pairing / common-interest sentence listing 3-4 cities
- partner lists ('Partners: A (IT), B (JP)', bullet lists under 'members:') with at
  most four members link every pair; longer lists link the lead partner to each city
- bullet items 'X and Y, ...' under a paragraph about partnerships or pairings

Undirected pairs are written once per document.
"""
from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc

from .lexicons import currencies
from .programmes import ProgrammeHit
from .records import CityRecord, LinkRecord, Mention, RegionRecord, YearRecord
from .text import Sentences, doc_text, name_key

MAX_LIST = 4  # partner lists up to this size link every pair (GOLD_FORMAT convention)
RELATIONS = [  # (regex on the cue text, relation)
    (r"sister|friendship", "sister_city"),
    (r"twinn|twin", "twinning"),
    (r"pair|mentor", "pairing"),
    (r"lead partner|project leader|coordinator|leader\b|pilot lead", "lead_partner"),
    (r"partner|consortium|member", "partner"),
]
_ORG_HEAD = re.compile(r"\b(?:Ministry|Agency|University|Universidad|Università|Universidade|Association|"
                       r"Associazione|Council|Institute|Instituto|Istituto|Chamber|Foundation|Fondazione|"
                       r"Authority|Department|Office|Community|Agenzia|Centre|Center|Politecnico|Region|"
                       r"Province|Internazionale|Strategica|Bank|Network|Company|Consortium|Management|"
                       r"Development|Eixo|Comunidad|Intermunicipal|College|School|Hospital|Port|Utility|"
                       r"Utilities|Cluster|Hub|Lab|Technologies|Group|Society|Trust|Fund|Forum|Alliance)\b")


_CURRENCY_CODES = frozenset(c.code for c in currencies().values())


@dataclass(frozen=True)
class Party:
    start: int
    end: int
    name: str
    kind: str  # city | region | organisation
    geonames_id: int | None


def _relation(cue: str, default: str = "cooperation") -> str:
    low = cue.lower()
    return next((rel for pat, rel in RELATIONS if re.search(pat, low)), default)


def _clean_org(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim bullets, 'the' and punctuation around an organisation span."""
    while start < end and (text[start] in "•*-–—·|,;: \t" or text[start:start + 4] in ("the ", "The ")):
        start += 4 if text[start:start + 4] in ("the ", "The ") else 1
    while end > start and text[end - 1] in " ,.;:–—-":
        end -= 1
    return start, end


def find_parties(doc: Doc, cities: list[CityRecord], city_mentions: list[Mention], regions: list[RegionRecord],
                 region_mentions: list[Mention], programme_hits: list[ProgrammeHit]) -> list[Party]:
    """Cities (canonical names), regions and organisation names, in text order.

    An organisation whose name holds a city ('AGH University of Kraków', 'Czech
    Technical University in Prague') is one organisation party, not the city; an
    administrative name ('the City Council of Velletri') stays the city."""
    text = doc_text(doc)
    by_gid = {str(c.geonames_id): c for c in cities}
    city_parties = [Party(m.start, m.end, by_gid[m.value].name, "city", by_gid[m.value].geonames_id)
                    for m in city_mentions if m.value in by_gid]
    region_by_key = {}
    for r in regions:
        for form in r.surface_forms:
            region_by_key[name_key(form)] = r
    region_parties = [Party(m.start, m.end, region_by_key[name_key(m.text)].name, "region", None)
                      for m in region_mentions if name_key(m.text) in region_by_key]
    programme_spans = [(h.start, h.end) for h in programme_hits]
    orgs: list[Party] = []
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "FAC", "GPE", "NORP") or "\n" in ent.text:
            continue
        start, end = _clean_org(text, ent.start_char, ent.end_char)
        # 'Czech Technical University' + ' in Prague': the city is part of the name
        tail = re.match(r"\s+(?:in|of|de|di|do|da|del)\s+[A-Z][\w'’.-]*(?:[ -][A-Z][\w'’.-]*)?", text[end:end + 60])
        if tail and _ORG_HEAD.search(text[start:end]):
            end += tail.end()
        name = text[start:end]
        if name.count("(") != name.count(")"):  # 'Swiss Agency ... (SDC': cut at the parenthesis
            cut = name.rfind("(")
            name, end = name[:cut].rstrip(), start + len(name[:cut].rstrip())
        while re.search(r"\s(?:of|the|and|for|de|di)$", name):
            name = re.sub(r"\s\S+$", "", name)
            end = start + len(name)
        if len(name) < 3 or not name[:1].isupper() or any(start < b and a < end for a, b in programme_spans):
            continue
        if " " not in name and not (name.isupper() or any(c.isupper() for c in name[1:])) \
                and not _ORG_HEAD.search(name):
            continue  # one plain word ('Administration') is no organisation's name
        if name.isupper() and name in _CURRENCY_CODES:
            continue
        if not _ORG_HEAD.search(name) and (ent.label_ in ("GPE", "NORP") or
                                           any(start <= c.start and c.end <= end for c in city_parties + region_parties)):
            continue  # 'the City of Surabaya' is the city party already
        orgs.append(Party(start, end, name, "organisation", None))
    inside_org = lambda p: any(o.start <= p.start and p.end <= o.end and _ORG_HEAD.search(o.name) for o in orgs)
    places = [p for p in city_parties + region_parties if not inside_org(p)]
    taken = [(p.start, p.end) for p in places]
    orgs = [o for o in orgs if not any(o.start < b and a < o.end for a, b in taken)]
    return sorted(places + orgs, key=lambda p: p.start)


def _in(parties: list[Party], a: int, b: int) -> list[Party]:
    return [p for p in parties if a <= p.start and p.end <= b]


_GLUE = re.compile(r"^[\s,]*(?:as (?:the )?(?:lead )?(?:partner|coordinator|leader)[\s,]*)?(?:and|&|as well as|y|e|und|et)?[\s,]*"
                   r"(?:the\s+)?(?:(?:City|Municipality|Town|Region|city|municipality|town|region|Metropolitan City) "
                   r"(?:Council )?of\s+|(?:Ville|Comune|Ayuntamiento|Concello|Câmara Municipal) d[eio']\s*|"
                   r"(?:Stadt|Gemeente|Gmina|Kommune|Kommun|Municipio)\s+)?$")
_PAREN = re.compile(r"\s*\([^()]{0,60}\)")
_ADMIN_SUFFIX = re.compile(r"^\s+(?:Metropolitan City|City Council|City|Municipality|Municipal Council|Region|"
                           r"Province|County|Kommune|Kommun)\b")


def coordinated(parties: list[Party], doc: Doc, first: int, text: str) -> list[Party]:
    """The run of parties from index ``first`` joined by commas/'and', skipping
    parentheses ('(IT)', '(project leader)') and short appositives without a verb
    (', Chile's capital,', ', Zimbabwe,')."""
    run = [parties[first]]
    last_end = run[0].end
    for p in parties[first + 1:]:
        if p.name == run[-1].name and re.fullmatch(r"\s*\(\s*", text[last_end:p.start]):
            last_end = p.end  # 'München (Munich)': one party, two spellings
            continue
        gap = _PAREN.sub("", text[last_end:p.start]).lstrip(")")
        gap = _ADMIN_SUFFIX.sub("", gap)
        if not _GLUE.match(gap):
            appositive = re.match(r"^,([^,;.:]{1,45}),(\s*(?:and|&)?\s*(?:the\s+)?(?:(?:City|Municipality|Town|city) of\s+)?)$", gap)
            if not appositive or _has_verb(doc, last_end, p.start):
                break
        if p.name != run[-1].name:
            run.append(p)
        last_end = p.end
    return run


def _has_verb(doc: Doc, a: int, b: int) -> bool:
    span = doc.char_span(a, b, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


@dataclass
class _Collector:
    text: str
    programme_hits: list[ProgrammeHit]
    years: list[YearRecord]
    doc_programme: str | None
    out: dict[frozenset, LinkRecord]

    def add(self, a: Party, b: Party, relation: str, s0: int, s1: int) -> None:
        if name_key(a.name) == name_key(b.name):
            return
        key = frozenset((name_key(a.name), name_key(b.name)))
        if key in self.out:
            return
        programme = next((h.name for h in self.programme_hits
                          if s0 <= h.start < s1 and h.kind not in ("institution", "fund")), self.doc_programme)
        year = next((y.year for y in self.years if s0 <= y.start < s1), None)
        self.out[key] = LinkRecord(a.name, b.name, a.kind, b.kind, a.geonames_id, b.geonames_id, relation,
                                   programme, year, s0, s1, " ".join(self.text[s0:s1].split()))

    def clique(self, run: list[Party], relation: str, s0: int, s1: int) -> None:
        if 2 <= len(run) <= MAX_LIST:
            for a, b in itertools.combinations(run, 2):
                self.add(a, b, relation, s0, s1)


_COOP = (r"cooperat\w*|co-operat\w*|collaborat\w*|partner(?:ed|ing|s)?|work(?:s|ed|ing)? (?:together|jointly)|"
         r"work(?:s|ed|ing)?(?= with)|"
         r"team(?:ed|s)? up|join(?:ed|s)? forces|twinned|paired|linked|shar(?:e|es|ed|ing)(?: [\w']+){0,3}|"
         r"exchang(?:e|es|ed|ing)(?: [\w']+){0,2}|network(?:ed|ing)?")
_BETWEEN = re.compile(r"\b(?P<cue>cooperation|co-operation|partnership|twinning|pairing|agreement|collaboration|"
                      r"exchange|memorandum|relations?|friendship|link|alliance|ties|protocol|charter)s?\b[^.;]{0,40}?"
                      r"\b(?:between|among|signed by(?: the (?:mayors|leaders|representatives|presidents) of)?)\s"
                      r"|\b(?P<cue2>(?:twin|sister|partner|friendship) (?:towns|cities|regions)) of\s", re.I)
_WITH = re.compile(rf"\b(?P<cue>{_COOP}|sister[- ]city (?:agreement|relationship|ties))\s+with\s", re.I)
_DEAL_WITH = re.compile(r"\b(?P<cue>agreement|memorandum(?: of understanding)?|letter of intent|MoU|accord|pact|ties|"
                        r"protocol|partnership|twinning|friendship|cooperation)[^.;]{0,60}?\bwith\s", re.I)
_OF_PARTNER = re.compile(r"\b(?P<cue>(?:sister|twin|partner|friendship|buddy)[- ](?:city|town|region|municipality))\s+(?:of|to)\s"
                         r"|\b(?:its|their) (?:new |oldest |first |long-standing )?(?P<cue2>(?:sister|twin|partner|friendship) (?:city|town|region))[,]?\s", re.I)
_POSSESSIVE = re.compile(r"^['’]s\s+(?:new\s+|oldest\s+|first\s+)?(?P<cue>(?:sister|twin|partner|friendship|buddy)[- ](?:city|town|region|cities|towns))[,:]?\s+(?:of\s+)?$")
_MENTOR = re.compile(r"\b(?P<cue>mentor(?:s|ed|ing)?|twin(?:s|ned)? with)\s+(?!with)", re.I)
_TOGETHER = re.compile(r"(?:^|,)\s*(?:together|jointly|along) with\s|\balongside\s", re.I)
_INVOLVING = re.compile(r"\b(?P<cue>cooperation|partnership|twinning|pairing|exchange|collaboration)\b[^.]{0,30}?\binvolving\s", re.I)
_SUBJECT_VERB = re.compile(rf"^[\s,]*(?:\([^()]{{0,60}}\)\s*)?(?:,[^,;.]{{0,45}},)?\s*(?:will|shall|have|has|are|were|to|would|can|also|now|both|already|been|"
                           rf"agreed|decided|plan|plans|aim|aims|intend|set|going|officially|formally|recently|\s)*"
                           rf"(?P<cue>{_COOP}|(?:been |become |became )?(?:sister|twin|partner|friendship)[- ](?:cities|towns|city|regions)|"
                           rf"signed\b|(?:have |has )?(?:been )?twinned)", re.I)
_BRINGS = re.compile(r"\b(?P<cue>brings? together|brought together|unites|connects|gathers)\b[^:.;]{0,40}?:?\s", re.I)
_PAIR_CUE = re.compile(r"\b(?P<cue>pair(?:ed|ing|s)?|common interest|cooperat\w*|partnership|twinn\w*|sister cit\w*|"
                       r"collaborat\w*|exchanges?)\b", re.I)
_LIST_HEAD = re.compile(r"(?im)^[ \t•*-]*(?:the\s+)?(?:[\w-]+\s+){0,6}(?:partners?|members?|consortium|participants)"
                        r"(?:\s+(?:are|include|is))?(?:[ \t]*:\s*|[ \t]*\n[ \t]*\n\s*)")
_LEAD = re.compile(r"lead partner|project leader|leader|coordinator|pilot lead|\blead\b", re.I)
_BULLET = re.compile(r"(?m)^[ \t]*(?:[-•*–·]|\d+[.)])[ \t]+")
_PAIRS_INTRO = re.compile(r"partnership|pairing|pairs|twinning|sister|cooperation|partners", re.I)


def extract_links(doc: Doc, sents: Sentences, parties: list[Party], programme_hits: list[ProgrammeHit],
                  years: list[YearRecord]) -> list[LinkRecord]:
    text = doc_text(doc)
    known = Counter(h.name for h in programme_hits if h.kind == "programme")
    col = _Collector(text, programme_hits, years, known.most_common(1)[0][0] if known else None, {})
    for s0, s1 in zip(sents.starts, sents.ends):
        ps = _in(parties, s0, s1)
        if len(ps) < 2:
            continue
        sentence = text[s0:s1]
        for rule in (_rule_between, _rule_with, _rule_together, _rule_subject_verb, _rule_brings,
                     _rule_pair_list, _rule_possessive):
            rule(col, ps, doc, s0, s1, sentence)
    _rule_partner_lists(col, parties, doc)
    _rule_pair_bullets(col, parties, doc)
    _rule_dash_pairs(col, parties, doc)
    return sorted(col.out.values(), key=lambda r: (r.start, r.source_name, r.target_name))


def _first_after(ps: list[Party], pos: int, within: int = 30) -> int | None:
    return next((i for i, p in enumerate(ps) if pos <= p.start <= pos + within), None)


def _subjects(ps: list[Party], pos: int, text: str) -> list[Party]:
    """Who the clause is about, best first: the last party before ``pos`` in the same
    clause that is not itself the object of 'with', then the others, nearest first."""
    before = [p for p in ps if p.end <= pos and ";" not in text[p.end:pos]]
    is_object = lambda p: bool(re.search(r"\bwith\s+(?:the\s+)?(?:(?:City|Municipality|Town) of\s+)?$",
                                         text[max(0, p.start - 30):p.start]))
    return [p for p in reversed(before) if not is_object(p)] + [p for p in reversed(before) if is_object(p)]


def _rule_between(col, ps, doc, s0, s1, sentence) -> None:
    for m in _BETWEEN.finditer(sentence):
        i = _first_after(ps, s0 + m.end())
        if i is not None:
            col.clique(coordinated(ps, doc, i, col.text), _relation(m.group("cue") or m.group("cue2")), s0, s1)


def _rule_with(col, ps, doc, s0, s1, sentence) -> None:
    """'X joined forces with Y and Z': X with each, and the members with each other."""
    for pattern in (_WITH, _DEAL_WITH, _MENTOR, _OF_PARTNER):
        for m in pattern.finditer(sentence):
            i = _first_after(ps, s0 + m.end())
            if i is None:
                continue
            run = coordinated(ps, doc, i, col.text)
            subj = next((p for p in _subjects(ps, s0 + m.start(), col.text) if p.name != run[0].name), None)
            if subj is None:
                continue
            members = [subj] + [p for p in run if p.name != subj.name]
            cue = m.group("cue") or (m.groupdict().get("cue2") or "")
            if len(members) <= MAX_LIST:
                col.clique(members, _relation(cue), s0, s1)
            else:
                for b in run:
                    col.add(subj, b, _relation(cue), s0, s1)


def _rule_together(col, ps, doc, s0, s1, sentence) -> None:
    for m in _TOGETHER.finditer(sentence):
        i = _first_after(ps, s0 + m.end())
        if i is None:
            continue
        run = coordinated(ps, doc, i, col.text)
        before = [p for p in ps if p.end <= s0 + m.start()]
        after_run = ps[i + len(run):]
        # 'X, together with Y, ...' or 'Together with Y and Z, the lead partner X will ...'
        subj = before[-1] if before else (after_run[0] if after_run else None)
        if subj is None:
            continue
        lead = bool(_LEAD.search(col.text[max(s0, subj.start - 20):subj.start]))
        if len(run) + 1 <= MAX_LIST or lead:
            for b in run:
                col.add(subj, b, "lead_partner" if lead else "partner", s0, s1)
    for m in _INVOLVING.finditer(sentence):
        i = _first_after(ps, s0 + m.end())
        subj = next(iter(_subjects(ps, s0 + m.start(), col.text)), None)
        if i is not None and subj is not None:
            for b in coordinated(ps, doc, i, col.text)[:MAX_LIST]:
                col.add(subj, b, _relation(m.group("cue")), s0, s1)


def _rule_subject_verb(col, ps, doc, s0, s1, sentence) -> None:
    """'Cork and Valparaíso ... will cooperate', 'Leipzig and Dresden are sister cities'."""
    i = 0
    while i < len(ps):
        run = coordinated(ps, doc, i, col.text)
        if len(run) >= 2:
            after = col.text[run[-1].end:s1]
            m = _SUBJECT_VERB.match(after)
            if m and len(run) <= MAX_LIST:
                col.clique(run, _relation(m.group("cue")), s0, s1)
        i += len(run)


def _rule_possessive(col, ps, doc, s0, s1, sentence) -> None:
    """'Leipzig's sister city Houston', 'Kraków’s partner city, Nuremberg'."""
    for a, b in zip(ps, ps[1:]):
        m = _POSSESSIVE.match(col.text[a.end:b.start])
        if m:
            col.add(a, b, _relation(m.group("cue")), s0, s1)


def _rule_brings(col, ps, doc, s0, s1, sentence) -> None:
    for m in _BRINGS.finditer(sentence):
        i = _first_after(ps, s0 + m.end(), within=40)
        if i is not None:
            col.clique(coordinated(ps, doc, i, col.text), "partner", s0, s1)


def _rule_pair_list(col, ps, doc, s0, s1, sentence) -> None:
    """'... an area of common interest for Donostia-San Sebastian, Lugo, and Toyama'."""
    cue = _PAIR_CUE.search(sentence)
    if not cue:
        return
    cities = [p for p in ps if p.kind == "city"]
    for i in range(len(cities)):
        run = coordinated(cities, doc, i, col.text)
        if 3 <= len(run) <= MAX_LIST:
            col.clique(run, _relation(cue.group("cue"), "pairing"), s0, s1)
            return


def _rule_partner_lists(col, parties, doc) -> None:
    """'Partners: A (IT), B (JP)', 'The partners are : the City of A (project leader) and
    ...', and bullet lists under 'The consortium has four members:'."""
    text = col.text
    for m in _LIST_HEAD.finditer(text):
        end = _list_end(text, m.end())
        members = _list_members(_in(parties, m.end(), end), text)
        if len(members) < 2:
            continue
        s0, s1 = m.start(), end
        if len(members) <= MAX_LIST:
            col.clique(members, "partner", s0, s1)
            continue
        lead = next((p for p in members if _LEAD.search(_item_text(text, p))), None)
        if lead is not None:
            for b in members:
                if b is not lead and b.kind == "city":
                    col.add(lead, b, "lead_partner", s0, s1)


def _list_end(text: str, start: int) -> int:
    """A list runs to the next blank line, or to the end of a run of bullet lines."""
    if _BULLET.match(text, start):
        pos = start
        while True:
            nl = text.find("\n", pos)
            if nl < 0:
                return len(text)
            nxt = re.match(r"\s*", text[nl + 1:]).end() + nl + 1
            if not _BULLET.match(text, nl + 1) or "\n\n" in text[nl:nxt]:
                return nl
            pos = nl + 1
    end = text.find("\n\n", start)
    return len(text) if end < 0 else end


def _item_text(text: str, p: Party) -> str:
    """The rest of the list item after a party: up to the next separator or line end."""
    rest = text[p.end:p.end + 80]
    return re.split(r"[;\n]|,\s*(?:and\s+)?(?:the\s+)?(?:City|Municipality|Region)\b", rest)[0]


def _list_members(block: list[Party], text: str) -> list[Party]:
    """One party per list item; items are split by ';', ',', 'and' or line breaks. In an
    item naming both a city and an organisation, the city stands for the item unless
    the item begins with the organisation."""
    members: list[Party] = []
    for p in block:
        if members:
            gap = text[members[-1].end:p.start]
            if not re.search(r"[;,\n]|\band\b", gap) or re.fullmatch(r"\s*[–—-]\s*(?:the\s+)?", gap):
                # 'Hlavní město Praha – City of Prague': one item, keep the city
                if p.kind == "city" and members[-1].kind != "city" and "\n" not in gap:
                    members[-1] = p
                continue
        members.append(p)
    return members


_DASH = re.compile(r"^\s*(?:\([^()]{1,40}\))?\s*[–—-]\s*(?:the\s+)?$")
_DASH_PAIRING = re.compile(r"^\s*(?:\([^()]{1,40}\))?\s*(?P<cue>pairing|partnership|twinning|cooperation|tandem|pair|link)\b", re.I)


def _rule_dash_pairs(col, parties, doc) -> None:
    """Pairing rows and compounds: 'Bordeaux (FR) – Córdoba (AR) – Rosario (AR) | topic',
    'Lahti (Finland) – Cluj-Napoca (Romania): mobility', 'the Zaragoza–Guimarães pairing'."""
    text = col.text
    i = 0
    while i < len(parties):
        run = [parties[i]]
        while i + len(run) < len(parties) and _DASH.match(text[run[-1].end:parties[i + len(run)].start]) \
                and "\n" not in text[run[-1].end:parties[i + len(run)].start]:
            run.append(parties[i + len(run)])
        if 2 <= len(run) <= MAX_LIST:
            a, b = run[0].start, run[-1].end
            line_start = text.rfind("\n", 0, a) + 1
            line_end = text.find("\n", b)
            line_end = len(text) if line_end < 0 else line_end
            row_start = re.fullmatch(r"[\s|•*\d.)-]*", text[line_start:a]) is not None
            row_end = re.match(r"\s*(?:\([^()]{1,40}\))?\s*(?:[|:]|$)", text[b:line_end]) is not None
            pairing = _DASH_PAIRING.match(text[b:line_end])
            if (row_start and row_end) or pairing:
                col.clique(run, "pairing", line_start, line_end)
        i += len(run)


def _rule_pair_bullets(col, parties, doc) -> None:
    """Bullet items that each open with a pair ('- Bonn and Cape Coast, Ghana, ...') under
    a paragraph that speaks of partnerships or pairings."""
    text = col.text
    for m in _BULLET.finditer(text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        ps = _in(parties, m.end(), line_end)
        if len(ps) < 2 or ps[0].start > m.end() + 5:
            continue
        run = coordinated(ps, doc, 0, col.text)
        intro = text[max(0, m.start() - 400):m.start()]
        if len(run) == 2 and _PAIRS_INTRO.search(intro):
            col.add(run[0], run[1], _relation(intro[-200:], "partner"), m.start(), line_end)
