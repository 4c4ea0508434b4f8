"""Partner links: pairs of cities, regions or organisations the text says cooperate.

A link needs a stated relation, never co-occurrence alone. The rules work per sentence
on the "parties" it names (resolved cities, regions, organisations from NER, and 'the
city' standing for the page's own city) and on coordinated runs of them ('Cork and
Valparaíso', 'Daejeon Metropolitan City and the City of Surabaya'):

- 'cooperation / partnership / twinning between X and Y', 'the pairing of X and Y'
- 'X will cooperate / collaborate / partner / join forces / is paired with Y (and Z)'
- 'X signed an agreement / a letter of intent with Y', 'X will mentor Y'
- 'X, together with Y (and Z), ...'  ('Together with Y and Z, the lead partner X ...')
- 'X and Y will cooperate / are sister cities / renewed their agreement / agreed to
  prepare a joint bid'
- 'X's sister city Y', 'Y became X's twin town'
- 'a delegation from X visited Y to launch the pairing of the two cities'
- 'a cooperation project involving Y' (X = the party before the cue)
- 'the project brings together A, B, C and D'
- a pairing / common-interest sentence listing 3-4 cities
- partner lists ('Partners: A (IT), B (JP)', bullet lists under 'members:', partner
  tables) with at most four members link every pair; longer lists link no pairs (the
  lead partner is one partner among many), nor do lists of associated partners; an
  inline list ('- Partners: A (lead), B, C') ends with its line; a table's 'City' column
  beside its 'Partner' column says where each partner is, not who pairs with whom
- a party's own list ('X's sister cities are A; B; C', 'the municipality maintains links
  with the following cities:' + bullets) links the owner to each item, not the items
  to each other
- bullet items 'X and Y, ...' under a paragraph about partnerships or pairings
- a 'Partner cities' / 'Current twin towns' heading over bullets, or a '| Sister City |
  Country | Since |' table, on a place's own page links that place to each item
  ('Former partner cities' do not); a longer list is never linked by its tail, and an
  owner's list never links its items to each other ('its partnerships are with A, B and C')
- references across sentences: 'It is twinned with Y' (the party opening the sentence
  before), 'The two cities / Both sides formalised ...' and 'They signed ...' (the pair
  of the sentence before), 'We are twinned with Y' (the page's own place), 'Among its most
  active partners are A, B and C' ('its': the party opening the sentence before), 'It was
  followed by A (1977), B (1979)' (the owner of the ties just before)
- several pairs in one sentence: 'Kraków will be twinned with Brno, Valencia with
  Thessaloniki and Lviv with Leuven' (each pair alone, none across)
- officials stand for their places: 'the mayor of X, Name, and the Lord Mayor of Y
  signed an agreement'; 'X signed with Y a letter of cooperation'

Parties are cities, regions and organisations: NER's, and names found by their shape
(extractors/orgs.py: head words, acronyms, country codes), regional governments read as
their region, and a page's city wherever its name stands alone (NER may call it a person).

A negation between the parties and the cue ('neither had worked with', 'no formal
link') or a contrast after them ('..., but that is not a partnership') cancels the
link ('should not be confused with the twinning between' does not); a pair the page says is
being ended, terminated or suspended is no link anywhere on the page. An agreement ('the
new MoU') or a body named only by its kind ('City Board') is no party ('the City Council'
is the page's own place), a government's acronym ('SMG') is its place, a place in a
relative clause (', whose capital Guadalajara is ...,') or named as where something is
('a library in Mutare and a partnership with ...') is not the subject, and a body and its
own unit ('Region X – Directorate of Planning') are no pair; 'together with many other
cities, among them A, B and C' links the subject to each example, not the examples to
each other. Comparisons ('compared with other university towns such as A and B', 'Cities
like A and B have ...') are no ties. The cue patterns are data: extractors/data/links.json.
Undirected pairs are written once per document.
"""
from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from spacy.tokens import Doc

from .lexicons import country_names, currencies, link_cues, org_heads, org_shapes, regions
from .link_model import link_model, pair_features, sentence_pairs
from .orgs import ROLE_CODE, SOCIETY_HEADS, TIE_NAMES, governs_place, has_org_head, is_admin_word, shaped_orgs
from .geo import gazetteer
from .places import REGION_TYPE_AFTER, WRITTEN_REGION_TYPE
from .programmes import ProgrammeHit
from .records import CityRecord, LinkRecord, Mention, RegionRecord, YearRecord
from .text import Sentences, doc_text, inside, line_bounds, name_key

MAX_LIST = 4  # partner lists up to this size link every pair (GOLD_FORMAT convention)


def _cue(name: str, flags: int = re.I) -> re.Pattern:
    return re.compile(link_cues()["patterns"][name], flags)


RELATIONS = [(re.compile(pat), rel) for pat, rel in link_cues()["relations"]]
_BETWEEN = _cue("between")
_WITH = _cue("with")
_DEAL_WITH = _cue("deal_with")
_OF_PARTNER = _cue("of_partner")
_POSSESSIVE = _cue("possessive")
_BECAME = _cue("became_possessive")
_POSSESSIVE_TAIL = _cue("possessive_tail")
_AS_PARTNER = _cue("as_partner")
_LINKS_PAIR = _cue("links_pair")
_LINKS_GLUE = _cue("links_glue")
_COOP_NOUN = _cue("coop_noun")
HUB_RELATIONS = frozenset(link_cues()["hub_relations"])  # bilateral ties: 'X is twinned with A, B and C' is X-A, X-B, X-C
_MENTOR = _cue("mentor")
_LEARNS_FROM = _cue("learns_from")
_TOGETHER = _cue("together")
_INVOLVING = _cue("involving")
_SUBJECT_VERB = _cue("subject_verb")
_BRINGS = _cue("brings")
_PAIR_CUE = _cue("pair_cue")
_LIST_HEAD = _cue("list_head", re.I | re.M)
_LIST_INTRO = _cue("list_intro", re.I)  # 'brings together four universities from Belgium and Jordan:'
# 'The partners are A, B and C.' in running text: the list is that sentence
_LIST_OPENING = re.compile(r"(?:the\s+)?(?:(?:[A-Z][\w-]*\s+){1,2}of\s+(?:the\s+)?)?")
_LIST_INLINE = re.compile(r"(?:^|(?<=[.!?;]\s)|(?<=,\sand\s)|(?<=,\s))(?:[Tt]he|Its|Their)\s+(?:(?:project|network|consortium)\s+)?"
                          r"(?:partners|members)\s+(?:are|include|were)\s+(?!:)|"
                          # 'the consortium consisting of the Colombo Municipal Council, ... and the Dutch NGO ...'
                          r"\b(?:consortium|partnership)\s+(?:consisting\s+of|comprising|made\s+up\s+of|composed\s+of)\s+(?!:)",
                          re.M)
# the lead named before the partners in the same sentence: 'The lead partner is X; the
# partners are ...', 'X is the coordinator, and the partners are ...', 'led by X; ...'
_LEAD_IS = re.compile(r"\b(?:(?:[Tt]he\s+)?(?:lead partner|coordinator|project leader|leader)\s+(?:is|was)|(?:is|was)\s+led\s+by)"
                      r"\s+(?:the\s+)?(?:(?:City|Municipality|Town|Region|County|Province|Commune) of\s+)?$")
_CLAUSE_END = re.compile(r"[.;!?](?=\s|$)")
_IS_LEAD = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:is|was)\s+the\s+(?:lead partner|coordinator|project leader)\b")
_LEAD = _cue("lead")
_PAIRS_INTRO = _cue("pairs_intro")
_DASH_PAIRING = _cue("dash_pairing")
_HUB = _cue("hub_intro")
_TABLE_HEAD = _cue("table_head")
_NEGATION = _cue("negation")
_CONTRAST_NEGATION = _cue("contrast_negation")
_NOT_NEGATION = _cue("not_negation")
_ENDED = _cue("ended_link")
_SUBUNIT = _cue("subunit")
_NAMED_LATER = _cue("named_later")
_RELATIVE = _cue("relative_clause")
_ANAPHOR = _cue("anaphor")
_REGION_ANAPHOR = _cue("region_anaphor")
_TWO_OF_THEM = _cue("two_of_them")
_TWO_CUE = re.compile(link_cues()["two_of_them_cues"], re.I)
_LOCATIVE = _cue("locative")
_SIGNED_WITH = _cue("signed_with")
_OFFICIALS = link_cues()["patterns"]["officials_of"]  # 'the mayor of X, Name, and the Lord Mayor of Y'
_PRONOUN_SUBJECT = re.compile(link_cues()["patterns"]["pronoun_subject"])
_WE = re.compile(link_cues()["patterns"]["we_anaphor"])
_HUB_HEADING = _cue("hub_heading", re.I | re.M)
_FORMER = _cue("former")
_WITH_WHICH = _cue("with_which")
_THEIR_KIND = _cue("their_kind")  # 'Kharkiv, its twin city since 1966'
_NAMED_KIND = _cue("named_kind", 0)  # 'Monza, Italy, Indianapolis's sister city'
# 'organised by our sister cities A, B and C'; 'the city's Nordic twin towns A, B and C' (the page's own)
_OUR = re.compile(r"\b(?:[Oo]ur|[Ii]ts|[Tt]heir|(?P<page>[Tt]he\s+(?:city|town|municipality)['’]s))\s+(?:[A-Za-z]+\s+)?$")
_QUALIFIER = _cue("place_qualifier")  # 'Cumiana near Turin': Turin only locates Cumiana
_GEOGRAPHY = _cue("geography")  # 'Together with A and B, which lie 17 km to the south, X forms ...'
_EXAMPLES = _cue("examples_of_many")
_COMPARISON = _cue("comparison", 0)  # 'compared with other university towns such as A and B'

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
    return next((rel for pat, rel in RELATIONS if pat.search(low)), default)


def _negated(text: str) -> bool:
    """'no formal link', 'neither had worked with'; not 'should not be confused with the
    twinning between ...' nor 'not only ...', which state the link."""
    return bool(_NEGATION.search(_NOT_NEGATION.sub(" ", text)))


# ---------------------------------------------------------------- parties

_PERSON_TITLE = re.compile(r"(?:Rector|President|Vice-President|Director|Director-General|Dean|Chair|Chairman|"
                           r"Chairwoman|Mayor|Lord Mayor|Governor|Minister|Head|Secretary(?: General)?|CEO)"
                           r"\s+of\s+(?:the\s+)?(?=[A-Z])")


_RESOLUTION_WORDS = re.compile(r"(?:(?:AND|THAT|BE IT RESOLVED|RESOLVED|Should|Would|Could|Shall)\s+)+")


def _clean_org(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim bullets, 'the', punctuation and a possessive 's around an organisation span."""
    while start < end and (text[start] in "•*-–—·|,;: \t" or text[start:start + 4] in ("the ", "The ")):
        start += 4 if text[start:start + 4] in ("the ", "The ") else 1
    if (resolved := _RESOLUTION_WORDS.match(text, start, end)) and resolved.end() < end:
        start = resolved.end()  # 'AND THAT Council concludes ...' (a council's resolution)
    if (role := _ROLE_CODE.match(text, start, end)) and role.end() < end:
        start = role.end()  # 'PP3 Institute and Museum Bitola': a partner's role code in a project's list
    if text[end - 2:end] in ("'s", "’s"):
        end -= 2
    while end > start and text[end - 1] in " ,.;:–—-":
        end -= 1
    return start, end


_ROLE_CODE = re.compile(ROLE_CODE.pattern + r"[ \t]+(?=[A-Z])")
_QUOTED_NAME = re.compile(r"[ \t]*[\"„“][A-Z][\w'’-]*(?:[ \t][A-Z][\w'’-]*){0,3}[\"”“]")
_POSSESSIVE_NAME = re.compile(r"\S+['’]s\s")


# the place ending a name ('University in Prague', 'Universidad de Santiago de Chile'): one or
# two capitalised words; a period ends it unless it abbreviates ('St. Gallen'), so 'College
# in Galați. The' stops at Galați
_TAIL_WORD = r"(?:St\.|Ste\.|[A-Z][\w'’-]*)"
_TAIL_PLACE = _TAIL_WORD + r"(?:[ -]" + _TAIL_WORD + ")?"


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
    city_parties = [_typed_region(text, p) for p in city_parties if not _dateline(text, p)]
    more = _more_city_mentions(text, cities, city_parties + [
        Party(m.start, m.end, m.text, "region", None) for m in region_mentions])
    city_parties = sorted(city_parties + [p for p in more if not _dateline(text, p)], key=lambda p: p.start)
    region_by_key = {}
    for r in regions:
        for form in r.surface_forms:
            region_by_key[name_key(form)] = r
    region_parties = [Party(m.start, m.end, region_by_key[name_key(m.text)].name, "region", None)
                      for m in region_mentions if name_key(m.text) in region_by_key
                      and not _describes_a_town(text, m.start, m.end)]
    region_cc = {r.name: r.country_code for r in regions}
    city_cc = {c.geonames_id: c.country_code for c in cities}
    region_parties = _without_locators(text, region_parties, city_parties, region_cc, city_cc)
    city_parties = _without_locators(text, city_parties, city_parties, region_cc, city_cc)
    programme_spans = [(h.start, h.end) for h in programme_hits]
    place_parties = city_parties + region_parties
    strong = _shaped_org_parties(doc, place_parties, programme_hits)
    orgs: list[Party] = []
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "FAC", "GPE", "NORP") or "\n" in ent.text:
            continue
        start, end = _clean_org(text, ent.start_char, ent.end_char)
        # 'Universidad de Chile', 'Czech Technical University in Prague': the span takes the place;
        # the name keeps it unless it is 'in' a known place (the gold sets name 'Inje University')
        tail = re.match(r"\s+(?:in|of|de|di|do|da|del)\s+" + _TAIL_PLACE, text[end:end + 60])
        own_end = None
        if tail and has_org_head(text[start:end]):
            if _in_a_known_place(tail.group()):
                own_end = end
            end += tail.end()
        name = text[start:end]
        if name.count("(") != name.count(")"):  # 'Swiss Agency ... (SDC': cut at the parenthesis
            cut = name.rfind("(")
            name, end = name[:cut].rstrip(), start + len(name[:cut].rstrip())
        while re.search(r"\s(?:of|the|and|for|de|di)$", name):
            name = re.sub(r"\s\S+$", "", name)
            end = start + len(name)
        if len(name) < 3 or not name[:1].isupper() or "|" in name \
                or any(start < b and a < end for a, b in programme_spans) \
                or (start > ent.start_char and name in org_heads()):  # ('PP3 Institute' less its role code)
            continue
        if _TITLED_PERSON.match(name) and not has_org_head(name):
            continue
        if _POSSESSIVE_NAME.match(name) and not has_org_head(name):
            continue  # "Lahti's Nordic (twin towns)": a place's possession, no organisation
        start = _after_possessor(text, start, end, place_parties)  # "Shanghai's Fudan University"
        end = _before_possession(text, start, end)  # "LUT University's Lahti campus"
        end = _listed_fields(text, start, end, place_parties)  # 'Academy for Science, Technology and ...'
        name = text[start:end]
        if " " not in name and not (name.isupper() or any(c.isupper() for c in name[1:])) \
                and not has_org_head(name):
            continue  # one plain word ('Administration') is no organisation's name
        if " " not in name and name.isupper() and len(name) > 5 \
                and text[slice(*line_bounds(text, start))].isupper():
            continue  # 'MELBOURNE'S SISTER CITY FAMILY': a word of a capitalised heading, no acronym
        if (name.isupper() and name in _CURRENCY_CODES) or _MONEY_LIKE.search(name) \
                or _IN_REGION_OF.search(text, max(0, start - 40), start):
            continue  # (and 'in the canton of Basel-Stadt': where a partner is, not one)
        inner = [p for p in place_parties if start <= p.start and p.end <= end]
        if not has_org_head(name) and (ent.label_ in ("GPE", "NORP") or inner):
            continue  # 'the City of Surabaya' is the city party already
        if inner and governs_place(name, [text[p.start:p.end] for p in inner]):
            continue  # 'Marshal's Office of the Silesian Voivodeship' is the region
        if any(start < o.end and o.start < end for o in strong):
            continue  # the name found by its shape wins
        orgs.append(Party(start, end, text[start:own_end] if own_end and start < own_end < end else name,
                          "organisation", None))
    inside_org = lambda p: any(o.start <= p.start and p.end <= o.end and has_org_head(o.name) for o in orgs) \
        or any(o.start <= p.start and p.end <= o.end for o in strong)
    aliases = _alias_parentheses(text, strong)
    places = [p for p in place_parties if not inside_org(p) and not any(a <= p.start and p.end <= b for a, b in aliases)]
    orgs = [o for o in orgs if not any(a <= o.start and o.end <= b for a, b in aliases)]
    taken = [(p.start, p.end) for p in places]
    orgs = [o for o in orgs if not any(o.start < b and a < o.end for a, b in taken)]
    countries = country_names()
    orgs = [_untitled(o) for o in orgs + strong if not _NOT_A_PARTY.fullmatch(o.name) and not _own_unit(o, text, places)
            and o.name.removeprefix("the ") not in countries  # 'Republic of Moldova' is a country, no party
            and not _QUOTED_PROJECT.search(text, max(0, o.start - 30), o.start)]  # 'the project "CircularPorts"'
    orgs = [o for o in (_without_gloss(_with_quoted_name(text, o)) for o in _government_acronyms(text, places, orgs))
            if not _NOT_A_PARTY.fullmatch(o.name)]  # (also as trimmed: 'International Relations Department of ...')
    places, orgs = _acronym_and_town(text, places, orgs)
    confused = [(m.start(), m.end()) for m in _NOT_CONFUSED.finditer(text) if not _TIE_WORD.search(m.group())]
    return _joint_councils(text, sorted((p for p in places + orgs if not inside(confused, p.start, p.end)),
                                        key=lambda p: p.start))


# 'Richmond, British Columbia (not to be confused with Richmond, Virginia, or Richmond, California)
# maintains ...': the towns named to tell the page's town apart are no parties
_TIE_WORD = re.compile(r"\b(?:between|twinning|partnership|agreement|relationship|sister|twin)\b", re.I)
# (but 'not to be confused with the town twinning between Darmstadt and Troyes' names a tie)
_NOT_CONFUSED = re.compile(r"\bnot\s+to\s+be\s+confused\s+with\b[^()\n.;]*")


_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+$", re.I)
_TOWN_WORD_AFTER = re.compile(r"\s+(?:city|town|capital|port|municipality|metropolis)\b")


def _describes_a_town(text: str, start: int, end: int) -> bool:
    """'Bergamo, the Lombard city that mentors Split': a region's adjective describing a town
    named elsewhere, no party of its own."""
    return bool(_TOWN_WORD_AFTER.match(text, end) and _ARTICLE_BEFORE.search(text, max(0, start - 6), start))


# 'Derry City and Strabane District Council': one council named after two towns
_JOINT_GLUE = re.compile(r"(?:\s+City)?\s+and\s+")
_CITY_AND = re.compile(r"\sCity\s+and\s+$")  # (the town's party may end before or after 'City')
_JOINT_COUNCIL = re.compile(r".*\s(?:District|Borough|County|City)\s+Council")


def _joint_councils(text: str, parties: list[Party]) -> list[Party]:
    """A town party and a council named after another town that follows it with 'and'
    ('Derry City and Strabane District Council') are one organisation, not two partners."""
    out: list[Party] = []
    for p in parties:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "city" and p.kind == "organisation" \
                and _JOINT_GLUE.fullmatch(text, prev.end, p.start) and _JOINT_COUNCIL.fullmatch(p.name) \
                and _CITY_AND.search(text, prev.start, p.start):  # (not 'between Leeds and Bradford District Council')
            out[-1] = Party(prev.start, p.end, " ".join(text[prev.start:p.end].split()), "organisation", None)
        else:
            out.append(p)
    return out


_QUOTED_PROJECT = re.compile(r"\b(?:project|programme|program|network|initiative|campaign)\s+[\"“‘']$|"
                             # 'As lead partner of HomeBase, one of the ... Networks', 'a partner in "Food Corridors"'
                             r"\b(?:lead\s+)?partners?\s+(?:of|in)\s+[\"“‘']?$|"
                             r"(?:^|[.!?]\s+|\n)[ \t]*In\s+$", re.I)  # ('In TwinBorders we can learn from ...': where, not who)


_GLOSS = re.compile(r"\s*\((?:the\s+)?(?:Town|City|Municipality|Commune|Village) of [^()]+\)$")


def _with_quoted_name(text: str, org: Party) -> Party:
    """'the Association Euroregion "Tatry"': the quoted word is the name's own."""
    quoted = _QUOTED_NAME.match(text, org.end)
    if quoted is None or org.name != text[org.start:org.end]:
        return org
    return Party(org.start, quoted.end(), text[org.start:quoted.end()], org.kind, org.geonames_id)


def _without_gloss(org: Party) -> Party:
    """'Mesto Vysoké Tatry (Town of Vysoké Tatry)': the name without its translation."""
    gloss = _GLOSS.search(org.name)
    if gloss is None or gloss.start() < 3:
        return org
    return Party(org.start, org.start + gloss.start(), org.name[:gloss.start()], org.kind, org.geonames_id)


def _acronym_and_town(text: str, places: list[Party], orgs: list[Party]) -> tuple[list[Party], list[Party]]:
    """'IIT Madras', 'TU Delft': an acronym and the town right after it are one name."""
    by_start = {p.start: p for p in places}
    merged, out = set(), []
    for o in orgs:
        town = by_start.get(o.end + 1)
        if town is not None and text[o.end] == " " and re.fullmatch(r"[A-Z]{2,6}", o.name) and town.kind == "city":
            merged.add(town.start)
            o = Party(o.start, town.end, text[o.start:town.end], "organisation", None)
        out.append(o)
    return [p for p in places if p.start not in merged], out


_OWNS = re.compile(r"['’]s\s")
_PHRASE_OPENS = re.compile(r"[\s\W]*(?:[A-Z][a-z]+ing\s+|[^,]{0,30},\s*)?")  # ('Together with A, X', '"Working together with A, we')
_PEOPLE_FROM = re.compile(r"\b(?:people|peers|pupils|students|young people|youth|delegations?|guests|visitors|colleagues|"
                          r"representatives|experts|teams|staff|officials)\s+from\s+(?:the\s+)?$")


def _before_possession(text: str, start: int, end: int) -> int:
    """"LUT University's Lahti campus": an organisation's name runs to its possessive
    when what it owns there is no organisation of its own ("Ghent University's Faculty of
    Engineering" stays whole)."""
    own = _OWNS.search(text, start, end)
    if own and has_org_head(text[start:own.start()]) and not has_org_head(text[own.end():end]):
        return own.start()
    return end


# 'for Science, Technology and Maritime Transport', 'of Environment, Food and Rural Affairs':
# the fields a name lists after its 'for'/'of', which NER cuts at the first comma
_FIELDS_TAIL = re.compile(r"(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?){1,3},?\s+and\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}")


def _listed_fields(text: str, start: int, end: int, places: list[Party]) -> int:
    """The end of an organisation name whose 'for X' / 'of X' goes on as a list of fields
    ('Arab Academy for Science, Technology and Maritime Transport'); a list of places
    ('University of Porto, Lisbon and Coimbra') is no part of the name."""
    if not re.search(r"\s(?:for|of)\s+[A-Z][a-z]+$", text[start:end]) or not has_org_head(text[start:end]):
        return end
    m = _FIELDS_TAIL.match(text, end)
    if m is None or any(p.start < m.end() and end - 20 < p.end for p in places):
        return end
    return m.end()


def _without_locators(text: str, parties: list[Party], cities: list[Party], region_cc: dict[str, str | None],
                      city_cc: dict[int | None, str]) -> list[Party]:
    """A place of a town's own country written right after the town only says where the
    town is; that mention is no party: a region after a comma ('Cambridge, Massachusetts',
    'Madison, Wisconsin'), a region or town in brackets ('Toyohashi City (Aichi) and
    Tauranga (New Zealand) concluded ...')."""
    cc = lambda p: city_cc.get(p.geonames_id) if p.kind == "city" else region_cc.get(p.name)
    ends = {c.end: c for c in cities}

    def town_before(p: Party) -> Party | None:
        if p.kind == "region":
            comma = next((c for k in (1, 2, 4) if (c := ends.get(p.start - k)) is not None
                          and text[c.end:p.start] in (", ", ",", ",\n", " in ")), None)
            if comma is not None:  # (or 'the City of Newcastle in New South Wales')
                return comma
        if text[p.end:p.end + 1] != ")" or text[p.start - 1:p.start] != "(":
            return None
        return next((c for c in cities if c.end < p.start <= c.end + 9 and c is not p
                     and _BRACKETED_AFTER.fullmatch(text, c.end, p.start)), None)

    def locates(p: Party) -> bool:
        if _IN_REGION_OF.search(text, max(0, p.start - 50), p.start) or p.kind == "region" and (
                re.search(r"\bin\s+$", text[max(0, p.start - 4):p.start]) and _REGION_OF.match(text, p.start, p.end)):
            return True  # 'the Municipality of Riehen in the canton of Basel-Stadt (Switzerland)'
        if _NEAR.search(text, max(0, p.start - 12), p.start):
            return True  # 'Quarto d'Altino near Venice': where the town lies
        town = town_before(p)
        return town is not None and cc(p) is not None and cc(p) == cc(town)
    return [p for p in parties if not locates(p)]


_REGION_WORDS = (r"(?:canton|department|d[ée]partement|province|state|region|county|district|prefecture|oblast|"
                 r"voivodeship|governorate|Land|Bundesland)")
_NEAR = re.compile(r"\bnear\s+$")  # (not 'close to': 'We also remain close to Tartu, our sister city')
# ('Boca del Río, in the Mexican state of Veracruz': the state, though a town has its name)
_IN_REGION_OF = re.compile(rf"\bin\s+the\s+(?:[A-Z][\w-]+\s+)?{_REGION_WORDS}\s+of\s+$", re.I)
_REGION_OF = re.compile(rf"(?:the\s+)?{_REGION_WORDS}\s+of\s", re.I)  # a region party's span that holds its type


_BRACKETED_AFTER = re.compile(r"(?:\s+(?:City|Town|Municipality))?\s*\($")


_DATELINE_TAIL = re.compile(r"[ \t]*(?:,[^\n–—:]{0,40})?[ \t]*[–—:-][ \t]")


def _dateline(text: str, p: Party) -> bool:
    """'PHOENIX – The State of Arizona and Tainan City ...', 'BENGALURU: Karnataka and ...',
    'PORTO, 3 June 2024 – ...': where a news item was written, not who cooperates."""
    written = text[p.start:p.end]
    if not (p.start == 0 or text[p.start - 1] == "\n"):
        return False
    # (in any case when a dated tail follows: 'Yaoundé, 27 June 2024 – The City of Le Havre ...')
    return (len(written) > 2 and written.isupper() and _DATELINE_TAIL.match(text, p.end) is not None) \
        or _DATED_TAIL.match(text, p.end) is not None


_DATED_TAIL = re.compile(r"[ \t]*,[ \t]*[^\n–—:.]{0,30}\b(?:19|20)\d\d[ \t]*[–—-][ \t]")


# 'Mayor Petr Novotný', 'Governor Ana Silva': a title before a name is a person, no party
_TITLED_PERSON = re.compile(r"(?:Deputy |Vice[- ]|Lord )?(?:Mayor|Governor|Councillor|Councilor|Minister|President|"
                            r"Prefect|Senator|Ambassador|Consul|Dr|Prof|Mr|Mrs|Ms|Cr|Cllr|Alderman|Councilman|Councilwoman)\.?\s+"
                            r"(?!of\b)[A-Z]")


# 'the Dutch NGO Waste Free Oceans', 'the Bratislava-based start-up X': a description before the name
_DESCRIBED_AS = re.compile(r"(?:[A-Z][\w-]*\s+)?(?:NGO|NGOs|non-profit|nonprofit|charity|start-up|startup)\s+(?=[A-Z])")


def _untitled(org: Party) -> Party:
    """'Rector of the University of Maribor' -> 'University of Maribor'; 'Dutch NGO Waste Free
    Oceans' -> 'Waste Free Oceans'."""
    described = _DESCRIBED_AS.match(org.name)
    if described is not None:
        return Party(org.start + described.end(), org.end, org.name[described.end():], org.kind, org.geonames_id)
    title = _PERSON_TITLE.match(org.name)
    if title is None or not has_org_head(org.name[title.end():]):
        return org
    return Party(org.start + title.end(), org.end, org.name[title.end():], org.kind, org.geonames_id)


_UNIT_HEAD = re.compile(r"\b(?:Department|Dept|Office|Division|Directorate|Unit|Section|Bureau|Secretariat)\b")


def _own_unit(org: Party, text: str, places: list[Party]) -> bool:
    """A department of a place or body already named is that body, no party of its own:
    'the city's Environment Department', 'City of Graz – Press Office', 'Can Tho
    Department of Construction'."""
    if not _UNIT_HEAD.search(org.name):
        return False
    before = text[max(0, org.start - 40):org.start]
    if re.search(r"(?:['’]s|\bits|\btheir|\bour)\s+$", before):
        return True
    line_start = text.rfind("\n", 0, org.start) + 1
    if re.search(r"\s[–—-]\s*$", text[line_start:org.start]) and any(line_start <= p.start < org.start for p in places):
        return True
    if any(line_start <= p.start and _COMMA.fullmatch(text, p.end, org.start) for p in places):
        return True  # 'Lead partner: City of Maribor, Office for Energy and Climate'
    return any(p.start == org.start for p in places)  # 'Can Tho Department of Construction'


def _government_acronyms(text: str, places: list[Party], orgs: list[Party]) -> list[Party]:
    """'the Seoul Metropolitan Government (SMG)': the acronym of a place's own government
    stands for the place wherever it recurs."""
    acronyms: dict[str, Party] = {}
    for p in places:
        m = re.match(r"((?:\s+[A-Z][\w'’-]*){1,3})\s*\(([A-Z]{2,6})\)", text[p.end:p.end + 80])
        if m and governs_place(text[p.start:p.end] + m.group(1), [text[p.start:p.end]]):
            acronyms.setdefault(m.group(2), p)
    return [Party(o.start, o.end, acronyms[o.name].name, acronyms[o.name].kind, acronyms[o.name].geonames_id)
            if o.name in acronyms else o for o in orgs]


# an agreement ('the new MoU') or a body named only by its kind ('the City Council', 'City Board'),
# which 'the city council' anaphor reads as the page's own place, is no party of its own
_NOT_A_PARTY = re.compile(link_cues()["patterns"]["not_a_party"], re.I)
# (also 'KRW 850 million', which NER may read as an organisation)
_MONEY_LIKE = re.compile(r"\d[\d,.]*\d{3}\b|^(?:EUR|USD|GBP|CHF)\b|^[A-Z]{3}\s?\d|\d\s*(?:million|billion|crore|lakh)\b")
_NAME_TAIL = re.compile(r"\s+(?:in|de|di|do|da|del)\s+" + _TAIL_PLACE)


def _org_pair_ends(doc: Doc) -> set[int]:
    """Where NER ends an organisation right before 'and' and another name begins after it
    ('Aarhus Vand and PMC's Water Supply Department'): two names, not one."""
    text = doc_text(doc)
    starts = {e.start_char for e in doc.ents}
    out = set()
    for e in doc.ents:
        if e.label_ == "ORG":
            m = re.match(r"\s+(?:and|&)\s+(?:the\s+)?", text[e.end_char:e.end_char + 12])
            if m and e.end_char + m.end() in starts:
                out.add(e.end_char)
    return out


def _shaped_org_parties(doc: Doc, place_parties: list[Party], programme_hits: list[ProgrammeHit]) -> list[Party]:
    """Organisations found by the shape of their names rather than by NER: names with a
    head word or defined by an acronym ('Zagreb Regional Energy Agency (REGEA)'), and
    brand-like names that open with a place ('Lisboa E-Nova', tagged PERSON). A name
    found once is found wherever it recurs; an acronym stands for its full name."""
    text = doc_text(doc)
    prog = [(h.start, h.end) for h in programme_hits]
    skip = frozenset(text[a:b] for a, b in prog)
    found: list[tuple[int, int, str | None]] = []
    located: dict[str, int] = {}  # 'Inje University in Gimhae': the span keeps its town, the name does not
    for a, b, acr in shaped_orgs(text, {p.end for p in place_parties} | _org_pair_ends(doc), skip):
        tail = _NAME_TAIL.match(text, b)
        if tail and has_org_head(text[a:b]) and "\n" not in tail.group():
            if _in_a_known_place(tail.group(), any(b < p.start and p.end <= tail.end() for p in place_parties)):
                located[text[a:tail.end()]] = b - a
            b = tail.end()
        b = _listed_fields(text, a, _before_possession(text, a, b), place_parties)
        inner = [text[p.start:p.end] for p in place_parties if a <= p.start and p.end <= b]
        if any(a < y and x < b for x, y in prog) or (inner and governs_place(text[a:b], inner)) \
                or any(p.start == a and p.end == b for p in place_parties):
            continue  # ('Port Louis' is the town, though 'Port' heads port authorities' names)
        if acr == "":  # a name with a country code: no place, no place's government, no person's title
            if any(p.start < b and a < p.end for p in place_parties) and \
                    (not inner or governs_place(text[a:b], inner) or
                     all(re.sub("|".join(map(re.escape, inner)), "", text[a:b]).strip(" -–") == "" for _ in [0])):
                continue
            first = text[a:b].split()[0]
            if is_admin_word(first) or first.lower() in _GOVERNMENT_WORDS or \
                    re.match(r"(?:Mayor|Dr|Prof|Mr|Mrs|Ms)\b", text[a:b]):
                continue
            acr = None
        found.append((a, b, acr))
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "PERSON", "FAC") or "\n" in ent.text:
            continue
        a, b = _clean_org(text, ent.start_char, ent.end_char)
        head = next((p for p in place_parties if p.start == a and p.end < b), None)
        extra = text[head.end:b].split() if head else []
        if head and extra and all(w[:1].isupper() and not is_admin_word(w) for w in extra) \
                and any("-" in w or any(c.isupper() for c in w[1:]) for w in extra) \
                and not any(x < b and a < y for x, y, _ in found):
            found.append((a, b, None))  # 'Lisboa E-Nova'
    found = _without_overlaps(text, found)
    acronyms = {acr for _, _, acr in found if acr}
    found = [(a, b, acr) for a, b, acr in found if acr or text[a:b] not in acronyms]  # 'USC (ES)' after '... – USC'
    names: dict[str, str] = {}
    for a, b, acr in found:
        own_end = a + located[text[a:b]] if text[a:b] in located else b
        names.setdefault(text[a:b], text[_after_possessor(text, a, own_end, place_parties):own_end])
        if acr:
            names.setdefault(acr, names[text[a:b]])
    spans = [(a, b, names[text[a:b]]) for a, b, _ in found]
    for form, name in names.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
            if any(m.start() < y and x < m.end() for x, y, _ in spans) or text[m.start() - 1:m.start()] == "(" \
                    and any(y <= m.start() and re.fullmatch(r"\s*\(", text[y:m.start()]) for x, y, _ in spans):
                continue
            spans.append((m.start(), m.end(), name))
    return sorted((Party(a, b, name, "organisation", None) for a, b, name in spans), key=lambda p: p.start)


def _in_a_known_place(tail: str, place_on_page: bool = False) -> bool:
    """An organisation name's tail ' in Gimhae' names where it is, not the organisation:
    'in' and a place the page found there, or a town or region of that name that exists
    ('Hamilton'), whatever the page made of it."""
    word, place = tail.split(None, 1)
    if word != "in":
        return False
    key = name_key(place)
    return place_on_page or bool(gazetteer().candidates(key)) or key in regions()


_JOINT = re.compile(r"[\s,]*(?:(?:and|&)\s+)?(?:the\s+)?")


def _without_overlaps(text: str, found: list[tuple[int, int, str | None]]) -> list[tuple[int, int, str | None]]:
    """'the Klaipėda Chamber of Commerce, Industry and Crafts and the Chamber of Industry
    and Commerce': a name that starts inside the one before it (which ran on over its
    listed fields) starts after it, past the 'and the' that joins the two."""
    out: list[tuple[int, int, str | None]] = []
    for a, b, acr in sorted(found):
        if out and a < out[-1][1]:
            if b <= out[-1][1]:
                continue
            a = out[-1][1] + _JOINT.match(text, out[-1][1]).end() - out[-1][1]
            if not has_org_head(text[a:b]):
                continue
        out.append((a, b, acr))
    return out


def _after_possessor(text: str, a: int, b: int, place_parties: list[Party]) -> int:
    """Where an organisation's own name starts: "Shanghai's Fudan University" is named
    Fudan University (a shaped name's span keeps Shanghai, which is no party of its own
    there)."""
    owner = _POSSESSIVE_NAME.match(text, a, b)
    if owner and has_org_head(text[owner.end():b]) and any(p.start == a and p.end < owner.end() for p in place_parties):
        return owner.end()
    return a


def _alias_parentheses(text: str, orgs: list[Party]) -> list[tuple[int, int]]:
    """A parenthesis right after an organisation's name gives its other name or acronym
    ('Porto Commercial Association (Associação Comercial do Porto)'): nothing in it is
    another party."""
    out = []
    for o in orgs:
        m = re.match(r"\s*\(([^()\n]{2,80})\)", text[o.end:o.end + 90])
        if m:
            out.append((o.end + m.start(1), o.end + m.end(1)))
    return out


_TOWN_PREFIX = re.compile(r"\b(?:[Mm]unicipality|[Cc]ity|[Tt]own|[Cc]ommune)\s+of\s+(?:the\s+)?$")
_REGION_PREFIX = re.compile(r"\b(?:State|Province|Region|Autonomous Community|Department|Prefecture|Voivodeship)\s+of\s+(?:the\s+)?$")


def _typed_region(text: str, p: Party) -> Party:
    """'State of Jalisco', 'Region of Murcia': a name the text types as a region is the
    region, even where the gazetteer also knows a town of that name."""
    if not _REGION_PREFIX.search(text[max(0, p.start - 40):p.start]):
        return p
    found = regions().get(name_key(text[p.start:p.end]))
    return Party(p.start, p.end, found[0].name, "region", None) if found else p


def _as_region(text: str, p: Party) -> Party:
    found = regions().get(name_key(text[p.start:p.end]))
    return Party(p.start, p.end, found[0].name, "region", None) if found else p


_NAME_WORD = re.compile(r"[A-Z][\w’'-]*")


def _more_city_mentions(text: str, cities: list[CityRecord], known: list[Party]) -> list[Party]:
    """A name the page already uses as a city is that city wherever else it stands alone:
    'Hamilton – the largest inland city of Aotearoa New Zealand – will cooperate with ...'
    after 'Hamilton City Council', though NER reads this one as a person. Not where it
    is part of a longer name ('Florence Lambert', 'Ryan Hamilton', 'Hamilton Street').
    A country's name is no short form of its capital ('Mérida, Yucatán, Mexico' on a
    page that also names Mexico City)."""
    forms: dict[str, CityRecord] = {}
    for c in cities:
        for f in (c.name, *c.surface_forms):
            bare = re.sub(r"^(?:the\s+)?(?:City|Municipality|Town) of\s+|\s+(?:City|City Council|Municipality)$", "", f)
            if len(bare) >= 4 and bare[:1].isupper() and " " not in bare.strip() \
                    and not (bare != f and bare in country_names()):
                forms.setdefault(bare, c)  # ('Mexico' alone is the country, not Mexico City)
    out: list[Party] = []
    for form, c in forms.items():
        for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
            if any(p.start < m.end() and m.start() < p.end for p in known + out):
                continue
            prev = re.search(r"(?:^|[ \t])([\w’'-]+)[ \t]+$", text[max(0, m.start() - 40):m.start()])
            nxt = re.match(r"[ \t]+([\w’'-]+)", text[m.end():m.end() + 40])
            if prev and _NAME_WORD.fullmatch(prev.group(1)) and not is_admin_word(prev.group(1)) \
                    and prev.group(1) not in _SENTENCE_OPENERS:
                continue
            if nxt and _NAME_WORD.fullmatch(nxt.group(1)) and not is_admin_word(nxt.group(1)):
                continue
            out.append(Party(m.start(), m.end(), c.name, "city", c.geonames_id))
    return out


_SENTENCE_OPENERS = frozenset(org_shapes()["leading_stopwords"])
_GOVERNMENT_WORDS = frozenset(org_shapes()["government_words"])


# where a page's own name may stand: its site title, after a menu left in by the scrape
_TITLE_ZONE = 600


def page_owner(parties: list[Party], text: str) -> Party | None:
    """The place a title line names as a government ('Napier City Council | ...', 'City of
    Banská Bystrica'; named again on the page), else the page's own place, or failing that
    its first place when named more often than any other: the owner of a 'Partner cities'
    heading on a short municipal page (its site title may come after a menu the scrape
    left in)."""
    places = [p for p in parties if p.kind in ("city", "region")]
    first = places[0] if places and places[0].start < _TITLE_ZONE else None
    if first is not None and sum(p.name == first.name for p in places) >= 2 and _governs_title_line(first, text):
        return first  # (whatever partner the page names more often)
    home = page_place(parties, text)
    if home is not None:
        return home
    ranked = Counter(p.name for p in places).most_common(2)
    if places and places[0].start < _TITLE_ZONE and ranked[0][0] == places[0].name and ranked[0][1] >= 2 \
            and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
        return places[0]
    return None


# a title line that names a place's government: 'Napier City Council | Te Kaunihera o Ahuriri',
# 'City of Banská Bystrica', 'Stavanger kommune'
_TITLE_PREFIX = re.compile(r"[ \t]*(?:(?:The\s+)?(?:City|Town|Municipality|Borough|Commune|Comune|Gemeente|Stadt|Municipal)"
                           r"(?:\s+Council)?\s+of\s+)?")  # ('City Council of Port Louis')
_TITLE_SUFFIX = re.compile(r"[ \t]*(?P<gov>(?:City|Town|District|Borough|Shire|Regional|County|Municipal)\s+Council|"
                           r"Council|City|Municipality|kommune|kommun|Kommune)?[ \t]*(?:[|–—-][^\n]*)?")


def _governs_title_line(place: Party, text: str) -> bool:
    line = _line_start(text, place.start)
    end = text.find("\n", place.end)
    end = len(text) if end < 0 else end
    before, after = _TITLE_PREFIX.fullmatch(text, line, place.start), _TITLE_SUFFIX.fullmatch(text, place.end, end)
    return end - line <= 120 and before is not None and after is not None and \
        bool(before.group().strip() or after.group("gov"))


def page_place(parties: list[Party], text: str) -> Party | None:
    """The page's own city or region ('Aarhus' on the Aarhus twin-town page): named at
    least three times, and either the first place of the page (its site title) and
    among the two most named, or clearly more often named than any other. A title's
    partner ('Project partnership with Cape Coast, Ghana' on Bonn's page) is not its own."""
    places = [p for p in parties if p.kind in ("city", "region")]
    ranked = Counter(p.name for p in places).most_common(2)
    if not ranked or ranked[0][1] < 3:
        return None
    first = places[0]
    if first.start < 300 and any(name == first.name and n >= 3 for name, n in ranked) \
            and not _TITLE_PARTNER.search(text, _line_start(text, first.start), first.start):
        return first
    if len(ranked) > 1 and ranked[1][1] + 1 >= ranked[0][1]:
        return None
    return next(p for p in places if p.name == ranked[0][0])


# a title naming the page's tie, not what happened to the page's town: 'Project partnership with
# Cape Coast, Ghana' (Bonn's page), not 'Polish port city delegation signs memorandum with Grand Rapids'
_TITLE_PARTNER = re.compile(r"\b(?:[Pp]artnerships?|[Cc]o-?operation|[Tt]winning|[Ff]riendship|[Rr]elations(?:hip)?|[Tt]ies)"
                            r"\s+with\s+(?:the\s+)?(?:(?:[Cc]ity|[Tt]own|[Mm]unicipality)\s+of\s+)?$")


def anaphor_parties(text: str, sents: Sentences, parties: list[Party]) -> list[Party]:
    """'the city', 'the municipality', 'our city' opening a sentence's parties stand for
    the city whose topic the sentence before opened ("Bamberg's links do not stop at Bedford.
    The city also has a friendship agreement with Nagaoka"), or else for the page's own
    place: 'Most recently, the city partnered with Dar es Salaam'."""
    home = page_place(parties, text)
    out = []
    matches = list(_ANAPHOR.finditer(text))
    if home is not None:
        matches += list(_WE.finditer(text))  # 'We are twinned with Turku' (the city speaks)
        if home.kind == "region":  # 'the Generalitat', 'the regional government'
            matches += [m for m in _REGION_ANAPHOR.finditer(text) if all(m.start() != n.start() for n in matches)]
    for m in matches:
        s0, _ = sents.bounds(m.start())
        before = [p for p in parties if s0 <= p.start < m.start()]
        if (before and not (m.re is _WE and _WITH_OPENER.fullmatch(text, s0, before[0].start))) \
                or any(p.start <= m.start() < p.end for p in parties):
            continue  # a party named before it in the sentence is what 'the city' refers to (not 'With Osijek, ... we')
        ref = _previous_opener(text, sents, parties, s0) if m.re is _ANAPHOR and _OPENS_WITH.fullmatch(
            text[s0:m.start()]) else None
        ref = ref or (_heading_city(text, parties, s0) if m.re is _ANAPHOR else None) or home
        if ref is not None:
            out.append(Party(m.start(), m.end(), ref.name, ref.kind, ref.geonames_id))
    taken = {p.start for p in out}
    for m in _WITH_OUR.finditer(text) if home is not None else ():
        if m.start(1) not in taken and not any(p.start <= m.start(1) < p.end for p in parties):
            out.append(Party(m.start(1), m.end(1), home.name, home.kind, home.geonames_id))
    return out


_HEADING_OPEN = re.compile(r"[ \t]*(?:[\d.)•*#-]+[ \t]+)?")


def _heading_city(text: str, parties: list[Party], s0: int) -> Party | None:
    """The city a heading line opens with, right above the paragraph holding ``s0``: on a
    page of sections about several cities ('Hradec Králové (Czechia) – RIVER-SAFE'), 'the
    city' of a section is the section's city, not the page's."""
    a, _ = line_bounds(text, s0)
    if a < 2:
        return None
    h0, h1 = line_bounds(text, a - 1)
    heading = text[h0:h1].rstrip()
    if not heading or len(heading) > 90 or heading.endswith((".", ":", ";", ",")):
        return None
    first = next((p for p in parties if h0 <= p.start < h1), None)
    return first if first is not None and first.kind == "city" and _HEADING_OPEN.fullmatch(text, h0, first.start) \
        else None


# 'Jūrmala signed a declaration of friendship with our city': the page's own place, wherever it stands
_WITH_OUR = re.compile(r"\bwith\s+(our\s+(?:city|town|municipality|community|hromada))\b(?!\s+(?:of|hall)\b)")


_WITH_OPENER = re.compile(r"[\s\W]*With\s+(?:the\s+)?(?:(?:[Cc]ity|[Tt]own|[Mm]unicipality)\s+of\s+)?")
_OPENS_WITH = re.compile(r"[\s\W]*(?:\w+\s+){0,2}")  # 'The city', 'In 2019, the city', 'Today the city'


def _previous_subject(text: str, sents: Sentences, parties: list[Party], s0: int) -> Party | None:
    """The city opening the sentence before ``s0``: what 'Its' of the next one is."""
    if s0 == 0:
        return None
    p0, p1 = sents.bounds(s0 - 1)
    first = next((p for p in parties if p0 <= p.start < p1), None)
    return first if first is not None and first.kind == "city" and _OPENS.fullmatch(text[p0:first.start]) else None


def _previous_opener(text: str, sents: Sentences, parties: list[Party], s0: int) -> Party | None:
    """The city opening the sentence before ``s0`` as its topic, in the possessive
    ('Bamberg's international links ...'; not 'Kochi becomes Tartu's twin town')."""
    first = _previous_subject(text, sents, parties, s0)
    return first if first is not None and re.match(r"['’]s?\s", text[first.end:first.end + 3]) else None


def _in(parties: list[Party], a: int, b: int) -> list[Party]:
    return [p for p in parties if a <= p.start and p.end <= b]


# ---------------------------------------------------------------- coordination

_AND = re.compile(r"\b(?:and|as well as|y|e|und|et)\b|&")
_GLUE = re.compile(r"^[\s,]*(?:as (?:the )?(?:lead )?(?:partner|coordinator|leader)[\s,]*)?"
                   r"(?:in\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+)?[A-Z][\w'’.-]*){0,3}[\s,]*)?"  # 'in Indonesia'
                   r"(?:and|&|as well as|y|e|und|et)?[\s,]*(?:the\s+)?" + _OFFICIALS + "?"
                   r"(?:(?:Free|Hanseatic|Royal|Imperial|Statutory|Autonomous|Capital)\s+){0,2}"  # 'the Free Hanseatic City of'
                   r"(?:(?:City|Municipality|Town|Region|city|municipality|town|region|Metropolitan City|"
                   r"Municipal|State|Province|Canton|Regional Government|Government|Land|Generalitat) "
                   r"(?:Council )?of\s+(?:the\s+)?(?:(?:State|Province|Region|Autonomous Community) of\s+)?|(?:Ville|Comune|Ayuntamiento|Concello|Câmara Municipal) d[eio']\s*|"
                   r"(?:Stadt|Gemeente|Gmina|Kommune|Kommun|Municipio|Region)\s+|"
                   r"(?:[A-Z][\w-]+\s+)?(?:province|state|region|voivodeship|prefecture|county|city|town|capital|"
                   r"municipality|port city|towns|cities|municipalities|regions)\s+of\s+)?$")
_PAREN = re.compile(r"\s*\([^()]{0,60}\)")
_ADMIN_SUFFIX = re.compile(r"^\s+(?:Metropolitan City|City Council|City|Municipality|Municipal Council|Region|"
                           r"Province|County|Kommune|Kommun|Voivodeship|Prefecture|Oblast|Governorate)\b")


_LIST_GOES_ON = re.compile(r"[\s,]*(?:in\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?[\s,]*)?(?:and|&)\s")
# a list item's year: 'A (FR) since 1964, B (CN) since 1998 and C'
_SINCE_TAIL = re.compile(r"^\s*(?:since|from)\s+(?:\d{1,2}\s+[A-Z][a-z]+\s+)?\d{4}\b")
_OPEN_PAREN = re.compile(r"\s*\([^()]*")
_PAREN_CLOSES = re.compile(r"\s*(?:,\s*[A-Z][\w .'’-]{1,30})?\)")
# ', signed in 1982,' between two partners: when a tie began, no clause of its own
_DATED_PARTICIPLE = re.compile(r"\s*(?:signed|twinned|established|concluded|formali[sz]ed|sealed)\s+(?:in|on)\s+"
                               r"(?:\d{1,2}\s+)?(?:[A-Z][a-z]+\s+)?\d{4}\s*")
# 'the Comune di Marsala with the Commune de Monastir': a town's authority named in its own language
_TOWN_OF = r"(?:(?:[Cc]ity|[Tt]own|[Mm]unicipality|Comune|Commune|Gemeente|Stadt) (?:of|di|de|du)\s+)?"
_GAPPED_WITH = re.compile(r"\s*(?:\([^()]{0,60}\)\s*)?with\s+(?:the\s+)?" + _TOWN_OF)
# ('..., paired with Greater Jerash Municipality, and the Comune di Marsala with ...')
_GAPPED_SEP = re.compile(r"(?:\s+(?:Municipality|City Council|Municipal Council))?"
                         r"(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?(?=\s*,))?"  # ('Kariya, Japan, and Burlington with')
                         r"\s*(?:\([^()]{0,60}\)\s*)?(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?" + _TOWN_OF)


_IN_PLACE_HEAD = re.compile(r"^\s+in\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}(?=\s*,)")


def coordinated(parties: list[Party], doc: Doc, first: int, text: str) -> list[Party]:
    """The run of parties from index ``first`` joined by commas/'and', skipping
    parentheses ('(IT)', '(project leader)') and short appositives without a verb
    (', Chile's capital,', ', Zimbabwe,').

    Commas alone do not coordinate: 'Jacksonville, Florida', 'In Shanghai, the
    University of Bologna and ...' and 'In AQUAREUSE, Murcia joins' are no runs."""
    run = [parties[first]]
    last_end = run[0].end
    joined_by_and = False
    for p in parties[first + 1:]:
        if p.name == run[-1].name and re.fullmatch(r"\s*\(\s*", text[last_end:p.start]):
            last_end = p.end  # 'München (Munich)': one party, two spellings
            continue
        if _OPEN_PAREN.fullmatch(text, last_end, p.start) \
                and (p.kind == "region" or (p.kind == "city" and _PAREN_CLOSES.match(text, p.end))):
            continue  # 'Rennes (Brittany, France), ... and Coburg', 'Rochester (New York, USA)': a locator
        gap = _PAREN.sub("", text[last_end:p.start]).lstrip(")")
        gap = _ADMIN_SUFFIX.sub("", gap)
        gap = _IN_PLACE_HEAD.sub("", gap)  # 'the City of Newcastle in New South Wales, Australia, and Aalborg'
        if _SINCE_TAIL.match(gap):
            if _verb_follows(doc, p.end):
                break  # '... a sister city of Baltimore since 1979, and Yokohama hosts ...': a clause of its own
            gap = _SINCE_TAIL.sub("", gap)
        if not _GLUE.match(gap):
            appositive = re.match(r"^,([^,;.:()]{1,45})[,;](\s*(?:and|&)?\s*(?:the\s+)?" + _OFFICIALS
                                  + r"?(?:(?:City|Municipality|Town|city) of\s+)?)$", gap)
            if not appositive or (_has_verb(doc, last_end, p.start) and not _DATED_PARTICIPLE.fullmatch(appositive.group(1))):
                # 'A, B and Cheltenham Township, ...': the list goes on past its last known member
                joined_by_and = joined_by_and or (len(run) > 1 and bool(_LIST_GOES_ON.match(gap)))
                break
        if len(run) == 1 and not _AND.search(gap) and _LOCATIVE.search(text[max(0, run[0].start - 12):run[0].start]):
            return run  # 'In Shanghai, the University ...': a place, then the subject
        if _GAPPED_WITH.match(text, p.end):
            break  # 'A with B, C with D': C opens a pair of its own (see _gapped_pairs)
        if re.search(r",\s*(?:and|but)\s", gap) and _verb_follows(doc, p.end) \
                and _WITH_OBJECT.search(text[max(0, run[0].start - 40):run[0].start]):
            break  # '... with Turin, and Milan cooperates with Porto': Milan opens a clause (not 'A, B, and C will')
        joined_by_and = joined_by_and or bool(_AND.search(gap))
        if p.name != run[-1].name:
            run.append(p)
        last_end = p.end
    return run if joined_by_and or len(run) == 1 else run[:1]


def _verb_follows(doc: Doc, pos: int) -> bool:
    """The word right after ``pos`` is a verb: the party before it is a clause's subject."""
    span = doc.char_span(pos, min(len(doc_text(doc)), pos + 20), alignment_mode="expand")
    words = [t for t in span if not t.is_space] if span is not None else []
    return bool(words) and words[0].pos_ in ("VERB", "AUX")


def _has_verb(doc: Doc, a: int, b: int) -> bool:
    span = doc.char_span(a, b, alignment_mode="expand")
    return span is not None and any(t.pos_ in ("VERB", "AUX") for t in span)


# ---------------------------------------------------------------- output

# 'An earlier version of this article wrongly stated that Oxford is twinned with Potsdam'
_RETRACTED = re.compile(r"\b(?:wrongly|incorrectly|erroneously|falsely|mistakenly)\s+(?:stated|reported|said|"
                        r"claimed|described|listed|named)\b|"
                        # 'Correction: our September issue stated that Pokhara has a friendship tie with Kamakura.'
                        # (not 'Correction: we wrote that ... dates from 2013; the correct year is 2017')
                        r"\b[Cc]orrection\b[^.\n]{0,60}?\b(?:stated|said|reported|wrote|listed)\b"
                        r"(?![^.\n]*\bcorrect(?:ed)?\s+(?:year|date|figure|amount|spelling|name)\b)")
# 'programs in Flagstaff and Nogales, Arizona; these are not sister city relationships'
_DENIED = re.compile(r"\b(?:these|they|which|those)\s+(?:are|were)\s+not\s+(?:formal\s+|official\s+)?"
                     r"(?:sister[- ]cit(?:y|ies)|twin|partner|friendship|twinning|city[- ]to[- ]city)")
# 'a summer school alternating between Antalya and Erlangen', '2 study tours to Plovdiv and
# Sofia': places the activity goes to, not two partners
_VENUES_BEFORE = re.compile(r"\b(?:(?:alternat|rotat)(?:es|ing|ed)\s+between|(?:study\s+)?(?:tours?|trips?|visits?|"
                            r"excursions?)\s+to)\s+(?:the\s+)?(?:cities\s+of\s+)?$")
_AT_THE = re.compile(r",\s+at\s+the\s+$")
# where an event took place: 'at the signing ceremony in Astana'
_EVENT_IN = re.compile(r"\b(?:ceremony|conference|summit|forum|workshop|seminar|congress|assembly|meeting)\s+"
                       r"(?:(?:held|hosted|which took place)\s+)?in\s+(?:the\s+)?$")
# '- Kyoto–Paris Friendship Association', 'the Madison–Freiburg Sister City Committee': a
# society named after a pair, which NER cuts after the dash; it is no partner of the first town
_PAIR_SOCIETY = re.compile(r"[A-Z][\w'’. -]*?\s(?:Friendship\s+|Sister[- ]Cit(?:y|ies)\s+|Twinning\s+|Partnership\s+)?"
                           rf"(?:{'|'.join(SOCIETY_HEADS)})")
_TWINNING_SOCIETY = re.compile(r"\b(?:Sister[- ]Cit(?:y|ies)|Twinning|Twin[- ]Towns?)\s+"
                               rf"(?:{'|'.join(SOCIETY_HEADS)}|International)\b")
_AND_ONLY = re.compile(r"\s*(?:,|and|&)\s*")
_OWN_BODY = re.compile(r"\b(?:its|their)\s+(?:own\s+)?$")
# 'European Capital of Culture in 2012, a title it shared with Guimarães', 'Bodø holds the title
# this year, together with Tartu': towns that share a title are not partners for it
_SHARED_TITLE = re.compile(r"\btitles?\b[^.;]{0,40}?\b(?:share[ds]?|sharing|held|holds?|holding)\b|"
                           r"\b(?:share[ds]?|sharing|held|holds?|holding)\b[^.;]{0,60}?\btitles?\b|"
                           # 'European Capital of Culture in 2025 together with Nova Gorica and Gorizia'
                           r"\bCapitals?\s+of\s+(?:Culture|Youth|Sport|Innovation)\b[^.;]{0,30}?\b(?:together|along)\s+with\b")
# 'the Scottish city on the River Tay', 'the capital of the Algarve': a town described by a
# place that is not the town
_DESCRIPTOR = re.compile(r"\b(?:city|town|port)\s+on\s+the\s+$|\bcapital\s+of\s+(?:the\s+)?$")


def _described(text: str, p: Party) -> bool:
    return _DESCRIPTOR.search(text, max(0, p.start - 30), p.start) is not None


@dataclass
class _Collector:
    text: str
    programme_hits: list[ProgrammeHit]
    years: list[YearRecord]
    doc_programme: str | None
    out: dict[frozenset, LinkRecord]
    claimed: list[tuple[int, int]] = field(default_factory=list)  # spans already read as a party's own list
    page_regions: frozenset = frozenset()  # names of the regions the page names as regions
    topic: Party | None = None  # the party opening the previous sentence: what 'it' stands for
    home: Party | None = None  # the page's own place (page_place)
    owner: Party | None = None  # the place a page's 'the town's' speaks of (page_owner: also a less named one)
    paired: set[tuple[int, str]] = field(default_factory=set)  # (sentence, party) the model must not pair: learners

    def add(self, a: Party, b: Party, relation: str, s0: int, s1: int, method: str = "rule",
            confidence: float | None = None) -> None:
        # 'Catalonia and Querétaro sign ...' on a page about the State of Querétaro: a region's partner
        # named like a region the page already has is that region, not the town of the same name
        if a.kind == "region" and b.kind == "city":
            b = self._region_form(b)
        elif b.kind == "region" and a.kind == "city":
            a = self._region_form(a)
        if any(p.kind == "organisation" and _OWN_BODY.search(self.text, max(0, p.start - 12), p.start) for p in (a, b)):
            return  # 'Hamburg will provide mentoring through its Agency for Roads, Bridges and Waters': its own
        if name_key(a.name) == name_key(b.name) or _RETRACTED.search(self.text, s0, s1) \
                or self._denied(s0, s1) or self._venues(a, b) or self._pair_society(a, b) \
                or _described(self.text, a) or _described(self.text, b) \
                or (_SHARED_TITLE.search(self.text, s0, s1) and not _LINK_NOUN.search(self.text, s0, s1)):
            return
        key = frozenset((name_key(a.name), name_key(b.name)))
        if key in self.out and a.kind == b.kind == "region" and self.out[key].source_type == "city" \
                and self.out[key].target_type == "city":
            key = key | {"#regions"}  # 'the Olomouc Region ... with the Trenčín Region' beside the towns' own tie
        if key in self.out:
            return
        self.out[key] = self.record(a, b, relation, s0, s1, method, confidence)

    def record(self, a: Party, b: Party, relation: str, s0: int, s1: int, method: str = "rule",
               confidence: float | None = None) -> LinkRecord:
        """The link a..b read in text[s0:s1], with the programme and year that span names."""
        programme = next((h.name for h in self.programme_hits
                          if s0 <= h.start < s1 and h.kind not in ("institution", "fund")), self.doc_programme)
        year = next((y.year for y in self.years if s0 <= y.start < s1), None)
        return LinkRecord(a.name, b.name, a.kind, b.kind, a.geonames_id, b.geonames_id, relation,
                          programme, year, s0, s1, " ".join(self.text[s0:s1].split()), method, confidence)

    def _denied(self, s0: int, s1: int) -> bool:
        """'programs in Flagstaff and Nogales; these are not sister city relationships' (but
        'strategic partnerships with Chengdu and Delhi, which are not sister city
        relationships' are partnerships still)."""
        m = _DENIED.search(self.text, s0, s1)
        return m is not None and not _LINK_NOUN.search(self.text, s0, m.start())

    def _pair_society(self, a: Party, b: Party) -> bool:
        """'- Kyoto–Paris Friendship Association'; and a town's own twinning society ('the
        Tucson Sister Cities Association ... with the City of Tucson'): no partner of it."""
        first, second = sorted((a, b), key=lambda p: p.start)
        if second.kind == "organisation" and re.fullmatch(r"[–—-]", self.text[first.end:second.start]) \
                and _PAIR_SOCIETY.fullmatch(second.name):
            return True
        return any(o.kind == "organisation" and t.kind == "city" and o.name.startswith(t.name + " ")
                   and _TWINNING_SOCIETY.search(o.name) for o, t in ((a, b), (b, a)))

    def _venues(self, a: Party, b: Party) -> bool:
        first, second = sorted((a, b), key=lambda p: p.start)
        if any(_EVENT_IN.search(self.text, max(0, p.start - 40), p.start)
               or (_AT_THE.search(self.text, max(0, p.start - 12), p.start) and self.text.startswith(",", p.end))
               for p in (a, b)):
            return True  # 'At the signing ceremony in Astana, the EBRD and ...', 'signed on Tuesday, at the Paços do Concelho, a ...'
        return _AND_ONLY.fullmatch(self.text, first.end, second.start) is not None \
            and _VENUES_BEFORE.search(self.text, max(0, first.start - 40), first.start) is not None

    def _region_form(self, p: Party) -> Party:
        if _TOWN_PREFIX.search(self.text, max(0, p.start - 30), p.start):
            return p  # 'the Illustrious Municipality of Valparaíso': the town, whatever else the page names so
        r = _as_region(self.text, p)
        return r if r.kind == "region" and r.name in self.page_regions else p

    def clique(self, run: list[Party], relation: str, s0: int, s1: int) -> None:
        if 2 <= len(run) <= MAX_LIST:
            for a, b in itertools.combinations(run, 2):
                self.add(a, b, relation, s0, s1)

    def is_claimed(self, a: int, b: int) -> bool:
        return any(a < y and x < b for x, y in self.claimed)


# 'La Paz is one of several project partnerships in the Global South, along with Cape Coast, ...',
# 'it was one of the four Polish host cities of UEFA Euro 2012, together with Warsaw': the places
# after 'along with' are the subject's siblings (someone else's partners, fellow hosts), not its
# partners; but 'one of Hyogo's six sister states, together with A' are Hyogo's, and 'one of three
# front-runner cities of this project, together with A and B' are one team
_SIBLINGS = re.compile(r"\b(?:is|was|are|were)\s+(?:one|some|two|three|four|five)\s+of\s+(?:the\s+|its\s+|their\s+)?"
                       r"(?:several|many|numerous|various|[a-z]+)\b(?!['’]s)[^.;]{0,60}?\b(?:partnerships|relationships|"
                       r"partners|host cities|hosts)\b[^.;]{0,60}?,?\s+(?:along|together)\s+with\b|"
                       # 'the city was selected by the OECD for its Green Cities Programme, alongside Paris, ...'
                       r"\b(?:selected|chosen|shortlisted|named|ranked|awarded)\b[^.;]{0,80}?,?\s+(?:alongside|along\s+with)\b")


def extract_links(doc: Doc, sents: Sentences, parties: list[Party], programme_hits: list[ProgrammeHit],
                  years: list[YearRecord], region_types: dict[str, str] | None = None) -> list[LinkRecord]:
    text = doc_text(doc)
    known = Counter(h.name for h in programme_hits if h.kind == "programme")
    col = _Collector(text, programme_hits, years, known.most_common(1)[0][0] if known else None, {},
                     page_regions=frozenset(p.name for p in parties if p.kind == "region"))
    with_home = sorted(parties + anaphor_parties(text, sents, parties), key=lambda p: p.start)
    home = col.home = page_place(parties, text)
    col.owner = page_owner(parties, text)
    _rule_own_lists(col, with_home, sents, doc)
    _rule_relationship_clauses(col, with_home, sents)
    _rule_as_partner_cities(col, parties, sents, doc)
    _rule_tables(col, parties)
    prev: tuple[int, int, list[Party]] | None = None
    for s0, s1 in zip(sents.starts, sents.ends):
        # 'Besides Halifax and Ottawa, Calgary has been matched with Tampere': the places of
        # an introductory 'besides'/'unlike' phrase are set against the clause, not in it
        ps = [p for p in _in(with_home, s0, s1) if not _set_aside(p, text, s0)]
        sentence = text[s0:s1]
        if prev is not None:
            _rule_two_of_them_before(col, ps, prev, s0, s1, sentence)
            _rule_they(col, ps, prev, doc, s0, s1, sentence)
        if len(ps) == 1 and col.topic is not None:
            _rule_with(col, ps, doc, s0, s1, sentence)  # 'It is also twinned with Cardiff.'
        if ps and home is not None and all(p.name != home.name for p in ps):
            _rule_home_deal(col, ps, home, doc, s0, s1, sentence)  # 'A memorandum with Ningbo was signed in 2019.'
        _rule_their_kind(col, ps, home, s0, s1)
        _rule_are_partners(col, ps, doc, home, s0, s1)
        _rule_example_pairs(col, ps, s0, s1)
        _rule_as_lead_and_partners(col, ps, doc, s0, s1)
        _rule_led_with_partners(col, ps, doc, s0, s1)
        _rule_led_by_with(col, ps, doc, s0, s1)
        _rule_followed(col, ps, s0, s1, sentence)
        _rule_its_partners(col, ps, doc, s0, s1, sentence)
        _rule_counts_among(col, ps, doc, s0, s1, sentence)
        _rule_namesakes(col, ps, home, s0, s1, sentence)
        _rule_with_opener(col, ps, s0, s1)
        _rule_in_network_led_by(col, ps, s0, s1)
        _rule_pair_who_share(col, ps, s0, s1)
        if len(ps) >= 2:
            siblings = _SIBLINGS.search(sentence) is not None
            for rule in (_rule_between, _rule_with, _rule_together, _rule_subject_verb, _rule_brings,
                         _rule_pair_list, _rule_possessive, _rule_two_of_them, _rule_with_pairs, _rule_learns_from,
                         _rule_group_of):
                if not (siblings and rule in (_rule_with, _rule_together)):
                    rule(col, ps, doc, s0, s1, sentence)
        opener = ps[0] if ps and _OPENS.fullmatch(text[s0:ps[0].start]) else None
        if opener is not None or not re.match(r"\s*Its?\b", sentence):
            col.topic = opener  # a sentence opening with 'It ...' or 'Its ...' keeps the topic
        prev = (s0, s1, ps)
    _rule_partner_lists(col, parties, doc)
    _rule_heading_lists(col, parties)
    _rule_pair_bullets(col, parties, doc)
    _rule_dash_pairs(col, parties, doc)
    _rule_since_lines(col, parties)
    _rule_pair_chains(col, parties, sents)
    _rule_dash_compounds(col, parties, sents)
    _rule_with_which(col, parties, sents, doc)
    _rule_pilot_followers(col, parties, doc)
    _learned_pairs(col, parties, sents)
    _drop_ended(col, with_home, sents)
    written, cities = region_written_forms(text, parties, region_types), city_written_forms(text, parties)
    return sorted((_named_as_written(r, written, cities) for r in col.out.values()),
                  key=lambda r: (r.start, r.source_name, r.target_name))


# 'Kalisz is a partner in "Food Corridors" (lead partner: Mollet del Vallès, Spain)', '... is in
# the network "Heritage Micro-Economies" led by Ptuj', 'Luleå has joined ARCTIC-ADAPT, a
# project led by the City of Oulu', 'Bari joins "Living Waterfronts", whose lead partner, Thessaloniki, ...'
_NETWORK_LED_BY = re.compile(r"(?:\b(?:is|are|was|were)\s+(?:a\s+|the\s+)?(?:partners?\s+|members?\s+)?(?:in|of)\s+"
                             r"|\b(?:(?:has|have|had)\s+)?join(?:s|ed)?\s+"
                             r"|\b(?:participat(?:es|ed)|takes\s+part|took\s+part)\s+in\s+)"
                             r"[^.;()]{0,80}?(?:\(\s*lead\s+partner\s*:?\s*|\bled\s+by\s+|,\s*whose\s+lead\s+partner,?\s+)"
                             r"(?:the\s+)?(?:(?:[Cc]ity|[Tt]own|[Mm]unicipality)\s+of\s+)?")


def _rule_in_network_led_by(col, ps: list[Party], s0: int, s1: int) -> None:
    """The sentence's subject (with those 'together with' it) and the lead partner of the
    network it is in: 'Kalisz is a partner in "Food Corridors" (lead partner: Mollet del Vallès)'."""
    m = _NETWORK_LED_BY.search(col.text, s0, s1)
    if m is None or not ps or not _OPENS.fullmatch(col.text, s0, ps[0].start) or _negated(col.text[s0:s1]):
        return
    lead = next((p for p in ps if p.start == m.end()), None)
    members = [p for p in ps if p.end <= m.start() and p.kind in ("city", "region", "organisation")]
    if lead is not None and 1 <= len(members) < MAX_LIST:
        for p in members:
            col.add(p, lead, "lead_partner", s0, s1)


# 'Frankfurt and Słubice, who have had a joint bus line since 2012': a pair and what they share
_WHO_SHARE = re.compile(r"\s*,\s*(?:who|which)\s+(?:have\s+|has\s+|had\s+)?(?:\w+\s+){0,3}?(?:joint|shared|common)\b")


def _rule_pair_who_share(col, ps: list[Party], s0: int, s1: int) -> None:
    for i in range(len(ps) - 1):
        a, b = ps[i], ps[i + 1]
        if re.fullmatch(r"\s+and\s+", col.text[a.end:b.start]) and _WHO_SHARE.match(col.text, b.end, s1) \
                and (i == 0 or not re.fullmatch(r"\s*,\s*", col.text[ps[i - 1].end:a.start])):
            col.add(a, b, "cooperation", s0, s1)


_JOINT_WORK = re.compile(r"\b(?:work(?:s|ed|ing)?\s+(?:together|jointly)|co-?operat\w*|collaborat\w*|partner(?:s|ed|ing)\b|"
                         r"twinned)", re.I)


def _rule_with_opener(col, ps: list[Party], s0: int, s1: int) -> None:
    """'With Osijek, which lies on the same river, we have agreed to continue working together':
    the clause's subject (here the speaking city) with the party the opening 'With' names."""
    opener = _WITH_OPENER.match(col.text, s0)
    if not ps or opener is None or ps[0].start != opener.end():
        return
    obj = ps[0]
    subj = next((p for p in ps[1:] if p.name != obj.name), None)
    if subj is not None and re.search(r",\s*(?:the\s+)?$", col.text[obj.end:subj.start]) \
            and _JOINT_WORK.search(col.text, subj.end, s1) and not _negated(col.text[s0:s1]):
        col.add(subj, obj, _relation(col.text[s0:s1], "cooperation"), s0, s1)


_NAMESAKE_TIE = re.compile(r"\b(?:sister[- ]cit(?:y|ies)|twinn?(?:ed|ing|s)?\b|partnership|friendship|protocol)", re.I)
_NAMESAKE_GAP = re.compile(r"(?:\s+(?:Municipality|City|Town))?\s+in\s+(?:the\s+)?[A-Z][^.;()]{0,40}?\s+and\s+(?:the\s+)?"
                           r"(?:(?:city|town|municipality)\s+of\s+)?")
_LOCATED_AFTER = re.compile(r"\s+in\s+(?:the\s+)?[A-Z]|\s*\([A-Z]")
_THE_TWO = re.compile(r"\bthe\s+two\s+(?P<name>[A-Z][\w'’-]+?)(?:es|s)\b")


def _rule_namesakes(col, ps: list[Party], home: Party | None, s0: int, s1: int, sentence: str) -> None:
    """Towns of one name tied to each other: 'Talas Municipality in Kayseri and the city of
    Talas in the Kyrgyz Republic have signed a sister-city protocol', 'the two Bocholts ...
    celebrated 40 years of friendship'. One link whose two ends share a name (and, as the
    gazetteer gives one town per name on a page, the second end no GeoNames id)."""
    if not _NAMESAKE_TIE.search(sentence) or _negated(sentence):
        return
    cities = [p for p in ps if p.kind == "city"]
    # each of the two located elsewhere: '... in Kayseri and the city of Talas in the Kyrgyz Republic'
    pair = next(((p, q) for i, p in enumerate(cities) for q in cities[i + 1:]
                 if name_key(p.name) == name_key(q.name) and re.fullmatch(_NAMESAKE_GAP, col.text[p.end:q.start])
                 and _LOCATED_AFTER.match(col.text, q.end)), None)
    if pair is None and home is not None and home.kind == "city":
        two = _THE_TWO.search(sentence)
        if two and name_key(two.group("name")) == name_key(home.name):
            pair = (home, home)
    if pair is None:
        return
    a, b = pair
    key = frozenset((name_key(a.name), "#namesake"))
    if key not in col.out:
        col.out[key] = dataclasses.replace(col.record(a, b, _relation(sentence, "partner"), s0, s1),
                                           target_geonames_id=None)


_REGION_TYPE = WRITTEN_REGION_TYPE  # as a name writes them: 'Opole Voivodeship'
# capitalised: a typed name ("Province of Anhui"), not a description ("the Chinese province of Anhui")
_TYPE_BEFORE = re.compile(rf"\b(?:[Tt]he\s+)?((?:(?:Free|Autonomous)\s+)?{_REGION_TYPE}\s+of\s+(?:the\s+)?)$")
_TYPE_AFTER = REGION_TYPE_AFTER
_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z]")
_TYPED_FORM = re.compile(rf"^(?:[Tt]he\s+)?(?:{_REGION_TYPE}\s+of\s+\S.*|.*\S\s+{_REGION_TYPE})$", re.S)


def region_written_forms(text: str, parties: list[Party], region_types: dict[str, str] | None = None
                         ) -> dict[str, str]:
    """Region name key -> the typed form the page writes it in ('Opole Voivodeship',
    'Province of Buenos Aires', 'Olomouc Region'), for the regions it types at least once.

    A link names such a region as written: the bare name ('Opole', 'Buenos Aires') is also
    a city's, and a region outside the gazetteer has no other name. One form per region
    and page (the first), so the links of one region share one name. A form that types
    a state as a county or a county as a state (``region_types``: name -> 'state',
    'county', ...) names another region of that name: 'Maryland County, Liberia' on the
    State of Maryland's page."""
    out: dict[str, str] = {}
    for p in parties:
        if p.kind != "region":
            continue
        span = text[p.start:p.end]
        before = _TYPE_BEFORE.search(text, max(0, p.start - 40), p.start)
        after = _TYPE_AFTER.match(text, p.end)
        if before:
            form = before.group(1) + span
        elif _TYPED_FORM.match(span) and not _NAME_GOES_ON.match(text, p.end):
            form = span
        elif after and not _NAME_GOES_ON.match(text, after.end()):
            form = span + after.group()
        else:
            continue  # untyped, or a longer name ('Rhineland-Palatinate State Chancellery')
        form = " ".join(re.sub(r"^the\s+", "", form, flags=re.I).split())
        kind = (region_types or {}).get(p.name)
        typed = re.search(r"\b(?:State|County)\b", form)
        if kind in ("state", "county") and typed and typed.group().lower() != kind:
            continue
        out.setdefault(name_key(p.name), form)
    return out


_ADMIN_AROUND = re.compile(r"^(?:(?:City|Municipality|Town|Comune|Ville|Ciudad) of\s+)|"
                           r"\s+(?:City|Metropolitan City|Municipality|Town|Metropolis)$")


def city_written_forms(text: str, parties: list[Party]) -> dict[int, str]:
    """GeoNames id -> the spelling the page gives a city most often, where it is not just
    GeoNames' name without its accents: 'Heraklion' (GeoNames: Irákleion), 'Gimhae'
    (Kimhae), 'Ghent' (Gent), 'Torino' (Turin). A link names its cities as the page does;
    ``cities.name`` keeps GeoNames' name, and both tables carry the id."""
    spellings: dict[int, Counter] = defaultdict(Counter)
    first: dict[str, int] = {}
    canonical: dict[int, str] = {}
    for p in sorted(parties, key=lambda q: q.start):
        if p.kind == "city" and p.geonames_id is not None:
            form = " ".join(text[p.start:p.end].split())
            spellings[p.geonames_id][form] += 1
            first.setdefault(form, p.start)
            canonical[p.geonames_id] = p.name
    out = {}
    for gid, counts in spellings.items():
        form = max(counts, key=lambda f: (counts[f], -first[f]))  # most often, then first
        bare = _ADMIN_AROUND.sub("", form)  # 'Tainan City', 'City of Turin': the name is Tainan, Turin
        key, full = name_key(bare), name_key(canonical[gid])
        if f" {key} " not in f" {full} " and f" {full} " not in f" {key} " and bare[:1].isupper() \
                and not bare.isupper():
            out[gid] = bare  # (not a part of the name, 'George' of George Town, nor GeoNames' name and more,
            # 'Tel Aviv-Yafo', 'Santiago de Chile', nor an acronym the page defines for the city, 'SMG')
    return out


def _named_as_written(r: LinkRecord, written: dict[str, str], cities: dict[int, str]) -> LinkRecord:
    names = [written.get(name_key(n), n) if kind == "region" else cities.get(gid, n) if kind == "city" else n
             for n, kind, gid in ((r.source_name, r.source_type, r.source_geonames_id),
                                  (r.target_name, r.target_type, r.target_geonames_id))]
    return dataclasses.replace(r, source_name=names[0], target_name=names[1])


def _learned_pairs(col, parties: list[Party], sents: Sentences) -> None:
    """Pairs of one sentence that no rule linked, linked when the learned model is
    confident enough (link_model.py); the cue words of the sentence name the relation.
    Two parties the rules tied into separate pairs of the sentence get no model link."""
    model = link_model()
    if model is None:
        return
    group = _rule_groups(col)
    for s0, s1, a, b, context in sentence_pairs(col.text, sents, parties):
        ga, gb = group.get((s0, a.name)), group.get((s0, b.name))
        if ga is not None and gb is not None and ga != gb:
            continue  # 'A shares with B, and C works with D': the rules read two ties, none across
        opener = _new_clause_between(col.text, a, b, parties)
        if opener is not None and ((ga is not None and gb is None) or (gb is not None and group.get((s0, opener.name)) == gb)):
            continue  # 'A and B have worked together since the 1990s, and C hosted a delegation from D';
            # '..., and Hildesheim's friendship with Padang': Padang is Hildesheim's
        if _long_membership(col.text, s0, s1, parties):
            continue  # 'The partnership consists of A, B and C (NL), the City of D (DE), ...': a list of more
            # than MAX_LIST members is a consortium, not pairs
        if col.is_claimed(a.start, a.end) and col.is_claimed(b.start, b.end) \
                and "|" not in col.text[min(a.end, b.end):max(a.start, b.start)]:
            continue  # two items of one owner's list ('Sister cities: A, B'): the owner's partners, not each other's
            # (cells of a table row the rules read are the model's still: '| Kőszeg (HU) | Ebersberg (DE); Pazin (HR) |')
        # features only for the pairs the cheap guards above let through
        confidence = model.probability(pair_features(col.text, s0, s1, a, b, *context))
        if confidence >= model.threshold and frozenset((name_key(a.name), name_key(b.name))) not in col.out \
                and (s0, a.name) not in col.paired and (s0, b.name) not in col.paired \
                and not _not_a_pair(col.text, s0, s1, a, b, parties):
            col.add(a, b, _relation(col.text[s0:s1]), s0, s1, method="model", confidence=round(confidence, 3))


_CLAUSE_OPENS = re.compile(r",\s*(?:and|but|while|whereas)\s+(?:the\s+)?$")
_FINITE_VERB_AFTER = re.compile(r"\s+(?:has|have|had|is|was|were|will|would|\w+ed)\b|['’]s\s")


def _new_clause_between(text: str, a: Party, b: Party, parties: list[Party]) -> Party | None:
    """The party opening a clause of its own between a and b ('..., and Bologna hosted',
    "..., and Hildesheim's friendship with"), if one does."""
    return next((c for c in parties if a.end < c.start <= b.start and _CLAUSE_OPENS.search(text, max(a.end, c.start - 16), c.start)
                 and _FINITE_VERB_AFTER.match(text, c.end)), None)


_MEMBERSHIP = re.compile(r"\b(?:consists?\s+of|consisting\s+of|comprises?|comprising|(?:is\s+)?composed\s+of|"
                         r"brings?\s+together|members\s+are|partners\s+are)\b", re.I)


def _long_membership(text: str, s0: int, s1: int, parties: list[Party]) -> bool:
    m = _MEMBERSHIP.search(text, s0, s1)
    return m is not None and len([p for p in parties if m.end() <= p.start < s1]) > MAX_LIST


def _rule_groups(col) -> dict[tuple[int, str], tuple[int, str]]:
    """(sentence, party) -> a representative of the parties the rules tied together there,
    so that 'A and B cooperate with C' (A-B, B-C) is one group and 'A with B, and C with D'
    two."""
    parent: dict[tuple[int, str], tuple[int, str]] = {}

    def find(x: tuple[int, str]) -> tuple[int, str]:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x
    for r in col.out.values():
        parent[find((r.start, r.source_name))] = find((r.start, r.target_name))
    return {x: find(x) for x in list(parent)}


_NAME_CLASH = re.compile(r"\b(?:confused with|mistaken for)\b")  # 'Stavanger is sometimes confused with Stavern'


_PHYSICAL_LINK = re.compile(r"\b(?:bridges?|tunnels?|motorways?|highways?|railways?|rail\s+lines?|ferry|ferries|roads?)\s+"
                        r"(?:between|linking|connecting)\b|\b(?:linked|connected)\s+(?:to\s+[^.;]{1,40}?\s+)?by\s+"
                        r"(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}(?:bridges?|tunnels?|motorways?|highways?|railways?|"
                        r"ferry|ferries|roads?|bus(?:es)?|trains?|lines?)\b", re.I)
_MET = re.compile(r"\b(?:met|meets)\s+(?:with\s+)?(?:the\s+)?(?:(?:Lord\s+|Deputy\s+|Vice[- ])?Mayors?|mayors?|"
                  r"representatives|delegations?|officials?|colleagues|counterparts?)\b")
_PAID_WITH = re.compile(r"\bwith\s+(?:[A-Z]{2,3}\$?|[€$£¥])\s?\d")


def _not_a_pair(text: str, s0: int, s1: int, a: Party, b: Party, parties: list[Party]) -> bool:
    """The precision guards of the rules, for a pair the model proposes: a negation before
    the second party ('has no sister-city relationship with', '..., but that is not a
    partnership'), where places lie ('170 km south-west of Shanghai'), a clash of names
    ('confused with'), a party set aside ('Besides Halifax, ...') or describing the one
    before ('Lisboa E-Nova, Lisbon's energy agency, ...'), or one party only locating another
    ('Rochester (New York, USA)', 'Jacksonville, Florida', 'Cumiana near Turin'), or a
    comparison ('compared with A and B', 'Cities like A and B have ...')."""
    sentence = text[s0:s1]
    if _negated(text[s0:b.end]) or _CONTRAST_NEGATION.search(sentence) or _GEOGRAPHY.search(sentence) \
            or _NAME_CLASH.search(text[a.end:b.start]) or _COMPARISON.search(text, s0, b.start):
        return True
    physical = _PHYSICAL_LINK.search(text, s0, min(s1, b.end + 80))
    if (physical is not None and physical.start() < b.start) or _MET.search(text, a.end, b.start) \
            or _PAID_WITH.search(text, a.end, b.start):
        return True  # 'linked by the Rhine bridge between A and B', 'the Mayor of A met the Mayor of B',
        # 'A finances its participation with JPY 18 million, and B contributes ...'
    if _MANY_MEMBERS.search(text, a.end, b.start) and _EXAMPLES.search(text, a.end, b.start):
        return True  # '..., together with eight other towns including A and B': a network's members
    if all(_OWN_WITH.search(text, max(s0, p.start - 40), p.start) for p in (a, b)):
        return True  # 'the relationship with Nashville; the MoU with the City of Boston': each the subject's
    thing = _THING_BEFORE.search(text, max(s0, a.start - 30), a.start)
    if thing and _WITH_ONLY.fullmatch(text, a.end, b.start) \
            and (not thing.group().lower().startswith("connect") or _TRANSPORT.search(sentence)):
        return True  # 'buses connecting Medellín with Envigado': a route, no tie (but a project 'connected' towns)
    ps = [p for p in parties if s0 <= p.start < s1]
    if any(_qualified(p, text) or _set_aside(p, text, s0) or _describes_previous(p, ps, text) for p in (a, b)):
        return True
    if _venue_list(text, a, b, ps):
        return True  # 'The committee met four times, in Pasewalk (February), Szczecin (May), ...': venues
    if _places_listed_after_in(text, s0, a, b, ps) or _TIE_IN.search(text, max(s0, b.start - 40), b.start):
        return True  # ("Tulsa's sister city in Tochigi Prefecture": where the unnamed partner lies)
    return any(q.end <= p.start and (_OPEN_PAREN.fullmatch(text, q.end, p.start) or
                                     (_COMMA.fullmatch(text, q.end, p.start) and _lone_pair(q, p, ps, text)))
               for p in (a, b) for q in ps)


_OPEN_PAREN = re.compile(r"\s*\(\s*")
_IN_LIST_BEFORE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:(?:cities|towns|municipalities|regions)\s+of\s+)?$")


_MET_IN = re.compile(r"\b(?:met|meets|meet|convened|gathered)\b[^.;:]{0,30}?\bin\s+(?:the\s+)?$")
_VENUE_SEP = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,\s*(?:and\s+)?|and\s+|&\s*)")


def _venue_list(text: str, a: Party, b: Party, ps: list[Party]) -> bool:
    """a and b in one list of the places a body met in."""
    first, second = sorted((a, b), key=lambda p: p.start)
    run = [second]
    for q in reversed([p for p in ps if p.end <= second.start]):
        if not _VENUE_SEP.fullmatch(text, q.end, run[-1].start):
            break
        run.append(q)
    return first in run and _MET_IN.search(text, max(0, run[-1].start - 60), run[-1].start) is not None


def _places_listed_after_in(text: str, s0: int, a: Party, b: Party, ps: list[Party]) -> bool:
    """'equip three urban labs in Almaty, Bishkek and Tashkent', 'drainage in Urgench and
    Khiva improved': one list of where something happens, not two partners."""
    first, second = sorted((a, b), key=lambda p: p.start)
    if not _IN_LIST_BEFORE.search(text, max(s0, first.start - 30), first.start):
        return False
    inner = [p for p in ps if first.start <= p.start and p.end <= second.end]
    return all(_AND_ONLY.fullmatch(text, p.end, q.start) for p, q in zip(inner, inner[1:]))
_THAT_OF = re.compile(r"(?:that|those)\s+of\s")
# 'alongside reconstruction concepts for Bucha, Borodianka and Chernihiv': things of places, not partners
_THINGS_OF = re.compile(r"\s*(?:the\s+|(?!the\b))(?!(?:cities|towns|municipalities|regions|city|town)\b)"
                        r"(?:(?!(?:governments?|councils?|authorities|administrations?|partners?|mayors|members)\b)"
                        r"[a-z][\w-]*\s+){1,3}(?:for|of)\s+(?:the\s+)?")
_THING_BEFORE = re.compile(r"\b(?:" + link_cues()["thing_with_verbs"] + r")\s+(?:the\s+)?(?:(?:city|town) of\s+)?$", re.I)
_TRANSPORT = re.compile(r"\b(?:bus|buses|routes?|rail|railways?|trains?|tram|ferry|ferries|flights?|roads?|"
                        r"motorway|highway|bridges?|cable car|metro|pipeline)\b", re.I)
_WITH_ONLY = re.compile(r"[^.;]{0,40}?\bwith\s+(?:the\s+)?(?:(?:city|town) of\s+)?", re.I)
# a party that is the object of its own 'with' (not 'together with A'): 'cooperation with A and with B'
_OWN_WITH = re.compile(r"(?<!together )(?<!along )(?<!jointly )\bwith\s+(?:the\s+)?"
                       r"(?:(?:City|Town|Municipality|Region|Province)\s+of\s+)?$")
_COMMA = re.compile(r",\s*")
_POSSESSIVE_S = re.compile(r"['’]s\b")
_CLOSED = re.compile(r"\s*(?:[.;:)]|,(?!\s*[A-Z]))")  # punctuation that no list goes on from
_LIST_GLUE = re.compile(r"\s*(?:,|,?\s*and|;)\s*")


def _describes_previous(p: Party, ps: list[Party], text: str) -> bool:
    """'Lisboa E-Nova, Lisbon's energy agency, ...': Lisbon only describes the agency."""
    return _POSSESSIVE_S.match(text, p.end) is not None and \
        any(_COMMA.fullmatch(text, q.end, p.start) for q in ps if q.end <= p.start)


def _lone_pair(q: Party, p: Party, ps: list[Party], text: str) -> bool:
    """'Jacksonville, Florida, in 1984': two names joined by a comma that no list goes on
    from, the second closed by punctuation, where it locates the first (a list 'A, B, C'
    goes on, maybe with a name that is no party; 'Besides Mwanza, Würzburg maintains ...'
    goes on with a clause)."""
    return _CLOSED.match(text, p.end) is not None and \
        not any(_LIST_GLUE.fullmatch(text, o.end, q.start) for o in ps if o.end <= q.start) and \
        not any(_LIST_GLUE.fullmatch(text, p.end, o.start) for o in ps if o.start >= p.end)


# a tie's own words: the deal nouns of links.json and the kinds of partner
_LINK_NOUN = re.compile(r"\b(?:twinn\w*|twin|sister|partner\w*|relations|" + "|".join(link_cues()["deal_nouns"]) + r")\b",
                        re.I)


_REVIVED = re.compile(r"\b(?:reviv(?:e|es|ed|ing)|renew(?:s|ed|ing)?|resum(?:e|es|ed|ing)|re-?establish(?:es|ed|ing)?)\b",
                      re.I)
# ('has not been renewed', 'nobody ... has found the energy to revive it')
_NOT_REVIVED = re.compile(r"\b(?:not|nobody|no one|never|neither)\b[^.;]{0,60}?\b(?:reviv|renew|resum|re-?establish)\w*",
                          re.I)


def _drop_ended(col, parties: list[Party], sents: Sentences) -> None:
    """A pair the page says is being ended, terminated or suspended ('propose that the
    city's twinning agreement with Nizhny Novgorod be terminated') is no current link,
    wherever else the page states that it was one. A sentence naming one place ends
    that place's link with the page's own ('The cooperation with Lida has been suspended')."""
    ended: set[frozenset] = set()
    owner = page_owner(parties, col.text)
    for s0, s1 in zip(sents.starts, sents.ends):
        ps = _in(parties, s0, s1)
        # ('... was suspended by the Louisville Metro Council': who ended it is no party of the tie)
        names = {name_key(p.name) for p in ps if not _BY_BEFORE.search(col.text, max(0, p.start - 8), p.start)}
        if len(names) == 1 and owner is not None:
            names.add(name_key(owner.name))
        if _REVIVED.search(col.text, s0, s1) and not _NOT_REVIVED.search(col.text, s0, s1):
            continue  # 'reviving a partnership ... that had lapsed on paper'
        for m in _ENDED.finditer(col.text, s0, s1):
            if not _LINK_NOUN.search(col.text, max(s0, m.start() - 160), min(s1, m.end() + 40)):
                continue  # 'the Oporto–Bordeaux film prize, suspended in 2020, will return': no tie ends
            near = _ended_parties(ps, m.start(), m.end(), col.text)
            ended |= {key for key in col.out if key <= names and key & near}
    for key in ended:
        del col.out[key]


def _ended_parties(ps: list[Party], a: int, b: int, text: str) -> set[str]:
    """The parties an 'ended' cue at a..b speaks of: those inside it ('the twinning between
    Chelmsford and Annonay be ended'), else the next one ('ended its twinning with
    Petrozavodsk, and has signed a new agreement with Zhytomyr': not Zhytomyr), else the one
    before ('The cooperation with Lida has been suspended', also '... with Perm was
    suspended by the Metro Council': the council ended it)."""
    inside = {name_key(p.name) for p in ps if a <= p.start and p.end <= b}
    after = next((p for p in ps if p.start >= b), None)
    if after is not None and _BY_AGENT.match(text, b, after.start):
        after = None
    before = next((p for p in reversed(ps) if p.end <= a), None)
    if before is not None and _RIGHT_AFTER_COMMA.fullmatch(text, before.end, a):
        after = None  # "Coventry's link with Volgograd, suspended in 2022, and its twinning with Dresden"
    near = after if after is not None else before
    return inside | ({name_key(near.name)} if near is not None else set())


_BY_AGENT = re.compile(r"\s+by\s+(?:the\s+)?")
_RIGHT_AFTER_COMMA = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?,\s*")
_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$")


# ---------------------------------------------------------------- sentence rules

_OPENS = re.compile(r"[\s\W]*(?:(?:WHEREAS|Whereas)[\s,]+)?(?:(?:The|the)\s+)?(?:(?:City|Municipality|Town|Region) of\s+)?")

def _first_after(ps: list[Party], pos: int, within: int = 30) -> int | None:
    return next((i for i, p in enumerate(ps) if pos <= p.start <= pos + within), None)


_OBJECT_BEFORE = re.compile(r"\b(?:with|joined|joins|join|visited|visits|in|at|near|from|to|into)\s+"
                            r"(?:the\s+|a\s+|an\s+)?(?:[a-z][\w-]*\s+){0,2}(?:(?:City|Municipality|Town) of\s+)?$"
                            # 'started the Interreg Aurora project Kvarken Mobility Hub together with': the project started
                            r"|\b(?:start(?:s|ed)?|launch(?:es|ed)?|set\s+up|run(?:s)?|ran|coordinat(?:es|ed)|lead(?:s)?|led|"
                            r"manag(?:es|ed)|submit(?:s|ted)?|join(?:s|ed)?)\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+)?"
                            r"(?:[\w-]+\s+){0,4}?(?:project|network|initiative|pilot|programme|program)\s+[\"“'‘]?$")


_BESIDES = re.compile(r"\b(?:[Bb]esides|[Aa]part from|[Ii]n addition to|[Uu]nlike|[Ll]ike)\s[^,;.:]*$")


def _set_aside(p: Party, text: str, s0: int) -> bool:
    return _BESIDES.search(text[max(s0, p.start - 120):p.start]) is not None and \
        re.match(r"[^,;.]*,", text[p.end:p.end + 120]) is not None


_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+[^,;()–—]*")  # right after the party before
_NAME_HEAD = re.compile(r"\b(?:[Cc]ity|[Tt]own|[Mm]unicipality|[Rr]egion|[Pp]rovince|[Cc]ounty|[Ss]tate)\s+of\s+$")


def _aside(p: Party, ps: list[Party], text: str, pos: int) -> bool:
    """The party sits in an aside closed before ``pos``: 'Hamilton – the largest city on
    the Waikato River – will ...', 'Lisboa E-Nova, Lisbon's energy agency, will ...'."""
    prev_end = max((q.end for q in ps if q.end <= p.start), default=max(0, p.start - 120))
    gap = text[prev_end:p.start]
    gap = re.split(r"[.!?]\s|\n", gap)[-1]  # only within the sentence
    # 'The State of Jalisco, whose capital Guadalajara is ..., was paired with': a relative clause
    rel = _RELATIVE.search(gap)
    if rel and re.match(r"[^,;()–—]*,", text[p.end:pos]) and "," not in gap[rel.end():]:
        return True
    if _APPOSITION.fullmatch(gap) and not _NAME_HEAD.search(gap) and re.match(r"[^,;()–—]*,", text[p.end:pos]):
        return True  # "Luoyang, the capital of 13 dynasties in central China's Henan Province, on Monday signed"
    for opener, closer in (("–", "–"), ("—", "—"), ("(", ")"), (",", ",")):
        k = gap.rfind(opener)
        if k < 0 or (opener == "," and len(gap) - k > 3) or ";" in gap[k:]:
            continue  # a comma opens an aside only right before the party
        if opener == "," and re.fullmatch(r"\s*[A-Z][A-Za-z]*", gap[:k]):
            continue  # 'WHEREAS, Columbus established ...': the comma closes an opening word
        if closer in text[p.end:pos] and (opener != "," or len(gap) <= 12):
            return True
    return False


def _subjects(ps: list[Party], pos: int, text: str) -> list[Party]:
    """Who the clause is about, best first: the last party before ``pos`` in the same
    clause that is not the object of a preposition or verb ('with X', 'joined X', 'in
    X'), then those objects, nearest first. Parties in an aside are never subjects."""
    before = [p for p in ps if p.end <= pos and ";" not in text[p.end:pos] and not _aside(p, ps, text, pos)]
    demoted = lambda p: bool(_OBJECT_BEFORE.search(text[max(0, p.start - 40):p.start]))
    return [p for p in reversed(before) if not demoted(p)] + [p for p in reversed(before) if demoted(p)]


_AMONG_ITS = re.compile(r"\b(?:counts|count|lists|numbers|includes)\s+(?P<list>[^;:]+?)\s+among\s+(?:its|their)\s+"
                        r"(?:[a-z]+\s+)?(?P<cue>(?:sister|twin|partner|friendship)[- ](?:cities|towns|municipalities|regions))\b")


def _rule_counts_among(col, ps: list[Party], doc: Doc, s0: int, s1: int, sentence: str) -> None:
    """'Savannah also counts Patras in Greece, Halle in Germany and Jincheon County among its
    sister cities': the subject with each party of the list (not with each other)."""
    for m in _AMONG_ITS.finditer(sentence):
        a, b = s0 + m.start("list"), s0 + m.end("list")
        owner = next(iter(_subjects(_in(ps, s0, s0 + m.start()), s0 + m.start(), col.text)), None)
        i = _first_after(ps, a, within=3)
        if owner is None or i is None or _negated(sentence[:m.start()]):
            continue
        for p in coordinated(ps, doc, i, col.text):
            if p.end <= b and p.name != owner.name:
                col.add(owner, p, _relation(m.group("cue"), "partner"), s0, s1)


_ITS_PARTNERS = re.compile(r"^\W*(?:Its|Their)\s+(?:(?:new|two|three|other|oldest|longest-standing|first|"
                           r"most active|closest)\s+)?(?P<cue>twins|partnerships|(?:twin|sister|partner|friendship)\s+"
                           r"(?:cities|towns|regions|city|town|region))(?:,\s*|\s+(?:are|is|was|will be|include)\s+)")


def _rule_its_partners(col, ps: list[Party], doc: Doc, s0: int, s1: int, sentence: str) -> None:
    """'Kraków banned coal stoves in 2019. Its twins, Rzeszów in Poland and Košice in
    Slovakia, will adapt ...': the party opening the sentence before, with each."""
    m = _ITS_PARTNERS.match(sentence)
    i = _first_after(ps, s0 + m.end(), within=12) if m and col.topic is not None else None
    for p in coordinated(ps, doc, i, col.text) if i is not None else []:
        col.add(col.topic, p, _relation(m.group("cue"), "partner"), s0, s1)


_FOLLOWED = re.compile(r"^\W*(?:(?:It|This|That|They)\s+(?:was|were)\s+followed\s+by\s|"
                       r"[^.;:]{0,60}?\bfollowed\s+(?:in\s+\d{4}|(?:soon|later|shortly)\s+after)\b)")


def _rule_followed(col, ps: list[Party], s0: int, s1: int, sentence: str) -> None:
    """'Louisville's oldest sister city is Montpellier. It was followed by Mainz, Germany
    (1977), Quito, Ecuador (1979) ...' and 'Innsbruck in Austria followed in 1963, and
    Padua in Italy in 1967': the places follow the latest ties of one owner (within a
    few lines before) as that owner's ties of the same kind."""
    if not ps or not _FOLLOWED.search(sentence):
        return
    recent = [r for r in col.out.values() if r.end <= s0 and s0 - r.end < 400 and r.method == "rule"]
    if not recent:
        return
    latest = [r for r in recent if r.start == max(q.start for q in recent)]
    common = set.intersection(*({r.source_name, r.target_name} for r in latest))
    if not common or len(common) > 1 and len(latest) > 1:
        return
    r = latest[0]
    side = "source" if r.source_name in common else "target"  # one tie: its owner is the rules' first party
    owner = Party(-1, -1, getattr(r, f"{side}_name"), getattr(r, f"{side}_type"), getattr(r, f"{side}_geonames_id"))
    for p in ps:
        if p.kind in ("city", "region") and p.name != owner.name and not _located(p, s0, col.text):
            col.add(owner, p, r.relation, s0, s1)


def _rule_between(col, ps, doc, s0, s1, sentence) -> None:
    for m in _BETWEEN.finditer(sentence):
        i = _first_after(ps, s0 + m.end())
        before = sentence[max(0, m.start() - 25):m.start()]
        if i is None or _negated(before) or re.search(r"\bproposed\s+(?:new\s+)?$", before):
            continue  # 'no partnership between', 'a proposed partnership between Smolyan and Bergen'
        cue = sentence[max(0, m.start() - 15):m.end()]  # 'sister city relationship between'
        run = coordinated(ps, doc, i, col.text)
        col.clique(run, _relation(cue), s0, s1)
        # '... between Surabaya and Busan (South Korea) and between Surabaya and Kochi'
        # (or '... between Tampere and Mwanza in Tanzania on urban planning, and between Kuopio and ...')
        more = re.match(r"\s*(?:\([^()]{0,40}\)\s*)?(?:[^.;()]{0,60}?,)?\s*and\s+between\s+", col.text[run[-1].end:s1])
        j = _first_after(ps, run[-1].end + more.end(), within=5) if more else None
        if j is not None:
            col.clique(coordinated(ps, doc, j, col.text), _relation(cue), s0, s1)


_AND_WITH = re.compile(r"[^.;]{0,80}?(?:\b(?:and (?:also )?with|et avec|y con)|,\s*with"
                       r"(?!\s+(?:the\s+)?(?:support|help|backing|assistance|funding|financial|participation|aid)\b))\s+(?:the\s+)?"
                       r"(?:(?:[A-Z][\w-]+\s+)?[A-Za-z]+\s+of\s+)?")


# 'the partnership with', 'friendship relations with'; not 'cooperation is aligned with'
_NOUN_WITH = re.compile(r"\S+(?:[ \t]+(?!(?:is|are|was|were|be|been|has|have|had)\b)[a-z]+(?<!ed)){0,1}[ \t]+with\s")
_WITH_OBJECT = re.compile(r"\bwith\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}$")  # 'with its twin city Lublin'


_CLAUSE_DATE = r"(?:\w+ly\s+)?(?:(?:in|on|since)\s+(?:\w+\s+)?(?:19|20)\d\d,?\s+)?"
_CLAUSE_AFTER_COMMA = re.compile(r",\s*(?:and\s+|but\s+)?" + _CLAUSE_DATE)  # (', and in 2023 signed')
_CLAUSE_AFTER_AND = re.compile(r"\s+and\s+" + _CLAUSE_DATE)  # ('since 1958 and is also twinned')


def _clause_subject(col, ps: list[Party], doc: Doc, subj: Party | None, s0: int, cue: int,
                    objects: set[int] | None = frozenset(), holder: Party | None = None) -> Party | None:
    """Who holds the tie a 'with' cue names, when the nearest party is not it:
    - 'Nevşehir has been a sister city of Shymkent since 2013, and signed an agreement with
      Eger', 'Kyoto has been a sister city of Paris since 1958 and is also twinned with
      Cologne': a clause opened by a verb after a comma or 'and' shares the sentence's
      first party;
    - 'The partnership with Anchorage and the cooperation with Luleå will continue': a party
      that is itself a 'with' object (here or of an earlier cue in the sentence) holds
      nothing; the holder of the sentence's earlier tie does ('Cork maintains twinnings with
      Rennes and Coburg, and a sister city agreement with San Francisco'), or else the page's
      own place."""
    if subj is None:
        return None
    # the last clause opened after a comma, and the last after a bare 'and' ('in Spain and
    # Portugal' opens none: a verb must follow)
    opened = [matches[-1] for pattern in (_CLAUSE_AFTER_COMMA, _CLAUSE_AFTER_AND)
              if (matches := list(pattern.finditer(col.text, subj.end, cue)))]
    first = ps[0] if ps and ps[0].start < subj.start else None
    for clause in opened:
        span = doc.char_span(clause.end(), min(cue, clause.end() + 30), alignment_mode="expand")
        if span is not None and len(span) and span[0].pos_ in ("VERB", "AUX") and first is not None \
                and not _located(first, s0, col.text):
            return first
    if objects is None:  # a verb cue ('with Turku staff mentoring the Šiauliai team'): its subject stands
        return subj
    if subj.start in objects or _WITH_OBJECT.search(col.text[max(s0, subj.start - 40):subj.start]):
        return next((p for p in (holder, col.home) if p is not None and p.name != subj.name), None)
    return subj


_ALONGSIDE = re.compile(r"\b(?:alongside|besides|in addition to|as well as|along with)\b[^,;()]*$", re.I)


# 'a delegation from the partner city of X', '... and the Slovak partner town of Y'
_OBJECT_NP = re.compile(r"\b(?:from|of|by|for|to|with|at|in|and)\s+(?:the|a|an|our|its)\s+(?:[A-Z][\w-]*\s+)?$")
_THING_WITH = re.compile(r"\b(?:" + link_cues()["thing_with_verbs"] + r")\b", re.I)


_MEMBERS_OF = re.compile(r"\s*(?:the\s+)?(?:other\s+)?(?:cities|towns|municipalities|members|universities)\s+"
                         r"(?:of|in|from)\s+(?:the\s+)?")


_CHANNEL = re.compile(r"\b(?:through|via|thanks to|by means of)\b")


def _cue_object(ps: list[Party], sentence: str, s0: int, m: re.Match) -> int | None:
    """Index of the first party a cue names: right after it, or after 'two twin cities
    that will ...:' or 'more than 15 cities, including'."""
    i = _first_after(ps, s0 + m.end())
    if i is not None and _CHANNEL.search(sentence, m.end(), ps[i].start - s0):
        i = None  # 'cooperated with Moroccan cities through VNG International programmes': the channel
    later = _NAMED_LATER.match(sentence, m.end())
    if i is None and later:  # 'paired with two twin cities that will ...: Osijek and Novi Sad'
        i = _first_after(ps, s0 + later.end(), within=5)
    return i


def _rule_with(col, ps, doc, s0, s1, sentence) -> None:
    """'X joined forces with Y and Z': X with each, and the members with each other;
    '... partnerships with Y since 1992 and with Z since 2001': X with both; '... with A
    and B, alongside the partnership with C': C is X's too, not B's."""
    first_subj = None
    objects: set[int] = set()  # parties an earlier cue of the sentence named as its objects
    # ('an agreement with A and a letter of intent on cooperation with B': A is no subject,
    # whichever cue pattern reads each 'with')
    cue_objects = [(m.start(), o.start) for pattern in (_WITH, _DEAL_WITH, _SIGNED_WITH)
                   for m in pattern.finditer(sentence) if (i := _cue_object(ps, sentence, s0, m)) is not None
                   for o in coordinated(ps, doc, i, col.text)]
    for pattern in (_WITH, _DEAL_WITH, _SIGNED_WITH, _MENTOR, _OF_PARTNER):
        for m in pattern.finditer(sentence):
            objects |= {start for at, start in cue_objects if at < m.start()}
            if pattern is _DEAL_WITH and _THING_WITH.search(m.group(0)):
                continue  # 'the new link will make it possible to combine the canal with the vineyards of X'
            i = _cue_object(ps, sentence, s0, m)
            if i is None or _someone_elses(ps, sentence, s0, m.start()):
                continue
            if ps[i].kind != "city" and _MEMBERS_OF.fullmatch(col.text, s0 + m.end(), ps[i].start):
                continue  # 'cooperation with cities of the Community of Portuguese Language Countries': unnamed partners
            run = coordinated(ps, doc, i, col.text)
            last = max((p.end for p in ps if p.end <= s0 + m.start()), default=s0)
            if first_subj is not None and _ALONGSIDE.search(col.text[last:s0 + m.start()]):
                subj = first_subj
            else:
                # ('..., and it has a friendship agreement with': the pronoun may sit inside the cue)
                subj = _pronoun_topic(col, ps, s0, s0 + m.start(), run) or \
                    _pronoun_topic(col, ps, s0, s0 + m.end(), run) or \
                    next((p for p in _subjects(ps, s0 + m.start(), col.text) if p.name != run[0].name
                          and not _located(p, s0, col.text)), None)
                subj = _clause_subject(col, ps, doc, subj, s0, s0 + m.start(),
                                       objects if pattern in (_WITH, _DEAL_WITH, _SIGNED_WITH) else None, first_subj)
                if subj is None and pattern is _DEAL_WITH and not any(p.end <= s0 + m.start() for p in ps) \
                        and _NOUN_WITH.fullmatch(m.group(0)) and not _negated(sentence) \
                        and re.fullmatch(r"(?:the\s+)?", sentence[m.end():run[0].start - s0]):
                    subj = col.home  # 'The partnership with Anchorage ... will continue': the page's own
            owner = next((p for p in reversed(ps) if s0 + m.start() < p.start and p.end <= s0 + m.end()
                          and _OWNS.match(col.text, p.end)), None)
            if owner is not None and owner.name != run[0].name:
                subj = owner  # '... a town twinning since 1985, and Hildesheim's friendship with Padang'
            elif _PAGE_POSSESSOR.search(col.text, max(last, s0), s0 + m.start()):
                # "the Association exists to maintain the town's twinning links with A": the town's (the
                # sentence's city named before: 'the mayor of Osaka ended the city's ... with San Francisco')
                town = next((p for p in reversed(ps) if p.end <= s0 + m.start() and p.kind == "city"), col.owner)
                if town is not None and all(p.name != town.name for p in run):
                    subj = town
            if pattern is _OF_PARTNER and _OBJECT_NP.search(sentence, 0, m.start()):
                # 'a delegation from the partner city of Schwäbisch Hall': the page's own partner
                subj = col.home if col.home is not None and col.home.name != run[0].name else None
            objects |= {p.start for p in run}
            if subj is not None and col.is_claimed(subj.start, subj.end):
                continue  # 'Antwerp has partner cities such as A and B, and a friendship with C': B is a member
            if subj is None or _negated(col.text[max(s0, subj.end):s0 + m.start()]) \
                    or _CONTRAST_NEGATION.search(col.text[run[-1].end:s1]):  # '..., but that is not a partnership'
                continue
            first_subj = first_subj or subj
            cue = m.group("cue") or (m.groupdict().get("cue2") or "")
            members = [subj] + [p for p in run if p.name != subj.name]
            # 'with many other cities, among them A, B', 'with A, B and C, among others': examples of many
            examples = _EXAMPLES.search(col.text[s0 + m.end():run[0].start]) or _OTHERS_AFTER.match(col.text, run[-1].end)
            several = _SEVERAL_DEALS.search(cue) or _SEVERAL_DEALS.search(m.group(0).rstrip().removesuffix("with")) \
                or _HUB_NOUN_BEFORE.search(col.text, s0 + m.end(), run[0].start) \
                or _PEOPLE_FROM.search(col.text, s0 + m.end(), run[0].start)  # 'its partnerships are with A, B and C': one each
            # ('exchanged with peers from Palermo and Thessaloniki': people of each town, not a team of towns)
            # (so is '... cooperation is mainly with the Nordic twin towns A, B and C')
            # ('the partner town of A and the partner town of B': each the subject's, not each other's)
            if len(members) <= MAX_LIST and _relation(cue) not in HUB_RELATIONS and not examples and not several \
                    and pattern is not _OF_PARTNER:
                col.clique(members, _relation(cue), s0, s1)
            else:
                for b in run:
                    col.add(subj, b, _relation(cue), s0, s1)
            for b in _and_with_run(col.text, ps, doc, run[-1], s1):
                col.add(subj, b, _relation(cue), s0, s1)
            _gapped_pairs(col, ps, run[-1], _relation(cue), s0, s1)


# 'partnerships with A, B and C', 'has partnership agreements with A, B and C': one tie each, not a team
_SEVERAL_DEALS = re.compile(r"(?:agreements|partnerships|ties|links|relations|relationships|memoranda|twinnings|"
                            r"friendships)\s*$", re.I)
_PAGE_POSSESSOR = re.compile(r"\b[Tt]he\s+(?:city|town|municipality)['’]s\s+(?:[\w-]+\s+){0,2}$")


# 'Hamilton's partnership with Fukuyama': the possessor owns the tie; when it is no party (a
# town the gazetteer could not place), the tie is nobody's here, not the page's own
_OTHER_POSSESSOR = re.compile(r"\b(?P<who>[A-Z][\w.-]*)['’]s\s+(?:[a-z-]+\s+){0,2}$")
_GENERIC_POSSESSORS = frozenset({"City", "Town", "Municipality", "Council", "County", "Region", "Province", "State",
                                 "Government", "Mayor", "University", "Country", "Committee", "Association", "Today"})


def _someone_elses(ps: list[Party], sentence: str, s0: int, cue_at: int) -> bool:
    m = _OTHER_POSSESSOR.search(sentence, 0, cue_at)
    if m is None or m.group("who") in _GENERIC_POSSESSORS:
        return False
    at = s0 + m.start("who")
    return not any(p.start <= at < p.end for p in ps)


def _and_with_run(text: str, ps: list[Party], doc: Doc, last: Party, s1: int) -> list[Party]:
    """The partners an 'and with' after a list adds ('... with Missoula, Montana, and with
    Kunshan'): the same deal's, not a new subject's."""
    out: list[Party] = []
    while (more := _AND_WITH.match(text, last.end, s1)) is not None:  # ('..., with A in Romania and with B')
        j = _first_after(ps, more.end(), within=5)
        if j is None:
            break
        run = coordinated(ps, doc, j, text)
        out += run
        last = run[-1]
    return out


_OTHERS_AFTER = re.compile(r",?\s*(?:\([^()]{1,40}\)\s*)?,?\s*(?:among others|among many others|and others|amongst others)\b")


def _gapped_pairs(col, ps: list[Party], last: Party, relation: str, s0: int, s1: int) -> None:
    """'Kraków will be twinned with Brno, Valencia with Thessaloniki and Lviv with Leuven':
    the pairs after the first repeat its relation, each on its own."""
    by_start = {p.start: p for p in ps}
    while True:
        sep = _GAPPED_SEP.match(col.text, last.end, s1)
        a = by_start.get(sep.end()) if sep else None
        glue = _GAPPED_WITH.match(col.text, a.end, s1) if a else None
        b = by_start.get(glue.end()) if glue else None
        if b is None:
            return
        col.add(a, b, relation, s0, s1)  # (the model links none across the pairs: _rule_groups)
        last = b


_IN_PLACE = re.compile(r"\b(?:in|at|near|inside|outside)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}(?:(?:City|Municipality|Town) of\s+)?$")


def _located(p: Party, s0: int, text: str) -> bool:
    """'a library in Mutare and a partnership with the hospital': a place named as where
    something is, mid-sentence, is not who cooperates. 'In Aarhus, the municipality works
    with ...' opens the sentence with the place it is about, and stays a subject."""
    before = text[max(s0, p.start - 40):p.start]
    return bool(_IN_PLACE.search(before)) and not re.fullmatch(r"[\W]*\w+\s+(?:the\s+)?", text[s0:p.start])


def _pronoun_topic(col, ps: list[Party], s0: int, pos: int, run: list[Party]) -> Party | None:
    """'Stuttgart is no newcomer. It is already twinned with Cardiff, and it keeps an
    agreement with Samara': a subject 'it' after the last party is the party that opened
    this sentence, or else the previous one."""
    last = max((p.end for p in ps if p.end <= pos), default=s0)
    # ('Limerick is a sister city of Spokane ..., and it has a friendship agreement with Kraków':
    # this sentence's opener)
    opener = ps[0] if ps and ps[0].end < last and _OPENS.fullmatch(col.text, s0, ps[0].start) else None
    topic = opener or col.topic
    if topic is None or not _PRONOUN_SUBJECT.search(col.text[last:pos]) or any(p.name == topic.name for p in run):
        return None
    return topic


_VISITORS_FROM = re.compile(r"\b(?:guests|delegations?|visitors|participants|speakers|attendees)\s+from\s+(?:the\s+)?$")
# 'Mayors from A and B attended the session, together with colleagues from C': attendance, no team
_ATTENDED = re.compile(r"\b(?:attend(?:s|ed)?|took part|take part|participated)\b")
# 'Gabrovo is one of only two Bulgarian cities in the Mission, together with Sofia': chosen alike, no team
# (also 'one of 36 cities in Thailand certified as smart cities, alongside A'; not '... one of three front-runner
# cities of this project, together with A and B')
_ONE_OF_FEW = re.compile(r"\bone of (?:only |just )?(?:the )?(?:two|three|four|five|six|\d+)\s+(?:[A-Z][\w-]*\s+"
                         r"(?:cities|towns|municipalities|regions)\b|(?:cities|towns|municipalities|regions)\s+in\s+[A-Z])")


_MANY_MEMBERS = re.compile(r"\b(?:four|five|six|seven|eight|nine|ten|eleven|twelve|[4-9]|\d\d+)\s+(?:other\s+)?"
                           r"(?:cities|towns|municipalities|regions|partners|members)\b")
# 'Culemborg ranks alongside Gouda and Veenendaal among the municipalities with ...': a comparison
_RANKS = re.compile(r"\b(?:ranks?|ranked|ranking|stands?|sits?|is\s+listed|are\s+listed|is\s+counted)\s+(?:\w+\s+){0,2}$")


_AS_LEAD_AFTER = re.compile(r"\s*,\s*as\s+(?:the\s+)?(?:project['’]s\s+)?(?:lead\s+partner|coordinator)\s*,")


def _rule_together(col, ps, doc, s0, s1, sentence) -> None:
    if _GEOGRAPHY.search(sentence):  # where places lie, not who works with whom
        return
    for m in _TOGETHER.finditer(sentence):
        i = _first_after(ps, s0 + m.end(), within=80 if _EXAMPLES.search(sentence[m.end():m.end() + 50]) else 30)
        if i is None or _DEAL_WITH.search(col.text[s0 + m.end():ps[i].start]):
            continue  # 'alongside the partnership with Y' is the subject's own tie: _rule_with
        if _VISITORS_FROM.search(col.text, s0 + m.end(), ps[i].start) or (
                _PEOPLE_FROM.search(col.text, s0 + m.end(), ps[i].start) and _ATTENDED.search(sentence, 0, m.start())):
            continue  # '... took part in the festival, alongside guests from Marseille': attendance
        if _ONE_OF_FEW.search(sentence, 0, m.start()) or _RANKS.search(sentence, max(0, m.start() - 40), m.start()):
            continue
        if _THAT_OF.match(col.text, s0 + m.end(), ps[i].start) or _THINGS_OF.fullmatch(col.text, s0 + m.end(), ps[i].start):
            continue  # "Lyon's experience was presented, alongside that of Lille and Nantes": a comparison
        if _EXAMPLES.search(col.text[s0 + m.end():ps[i].start]):
            if _MANY_MEMBERS.search(col.text, s0 + m.end(), ps[i].start):
                continue  # 'together with eight other towns including A and B': a network's members, unpaired
            # 'together with many other cities, among them A, B and C': examples, not one team
            subj = next(iter(_subjects(ps, s0 + m.start(), col.text)), None)
            for b in coordinated(ps, doc, i, col.text) if subj is not None else []:
                col.add(subj, b, "partner", s0, s1)
            continue
        run = coordinated(ps, doc, i, col.text)
        after_run = ps[i + len(run):]
        closed = next((k for k in range(1, len(run)) if _AND.search(col.text[run[k - 1].end:run[k].start])), None)
        if not sentence[:m.start()].strip() and closed is not None and closed + 1 < len(run):
            # 'Together with Rotterdam and Glasgow, Umeå has tested ...': the phrase ends with its 'and'
            run, after_run = run[:closed + 1], ps[i + closed + 1:]
        # 'X, together with Y, ...' or 'Together with Y and Z, the lead partner X will ...'; not
        # 'The Ambassador in Ankara attended together with members of the Nevşehir council'
        # (the party after the run only when the phrase opens the sentence: not 'The two cities cooperated ...,
        # alongside partners from A, B and C', nor '... implemented jointly with A and B, with assistance from C')
        subj = next((p for p in _subjects(ps, s0 + m.start(), col.text) if not _located(p, s0, col.text)), None) \
            or (after_run[0] if after_run and _PHRASE_OPENS.fullmatch(sentence, 0, m.start()) else None)
        if subj is None:
            continue
        lead = bool(_LEAD.search(col.text[max(s0, subj.start - 20):subj.start])) \
            or bool(_AS_LEAD_AFTER.match(col.text, subj.end))  # ('the Kvarken Council, as lead partner, started')
        team = _run_ending_at(ps, subj, doc, col.text) if subj.start < ps[i].start else [subj]
        if lead:
            for b in run:
                col.add(subj, b, "lead_partner", s0, s1)
        elif len(run) + len(team) <= MAX_LIST:  # ('Koper and Muggia are partners ..., along with A, B and C': five)
            # ('Umeå and Vaasa, our twin town across the Gulf of Bothnia, together with the Kvarken
            # Council, started ...': the whole subject, when no verb stands between it and the cue)
            whole = len(team) > 1 and _OPENS.fullmatch(col.text, s0, team[0].start) is not None \
                and "," in col.text[subj.end:s0 + m.start()] and not _has_verb(doc, subj.end, s0 + m.start())
            col.clique((team if whole else [subj]) + run, "partner", s0, s1)
    for m in _INVOLVING.finditer(sentence):
        i = _first_after(ps, s0 + m.end())
        subj = next(iter(_subjects(ps, s0 + m.start(), col.text)), None)
        if i is not None and subj is not None:
            for b in coordinated(ps, doc, i, col.text)[:MAX_LIST]:
                col.add(subj, b, _relation(m.group("cue")), s0, s1)


# 'Osijek and Vila Nova de Gaia ran a peer review of each other's pilots': a joint activity
# (not 'lie 30 km from each other')
_EACH_OTHER = re.compile(r"[^.;:]{0,40}?\b(?:visit\w*|review\w*|learn\w*|support\w*|help\w*|exchange\w*|host\w*|"
                         r"inspire\w*|work\w*|mentor\w*|coach\w*)\b[^.;:]{0,30}?\b(?:each other|one another)")
_FRAME_BEFORE = re.compile(r"\b(?:[Ww]ithin|[Uu]nder|[Tt]hrough|[Aa]s part of|[Ii]n)\s+(?:the\s+)?$")
_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?$")  # 'Agreements with A and B were signed': objects, not subjects


# 'enterprises from the districts of Cahul, Ungheni and Soroca have signed grant contracts':
# where the subject comes from, not who signs
_FROM_PLACES = re.compile(r"\bfrom\s+(?:the\s+)?(?:districts?|cities|towns|regions|municipalities|provinces|"
                          r"communities|countries)\s+of\s+$")


_HUB_NOUN_CUE = re.compile(r"(?:sister|twin|partner|friendship)[- ]")
_HAVE_BEFORE = re.compile(r"\b(?:have|has|had)\s+(?:also\s+|both\s+|already\s+)?$")


def _rule_subject_verb(col, ps, doc, s0, s1, sentence) -> None:
    """'Cork and Valparaíso ... will cooperate', 'Leipzig and Dresden are sister cities',
    'Dakar and Marseille have renewed their cooperation agreement'."""
    i = 0
    while i < len(ps):
        run = coordinated(ps, doc, i, col.text)
        if len(run) >= 3 and _FRAME_BEFORE.search(col.text, max(s0, run[0].start - 16), run[0].start) \
                and _COMMA.fullmatch(col.text, run[0].end, run[1].start):
            run = run[1:]  # 'Within the Municipal Climate Partnership, Coimbatore and Esslingen work together'
            i += 1
        if len(run) >= 2 and not _WITH_BEFORE.search(col.text, max(s0, run[0].start - 12), run[0].start) \
                and not _FROM_PLACES.search(col.text, max(s0, run[0].start - 40), run[0].start):
            after = _ADMIN_SUFFIX.sub("", col.text[run[-1].end:s1])  # 'Gyeongju City (Korea) sign ...'
            m = _SUBJECT_VERB.match(after)
            if m and _HUB_NOUN_CUE.match(m.group("cue")) and _HAVE_BEFORE.search(after, 0, m.start("cue")):
                m = None  # 'Braga and Porto have sister cities all over the world': each its own
                col.paired |= {(s0, p.name) for p in run}  # (nor does the model pair them)
            if m and len(run) <= MAX_LIST and not _negated(after[:m.start("cue")]) \
                    and not _CONTRAST_NEGATION.search(after[m.end():]):
                col.clique(run, _relation(m.group("cue")), s0, s1)
            elif len(run) <= MAX_LIST and _EACH_OTHER.match(after) and not _negated(after):
                col.clique(run, _relation(after, "cooperation"), s0, s1)
        i += len(run)


def _rule_possessive(col, ps, doc, s0, s1, sentence) -> None:
    """'Leipzig's sister city Houston', 'Kraków’s partner city, Nuremberg', 'Liepāja
    became Bellevue's sixth sister city', 'X welcomed Y as its sister city' and 'the
    partnership links X with Y'."""
    text = col.text
    for i, (a, b) in enumerate(zip(ps, ps[1:])):
        m = _POSSESSIVE.match(text[a.end:b.start])
        if m:
            col.add(a, b, _relation(m.group("cue")), s0, s1)
            continue
        tail = _POSSESSIVE_TAIL.match(text[b.end:s1])
        if tail and _BECAME.match(text[a.end:b.start]):
            col.add(a, b, _relation(tail.group("cue")), s0, s1)
            continue
        role = _AS_PARTNER.match(text[b.end:s1])  # 'Bilbao welcomed Pittsburgh as its newest sister city'
        if role and not re.search(r"[.;:]", text[a.end:b.start]) and _has_verb(doc, a.end, b.start):
            col.add(_relative_head(text, ps, a, b, s0) or a, b, _relation(role.group("cue"), "partner"), s0, s1)
            continue
        # 'Our oldest partnership links Brittany with Wielkopolska', 'an agreement links Valencia to Rosario'
        # ('SCHOOL WITHOUT BORDERS links the Ville de Roubaix with the Stad Kortrijk and the Ville de Mouscron')
        if _LINKS_GLUE.match(text[a.end:b.start]) and (_PROJECT_SUBJECT.match(text[s0:a.start]) or (
                _LINKS_PAIR.search(text[max(s0, a.start - 20):a.start]) and _COOP_NOUN.search(text[s0:a.start]))):
            run = coordinated(ps, doc, i + 1, text)
            col.clique([a] + (run if len(run) < MAX_LIST else [b]), _relation(text[s0:a.start], "cooperation"), s0, s1)


# a project's name or 'The project' as the subject of 'links A with B'
_PROJECT_SUBJECT = re.compile(r"\s*(?:(?:[A-Z0-9][A-Z0-9&-]+\s+){1,5}|(?:The|This|Our)\s+(?:[\w-]+\s+)?(?:project|programme|initiative|scheme|network)\s+)"
                              r"(?:links|linked|connects|connected|unites|united|binds)\s+(?:the\s+)?"
                              r"(?:(?:City|Town|Municipality|Ville|Comune|Commune)\s+(?:of|de|di|du)\s+|(?:Stad|Stadt|Gemeente)\s+)?$")


def _relative_head(text: str, ps: list[Party], a: Party, b: Party, s0: int) -> Party | None:
    """'Leipzig, which is also twinned with Kraków and Nanjing, counts Addis Ababa as its
    ...': the party the relative clause that ``a`` closes hangs on."""
    clauses = list(re.finditer(r",\s+(?:which|who)\b", text[s0:a.start]))
    if not clauses or "," not in text[a.end:b.start]:
        return None
    return next((p for p in reversed(ps) if s0 <= p.start and p.end <= s0 + clauses[-1].start()), None)


_WHOSE = re.compile(r"\b([Oo]ur|[Ii]ts|[Tt]heir)\s+(?:[a-z-]+\s+){0,3}$")  # 'among its most active partners are'


_POSSESSIVE_BEFORE = re.compile(r"['’]s?\s+(?:[a-z-]+\s+){0,3}$")


def _possessor(ps: list[Party], text: str, at: int) -> Party | None:
    """The city whose possessive ends right before ``at`` ("Maringá's international ...")."""
    m = _POSSESSIVE_BEFORE.search(text, max(0, at - 60), at)
    if m is None:
        return None
    return next((p for p in ps if p.end == m.start() and p.kind == "city"), None)


def _rule_brings(col, ps, doc, s0, s1, sentence) -> None:
    """'The project brings together A, B and C': each pair. 'Among its most active partners
    are A, B and C' is the list of the party 'its' stands for: that party with each."""
    for m in _BRINGS.finditer(sentence):
        i = _first_after(ps, s0 + m.end(), within=40)
        if i is None:
            continue
        run = coordinated(ps, doc, i, col.text)
        whose = _WHOSE.search(sentence[:m.start()])
        possessor = _possessor(ps, col.text, s0 + m.start())
        if possessor is not None:  # "Maringá's international partners include A and B": Maringá's ties
            for b in run:
                if b.name != possessor.name:
                    col.add(possessor, b, "partner", s0, s1)
        elif whose:
            owner = col.topic if whose.group(1) in ("its", "Its") else None
            for b in run if owner is not None else []:
                col.add(owner, b, "partner", s0, s1)
        elif not _PARTIAL_LIST.search(sentence, 0, m.end()) and not _MORE_UNNAMED.match(col.text, run[-1].end) \
                and not _OTHERS_AFTER.match(col.text, run[-1].end) and (
                len(run) + bool(_LEAD_NAMED.search(sentence, 0, m.start())) + bool(_MORE_NAMED.match(col.text, run[-1].end))
                <= MAX_LIST):
            col.clique(run, "partner", s0, s1)
        # ('The other partners include A, B, C and D, as well as universities': part of a
        # longer list, whose members are not each other's pairs)


# 'The lead partner is Beira; the partners are A, B, C and D, together with Matosinhos': a
# consortium of six, whose members the gold format does not pair
_LEAD_NAMED = re.compile(r"\b(?:lead\s+partner|coordinator|leader)\s+(?:is|was|will\s+be)\b|\bled\s+by\b", re.I)
_MORE_NAMED = re.compile(r",?\s+(?:together\s+with|along\s+with|as\s+well\s+as|plus)\s+(?:the\s+)?[A-Z\w]")
# '..., as well as universities and regional councils': members the list does not name
_MORE_UNNAMED = re.compile(r",?\s+(?:as well as|plus|along with)\s+(?:[a-z]+\s+){0,3}?[a-z]+s\b")


def _rule_pair_list(col, ps, doc, s0, s1, sentence) -> None:
    """'... an area of common interest for Donostia-San Sebastian, Lugo, and Toyama'.
    A cue inside a name ('Sister Cities International') does not count, nor a list of
    where people came from ('delegations from Seattle, Tacoma and Spokane')."""
    cue = next((m for m in _PAIR_CUE.finditer(sentence) if m.start() == 0 or sentence[m.start()].islower()), None)
    if not cue or _LIKE_OPENS.match(sentence):
        return  # ('Like Marseille, Toulouse and Nice, Montpellier is a member of ...': a comparison)
    cities = [p for p in ps if p.kind == "city"]
    i = 0
    while i < len(cities):
        run = coordinated(cities, doc, i, col.text)
        if len(run) > MAX_LIST:
            return  # 'twinned with A, B, C, D and E': a longer list, never its tail
        if len(run) >= 3:
            if col.is_claimed(run[0].start, run[-1].end):
                return  # 'Seoul's other sister cities include A, B, C and D': the owner's list
            if i and _LIST_COMMA.fullmatch(col.text, cities[i - 1].end, run[0].start):
                return  # 'partners from Valencia, Genoa, Izmir, Haifa and Tangier': the tail of a longer list
            if not re.search(r"\b(?:from|in|at|of|visited|met|with|to|include|includes|including|are|among them|"
                             r"among others|such as|linked|linking|connects|connected|connecting|"
                             r"(?:twin|sister|partner|friendship)[- ](?:towns|cities|municipalities|regions)),?\s+(?:the\s+)?$",
                             col.text[max(0, run[0].start - 25):run[0].start]) \
                    and not _WITH_WHICH.match(col.text[run[-1].end:run[-1].end + 120]):  # (the clause's partners)
                col.clique(run, _relation(cue.group("cue"), "pairing"), s0, s1)
            return
        i += len(run)


# 'Eutin, a lakeside town in the northern German state of Schleswig-Holstein, and Hiratsuka, a
# coastal city in Kanagawa Prefecture, Japan, about an hour by train southwest of Tokyo': where an item lies
_ASIDE_LOCATOR = re.compile(r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,4}?(?:town|city|port|capital|village|municipality|"
                            r"community|resort|suburb)\b[^,;:()]{0,60}?\b(?:in|of|near|on|outside|from)\s+(?:the\s+)?"
                            r"(?:[\w-]+\s+){0,4}$|\b(?:north|south|east|west|northeast|northwest|southeast|southwest)\s+of\s+$")


def _located_in_aside(text: str, p: Party) -> bool:
    return _ASIDE_LOCATOR.search(text, max(0, p.start - 120), p.start) is not None


_TIE_IN = re.compile(r"\b(?:sister|twin|partner|friendship)[ -](?:city|town)\s+in\s+(?:the\s+)?$", re.I)
_LIKE_OPENS = re.compile(r"[\s\W]*(?:Like|Unlike|As with)\s")
_LIST_COMMA = re.compile(r"\s*(?:\([^()]*\))?\s*,\s*")
_GROUP = r"(?:network|chain|ring|circle|triangle|alliance|union|league|trio|quartet)"
_GROUP_TIE = re.compile(r"\b(?:twin\w*|sister|friendship|partner(?:ship)?s?|trilateral|trinational|tripartite)\b", re.I)
# 'the Nordic twin-city network of A, B, C and D', 'a trilateral youth camp of A, B and C'
_GROUP_BEFORE = re.compile(rf"\b(?:{_GROUP}|(?:trilateral|trinational|tripartite|quadrilateral)(?:\s+[\w-]+){{1,2}}?)"
                           r"\s+(?:of|between|among)\s+(?:the\s+)?(?:(?:towns|cities) of\s+)?$", re.I)
# 'A, B (Denmark), C and D formed a chain of Nordic friendship towns'
_GROUP_AFTER = re.compile(rf"(?:\s*\([^()]{{1,40}}\))?\s+(?:formed|form|founded|created|set up|make up|made up)\s+"
                          rf"(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?{_GROUP}\b", re.I)


# 'A consortium formed by the NGO MUSOL, the Municipality of El Alto and ...': a team of its own
_CONSORTIUM_OF = re.compile(r"\bconsortium\s+(?:formed|made\s+up|composed|consisting)\s+(?:by|of)\s+(?:the\s+)?"
                            r"(?:(?:NGO|association|foundation|university|company)\s+)?$", re.I)


def _rule_group_of(col, ps, doc, s0, s1, sentence) -> None:
    """Places named as one twinning group link every pair: 'the Nordic twin-city network
    of Norrköping, Trondheim, Odense and Tampere', 'Tampere, Norrköping (Sweden), Odense
    (Denmark) and Trondheim (Norway) formed a chain of Nordic friendship towns', 'a
    trilateral youth camp of Herne, Hénin-Beaumont and Konin'; so do the members of a
    consortium ('a consortium formed by A, B and C')."""
    tie = _GROUP_TIE.search(sentence) is not None
    if not tie and "consortium" not in sentence.lower():
        return  # (cheap: most sentences name no group)
    i = 0
    while i < len(ps):
        run = coordinated(ps, doc, i, col.text)
        before = col.text[max(s0, run[0].start - 60):run[0].start]
        if 3 <= len(run) <= MAX_LIST and (_CONSORTIUM_OF.search(before) or tie and (
                _GROUP_BEFORE.search(before) or _GROUP_AFTER.match(col.text, run[-1].end, s1))):
            col.clique(run, _relation(sentence, "partner"), s0, s1)
        i += len(run)


# ('in the Belgian province of': _IN_REGION_OF's region words, after an optional adjective)
_LOCATOR_BEFORE = re.compile(rf"\bin\s+(?:the\s+)?(?:[A-Z][\w-]+\s+)?{_REGION_WORDS}\s+of\s+$")


_NAMED_SIGNER = re.compile(r"(?<![\w'’])(?!(?:The|This|Our|Its|Their|In|Last|Next|On|At|Mayor|Lord|Deputy|Governor|"
                           r"President|Chairman|Chairwoman|Chair|Councill?or|Minister|Prefect|Mr|Mrs|Ms|Dr)\b)"
                           r"[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)+\s*(?:\([A-Z]{2,}\)\s*)?"
                           r"(?:(?:has|have|had)\s+)?(?:(?:signed|concluded|entered\s+into)\b[^,;]*)?$")
_TITLE_BEFORE = re.compile(r"\b(?:Mayor|Governor|President|Chair\w*|Councill?or|Cllr|Minister|Prefect|Mr|Mrs|Ms|Dr)\.?\s+$")


def _named_signer(sentence: str, pos: int) -> bool:
    """A body named before ``pos`` signed the deal ('Dhaka North City Corporation (DNCC) signed
    a ...'); not a person with a title ('Mayor Oleksandr Markushyn signed'), who signs for the page's town."""
    m = _NAMED_SIGNER.search(sentence, 0, pos)
    return m is not None and not _TITLE_BEFORE.search(sentence, 0, m.start())


# a sentence cut from its subject in mid-line ('... Corporation (DNCC)' / 'signed a cooperation agreement with')
_MID_LINE_FRAGMENT = re.compile(r".*[^\s.!?:;]\s+[a-z]", re.S)
_LAPSED = re.compile(r"\b(?:lapsed|ended|expired|was\s+(?:terminated|suspended|dissolved|discontinued))\b")


def _rule_home_deal(col, ps, home, doc, s0, s1, sentence) -> None:
    """A sentence naming its partners and a deal with them, but no one to hold it: the
    page's own place does ('The 2023 agreement with the Latvian town of Valmiera covers
    ...', 'Agreements with Łódź (Poland) and Olomouc were signed in 1962 and 1964')."""
    m = _DEAL_WITH.search(sentence)
    if not m or _negated(sentence) or _first_after(ps, s0 + m.end(), within=40) != 0 \
            or _someone_elses(ps, sentence, s0, m.start()) or _named_signer(sentence, m.start()) \
            or _LAPSED.search(sentence, m.end()) or _MID_LINE_FRAGMENT.fullmatch(col.text, max(0, s0 - 80), s0 + 1):
        return  # (a party before the deal holds it: other rules; 'Hamilton's partnership with': Hamilton's;
        # 'Dhaka North City Corporation (DNCC) signed a cooperation agreement with', a body no party names;
        # 'A link with the Polish town of Wrzesnia, started in 1996, ... lapsed after 2004')
    run = coordinated(ps, doc, 0, col.text)
    # several partners right after the 'with' ('Cooperation ..., with student mobility between
    # A and B' is A's and B's), or one, and one after an 'and with' ('... its sister city
    # relationship with Missoula, Montana, ..., and with Kunshan')
    gap = col.text[s0 + m.end():ps[0].start]
    if _LOCATOR_BEFORE.search(gap):
        return  # 'The partnership with our namesake in the Belgian province of Limburg': where the partner is
    if len(ps) == 1 or (2 <= len(run) <= MAX_LIST and len(gap) <= 15) or \
            (len(run) == 1 and re.fullmatch(r"(?:the\s+)?(?:then\s+)?(?:(?:[A-Z][a-z]+\s+){0,2}of\s+|"
                                            r"(?:[A-Z][a-z]+\s+)?(?:city|town|municipality|commune|village) of\s+)?", gap)):  # 'the Lithuanian municipality of'
        for p in run:
            col.add(home, p, _relation(m.group("cue")), s0, s1)
        for p in _and_with_run(col.text, ps, doc, run[-1], s1):
            col.add(home, p, _relation(m.group("cue")), s0, s1)


def _rule_their_kind(col, ps, home, s0, s1) -> None:
    """'Bologna has set aside €1.2 million to rebuild two schools in Kharkiv, its twin city
    since 1966': the subject (for 'our', the page's place) with the party so described;
    'Ciudad Obregón in Sonora, Mexico, which became Tucson's sister city': the owner named."""
    for k, p in enumerate(ps):
        m = _THEIR_KIND.match(col.text, p.end, s1)
        if m is None:
            named = _NAMED_KIND.match(col.text, p.end, s1)
            owner = named and next((q for q in ps[k + 1:] if q.start == named.start("owner")), None)
            if owner is not None and owner.name != p.name:
                col.add(owner, p, _relation(named.group("cue"), "partner"), s0, s1)
            continue
        owner = home if m.group("pron") == "our" else \
            next((q for q in _subjects(ps[:k], p.start, col.text) if q.name != p.name), None)
        if owner is not None and owner.name != p.name:
            col.add(owner, p, _relation(m.group("cue"), "partner"), s0, s1)


def _rule_learns_from(col, ps, doc, s0, s1, sentence) -> None:
    """'Braga and Kaunas learn from Espoo', 'Zaragoza and Bratislava are mentored by Leuven':
    each learner with the one they learn from; the learners are not linked to each other,
    by the rules or by the model."""
    text = col.text
    for m in _LEARNS_FROM.finditer(sentence):
        i = _first_after(ps, s0 + m.end(), within=5)
        before = [p for p in ps if p.end <= s0 + m.start()]
        if i is None or not before or _negated(sentence) or \
                not re.fullmatch(r"\s*(?:\([^()]{0,40}\)\s*)?(?:\w+\s+){0,2}", text[before[-1].end:s0 + m.start()]):
            continue
        learners = [before[-1]]
        for p in reversed(before[:-1]):  # back along 'A, B and C'
            if not re.fullmatch(r"\s*(?:\([^()]{0,40}\)\s*)?(?:,|,?\s*and)\s*", text[p.end:learners[0].start]):
                break
            learners.insert(0, p)
        for p in learners:
            if p.name != ps[i].name:
                col.add(p, ps[i], "partner", s0, s1)
        col.paired |= {(s0, p.name) for p in ps}  # learners are not each other's partners


def _rule_with_pairs(col, ps, doc, s0, s1, sentence) -> None:
    """A list of pairs after a pairing cue: 'Each demonstration city is paired with a
    follower city: Thessaloniki with Larnaca, Palermo with Sfax, and València with Split',
    'Other pairs are Umeå with Oulu (Finland) and Lund with Klaipėda (Lithuania)'."""
    cue = _PAIR_CUE.search(sentence)
    if cue is None or _negated(sentence):
        return
    text = col.text
    pairs = [(a, b) for a, b in zip(ps, ps[1:])
             if re.fullmatch(r"\s+with\s+(?:the\s+)?", text[a.end:b.start])
             and re.search(r"(?:[:;,]|\)|\b(?:are|were|include))\s*(?:and\s+)?$", text[max(s0, a.start - 8):a.start])]
    if len(pairs) >= 2:
        for a, b in pairs:
            col.add(a, b, _relation(cue.group(), "pairing"), s0, s1)


def _qualified(p: Party, text: str) -> bool:
    """The place only locates the one before it: 'the municipality of Cumiana near Turin'."""
    return _QUALIFIER.search(text[max(0, p.start - 30):p.start]) is not None


def _rule_two_of_them(col, ps, doc, s0, s1, sentence) -> None:
    """'A delegation from Milwaukee visited Bilbao to launch the pairing of the two
    cities': 'the two cities' with a cooperation cue links the two places named before."""
    m = _TWO_OF_THEM.search(sentence)
    if not m or not _TWO_CUE.search(sentence) or _negated(sentence):
        return
    kind = next(k for k in m.groups() if k).lower()
    wanted = {"cities": "city", "towns": "city", "municipalities": "city", "councils": "city", "regions": "region",
              "localities": "city"}
    n = 3 if "three" in m.group().lower() else 2
    before = [p for p in ps if p.end <= s0 + m.start() and not _qualified(p, col.text)
              and (kind in ("partners", "sides") or p.kind == wanted.get(kind)
                   or (kind == "universities" and "Univ" in p.name))]
    names: list[Party] = []
    for p in reversed(before):
        if all(q.name != p.name for q in names):
            names.append(p)
    if len(names) == n:
        col.clique(names[::-1], _relation(m.group() + " " + (_TWO_CUE.search(sentence).group())), s0, s1)


def _rule_two_of_them_before(col, ps, prev, s0, s1, sentence) -> None:
    """'Students from Cluj-Napoca have travelled to Nantes since 1994. The two cities
    formalised this friendship in 2019': 'the two cities' / 'both sides' opening a
    sentence with a cooperation cue, and no party before it, are the two places of the
    sentence before."""
    m = _TWO_OF_THEM.search(sentence)
    if not m or any(p.start < s0 + m.start() for p in ps) or not _TWO_CUE.search(sentence[m.end():]) \
            or _negated(sentence) or not re.fullmatch(r"[\W\d]*(?:\w+\s+){0,4}", sentence[:m.start()]):
        return
    p0, _, before = prev
    kind = next(k for k in m.groups() if k).lower()
    wanted = {"cities": "city", "towns": "city", "municipalities": "city", "councils": "city", "regions": "region",
              "localities": "city"}.get(kind)
    names: list[Party] = []
    for p in before:
        if _qualified(p, col.text):
            continue
        if (wanted is None or p.kind == wanted or (kind == "localities" and p.kind == "region")) \
                and all(q.name != p.name for q in names):
            names.append(p)
    n = 3 if "three" in m.group().lower() else 2
    if len(names) == n:
        col.clique(names, _relation(m.group() + " " + _TWO_CUE.search(sentence[m.end():]).group()), p0, s1)


def _rule_they(col, ps, prev, doc, s0, s1, sentence) -> None:
    """'Lyon and Turin met in 2019. They signed a cooperation agreement in 2021.': 'They'
    opening a sentence with a cooperation cue stands for the pair that opened the one before."""
    if not re.match(r"\W*They\b", sentence) or not _TWO_CUE.search(sentence) or _negated(sentence):
        return
    cue = _TWO_CUE.search(sentence)
    if any(p.start < s0 + cue.start() for p in ps):
        return
    p0, _, before = prev
    if not before or not _OPENS.fullmatch(col.text[p0:before[0].start]):
        return
    run = coordinated(before, doc, 0, col.text)
    if len(run) == 2:
        col.clique(run, _relation(cue.group()), p0, s1)


# ---------------------------------------------------------------- lists and tables

_INTRO_END = re.compile(r":\s*(?:\[\d{1,3}\]\s*)*$")  # 'Erlangen is twinned with:[48]', 'with:[45][46]'
_POSSESSOR = re.compile(r"['’]s?\s+(?:[A-Z]?[a-z-]+\s+){0,2}")  # "Lahti's Nordic twin towns"
_INCLUDES_LATER = re.compile(r"\b(?:includes?|including|comprises?)\s+(?:(?:partners|cities|towns)\s+)?(?:such\s+as\s+)?")
# the rest of a possessor's partners in the next sentence: '. The others are', '. The other five are'
_OTHERS_ARE = re.compile(r"\.\s+The\s+(?:others|other\s+(?:\w+\s+)?(?:ones|cities|towns)|remaining\s+(?:\w+\s+)?"
                         r"(?:ones|cities|towns))\s+(?:are|include)\s*:?\s*")


_GROUP_HEAD = re.compile(r"[ \t]*[A-Z][^\n:]{0,80}:[ \t]*\n")


def _grouped_bullets(text: str, start: int, parties: list[Party]) -> tuple[list[Party], int]:
    """Bullets in groups under sub-headings that end in a colon ('Nordic twin cities:' /
    '- Gothenburg (Göteborg), Sweden' / '' / 'Other twin cities:' / '- Seattle, USA'):
    one party per bullet, a former group's left out. Returns the members and where the last
    group ends; none unless a sub-heading opens the list."""
    members: list[Party] = []
    pos = end = start
    while (head := _GROUP_HEAD.match(text, pos)) and _BULLET.match(text, head.end()):
        end = _list_end(text, head.end())
        if not _FORMER.search(head.group()):
            members += _bullet_members(text, head.end(), end, parties)
        pos = end + len(re.match(r"\s*", text[end:]).group())
        pos = _line_start(text, pos) if pos < len(text) else pos
    return members, end


def _line_items(text: str, start: int, parties: list[Party]) -> list[Party]:
    """Plain lines under an intro, one item each, named by the party opening the line
    (' Eskilstuna, Sweden (1961)'); none unless most of at least two lines open so."""
    lines = [ln for ln in text[start:_list_end(text, start)].split("\n") if ln.strip()]
    leads, pos = set(), start
    for ln in lines:
        at = text.index(ln, pos)
        leads.add(at + len(ln) - len(ln.lstrip()))
        pos = at + len(ln)
    items = [p for p in parties if p.start in leads]
    return items if len(lines) >= 2 and 3 * len(items) >= 2 * len(lines) else []


def _line_start(text: str, pos: int) -> int:
    """Where the line holding ``pos`` starts: an indented bullet (' • Zhuzhou') is matched
    from there."""
    return text.rfind("\n", 0, pos) + 1


_LABEL_LEAD = re.compile(r"[ \t]*(?:[-•*·][ \t]+)?(?:[A-Z][\w-]*[ \t]+)?")  # '  - Environmental ' before the label


def _label_colon(text: str, m: re.Match, line_start: int, line_end: int) -> int | None:
    """Where the colon of a fact block's label line is ('  - Sister cities:   Norfolk (USA),
    Tacoma (USA)': at most a bullet and a word before the hub words, the items after the
    colon on the same line; not 'Former twin cities:'), or None."""
    colon = text.find(":", m.start(), min(line_end, m.end() + 3))
    if colon < 0 or not re.match(r"[ \t]*\S", text[colon + 1:line_end]) or _FORMER.search(text, line_start, colon) \
            or not _LABEL_LEAD.fullmatch(text, line_start, m.start()):
        return None
    return colon


_THAT_OPENS = re.compile(r"\b(?:that|said|says)\s+(?:the\s+)?(?:(?:City|Municipality|Town) of\s+)?$")
# where a clause begins: 'Esslingen has no other partner city in India, although it maintains twin-town
# links with ten cities' (the negation is the first clause's)
_CLAUSE_BREAK = re.compile(r";|,\s+(?:although|though|but|while|whereas)\b")


def _clause_start(text: str, s0: int, pos: int) -> int:
    return max([s0] + [b.end() for b in _CLAUSE_BREAK.finditer(text, s0, pos)])


def _rule_own_lists(col, parties, sents, doc) -> None:
    """A party's own partners: 'Bellevue's sister cities are Yao, Japan; Hualien, Taiwan',
    'the municipality maintains formal links with the following cities:' + bullets.
    The owner links to each item; the items are not linked to each other."""
    text = col.text
    orgs = [p for p in parties if p.kind == "organisation"]
    for m in _HUB.finditer(text):
        if any(p.start <= m.start() < p.end for p in orgs):
            continue  # 'the Sacramento Sister Cities Corporation is ...': a name, not a list's intro
        s0, s1 = sents.bounds(m.start())
        owner = next((p for p in _subjects(_in(parties, s0, m.start()), m.start(), text) if not _qualified(p, text)), None)
        if owner is None and re.fullmatch(r"\W*(?:Its|Their|Our)\s+(?:\w+\s+){0,2}", text[s0:m.start()]):
            owner = _previous_subject(text, sents, parties, s0) or page_owner(parties, text)  # 'Its other sister cities are'
        # 'That the twinning relationships with A (China), B and C be maintained' (a council's
        # resolution): with no party before it, the list is the page owner's
        pages_list = owner is None and m.group().rstrip().endswith("with") and not _in(parties, s0, m.start())
        line_start, line_end = line_bounds(text, m.start())
        colon = _label_colon(text, m, line_start, line_end) if owner is None else None
        label_line = colon is not None  # a fact block's 'Sister cities:   Norfolk (USA), ...': the page's own
        if pages_list or label_line:
            owner = page_owner(parties, text)
        pronoun = _OUR.search(text[s0:m.start()]) or \
            (re.search(r"\b[Tt]he\s+$", text[s0:m.start()]) if m.group().startswith("twinned") else None)
        if pronoun and (pronoun.group().lower().startswith("our") or pronoun.groupdict().get("page")):
            owner = page_owner(parties, text) or owner  # '... organised by our sister cities A, B and C': the page's city
        elif pronoun:  # 'Szentendre, ... north of Budapest, welcomed delegations from its partner towns': the opener
            # (not a bullet's label: '- Economic Development: San Antonio, Texas, and its sister city')
            opener = next((p for p in _in(parties, s0, m.start()) if not text.startswith(":", p.end)), None)
            if opener is not None and _OPENS.fullmatch(text[s0:opener.start]):
                owner = opener
            elif opener is None and not pronoun.group().lower().startswith("their"):
                # 'The Giunta sent aid to its sister city Bethlehem', 'the twinned city of': the page's
                # (not 'Many towns in the prefecture also have their own sister cities')
                owner = page_owner(parties, text)
        if owner is None:
            continue
        first_item = _line_start(text, line_end + len(re.match(r"\s*", text[line_end:]).group()))
        colon_line = _INTRO_END.search(text[m.start():line_end]) is not None
        if _negated(text[_clause_start(text, s0, m.start()):m.end()]):
            # '... are valuable but are not sister city relationships:' + bullets (this clause only)
            if colon_line and _BULLET.match(text, first_item):
                col.claimed.append((m.start(), _list_end(text, first_item)))
            continue
        bullets = colon_line and _BULLET.match(text, first_item)
        if label_line:
            a, b = colon + 1, line_end  # the label's line, to its end
        elif colon_line and not bullets and (grouped := _grouped_bullets(text, first_item, parties))[0]:
            members, end = grouped  # 'Nordic twin cities (since 1946):' / '- Gothenburg' / 'Other twin cities:' / ...
            _owners_list(col, owner, members, m, s0, end)
            continue
        if bullets:
            a, b = first_item, _list_end(text, first_item)  # bullets under the intro line
            heads, end = _numbered_items(text, first_item, parties)
            if len(heads) > len(_list_members(_in(parties, a, b), text)):  # each numbered item goes on in lines
                _owners_list(col, owner, heads, m, s0, end)
                continue
        elif colon_line and (lines := _line_items(text, first_item, parties)):
            _owners_list(col, owner, lines, m, s0, _list_end(text, first_item))  # one item per plain line
            continue
        elif re.search(r"(?:\b(?:are|include|includes|is|were)|:)\s*$", m.group()):
            first = next((p for p in parties if m.end() <= p.start < s1), None)
            if first is None or not _INLINE_OPENING.fullmatch(text, m.end(), first.start):
                continue  # 'Our sister city relationships are run jointly by the Office of the Mayor'
            a, b = m.end(), s1  # inline, to the end of the sentence
        elif re.search(r"\b(?:including|such as|among them)\s*$", m.group()) and (
                _OPENS.fullmatch(text[s0:owner.start]) or _THAT_OPENS.search(text, s0, owner.start)):
            a, b = m.end(), s1  # 'Heidelberg has its own family of partner cities, including A and B': the opener's
            # (or a reported clause's: '... informed the delegation that Hai Phong maintains relations with 19
            # localities in 12 countries, including ...')
        elif re.search(r"\bwith\s*$", m.group()) and (pages_list or _OPENS.fullmatch(text[s0:owner.start])) and \
                (i := _first_after(parties, _AMONG_OTHERS.match(text, m.end()).end(),
                                   40 if m.group().rstrip().endswith("those with") else 12)) is not None:
            # 'Sapporo maintains sister-city relations with A (USA), B (Germany) and C': the opener's, to the list's end
            run = coordinated(parties, doc, i, text)
            a, b = run[0].start, run[-1].end
        elif _POSSESSOR.fullmatch(text[owner.end:m.start()]) and (others := _OTHERS_ARE.match(text, m.end())):
            a, b = others.end(), sents.bounds(others.end())[1]  # "... one of Brisbane's nine sister cities. The others are"
        elif _POSSESSOR.fullmatch(text[owner.end:m.start()]) and (later := _INCLUDES_LATER.search(text, m.end(), s1)) \
                and (i := _first_after(parties, later.end(), 3)) is not None:
            # "Atlanta's network of sister cities, coordinated by ..., includes partners such as A, B and C"
            run = coordinated(parties, doc, i, text)
            a, b = run[0].start, run[-1].end
        elif _HUB_HEADING.fullmatch(text, (line := _line_start(text, m.start())), line_end) and \
                (re.search(r"['’]s\s", text[line:m.start()]) or _BULLET.match(text, first_item)):
            continue  # "San Antonio's Sister Cities", 'Our Sister Cities' over bullets: a heading (below)
        elif (_POSSESSOR.fullmatch(text[owner.end:m.start()]) or pronoun) and \
                (i := _first_after(parties, m.end() + len(re.match(r"[\s,]*(?:of\s+)?", text[m.end():]).group()), 2)) \
                is not None \
                and "|" not in text[m.end():parties[i].start]:  # not 'Our Sister Cities | (the site's name)'
            # "Lahti's Nordic twin towns Akureyri, Ålesund and Randers have been invited"
            run = coordinated(parties, doc, i, text)
            a, b = run[0].start, run[-1].end
        else:
            continue
        # one item per bullet line: 'Boca del Río, Veracruz, Mexico' is a town, its state and its country
        members = _bullet_members(text, a, b, parties) if bullets else _list_members(_in(parties, a, b), text)
        if label_line and any(p.name == owner.name for p in members):
            continue  # ('Eligible partner cities: Galveston, Harbin' on a page that names Galveston most: not its list)
        items = [p for p in members if p.name != owner.name and not _located_in_aside(text, p)]
        for p in items:
            col.add(owner, p, _relation(m.group("cue"), "partner"), s0, b)
        if items:
            col.claimed.append((m.start(), b))
    owner = page_owner(parties, text)
    for m in _HUB_HEADING.finditer(text):
        # a 'Partner cities' / 'Current twin towns' heading over bullets on the owner's page;
        # 'Former partner cities' are no current links
        first_item = _line_start(text, m.end() + len(re.match(r"\s*", text[m.end():]).group()))
        if owner is None or col.is_claimed(m.start(), m.end()) or not _BULLET.match(text, first_item) \
                or _FORMER.search(m.group()):
            continue
        b = _list_end(text, first_item)
        # ('Twin towns of Maribor': the place the heading names)
        named = next((p for p in parties if m.start() <= p.start < m.end() and p.kind in ("city", "region")), owner)
        members = _bullet_members(text, first_item, b, parties)  # (not the places its description names)
        heads, end = _described_bullets(text, first_item, parties)
        if len(heads) > len(members):  # each bullet goes on in lines of its own
            members, b = heads, end
        for p in members:
            line_start, line_end = line_bounds(text, p.start)
            if p.name != named.name and not _NOT_CURRENT.search(text, line_start, line_end):
                col.add(named, p, _relation(m.group(), "partner"), m.start(), b)  # (not '- Kragujevac, suspended in 1991')
        col.claimed.append((m.start(), b))


_RELATIONSHIP_CLAUSES = _cue("relationship_clauses", 0)
_RELATIONSHIP_CLAUSE = _cue("relationship_clause", 0)


def _rule_relationship_clauses(col, parties: list[Party], sents: Sentences) -> None:
    """'... the city's four priority relationships: the sister city relationship with
    Nashville (1995); the Memorandum of Understanding with the City of Boston; and the
    friendship agreement with Hefei': each clause names one partner of the owner (the
    possessor, or the page's own place for 'its'/'our'); the partners are not each other's."""
    text = col.text
    for m in _RELATIONSHIP_CLAUSES.finditer(text):
        s0, s1 = sents.bounds(m.start())
        if m.group().startswith(("'", "’")):
            owner = next((p for p in parties if s0 <= p.start < m.start() <= p.end <= m.start() + 2), None)
        elif m.group().lower().startswith("their"):
            continue
        else:
            owner = page_owner(parties, text)
        starts = {p.start: p for p in parties if m.end() <= p.start < s1}
        members, pos = [], m.end()
        while (clause := _RELATIONSHIP_CLAUSE.match(text, pos, s1)) and clause.end() in starts:
            members.append((starts[clause.end()], _relation(clause.group(), "partner")))
            pos = text.find(";", clause.end(), s1) + 1
            if pos == 0:
                break
        if owner is None or len(members) < 2:
            continue
        for p, relation in members:
            col.add(owner, p, relation, s0, s1)
            col.paired.add((s0, p.name))
        col.claimed.append((m.start(), s1))


# 'reaffirm A (US), B (DE) and C (IT) as Toronto's Partnership Cities', '... as its sister cities'
_AS_PARTNER_CITIES = re.compile(r"[ \t]+as[ \t]+(?:(?P<its>its|our|the city['’]s)[ \t]+|(?P<poss>[A-Z][\w.-]*(?:[ \t][A-Z][\w.-]*)"
                                r"{0,2})['’]s[ \t]+)?(?:[a-z-]+[ \t]+)?(?P<cue>(?:[Pp]artnership|[Ff]riendship|[Ss]ister|"
                                r"[Tt]win|[Pp]artner)[- ](?:[Cc]ities|[Tt]owns|[Rr]egions|[Ss]tates))\b")


def _rule_as_partner_cities(col, parties: list[Party], sents: Sentences, doc: Doc) -> None:
    """'City Council reaffirm Chicago (United States), Frankfurt (Germany) and Milan (Italy)
    as Toronto's Partnership Cities': the possessor (the page's city for 'its', 'our', or
    for a list of three or more with no possessor, as a council's resolution names them)
    with each place of the list before 'as'."""
    text = col.text
    for m in _AS_PARTNER_CITIES.finditer(text):
        s0, s1 = sents.bounds(m.start())
        ps = _in(parties, s0, s1)
        last = next((p for p in reversed(ps) if p.end <= m.start() and _PARENS_ONLY.fullmatch(text, p.end, m.start())),
                    None)
        if last is None:
            continue
        run = _run_ending_at(ps, last, doc, text)
        if m.group("poss"):
            owner = next((p for p in ps if p.start == m.start("poss")), None)
        elif m.group("its") or len(run) >= 3:
            owner = page_owner(parties, text)
        else:
            continue  # 'designated Lyon and Turin as sister cities': their own pair (other rules)
        for p in run if owner is not None else []:
            if p.name != owner.name:
                col.add(owner, p, _relation(m.group("cue"), "partner"), s0, s1)


_PARENS_ONLY = re.compile(r"(?:\s*\([^()]{1,40}\))*")


def _owners_list(col, owner: Party, members: list[Party], hub: re.Match, s0: int, end: int) -> None:
    """The owner with each member of its list (not with itself); the list up to ``end`` is read."""
    for p in members:
        if p.name != owner.name:
            col.add(owner, p, _relation(hub.group("cue"), "partner"), s0, end)
    col.claimed.append((hub.start(), end))


# what may stand between 'sister cities are' and the first partner: 'the Japanese city of'
_INLINE_OPENING = re.compile(r"[\s:]*(?:the\s+)?(?:(?:[\w-]+\s+){1,3}of\s+(?:the\s+)?)?")


def _described_bullets(text: str, start: int, parties: list[Party]) -> tuple[list[Party], int]:
    """'- Buffalo, New York, U.S.A.' / '  Affiliation: December 1962' / '  Kanazawa's first
    sister city. ...' / '' / '- Porto Alegre, Brazil' / ...: bullets whose items go on in
    indented lines, each named by the party opening its bullet line. Returns the items
    and where the last one ends; the list ends at the first bullet not opened by a party
    or at a line that is neither indented nor a bullet of the same kind."""
    by_start = {p.start: p for p in parties}
    marker = _BULLET.match(text, start).group()
    heads: list[Party] = []
    pos = end = start
    while (bullet := _BULLET.match(text, pos)) and bullet.group() == marker and bullet.end() in by_start:
        heads.append(by_start[bullet.end()])
        while True:  # the item's own lines
            nl = text.find("\n", pos)
            end = len(text) if nl < 0 else nl
            pos = end + 1
            nxt = text[pos:pos + 2]
            if nl < 0 or _BULLET.match(text, pos) or not (nxt[:1] in " \t" or nxt[:1] == "\n"):
                break
        pos = end + 1 + len(re.match(r"\n*", text[end + 1:]).group()) if nl >= 0 else len(text)
    return heads, end


_NUMBERED = re.compile(r"[ \t]*(\d{1,2})[.)][ \t]+")
_TITLE_WORDS = re.compile(r"(?:[A-Z][a-z]+\s+(?:and\s+)?){1,2}(?:of\s+(?:the\s+)?)?")  # 'Republic and Canton of '


def _numbered_items(text: str, start: int, parties: list[Party]) -> tuple[list[Party], int]:
    """'1. Lviv Oblast (Ukraine) – since 2001' / 'Our oldest partner. ...' / '2. Prešov
    Self-Governing Region (Slovakia) – since 2002' / ...: numbered items with paragraphs
    of their own between them, each named by the party opening its line. The list goes on
    while the next number follows; returns the items and where the last item's line ends."""
    heads: list[Party] = []
    pos, end, number = start, start, None
    while (item := _NUMBERED.match(text, pos)) and (number is None or int(item.group(1)) == number + 1):
        i = _first_after(parties, item.end(), within=40)  # 'Province of Limburg', 'Republic and Canton of Jura'
        gap = text[item.end():parties[i].start] if i is not None else "\n"
        if "\n" in gap or not (_GLUE.match(gap) or _TITLE_WORDS.fullmatch(gap)):
            break
        heads.append(parties[i])
        number = int(item.group(1))
        nl = text.find("\n", item.end())
        end = len(text) if nl < 0 else nl
        following = re.compile(rf"(?m)^[ \t]*{number + 1}[.)][ \t]").search(text, end, end + 1200)
        if following is None:
            break
        pos = following.start()
    return heads, end


_RULE_ROW = re.compile(r"[\s|:-]+")  # a table's header rule, '|---|---|'
_TABLE_ROW = re.compile(r"(?m)^[ \t]*\|.*\|[ \t]*$|^[ \t]*[^|\n]*\S[ \t]+\|[ \t]+[^|\n]*\|[^\n]*$")
# 'Pilot city | Twin city' over 'Miskolc    | Eger (Hungary)': two cells, one bar (three rows or more)
_TWO_CELL_ROW = re.compile(r"(?m)^[ \t]*[^|\n]*\S[ \t]+\|[ \t]+[^|\n]*\S[ \t]*$")
_DASH_RULE = re.compile(r"[ \t]*[-=]{10,}[ \t]*")
_PLUS_RULE = re.compile(r"[ \t]*-{3,}(?:\+-{3,})+[ \t]*")  # '-----+-----' under a header 'a | b | c'
_LOCATION_COLUMN = re.compile(r"\s*(?:city|town|location|seat|based in|place|municipality|(?:NUTS(?: \d)?\s*)?region|"
                              r"NUTS(?: \d)?|county|province)\s*", re.I)
_HUB_COLUMN = re.compile(r"\b(?:sister|twin|partner|friendship)[- ](?:city|town|region|municipality|cities|towns)\b", re.I)
# a caption over the owner's table: 'Official partnerships of the City of Salzburg'
_HUB_CAPTION = re.compile(_HUB_COLUMN.pattern + r"|\b(?:partnerships|twinnings)\b", re.I)
_SINCE_COLUMN = re.compile(r"\bsince\b", re.I)
_DATE_COLUMN = re.compile(r"\b(?:since|year|date|from)\b", re.I)  # 'Partner since' is no member column
_ASSOCIATED = re.compile(r"\b(?:associated|associate|observer|observers|supporting|advisory|affiliated)\b", re.I)
_MEMBER_COLUMN = re.compile(r"partner|participant|member|municipalit|\bcity\b|\bcities\b|region|organi[sz]ation|"
                            r"beneficiar|institution", re.I)


def _rule_tables(col, parties) -> None:
    """Partner tables ('| Partner | Type | Country |' rows) under a heading or header row
    that speaks of partners or participants. One member column: its cells are one
    partner list. Two or more ('| European partner | Country | Latin American partner |'):
    each row is a pairing. A cell that holds no known party is an organisation's name."""
    text = col.text
    for block in _table_blocks(text):
        if all(r.group().count("|") == 1 for r in block):  # 'a | b' rows: only a table of pairs by its header
            _rule_aligned_pairs(col, parties, block)
            continue
        if _rule_hub_cells(col, parties, block) or _rule_owner_table(col, parties, block) \
                or _rule_aligned_pairs(col, parties, block):
            continue
        if "|" not in block[0].group():
            continue  # a table aligned by spaces may have no header row: only the owner's tables above
        caption = ""  # ('| Current relationships | | | |' over the header row: a caption, not the header)
        if len(block) > 2 and sum(1 for a, b in _cells(text, block[0]) if text[a:b].strip()) == 1:
            caption = block[0].group()
            block = [r for r in block[1:] if not _RULE_ROW.fullmatch(r.group())] or block
        above = [line for line in text[max(0, block[0].start() - 300):block[0].start()].splitlines() if line.strip()]
        header = _cells(text, block[0])
        columns = [i for i, (a, b) in enumerate(header) if _MEMBER_COLUMN.search(text[a:b])
                   and not _DATE_COLUMN.search(text[a:b])]
        # ('Other pairings in the cluster' over '| Asian city | European city | Focus |')
        pairings = len(columns) >= 2 and _PAIRINGS_ABOVE.search(" ".join(above[-2:])) is not None
        if len(block) < 3 or not (_TABLE_HEAD.search(" ".join(above[-2:]) + block[0].group())
                                  or _HUB_COLUMN.search(block[0].group()) or _HUB_CAPTION.search(caption) or pairings):
            continue
        if not columns and _figures(text, block) and not _HUB_CAPTION.search(caption):
            continue  # '| Total budget | € 2 350 000 |' under a partner list: key figures
        columns = columns or [0]
        if len(columns) >= 2:  # '| Partner | City | Country |': the city column says where each partner is
            columns = [i for i in columns if not _LOCATION_COLUMN.fullmatch(text[header[i][0]:header[i][1]])] \
                or columns
        towns_first = _LOCATION_COLUMN.fullmatch(text[header[0][0]:header[0][1]]) is not None
        if _HUB_CAPTION.search(caption) and towns_first:
            columns = [0]  # '| Overview of partner towns |' over '| Town | Country | Partner since |'
        s0, s1 = block[0].start(), block[-1].end()
        head = text[header[columns[0]][0]:header[columns[0]][1]]
        if len(columns) == 1 and columns[0] > 0 and _HUB_COLUMN.search(head) and towns_first:
            columns = [0, columns[0]]  # '| Town | Partner town | Since |': each row a pair of towns
        # ('Partner cities' heading over '| City | Country | Agreement signed |': the owner's too)
        hub_heading = towns_first and any(len(line.split()) <= 6 and _HUB_COLUMN.search(line) for line in above[-2:])
        # ('| Partner | Country | Agreement since |' in an annual report: ties with a start, the owner's)
        dated_ties = columns == [0] and any(_SINCE_COLUMN.search(text[a:b]) for a, b in header[1:]) \
            and not any(re.search(r"\s[–—-]\s", text[slice(*_cells(text, r)[0])]) for r in block[1:])  # no 'A - B' pairs
        if len(columns) == 1 and (_HUB_COLUMN.search(head) or _HUB_CAPTION.search(caption) or hub_heading
                                  or dated_ties):
            # '| Sister City | Country | Since |' on Portland's page: the owner's own partners
            owner = page_owner(parties, text)
            for r in block[1:] if owner is not None else []:
                cells = _cells(text, r)
                p = _cell_party(text, cells[columns[0]], parties) if len(cells) > columns[0] else None
                if p is not None and p.kind in ("city", "region") and not _NOT_CURRENT.search(r.group()):
                    col.add(owner, p, _relation(head + caption, "partner"), r.start(), r.end())
            col.claimed.append((s0, s1))
            continue
        if len(columns) >= 2:
            for r in block[1:]:
                cells = _cells(text, r)
                row = [p for p in (_cell_party(text, cells[i], parties) for i in columns if i < len(cells)) if p]
                col.clique(row, "pairing", r.start(), r.end())
            col.claimed.append((s0, s1))
            continue
        cells0 = [_cells(text, r)[columns[0]] for r in block[1:] if len(_cells(text, r)) > columns[0]]
        if any(len(_in(parties, a, b)) >= 2 and re.search(r"\s[–—-]\s", text[a:b]) for a, b in cells0):
            continue  # '| Shizuoka Prefecture (JP) – Occitanie (FR) |': each row a pairing (_rule_dash_pairs)
        rows = [(r, _cell_party(text, _cells(text, r)[columns[0]], parties)) for r in block[1:]
                if len(_cells(text, r)) > columns[0]]
        members = [p for _, p in rows if p is not None]
        if 2 <= len(members) <= MAX_LIST:
            col.clique(members, "partner", s0, s1)
            col.claimed.append((s0, s1))
        # a longer table links no pairs: the lead partner is one partner among many


# a row's tie that is not a current one: '| Pskov | Russia | 1999 | suspended since March 2022 |',
# '| Dubrovnik | Croatia | — | memorandum under negotiation |'
_NOT_CURRENT = re.compile(_FORMER.pattern + r"|\bunder negotiation\b|\bproposed\b|\bplanned\b", re.I)


_PAIRINGS_ABOVE = re.compile(r"\b(?:pairings|pairs|city pairs|twinnings)\b", re.I)


def _figures(text: str, block: list[re.Match]) -> bool:
    """Most rows hold a figure: a table of amounts and dates, not of partners."""
    return sum(bool(re.search(r"\d", text[r.start():r.end()])) for r in block) * 2 > len(block)


# a line that opens with a place and its qualifiers: 'Ennis (Inis), County Clare, Ireland'
_PLACE_LINE = (r"(?m)^[ \t]*(?:[-•*]\s+|\d{1,2}[.)][ \t]+)?(?P<name>[^\n,()–—:|]{2,40}?)"
               r"(?:\s*,\s*(?:the\s+)?[A-Z][^\n,()–—:|]{1,40}|\s*\([^()\n]{1,40}\)){0,3}")  # ', the Netherlands'
# 'Edinburgh, United Kingdom – since 1954', 'Ennis (Inis), County Clare, Ireland – since 2014. Music exchanges.',
# 'Santiago de Compostela (Spain) – twinned since 12 October 1993.', 'Chioggia (Veneto, Italy) ...... since 1992',
# 'Rizhao, China .... since 2004 – port and trade'
_SINCE_LINE = re.compile(_PLACE_LINE +
                         r"\s*(?:[–—:-]|\.{3,})?\s*\(?(?:(?:twinned|partnered|paired|linked|partner|(?:twin|sister|partner|friendship|friendly)(?:[ -]exchange)?[ -](?:city|town))\s+)?since\s+(?:\d{1,2}\s+[A-Z][a-z]+\s+)?"
                         r"(?:19|20)\d\d\)?(?:\.?[ \t]*$|\.[ \t]+[A-Z][^\n]*$|(?P<tail>[ \t]+(?:\(|[–—-][ \t])[^\n]*)$)")
# 'Santiago, Chile – 1961' lines under 'Our sister cities': no 'since', so a dash and the
# year, then the line's end, a sentence ('Tilburg – 2003. Social policy.') or a parenthesis;
# at least three such lines
_YEAR_LINE = re.compile(_PLACE_LINE + r"[ \t]*[–—-][ \t]*(?:19|20)\d\d(?:\.?[ \t]*$|\.[ \t]+[A-Z][^\n]*$|"
                        r"[ \t]*\([^()\n]{1,60}\)\.?[ \t]*$)")
# 'Chicago, Illinois (United States) – sister city agreement renewed in 2019.': the kind
# of tie right after the dash, whatever follows it on the line
_KIND_LINE = re.compile(_PLACE_LINE + r"[ \t]*[–—:-][ \t]*(?i:(?:an?\s+|the\s+)?(?:(?:twin|sister|partner|friendship)"
                        r"(?:[ -](?:city|cities|town|towns|region|municipality)| (?:and [a-z]+ (?:[a-z]+ )?)?(?:agreement|accord))|"
                        r"(?:(?:cooperation|co-operation|friendship)\s+(?:and\s+cooperation\s+)?)?"
                        r"(?:protocol|agreement|memorandum of understanding|MoU)\b(?! (?:was|is) (?:not|never))))[^\n]*$")


_AS_PILOT = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:is|was|will be|acts as|serves as)\s+the\s+"
                       r"(?:pilot|lighthouse|mentor|demonstration|good[- ]practice)\s+(?:city|town|municipality)\b")
_AS_FOLLOWERS = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:are|will be|were)\s+(?:the\s+)?"
                           r"(?:follower|fellow|replicating|replication|transfer|learning)\s+(?:cities|towns|municipalities)\b")


def _rule_pilot_followers(col, parties, doc) -> None:
    """'Sousse (Tunisia) is the pilot city, ... Byblos (Lebanon), Larnaca (Cyprus) and
    Alexandria (Egypt) are the follower cities': the pilot with each follower, within a
    few sentences; the followers are not linked to each other."""
    text = col.text
    for i, pilot in enumerate(parties):
        if not _AS_PILOT.match(text, pilot.end):
            continue
        j = i + 1
        while j < len(parties) and parties[j].start < pilot.end + 600:
            run = coordinated(parties, doc, j, text)
            if _AS_FOLLOWERS.match(text, run[-1].end):
                for p in run:
                    if p.name != pilot.name:
                        col.add(pilot, p, "partner", pilot.start, run[-1].end)
                break
            j += len(run)


def _rule_with_which(col, parties, sents, doc) -> None:
    """'Swansea in Wales, with which the city has been twinned since 1957': the page's
    own place with the party the relative clause hangs on; 'in particular Kyiv, Tbilisi
    and Grenoble, with which Chișinău has long-standing partnership agreements': the
    clause's subject with each party of the list it hangs on."""
    home = col.home
    by_start = {p.start: p for p in parties}
    for p in parties:
        m = _WITH_WHICH.match(col.text[p.end:p.end + 120])  # (the pattern opens with '^')
        pronoun = m is not None and m.group("who") in ("it", "they")
        if not m or (p.kind not in ("city", "region") and not pronoun) \
                or re.search(r"\bin\s+(?:the\s+)?$", col.text[max(0, p.start - 8):p.start]):
            continue  # ('Kawasaki in Kanagawa Prefecture, with which': the prefecture only locates)
        s0, s1 = sents.bounds(p.start)
        if pronoun:  # '... welcomed a delegation from B, with which it has cooperated': the sentence's subject
            subject = next((q for q in _subjects(_in(parties, s0, p.start), p.start, col.text) if q.name != p.name),
                           None)
        else:
            subject = home if m.group("who")[0].islower() else by_start.get(p.end + m.start("who"))
        if subject is None:
            continue
        for q in _run_ending_at(_in(parties, s0, s1), p, doc, col.text):
            if q.name != subject.name:
                col.add(subject, q, _relation(m.group("cue"), "partner"), s0, s1)


def _run_ending_at(ps: list[Party], p: Party, doc: Doc, text: str) -> list[Party]:
    """The coordinated list ('A, B and C') that ends with ``p``, or ``p`` alone."""
    i = 0
    while i < len(ps):
        run = coordinated(ps, doc, i, text)
        if p in run:
            return run[:run.index(p) + 1]
        i += len(run)
    return [p]


_PAIR_AND = re.compile(r"\s+and\s+")
# between two pairs: 'Mainz and Dijon (since 1958), Koblenz and Nevers', 'Ptuj and Kutná Hora, Šibenik and ...'
_PAIR_SEP = re.compile(r"(?P<dated>\s*\((?:since|from|in|est\.?)?\s*(?:19|20)\d\d\))?\s*(?P<comma>,)?\s*(?:and\s+)?")
_TWIN_CUE = re.compile(r"\b(?:twin|sister|partner|pair|friendship)", re.I)


def _rule_pair_chains(col, parties, sents: Sentences) -> None:
    """Several pairs in one twinning sentence: 'Ptuj and Kutná Hora, Šibenik and
    Civitanova Marche, and Ogre and Kėdainiai signed twinning agreements', 'among them
    Mainz and Dijon (since 1958), Koblenz and Nevers (since 1963) and Worms and Auxerre
    (since 1968)'. Names joined by 'and', the pairs set apart by commas or by their own
    years; the pairs are not linked to each other."""
    text = col.text
    for s0, s1 in zip(sents.starts, sents.ends):
        if not _TWIN_CUE.search(text, s0, s1):
            continue
        ps = _in(parties, s0, s1)
        i = 0
        while i + 1 < len(ps):
            chain, marked = [], False
            j = i
            while j + 1 < len(ps) and _PAIR_AND.fullmatch(text, ps[j].end, ps[j + 1].start):
                chain.append((ps[j], ps[j + 1]))
                sep = _PAIR_SEP.match(text, ps[j + 1].end)
                if j + 2 >= len(ps) or sep.end() != ps[j + 2].start or not (sep.group("dated") or sep.group("comma")):
                    marked = marked or bool(sep.group("dated"))
                    break
                marked = True
                j += 2
            if len(chain) >= 2 and marked:
                for a, b in chain:
                    col.add(a, b, _relation(text[s0:s1], "twinning"), s0, s1)
            i = j + 2 if chain else i + 1


# a tie named by its two places, joined by a dash: 'the Chipata–Mchinji cross-border arrangement'
_DASH_COMPOUND = re.compile(r"[–—]")
_TIE_NAME_AFTER = re.compile(rf"(?:\s[A-Z][\w'’.-]*){{0,3}}\s(?i:{'|'.join(TIE_NAMES)})\b")
# ('the Maryland-Kanagawa sister-state relationship', 'the Lyon-Turin twinning')
_TIE_KIND_AFTER = re.compile(r"\s+(?:sister[- ](?:cit(?:y|ies)|states?|provinces?|regions?|prefectures?)|twin[- ]towns?|"
                             r"twinning|partnership|friendship)\b", re.I)
_TIE_NOUN = re.compile(r"\b(?:links?|twinnings?|partnerships?|arrangements?|pairings?|pairs?|tandems?|"
                       r"friendships?|cooperation|co-operation|sister[- ]cit(?:y|ies)|twin[- ](?:towns?|cit(?:y|ies)))\b",
                       re.I)


def _rule_dash_compounds(col, parties, sents: Sentences) -> None:
    """'in particular Tilburg–Matagalpa and Groningen–San Carlos', 'the Chipata–Mchinji
    cross-border arrangement': two places joined by a dash without spaces, in a sentence
    that speaks of ties. Not 'the Yerevan–Gyumri train' (a route; no tie in the sentence)."""
    text = col.text
    for p, q in zip(parties, parties[1:]):
        if p.kind == "organisation" or q.kind == "organisation" or p.name == q.name:
            continue
        # a hyphen only right before the tie's name: 'the Canberra-Wellington Capital Cities Partnership'
        if not (_DASH_COMPOUND.fullmatch(text, p.end, q.start)
                or (text[p.end:q.start] == "-" and (_TIE_NAME_AFTER.match(text, q.end) or _TIE_KIND_AFTER.match(text, q.end)))):
            continue
        s0, s1 = sents.bounds(p.start)
        if (_TIE_NOUN.search(text, s0, s1) or _TIE_KIND_AFTER.match(text, q.end)) and not _negated(text[s0:s1]):
            col.add(p, q, _relation(text[s0:s1], "cooperation"), s0, s1)


def _rule_since_lines(col, parties) -> None:
    """The owner's partners as heading lines 'Edinburgh, United Kingdom – since 1954' on a
    page about its twin or sister cities (at least two such lines; three of the barer
    'Santiago, Chile – 1961'; two of 'Seattle, Washington (United States) – sister city
    since 1986; ...', unless the line says the tie is over)."""
    text = col.text
    owner = page_owner(parties, text)
    hub = _HUB_TITLE.search(text)
    if owner is None or hub is None:
        return
    for pattern, least in ((_SINCE_LINE, 2), (_YEAR_LINE, 3), (_KIND_LINE, 2)):
        found = []
        for m in pattern.finditer(text):
            p = next((q for q in parties if q.start == m.start("name") and q.kind in ("city", "region")), None)
            over = _FORMER.search(m.group()) if pattern is not _SINCE_LINE else \
                m.group("tail") and _FORMER.search(m.group("tail"))  # ('... (since 1993) – all activities suspended')
            if p is not None and p.name != owner.name and not col.is_claimed(m.start(), m.end()) and not over:
                found.append((p, m))
        if len(found) >= least:
            for p, m in found:
                col.add(owner, p, _relation(hub.group(), "partner"), m.start(), m.end())


def _rule_hub_cells(col, parties, block: list[re.Match]) -> bool:
    """A table of the page owner's partners told by a type column, whatever its header:
    '| Buffalo | U.S.A. | Sister city | December 1962 |' on Kanazawa's page. Rows of a
    former or suspended tie are left out."""
    text = col.text
    rows = [_cells(text, r) for r in block]
    counts = Counter(k for cells in rows for k, (a, b) in enumerate(cells)
                     if _HUB_CELL.fullmatch(text[a:b]))
    owner = page_owner(parties, text)
    if not counts or owner is None:
        return False
    k = counts.most_common(1)[0][0]
    kinds = [text[cells[k][0]:cells[k][1]] if len(cells) > k else "" for cells in rows]
    # ('| Pardubice | Czech Republic | Memorandum of cooperation | 2019 |' is a tie too)
    if sum(1 for kind in kinds if _HUB_CELL.fullmatch(kind) or _DEAL_CELL.fullmatch(kind)) < 2:
        return False
    for r, cells, kind in zip(block, rows, kinds):
        if not (_HUB_CELL.fullmatch(kind) or _DEAL_CELL.fullmatch(kind)) or _FORMER.search(text[r.start():r.end()]):
            continue
        p, a = next(((q, a) for a, b in cells[:k] for q in _in(parties, a, b) if q.kind in ("city", "region")),
                    (None, 0))
        if p is not None and p.name != owner.name and _CELL_OPENING.fullmatch(text, a, p.start):
            # (not 'Yeongdeungpo-gu, Seoul': a partner the gazetteer lacks, in its city)
            col.add(owner, p, _relation(text[cells[k][0]:cells[k][1]], "partner"), r.start(), r.end())
    col.claimed.append((block[0].start(), block[-1].end()))
    return True


_DEAL_CELL = re.compile(r"\s*(?:(?:memorand(?:um|a)|letters? of intent|agreements?|protocols?)(?: (?:of|on) "
                        r"(?:cooperation|co-operation|understanding|friendship|intent))?|MoU|(?:cooperation|"
                        r"co-operation|friendship|partnership)(?: and (?:cooperation|co-operation|friendship))?"
                        r"(?: (?:agreement|protocol|memorandum|charter|accord))?)(?:\s*\([^()]*\))?\s*",
                        re.I)  # ('Cooperation agreement (tourism, culture)')


_AMONG_OTHERS = re.compile(r"(?:,\s+(?:among (?:others|them)|for example|for instance),)?")  # 'with, among others, A'


_HUB_TITLE = re.compile(r"\b(?:twin|sister|partner|friendship|friendly[- ]exchange)[- ](?:towns?|cit(?:y|ies)|"
                        r"municipalit(?:y|ies)|regions?|states?|provinces?|prefectures?)\b", re.I)


_TWINNING = re.compile(r"\btwinnings?\b", re.I)
_WHERE_COLUMN = re.compile(r"province|state|region|prefecture|county|country|location|district|land\b|voivodeship", re.I)


_HUB_NOUN_BEFORE = re.compile(_HUB_TITLE.pattern + r"\s+$", re.I)
_COUNTED_TOWNS = re.compile(r"\bwith\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:towns|cities|municipalities|regions)\b")


def _rule_owner_table(col, parties, block: list[re.Match]) -> bool:
    """A table under a heading naming the owner's partners ('Our twin towns', 'I. Sister
    cities (Friendship cities)'): the owner with the place of each row."""
    text = col.text
    above = [ln for ln in text[max(0, block[0].start() - 400):block[0].start()].splitlines() if ln.strip()]
    if len(above) > 2 and _PLUS_RULE.fullmatch(above[-1]) and "|" in above[-2]:
        above = above[:-2]  # (the table's header and its '-----+-----' rule, which end no block of rows)
    title = above[-1] if above else ""
    if len(above) > 1 and _DASH_RULE.fullmatch(title) and _HUB_TITLE.match(above[-2].strip()):
        title = above[-2]  # 'Partner city    Country    Agreement signed' over '-------': a header aligned by spaces
    if len(above) > 1 and len(title) > 80 and len(above[-2]) <= 80 and _HUB_TITLE.search(above[-2]) \
            and (re.search(r"\bthe following\b", title) or title.rstrip().endswith(":")) and ">" not in above[-2] \
            and not _HUB_TITLE.search(title):
        # 'Our sister cities' over '... agreements with the following cities. The year ...', or over
        # '... The most active partners in 2024 were:'
        title = above[-2]
    owner = page_owner(parties, text)
    hub_title = _HUB_TITLE.search(title) or (_HUB.search(title) and _INTRO_END.search(title))
    # (a heading, or an intro sentence ending in a colon: '... maintains twinning and friendship
    # agreements with six cities:')
    introduces = (len(title) <= 240 and title.rstrip().endswith(":")) or \
        (len(title) <= 600 and _LISTED_BELOW.search(title.rstrip()) is not None)  # '... are listed below.'
    # 'Twinning agreements are approved by ... The table below lists the agreements in force';
    # 'Umeå has formal twin-town agreements with four Nordic towns ...' over the table of the four
    introduces = introduces or (len(title) <= 600 and _COUNTED_TOWNS.search(title) is not None)
    hub_title = hub_title or (introduces and _TWINNING.search(title))
    if owner is None or not hub_title or _FORMER.search(title) or (len(title) > 80 and not introduces):
        return False
    header = next((r for i, r in enumerate(block[:-1]) if _RULE_ROW.fullmatch(block[i + 1].group())), block[0])
    # columns that say where a place lies ('Province / State', 'Country'), not a second partner
    where = {k for k, (a, b) in enumerate(_cells(text, header)) if _WHERE_COLUMN.search(text[a:b])}
    for i, r in enumerate(block):
        nxt = block[i + 1].group() if i + 1 < len(block) else ""
        if _FORMER.search(text[r.start():r.end()]) or _RULE_ROW.fullmatch(nxt):
            continue  # a former tie, or the header row over '|---|'
        places = [q for q in _in(parties, r.start(), r.end()) if q.kind in ("city", "region") and q.name != owner.name]
        cells = _cells(text, r)
        in_cells = [next((q for q in places if a <= q.start < b), None) if k not in where else None
                    for k, (a, b) in enumerate(cells)]
        if sum(q is not None for q in in_cells) >= 2:  # '| Einbeck | Thiais (France) | 1967 |': town with town
            a, b = [q for q in in_cells if q is not None][:2]
            col.add(a, b, _relation(title, "partner"), r.start(), r.end())
        elif places and "(" not in text[r.start():places[0].start] \
                and any(_CELL_OPENING.fullmatch(text, a, places[0].start) for a, b in cells):
            # (not 'Corning (New York)': where it lies; nor 'County of Maui, Hawaii', a partner the
            # gazetteer lacks, in its state)
            col.add(owner, places[0], _relation(title, "partner"), r.start(), r.end())
    col.claimed.append((block[0].start(), block[-1].end()))
    return True


# an intro paragraph that ends on the table below it
_LISTED_BELOW = re.compile(r"\b(?:(?:are|is)\s+listed\s+below|(?:are|is)\s+as\s+follows)\.?$|"
                           r"\b[Tt]he\s+(?:table|list)\s+below\s+(?:lists|shows|gives|sets\s+out)\b[^.:]{0,160}\.?$")
# what may open a table cell before its place: 'City of Milpitas', '3. Tainan'
_CELL_OPENING = re.compile(r"\s*(?:\d{1,2}[.)]\s*)?(?:(?:[Tt]he\s+)?(?:City|Town|Municipality|Comune|Stadt|Ville|Ciudad|"
                           r"State|Province|Prefecture|Region|County|Republic)\s+(?:of|de|di)\s+)?")


_HUB_CELL = re.compile(r"\s*(?:(?:sister|twin|partner|friendship)[- ](?:city|town|region|municipality)"
                       r"(?: agreement| relationship)?|twinning(?: agreement| charter)?)(?:\s*\([^()]*\))?\s*",
                       re.I)  # ('Sister city (hermanamiento)')


# a row of a table a text scrape kept aligned by spaces or tabs: 'Wrocław    Poland    2002    energy'
# (three cells or more; a line with a bar is a row of the other kind)
_ALIGNED_ROW = re.compile(r"(?m)^[ \t]*[^\s|][^|\n]*?\S(?: {2,}|\t+)\S[^|\n]*?\S(?: {2,}|\t+)\S[^|\n]*$")
_ALIGNED_GAP = re.compile(r" {2,}|\t+")
# two cells aligned by a wide gap ('  Nagpur                  Karlsruhe'): a pairs table's row
_ALIGNED_PAIR_ROW = re.compile(r"(?m)^[ \t]*[^\s|](?:(?! {2}|\t)[^|\n])*(?: {3,}|\t+)[^\s|](?:(?! {2}|\t)[^|\n])*$")


# between two bar rows: blank lines, or the rule lines of a drawn grid ('+------+-----+')
# ('----|-----' under a header whose rows have inner bars only, as '+-----+' is under a drawn grid)
_GRID_GAP = re.compile(r"(?:[ \t]*(?:\+[-=+]{3,}\+|[-=]{3,}(?:[|+][-=]{3,})+)?[ \t]*\n)*[ \t]*")


def _table_blocks(text: str) -> list[list[re.Match]]:
    """Runs of table rows on consecutive lines: rows with bars, and runs of three or more
    space-aligned rows."""
    blocks: list[list[re.Match]] = []
    for pattern, least in ((_TABLE_ROW, 1), (_ALIGNED_ROW, 3), (_ALIGNED_PAIR_ROW, 3), (_TWO_CELL_ROW, 3)):
        found: list[list[re.Match]] = []
        for r in pattern.finditer(text):
            if found and text[found[-1][-1].end():r.start()] == "\n":
                found[-1].append(r)
            elif found and pattern is _TABLE_ROW and _GRID_GAP.fullmatch(text, found[-1][-1].end(), r.start()):
                found[-1].append(r)
            else:
                found.append([r])
        blocks += [b for b in found if len(b) >= least]
    return sorted(blocks, key=lambda b: b[0].start())


def _cells(text: str, row: re.Match) -> list[tuple[int, int]]:
    """Character spans of a table row's cells ('| a | b |', 'a | b | c' without outer bars,
    or 'a   b   c' aligned by spaces)."""
    line = text[row.start():row.end()]
    if "|" not in line:
        cells, pos = [], row.start() + len(line) - len(line.lstrip())
        for gap in _ALIGNED_GAP.finditer(text, pos, row.start() + len(line.rstrip())):
            cells.append((pos, gap.start()))
            pos = gap.end()
        return cells + [(pos, row.start() + len(line.rstrip()))]
    bars = [i for i in range(row.start(), row.end()) if text[i] == "|"]
    if not line.lstrip().startswith("|"):
        bars = [row.start() - 1] + bars
    if not line.rstrip().endswith("|"):
        bars = bars + [row.end()]
    return [(a + 1, b) for a, b in zip(bars, bars[1:])]


_TOWN_COLUMN = re.compile(r"\b(?:city|town|municipality)\b", re.I)
_TIE_COLUMN = re.compile(r"\b(?:twin|sister|partner|paired|mentor|follower|fellow|transfer|receiving|replication)\s+"
                         r"(?:city|town|municipality)\b", re.I)


def _rule_aligned_pairs(col, parties: list[Party], block: list[re.Match]) -> bool:
    """'  Indian municipality     German municipality' over '  Nagpur     Karlsruhe' rows, under a
    heading that speaks of partnerships: a table of pairs aligned by spaces, one pair a row."""
    text = col.text
    header = _cells(text, block[0])
    if len(header) != 2 or _in(parties, block[0].start(), block[0].end()) \
            or not all(_MEMBER_COLUMN.search(text[a:b]) for a, b in header):
        return False
    above = [ln for ln in text[max(0, block[0].start() - 300):block[0].start()].splitlines() if ln.strip()]
    pair_header = all(_TOWN_COLUMN.search(text[a:b]) for a, b in header) and _TIE_COLUMN.search(block[0].group())
    if not pair_header and (not above or not (_HUB_CAPTION.search(above[-1]) or _PAIRINGS_ABOVE.search(above[-1]))):
        return False  # ('Pilot city | Twin city' says it is a table of pairs by itself)
    for r in block[1:]:
        row = [next(iter(_in(parties, a, b)), None) for a, b in _cells(text, r)]
        if len(row) == 2 and all(row):
            col.add(row[0], row[1], "pairing", r.start(), r.end())
    col.claimed.append((block[0].start(), block[-1].end()))
    return True


_TOTAL_ROW = re.compile(r"(?i:(?:grand\s+|sub-?)?totals?|sum|overall|in total)(?:\s+\(?[A-Z]{3}\)?)?:?")


def _cell_party(text: str, cell: tuple[int, int], parties: list[Party]) -> Party | None:
    a, b = cell
    # 'Regional Government of Andalusia (Junta ...)': the region rather than a bare 'Regional Government'
    inside = sorted(_in(parties, a, b), key=lambda p: p.kind == "organisation" and not has_org_head(p.name))
    name = text[a:b].strip()
    if inside and inside[0].kind == "organisation" and len(inside) == 1 and name.startswith(inside[0].name) \
            and re.fullmatch(r"[\w'’.&-]+(?:\s+[\w'’.&-]+){0,2}", name[len(inside[0].name):].strip() or "-"):
        inside = []  # 'Município de Campo Maior', which NER cut after 'Campo': the cell's whole name
    if inside:
        return inside[0]
    if not re.fullmatch(r"[A-Z][\w'’.&-]*(?:\s+[\w'’.&()-]+){0,7}", name) or _TOTAL_ROW.fullmatch(name):
        return None  # (a table's 'Total' row is no partner)
    start = a + text[a:b].index(name)
    return _without_gloss(Party(start, start + len(name), name, "organisation", None))


def _inline_lead(text: str, parties: list[Party], pos: int) -> Party | None:
    """The lead partner a sentence names before its partner list at ``pos`` ('The lead
    partner is the City of Maribor; the partners are ...', 'the University of Tartu is the
    coordinator, and the partners are ...')."""
    s0 = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos)) + 1
    for p in _in(parties, s0, pos):
        if _LEAD_IS.search(text[s0:p.start]) or _IS_LEAD.match(text, p.end):
            return p
    return None


_PROSE = re.compile(r"[a-z0-9)]{2}\.\s+[A-Z]")  # two sentences


def _rule_partner_lists(col, parties, doc) -> None:
    """'Partners: A (IT), B (JP)', 'The partners are : the City of A (project leader) and
    ...', and bullet lists under 'The consortium has four members:'."""
    text = col.text
    heads = sorted([*_LIST_HEAD.finditer(text), *_LIST_INTRO.finditer(text), *_LIST_INLINE.finditer(text)],
                   key=lambda m: m.start())
    for m in heads:
        end = _list_end(text, m.end())
        lead = None
        line_end = text.find("\n", m.end())
        if "\n" not in m.group() and line_end > m.end():
            end = min(end, line_end)  # '- Partners: A (lead), B, C' inline: the list is this line
        if m.re is _LIST_INLINE:
            # the list opens right away ('The partners are İzmir ..., the Municipality of Sfax'),
            # not 'The partners are co-financed by ...' nor 'are inspired by the superblocks of Barcelona'
            first = next((p for p in parties if p.start >= m.end()), None)
            if first is None or not _LIST_OPENING.fullmatch(text, m.end(), first.start):
                continue
            stop = _CLAUSE_END.search(text, m.end())
            end = min(end, stop.start() if stop else end)  # to the sentence's end
            lead = _inline_lead(text, parties, m.start())
        if col.is_claimed(m.end(), end):
            continue
        if m.re is _LIST_HEAD and ":" not in m.group() and not _BULLET.match(text, m.end()) \
                and _PROSE.search(text, m.end(), end):
            continue  # 'Funding and partners' over a paragraph of sentences: a section, not a list
        members = _bullet_members(text, m.end(), end, parties) if _BULLET.match(text, m.end()) else \
            _list_members(_in(parties, m.end(), end), text)
        s0, s1 = m.start(), end
        if lead is not None and all(p.name != lead.name for p in members):
            members, s0 = [lead] + members, lead.start
        if len(members) < 2:
            continue
        partial = _PARTIAL_LIST.search(text[max(0, m.start() - 200):end]) \
            or _MORE_UNNAMED.match(text, members[-1].end)  # 'of 38 partners ... Other partners include'; ', as well as universities'
        # a bullet list is as long as its bullets, also those whose partner is no known party
        size = max(len(members), len(_BULLET.findall(text, _line_start(text, m.end()), end)))
        if size <= MAX_LIST and not _ASSOCIATED.search(m.group()) and not partial:
            col.clique(members, "partner", s0, s1)
        # a longer list links no pairs (the lead partner is one of many), nor do associated
        # partners or observers, who support a project without being its partners


_HEADING_LIST = re.compile(r"(?mi)^[ \t]*(?P<head>(?P<lead>lead partner|coordinator)|(?:project )?partners|consortium|"
                           r"(?:consortium )?members)[ \t]*\n(?:[ \t]*\n)?(?=[ \t]*\S)")  # (a blank line between)


# 'Statutory City of ', and a role code: 'LP  Municipality of Florina', 'PP2 City of Bitola'
_LINE_LEAD = re.compile(r"[\s|•*\d.)-]*(?:" + ROLE_CODE.pattern + r"[ \t]+)?"
                        r"(?:(?:[A-Z][\w-]*\s+){1,2}of\s+(?:the\s+)?)?")


_BULLET_LINES = re.compile(r"(?:[ \t]*(?:[-•*–·]|\d+[.)])[ \t]+[^\n]*(?:\n|$))+")


def _heading_items(text: str, start: int, parties: list[Party]) -> list[Party]:
    """The party opening each line under a heading, to the next blank line; none unless
    every line opens with one (a line without is a partner not known as a party, and the
    list would look shorter than it is). Bullets end at the first line that is no bullet,
    and in a list of up to MAX_LIST bullets one opened by no known party leaves the others."""
    end = text.find("\n\n", start)
    end = len(text) if end < 0 else end
    if _BULLET.match(text, start):  # bullets: up to the first line that is none ('The project also ...')
        end = min(end, _BULLET_LINES.match(text, start).end())
        members, lines = [], 0
        for b in _BULLET.finditer(text, start, end):
            lines += 1
            line_end = text.find("\n", b.start())
            line_end = end if line_end < 0 else min(line_end, end)
            head = next((p for p in parties if b.start() <= p.start < line_end), None)
            if head is not None and _LINE_LEAD.fullmatch(text, b.start(), head.start):
                members.append(head)
        # (a bullet opened by no known party: the pairs of the others, in a list short enough)
        return members if len(members) == lines or lines <= MAX_LIST else []
    items, pos = [], start
    for line in text[start:end].split("\n"):
        first = next((p for p in parties if pos <= p.start < pos + len(line)), None)
        if first is not None and _LINE_LEAD.fullmatch(text, pos, first.start):
            items.append(first)
        elif line.strip():
            return []
        pos += len(line) + 1
    return items


def _rule_heading_lists(col, parties) -> None:
    """Partners as lines under heading lines, as a definition list reads once extracted:
    'Lead partner' / 'City of Maribor – Slovenia' / '' / 'Project partners' / 'Municipality
    of Győr – Hungary' / ... A lead partner's list and the partners' list right after it
    are one list; up to MAX_LIST members link every pair."""
    text = col.text
    groups: list[tuple[int, int, list[Party], bool]] = []  # start, end, members, opened by a lead's heading
    for m in _HEADING_LIST.finditer(text):
        items = _heading_items(text, m.end(), parties)
        if not items:
            continue
        end = max(p.end for p in items)
        if groups and groups[-1][3] and not m.group("lead") and m.start() - groups[-1][1] < 80:
            a, _, members, _ = groups[-1]
            groups[-1] = (a, end, members + items, False)  # the partners right under the lead partner
        else:
            groups.append((m.start(), end, items, m.group("lead") is not None))
    for a, b, members, _ in groups:
        if 2 <= len(members) <= MAX_LIST and not col.is_claimed(a, b):
            col.clique(members, "partner", a, b)


_BULLET = re.compile(r"(?m)^[ \t]*(?:[-•*–·]|\d+[.)]|\([a-z]\)|\(\d+\))[ \t]+")  # ..., "(b)", "(2)"
# a list that is only part of the partners: 'other partners include', 'a consortium of 38 partners'
_PARTIAL_LIST = re.compile(r"\b(?:other|further|among (?:the|its) \w+)\s+(?:\w+\s+)?(?:partners|members)\b|"
                           r"\b(?:[5-9]|[1-9]\d+|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:\w+\s+)?(?:partners|members)\b",
                           re.I)


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


def _bullet_members(text: str, start: int, end: int, parties: list[Party]) -> list[Party]:
    """One party per bullet line: 'Jordan University of Science and Technology (JUST), Irbid,
    Jordan' is one partner, not a university and a town."""
    members = []
    for b in _BULLET.finditer(text, start, end):
        line_end = text.find("\n", b.end())
        line_end = end if line_end < 0 else min(line_end, end)
        items = _list_members(_in(parties, b.end(), line_end), text)
        head = _unknown_town_head(text, b.end(), line_end, items)
        if head is not None or items:
            members.append(head or items[0])
    return members


# 'Saint-Valery-en-Caux, Normandy, France – twinned in 1986': a capitalised name opening
# the item, then where it lies
_ITEM_HEAD = re.compile(r"[A-Z][\w'’.]*(?:(?:[ -]|-(?:en|sur|sous|le|la|les|am|an|im|de|del|di)-)[A-Z][\w'’.]*)*"
                        r"(?=\s*(?:,|\())")


def _unknown_town_head(text: str, start: int, end: int, items: list[Party]) -> Party | None:
    """A town the gazetteer does not know, opening a list item that goes on with its
    region or country: the item's partner. Only when no known party opens the item."""
    m = _ITEM_HEAD.match(text, start)
    if m is None or (items and items[0].start < m.end()) or len(m.group()) < 3:
        return None
    where = text[m.end():end]
    country = re.match(r"\s*(?:,\s*(?:[A-Z][\w'’-]*\s*)+,\s*|,\s*|\()(?:the\s+)?([A-Z][\w'’ -]*?)\s*(?:[),;–—-]|$)",
                       where)
    region_next = bool(items) and re.fullmatch(r"\s*,\s*", text[m.end():items[0].start]) is not None \
        and items[0].kind == "region"
    if not (region_next or (country and country.group(1) in country_names())):
        return None
    return Party(m.start(), m.end(), m.group(), "city", None)


# ';', ',', 'and', a line break, or a sentence's end ('Lead partner: X. Partners: A, B'; not 'S. Maria')
_ITEM_SEPARATOR = re.compile(r"[;,\n]|\band\b|(?<![A-Z])(?<!\bSt)\.\s|:\s")


_LOCATOR_TAIL = re.compile(r",[ \t]*(?:the[ \t]+)?[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,2}[ \t]*$", re.M)


def _list_members(block: list[Party], text: str) -> list[Party]:
    """One party per list item; items are split by ';', ',', 'and' or line breaks. In an
    item naming both a city and an organisation, the city stands for the item unless
    the item begins with the organisation."""
    members: list[Party] = []
    for p in block:
        if members:
            gap = text[members[-1].end:p.start]
            tail = _LOCATOR_TAIL.match(text, p.end) if p.kind == "region" and members[-1].kind == "city" \
                and "\n" not in gap else None
            if tail and not any(p.end <= q.start < tail.end() for q in block):
                continue  # 'Town of Nowy Targ (Gmina Miasto Nowy Targ), Małopolskie Voivodeship, Poland': where it is
                # (not 'Partners: Lyon, Catalonia, Turin', whose tail is a partner)
            if not _ITEM_SEPARATOR.search(gap) or re.fullmatch(r"\s*[–—-]\s*(?:the\s+)?", gap):
                # 'Hlavní město Praha – City of Prague': one item, keep the city
                if p.kind == "city" and members[-1].kind != "city" and "\n" not in gap:
                    members[-1] = p
                continue
        members.append(p)
    return members


_ADMIN_PREFIX = r"(?:(?:Regional |State |Provincial )?(?:Government|State|Province|Region|City|Municipality|Autonomous Community)\s+of\s+(?:the\s+)?)?"
_DASH = re.compile(r"^\s*(?:(?:City|Town)\s+)?(?:\([^()]{1,40}\))?\s*(?:[–—↔⇄→-]|<->|->)\s*(?:the\s+)?" + _ADMIN_PREFIX + "$")
_SIGN_GAP = r"[\s)]*(?:\([^()]{1,40}\))?\s*"  # what stands between a place and a sign after it: '(Allgäu) '
_ARROW = re.compile(_SIGN_GAP + r"(?:[↔⇄→]|<->|->)\s*")  # 'Kempten (Allgäu) ↔ Idrija': a pair by its sign


_CODE_THEN_DASH = re.compile(r"[ \t]*\([A-Z]{2}\)[ \t]*[–—-][ \t]*")
_BRACKET_AFTER = re.compile(r"[ \t]*\(")


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
        if len(run) == 2 and run[0].kind == "city" and run[1].kind == "region" \
                and _CODE_THEN_DASH.fullmatch(text, run[0].end, run[1].start) and not _BRACKET_AFTER.match(text, run[1].end):
            i += len(run)  # '- Guingamp (FR) – Brittany; covered market': a partner and its region, no pair
            continue
        if 2 <= len(run) <= MAX_LIST:
            if any(p.kind == "region" for p in run):  # 'Emilia-Romagna (IT) – Santa Catarina (BR)': region to region
                run = [_as_region(text, p) if p.kind == "city" else p for p in run]
            a, b = run[0].start, run[-1].end
            line_start = text.rfind("\n", 0, a) + 1
            line_end = text.find("\n", b)
            line_end = len(text) if line_end < 0 else line_end
            # 'Beja (Portugal), Lamia (Greece) and Ogre (Latvia) -> Ghent (Belgium)': three visitors, one host
            visitors = _visitors(text, parties[:i], run, line_start)
            a = visitors[0].start if visitors else a
            # a row of its own, or one of several pairs in a line ('Pairs: A (SE) – B (BG); C (FI) – D (GR)')
            seg_start = max(line_start, text.rfind(";", line_start, a) + 1, _label_end(text, line_start, a))
            row_start = re.fullmatch(r"[\s|•*\d.)-]*(?:No\.?\s*\d+\s+)?" + _ADMIN_PREFIX, text[seg_start:a]) is not None \
                and (seg_start == line_start or all(p.kind in ("city", "region") for p in run))
            # (a state or province may stand between the town and its country: 'London, Ontario (Canada)')
            # (and the year the pair dates from: 'Karlstadt – Mauléon (France), since 1986')
            # ('Kawagoe City – Ottumwa, Iowa, USA (1977) and Offenbach am Main, Germany (1991)': one
            # town's partners, each with where it lies)
            more, last = [], b
            while len(run) == 2 and i + len(run) + len(more) < len(parties) and \
                    (nxt := parties[i + len(run) + len(more)]).start < line_end and \
                    _ROW_AND.fullmatch(text, last, nxt.start):
                more.append(nxt)
                last = nxt.end
            row_end = _ROW_END.match(text[last:line_end]) is not None or (
                _BULLET.match(text, line_start) is not None and _ROW_THEN_PROSE.match(text[last:line_end]) is not None
                and all(p.kind in ("city", "region") for p in run))
            # ('- Lidköping – Kandy, Sri Lanka. The partnership will address ...': a bullet's pair of towns, then
            # its story; not '- Åbo Akademi University – Turku (Åbo), Finland. ...', a member and where it is)
            pairing = _DASH_PAIRING.match(text[b:line_end])
            if text[line_start:line_end].isupper():
                i += len(run)  # 'BACKGROUND – ÅLESUND': a heading, no pairing row
                continue
            places = any(p.kind in ("city", "region") for p in run)  # 'Secretaría General – Dirección ...' is no pair
            # 'Region of Central Macedonia – Directorate of Development Planning': a body and its own unit
            places = places and not any(p.kind == "organisation" and _SUBUNIT.match(p.name) for p in run)
            # 'Leipzig – Leipzig University', 'Vienna – University of Vienna': a list item and its town
            places = places and not (len(run) == 2 and _located_org(*run))
            if (row_start and row_end and places) or pairing:
                col.clique(run, "pairing", line_start, line_end)
                for p in visitors:
                    col.add(p, run[1], "pairing", line_start, line_end)
                for p in more if row_start and row_end and places else []:
                    col.add(run[0], p, "pairing", line_start, line_end)
        i += len(run)


# where a row's partner lies and since when: ', Illinois, USA (1991)', ' (France), since 1986'
_WHERE = r"(?:\s+City(?=\s*\())?(?:(?:,\s*[A-Z][\w .'’-]{1,30}){1,2}(?=\s*(?:\(|\s+and\s)))?\s*(?:\([^()]{1,40}\))?"
_ROW_END = re.compile(_WHERE + r"\s*(?:[,;]?\s*[–—-]?\s*(?:since|from)\s+(?:19|20)\d\d)?\s*(?:[|:;]|[,.]?\s*$)")
_ROW_THEN_PROSE = re.compile(r"(?:\s*\([^()]{1,40}\))?(?:,\s*[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*){0,2})?\s*\.\s+[A-Z]")
_ROW_AND = re.compile(_WHERE + r"\s*(?:,\s*)?(?:and|&)\s+")


_TO_HOST = re.compile(_SIGN_GAP + r"(?:->|→)\s*")  # 'Ogre (Latvia) -> Ghent': a visitor and its host
_VISITOR_GLUE = re.compile(r"\s*(?:\([^()]{1,40}\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)")


def _visitors(text: str, before: list[Party], run: list[Party], line_start: int) -> list[Party]:
    """The places listed on the line before a directed pair's first ('A (PT), B (GR) and
    C (LV) -> D'): each goes to the same host."""
    if len(run) != 2 or not _TO_HOST.fullmatch(text, run[0].end, run[1].start):
        return []
    out: list[Party] = []
    nxt = run[0]
    for p in reversed(before):
        if p.start < line_start or not _VISITOR_GLUE.fullmatch(text, p.end, nxt.start):
            break
        out.insert(0, p)
        nxt = p
    return out


def _label_end(text: str, line_start: int, pos: int) -> int:
    """Where a line's 'Pairs:' label ends (its start when it has none)."""
    label = re.match(r"[\s|•*\d.)-]*[A-Z][\w ]{0,25}:\s*", text[line_start:pos])
    return line_start + label.end() if label else line_start


def _located_org(a: Party, b: Party) -> bool:
    """One is a town and the other an organisation that bears the town's name."""
    town, org = (a, b) if a.kind == "city" else (b, a)
    return town.kind == "city" and org.kind == "organisation" and \
        re.search(rf"(?<!\w){re.escape(town.name)}(?!\w)", org.name) is not None


_ARE_PARTNERS = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:are|were|remain|became|have become)\s+(?:also\s+)?"
                           r"(?:(?:our|its|the|their)\s+)?(?:(?:other|remaining|two|three|four|five|newest|oldest|"
                           r"current|official)\s+)?(?P<cue>(?:twin|sister|partner|friendship)[- ](?:towns|cities|"
                           r"municipalities|regions))\b(?P<of>\s+of\s+(?:the\s+)?)?")


def _rule_are_partners(col, ps: list[Party], doc: Doc, home: Party | None, s0: int, s1: int) -> None:
    """'Sarajevo (Bosnia and Herzegovina) and Pula (Croatia) are the remaining twin towns':
    the places opening the sentence are the page's own partners ('... are the twin towns
    of Maribor': that party's)."""
    text = col.text
    if not ps or not _OPENS.fullmatch(text, s0, ps[0].start):
        return
    run = coordinated(ps, doc, 0, text)
    m = _ARE_PARTNERS.match(text, run[-1].end)
    if m is None:
        return
    owner = next((p for p in ps if p.start == m.end()), None) if m.group("of") else home
    for p in run if owner is not None else []:
        if p.name != owner.name:
            col.add(owner, p, _relation(m.group("cue"), "partner"), s0, s1)


def _rule_led_by_with(col, ps: list[Party], doc: Doc, s0: int, s1: int) -> None:
    """'a project led by Canelones (Uruguay) with Quilmes (Argentina) and Valparaíso
    (Chile)': the lead and its partners are one team, every pair up to MAX_LIST members."""
    for lead in ps:
        if not _LED_BY.search(col.text, max(s0, lead.start - 30), lead.start):
            continue
        glue = _LED_WITH.match(col.text, lead.end, s1)
        i = _first_after(ps, glue.end(), within=5) if glue else None
        if i is not None:
            col.clique([lead] + [p for p in coordinated(ps, doc, i, col.text) if p.name != lead.name],
                       "partner", s0, s1)


_AUTHORITY_OF = r"(?:(?:City|Municipality|Town|Region|County|Province|Commune|Comune) of\s+)?"  # 'the Municipality of Bizerte'
_LED_BY = re.compile(r"\b(?:[Ll]ed|[Cc]oordinated|[Hh]eaded)\s+by\s+(?:the\s+)?" + _AUTHORITY_OF + "$")
_LED_WITH = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?(?:,?\s*(?:together\s+)?with|"
                       # 'Led by the Municipality of Bizerte, it brings together the Municipality of Larnaca ...'
                       r",\s*(?:it|the\s+(?:[a-z-]+\s+)?(?:project|network|partnership|consortium|initiative))\s+(?:also\s+)?"
                       r"(?:brings\s+together|unites|involves|gathers|connects|joins)|"
                       r",\s*(?:its|the)\s+(?:other\s+)?partners\s+(?:are|include))\s+(?:the\s+)?" + _AUTHORITY_OF)
_AS_LEAD = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?as\s+(?:the\s+)?(?:lead partner|coordinator|project leader)\s+"
                      r"and\s+(?:the\s+)?")
_AS_PARTNERS = re.compile(r"\s*(?:\([^()]{1,40}\)\s*)?as\s+(?:its\s+|the\s+)?(?:project\s+)?partners\b")


def _rule_as_lead_and_partners(col, ps: list[Party], doc: Doc, s0: int, s1: int) -> None:
    """'with the Kvarken Council EGTC as lead partner and the Municipality of Umeå and the
    City of Vaasa as partners': one team, every pair up to MAX_LIST members."""
    for lead in ps:
        glue = _AS_LEAD.match(col.text, lead.end, s1)
        i = _first_after(ps, glue.end(), within=30) if glue else None
        if i is None:
            continue
        run = coordinated(ps, doc, i, col.text)
        if _AS_PARTNERS.match(col.text, run[-1].end, s1):
            col.clique([lead] + [p for p in run if p.name != lead.name], "partner", s0, s1)


_WITH_LIST = re.compile(r",\s*with\s+(?:the\s+)?")
_AS_SOME_PARTNERS = re.compile(r"(?:\s+in\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)?\s*(?:\([^()]{1,40}\)\s*)?as\s+(?:its\s+|the\s+)?(?:[a-z-]+\s+)?partners\b")
_LED = re.compile(r"\b(?:led|leads|leading|coordinated|coordinates|coordinating)\b")


def _rule_led_with_partners(col, ps: list[Party], doc: Doc, s0: int, s1: int) -> None:
    """'Antwerp led the Transfer Network YOUTH SPOTS, with Volos in Greece, Liepāja in Latvia
    and Leiria in Portugal as receiving partners': the sentence's leader with each partner."""
    for m in _WITH_LIST.finditer(col.text, s0, s1):
        i = _first_after(ps, m.end(), within=5)
        if i is None:
            continue
        run = coordinated(ps, doc, i, col.text)
        lead = ps[0] if ps[0].end <= m.start() and _OPENS.fullmatch(col.text, s0, ps[0].start) else None
        if lead is None or not _AS_SOME_PARTNERS.match(col.text, run[-1].end, s1) \
                or not _LED.search(col.text, lead.end, m.start()):
            continue
        for b in run:
            if b.name != lead.name:
                col.add(lead, b, "lead_partner", s0, s1)


_EXAMPLE_INTRO = re.compile(r"\b(?:[Ff]or (?:example|instance)|e\.g\.|[Ee]xamples (?:include|are)|such as|including"
                            r"|(?:pairs|pairings|twinnings|partnerships) (?:include|are))"
                            r"[,:]?\s+(?:the\s+)?$")
_PAIR_GLUE = re.compile(r"\s+(?P<glue>and|&|with)\s+(?:the\s+)?")
_PAIR_DATED = re.compile(r"(?:,\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?)?\s*\((?:since|from)\s+(?:19|20)\d\d\)")
_PAIRS_WORD = re.compile(r"\bpairs\b")  # 'other pairs include Turin with Nagoya and ...'
_PAIR_NEXT = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+)?")


def _rule_example_pairs(col, ps: list[Party], s0: int, s1: int) -> None:
    """Pairs listed as examples, each on its own: 'Examples include Kobe and Seattle (since
    1957), Himeji and Phoenix (since 1976), and Akashi and Vallejo, California (since
    1968)'; 'agreements with Ukrainian municipalities, for example Linköping with Vinnytsia
    and Karlstad with Bila Tserkva'."""
    text = col.text
    if len(ps) < 2 or not (_LINK_NOUN.search(text, max(0, s0 - 300), s1) or _PAIRS_WORD.search(text, s0, s1)):
        return
    pairs: list[tuple[Party, Party]] = []
    i, last_end = 0, None  # where the pair before ends, while pairs follow each other
    while i + 1 < len(ps):
        a, b = ps[i], ps[i + 1]
        glue = _PAIR_GLUE.fullmatch(text, a.end, b.start)
        dated = _PAIR_DATED.match(text, b.end)
        intro = _EXAMPLE_INTRO.search(text, s0, a.start)
        opens = (intro is not None and intro.end() == a.start) or \
            (last_end is not None and _PAIR_NEXT.fullmatch(text, last_end, a.start))
        if glue and (dated or glue.group("glue") == "with") and opens:
            pairs.append((a, b))
            last_end, i = dated.end() if dated else b.end, i + 2
            while i < len(ps) and ps[i].end <= last_end:
                i += 1  # 'Vallejo, California (since 1968)': the state locates the town
            continue
        last_end, i = None, i + 1
    for a, b in pairs:
        col.add(a, b, _relation(text[max(0, s0 - 300):s1], "partner"), s0, s1)


_LABEL_BULLET = re.compile(r"^[ \t]*[-•*][ \t]+(?:(?!\band\b)[^\n:,])+:", re.M)


def _news_label(text: str, after: int, a: int, b: int) -> bool:
    """'- Granada and Guildford: no news in this issue.' among '- Besançon: ...' items: news
    of the owner's partners by town, a label, not a pair."""
    if not re.match(r"\s*:", text[after:after + 3]):
        return False
    return _LABEL_BULLET.search(text[max(0, a - 600):min(len(text), b + 600)]) is not None


def _rule_pair_bullets(col, parties, doc) -> None:
    """Bullet items that each open with a pair ('- Bonn and Cape Coast, Ghana, ...') or a
    trio ('- Potsdam, Versailles and Opole - a youth forum') under a paragraph that speaks of
    partnerships or pairings."""
    text = col.text
    for m in _BULLET.finditer(text):
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        ps = _in(parties, m.end(), line_end)
        if len(ps) < 2 or ps[0].start > m.end() + 5 or col.is_claimed(ps[0].start, ps[-1].end):
            continue  # (or a line another rule read as an owner's list: '- Sister cities: A (USA), B (USA)')
        run = ps[:2] if _ARROW.fullmatch(text, ps[0].end, ps[1].start) else coordinated(ps, doc, 0, col.text)
        intro = text[max(0, m.start() - 400):m.start()]
        if len(run) in (2, 3) and _PAIRS_INTRO.search(intro) and not _news_label(text, run[-1].end, m.start(), line_end):
            col.clique(run, _relation(intro[-200:], "partner"), m.start(), line_end)  # ('- A, B and C - a forum')
