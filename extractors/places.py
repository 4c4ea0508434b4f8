"""Places: countries, regions and cities, resolved together because each is the
other's context ("Latina" near "Lazio" and "Italian towns" is Latina, Italy).

Steps, all pure functions of the spaCy Doc:
1. find candidate spans: country names/codes/demonyms, region names and typed region
   phrases ("Bacau County"), GeoNames city names (token n-grams looked up by name key);
2. keep the longest non-overlapping spans (a country beats a same-length city name,
   a city beats a same-length region name unless the page declares it a region);
3. accept a city span only with enough evidence that it is a place here (NER label,
   "City of X", the name on a list line, population...), not a person or part of an
   organisation name or an image credit;
4. pick the GeoNames record per name by population plus context: countries, regions
   and other cities named in the same sentence and page.
"""
from __future__ import annotations

import itertools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Span

from .geo import MAX_NAME_TOKENS, Candidate, City, gazetteer
from .lexicons import (EU_CODES, ambiguous_city_keys, common_word_town_keys, countries, country_names, demonyms,
                       not_city_keys, regions)
from .records import CityRecord, CountryRecord, Mention, RegionRecord
from .orgs import ADMIN_WORDS, SOCIETY_HEADS, TIE_NAMES, has_org_head, names_organisation
from .text import (Sentences, credit_ranges, doc_text, inside, line_bounds, literal_alternation, name_key,
                   token_words)

# lower-case words inside place names ('Ústí nad Labem', 'Rothenburg ob der Tauber', 'Alphen aan den Rijn')
PARTICLES = frozenset("de del della di da do dos das la le les am an der den dem im upon on sur en y e el al es "
                      "nad pod ob bei unter aan op sul sulla i vor".split())  # (i: Vilanova i la Geltrú)
CITY_CUES_BEFORE = re.compile(
    r"(?:\b(?:city|municipality|town|village|comune|commune|mayors?|city council|city hall|"
    r"municipal council|ayuntamiento|ville|stadt|gemeinde|cidade|ciudad|prefeitura|alcald[ií]a|"
    r"municipalidad|municipio|concello|citt[aà]|miasto|gmina|intendencia|c[aâ]mara municipal|akimat|hokimiyat)"
    r"\s+(?:of|de|di|von|du|da|do|del)\s+(?:the\s+)?)$"
    r"|\b(?:gemeente|kommune|kommun|gmina|miasto|mesto|město|stadt|comune)\s+$"
    r"|\b(?:twinned|paired)\s+with\s+$|\b(?:sister|twin)[ -](?:city|town)\s+of\s+$"  # 'twinned with Nice'
    r"|\b(?-i:twinning\s+(?:links?\s+)?with)\s+$"  # "Fishguard's twinning with Loctudy" (not 'TWINNING WITH THE CITY')
    # French and German pages: 'la commune sarroise de', 'le bourgmestre de', 'jumelée avec', 'Partnergemeinde'
    r"|\b(?:commune|ville|municipalit[ée])\s+(?:[a-zàâçéèêëîïôûü]+\s+)?(?:de\s+|d['’])$"
    r"|\b(?:maire|bourgmestre|b[üu]rgermeister(?:in)?|sindaco|alcalde(?:sa)?)\s+(?:de\s+|d['’]|von\s+|di\s+)$"
    r"|\bjumel[ée]e?s?\s+(?:depuis\s+\d{4}\s+)?avec\s+(?:la\s+(?:commune|ville)\s+(?:de\s+|d['’]))?$"
    r"|\b(?:partnergemeinden?|partnerst[aä]dte?|partnerkommune)\s+$"
    r"|\b(?-i:(?:twin|sister|partner)[ -](?:town|city))[,:]?[ \t]+$",  # 'our German twin town, Eppstein'
    # (in lower case: the 'Sister City Grant Program' names no town Grant)
    re.IGNORECASE,
)
# 'Hamilton remains twinned with', 'Montereau and Wertheim have been twinned': the subject
# of a twinning is a town
TWINNED_AFTER = re.compile(
    r"(?:[ \t]*\([^()\n]{1,30}\)|\.?\))?"  # 'Halle (Westf.) is twinned with' (GeoNames spells 'Halle (Westf')
    r"(?:[ \t]+and[ \t]+[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?)?[ \t]+"
    r"(?:(?:is|are|was|were|remains|remain|has been|have been|had been)[ \t]+)?(?:also[ \t]+|still[ \t]+)?"
    r"twinned\b"
    r"|['’]s[ \t]+twinning[ \t]+(?:links?[ \t]+)?with\b")  # "Fishguard's twinning with"
CITY_CUES_AFTER = re.compile(
    r"^(?:\s+(?:City|Municipality|municipality|City Council|city council|Town Council|"
    r"Metropolitan Assembly|Municipal Assembly|City Assembly|Assembly|Municipal Council|City Government|"
    r"Metropolitan Government|"
    r"Regional Council|Shire Council|"
    r"Metropolitan City|Metropolitan Area|metropolitan area|Councillor|Councilor|Mayor|mayor|"
    r"city|town)\b|\s*\([A-Z]{2}\)"
    r"|,\s+an?\s+(?:[\w-]+\s+){0,2}?(?:town|city|municipality|village|port)\b(?!-))"  # 'Differdange, a Luxembourg town'
)
REGION_TYPES = ("region", "state", "province", "county", "department", "prefecture", "voivodeship",
                "voivodship", "canton", "oblast", "governorate", "autonomous community", "land")
CITY_TYPES = ("city", "town", "municipality", "capital", "port", "village", "metropolis", "commune")
_TYPE_WORD = "|".join(REGION_TYPES)
# a capitalised word of a region's name; a full stop only inside it or in 'St.' ('Baltimore.
# Bong County' is no region)
_REGION_WORD = r"(?:St\.|[A-Z][\w’'-]*(?:\.[\w’'-]+)*)"
_REGION_WORD_BEFORE_TYPE = r"(?:St\.|[A-Z][\w-]*(?:\.[\w-]+)*)"  # no possessive: "South Africa's Gauteng province"
TYPED_REGION = re.compile(
    rf"\b(?:(?:the\s+)?(?:{_TYPE_WORD})\s+of\s+(?P<a>{_REGION_WORD}(?:[\s-]+(?:{_REGION_WORD}|de|del|y|do|da)){{0,3}})"
    rf"|(?<![\w’'])(?P<b>{_REGION_WORD_BEFORE_TYPE}(?:[ -]{_REGION_WORD_BEFORE_TYPE}){{0,2}})\s+(?i:{_TYPE_WORD})\b)",
)
_NOT_REGION_NAMES = frozenset("the a an this that each every one member european federal national "
                              "central free island united our their its his her whole entire "
                              "capital smart green new same other north south east west northern "
                              "southern eastern western upper lower middle sister partner twin friendship "
                              "host".split())  # ('Sister State', 'Partner Region': a tie, no region's name)
DECLARED = re.compile(
    r"^\W*(?P<name>[A-Z][\w’'.-]*(?:[ -][A-Z][\w’'.-]*|\s(?:de|del|la|y|do|da)){0,3})\s+"
    r"(?:is|was|remains)\s+(?P<rest>[^.;:]{0,120})"
)
_DECL_STOP = frozenset("home of in with for that which who where to from on at by as".split())


@dataclass
class Match:
    start: int
    end: int
    kind: str  # country | demonym | code | region | typed_region | city
    key: str
    value: object = None  # alpha2, Region tuple, Candidate tuple
    tok_start: int = -1
    tok_end: int = -1
    priority: float = 0  # which of two same-length matches wins (see resolve_overlaps)


@dataclass
class PlaceResult:
    cities: list[CityRecord] = field(default_factory=list)
    countries: list[CountryRecord] = field(default_factory=list)
    regions: list[RegionRecord] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)


# ---------------------------------------------------------------- candidates

@lru_cache(maxsize=None)
def _country_regex() -> re.Pattern:
    return re.compile(rf"(?<![\w-]){literal_alternation(country_names())}(?![\w-])")


@lru_cache(maxsize=None)
def _demonym_regex() -> re.Pattern:
    return re.compile(rf"(?<![\w-]){literal_alternation(demonyms())}(?![\w-])")


_CODE = re.compile(r"\((?P<code>[A-Z]{2})\)|(?<=\|)[ \t]*(?P<cell>[A-Z]{2})[ \t]*(?=\|)")  # '(IT)', or a table cell 'IT'
# Names that contain a country name but are not the country.
_NOT_COUNTRY = re.compile(r"\b(?:Latin|South|North|Central) American?\b|\bNew Mexico\b|\bAmericas\b|"
                          r"\bNew South Wales\b|\bNew England\b|\bGuinea pig")


def country_matches(text: str) -> list[Match]:
    blocked = [(m.start(), m.end()) for m in _NOT_COUNTRY.finditer(text)]
    names = country_names()
    out = []
    for m in _country_regex().finditer(text):
        if not any(a <= m.start() < b for a, b in blocked):
            out.append(Match(m.start(), m.end(), "country", name_key(m.group()), names[m.group()], priority=3))
    known = countries()
    for m in _CODE.finditer(text):
        group = "code" if m.group("code") else "cell"
        code = EU_CODES.get(m.group(group), m.group(group))
        if code in known:
            out.append(Match(m.start(group), m.end(group), "code", code.lower(), code, priority=3))
    dem = demonyms()
    for m in _demonym_regex().finditer(text):
        if any(a <= m.start() < b for a, b in blocked):
            continue
        out.append(Match(m.start(), m.end(), "demonym", m.group().lower(), dem[m.group()], priority=3))
    return out


_NAME_GOES_ON = re.compile(r"(?:[ \t]+[A-Z][\w’'-]*){0,3}")


_OFFICE_WORDS = frozenset("relations affairs cooperation planning finance culture education health transport "
                          "environment works services development communications".split())


def typed_region_matches(text: str) -> list[Match]:
    """'Region of Lazio', 'Bacau County', 'Lam Dong Province', 'the Italian region of Lazio'."""
    out = []
    for m in TYPED_REGION.finditer(text):
        group = "a" if m.group("a") else "b"
        name = m.group(group).strip()
        words = {w.lower() for w in re.split(r"[\s-]+", name) if w}
        if not words or words <= _NOT_REGION_NAMES or "\n" in m.group() or name in demonyms() \
                or name in country_names():
            continue
        start = m.start()
        if group == "b":
            if re.fullmatch(r"[A-Z]{2,3}", name):
                continue  # 'the US state of Massachusetts': a country's code, no region's name
            if has_org_head(_NAME_GOES_ON.match(text, m.end()).group()) and name_key(name) not in regions():
                continue  # 'the Klaipėda State Seaport Authority': an organisation's name, no region
            if m.group().split()[-1].lower() == "department" and words & _OFFICE_WORDS:
                continue  # 'the International Relations Department': a city's office, no département
            if m.group().split()[-1] == "Land" and any(c.primary for c in gazetteer().candidates(name_key(m.group()))):
                continue  # 'Sugar Land, Texas': a town's whole name, no German Land
            if "the" in words:  # 'The Klaipėda State' opening a sentence
                name = re.sub(r"^[Tt]he\s+", "", name)
                start = m.start("b") + m.group("b").index(name)
            first, _, rest = name.partition(" ")
            if rest and first in demonyms():  # 'the Polish Opole Voivodeship': the voivodeship is Opole's
                name = rest
                start = m.start("b") + m.group("b").index(name)
        out.append(Match(start, m.end(), "typed_region", name_key(name), name, priority=4))
    return out


# a particle between hyphens: what follows ends a compound name ('Château-Gontier-sur-Mayenne',
# 'Saint-Georges-de-l'Oyapock'), it is no place of its own
_COMPOUND_TAIL = re.compile(r"\w-(?:sur|sous|de|du|des|en|le|la|les|lès|aux|am|an|upon|on|di|del|da|do|dos|das)-$")


_FEATURE_BEFORE = re.compile(r"\b(?:Lake|Lac|Lago|Mount|Mt\.|River|Gulf of|Bay of|Sea of)\s+$")


_SEPARATORS = frozenset("| ; :".split())  # no name runs across a table cell's bar: 'Saint-Denis | Réunion'


def _glued_key(keys: list[str], i: int, j: int, glued: set[int]) -> str:
    """The key of tokens i..j, a glued possessive ('s) joined to the word before it."""
    out = ""
    for k in range(i, j + 1):
        if keys[k]:
            out += keys[k] if k in glued or not out else " " + keys[k]
    return out


def gazetteer_matches(doc: Doc) -> list[Match]:
    """Longest token n-grams that name a city or a region; n-grams start capitalised.

    Hot loop over every capitalised token: token attributes are read once into plain
    lists (a spaCy Token or Span object per look-up cost half the extraction time)."""
    gaz = gazetteer()
    regs = regions()
    never = not_city_keys()
    text = doc_text(doc)
    words, starts = token_words(doc)
    keys = [name_key(w) for w in words]  # name_key is cached
    split_im = [] if "m" not in words else [  # (a scan in C first: the loop is per token)
        k for k, w in enumerate(words[:-1]) if w == "i" and words[k + 1] == "m" and starts[k + 1] == starts[k] + 1]
    for k in split_im:  # the tokenizer splits 'im' as in "I'm": 'Freiburg im Breisgau' is one name
        words = words[:k] + ["im", ""] + words[k + 2:]
        keys[k], keys[k + 1] = "im", ""
    lower = [w.islower() and w not in PARTICLES for w in words]
    # "Bishop's Stortford", "King's Lynn": a possessive inside a name, keyed as GeoNames' name is
    glued = {k for k, w in enumerate(words) if (w == "'s" or w == "’s") and 0 < k < len(words) - 1
             and starts[k] == starts[k - 1] + len(words[k - 1]) and words[k - 1][:1].isupper()
             and words[k + 1][:1].isupper()} if ("'s" in words or "’s" in words) else set()
    for k in glued:
        lower[k] = False
    lines = list(itertools.accumulate(text.count("\n", a, b) for a, b in zip([0] + starts, starts)))
    out = []
    i, n = 0, len(words)
    while i < n:
        if not (words[i][:1].isupper() or words[i][1:2].isupper()) \
                or _COMPOUND_TAIL.search(text, max(0, starts[i] - 8), starts[i]):  # ('eThekwini', 'uMhlathuze')
            i += 1  # (the end of 'Château-Gontier-sur-Mayenne' is no Mayenne)
            continue
        found = None
        last = i  # the n-gram stays on one line and holds no lower-case word
        while last + 1 < min(n, i + MAX_NAME_TOKENS) and not lower[last + 1] and lines[last + 1] == lines[i] \
                and words[last + 1] not in _SEPARATORS:
            last += 1
        for j in range(last, i - 1, -1):
            if not words[j][:1].isalnum():
                continue
            end = starts[j] + len(words[j])
            tail = text[end:end + 2]
            if len(tail) == 2 and tail[0] == "-" and tail[1].islower():
                continue  # 'Agri-food', 'Roman-style': part of a compound word
            key = " ".join(k for k in keys[i:j + 1] if k) if not glued else _glued_key(keys, i, j, glued)
            cands = gaz.candidates(key) if key not in never else ()
            region = regs.get(key)
            if region and "," in words[i:j + 1]:
                region = None  # 'Komárom, Esztergom and Štúrovo' are towns, not Komárom-Esztergom ('León, Guanajuato' is León)
            if cands and not region and len(tail) == 2 and tail[0] == "-" and tail[1].isupper() and j + 2 < n \
                    and words[j + 1] == "-" and not any(c.primary for c in cands) \
                    and not (gaz.candidates(keys[j + 2]) or regs.get(keys[j + 2])):
                continue  # 'Sør-Varanger': another name's start ('Grenoble-Alpes Métropole' is Grenoble's)
            if cands or region:
                found = (j, key, cands, region)
                break
        if not found:
            found = _small_town_at(gaz, text, words, keys, starts, glued, never, i, last)
        if not found:
            i += 1
            continue
        j, key, cands, region = found
        start, end = starts[i], starts[j] + len(words[j])
        if _FEATURE_BEFORE.search(text, max(0, start - 12), start):
            i = j + 1  # 'Lake Victoria', 'the River Tay': a lake or a river, no town or state
            continue
        if cands:
            out.append(Match(start, end, "city", key, cands, i, j + 1, priority=2))
        if region and not (keys[j] in REGION_TYPES and _OF_NAME.match(text, end)):
            # ('the Free State of Bavaria' names Bavaria, not South Africa's Free State)
            out.append(Match(start, end, "region", key, region, i, j + 1, priority=1))
        i = j + 1
    return out


def _small_town_at(gaz, text: str, words: list[str], keys: list[str], starts: list[int], glued: set[int],
                   never: frozenset[str], i: int, last: int) -> tuple | None:
    """The longest n-gram from token i that is a small town's name (where no larger town's
    or region's name starts there)."""
    for j in range(last, i - 1, -1):
        if not words[j][:1].isalnum():
            continue
        end = starts[j] + len(words[j])
        if text[end:end + 1] == "-" and text[end + 1:end + 2].isalpha():
            continue  # part of a compound
        key = " ".join(k for k in keys[i:j + 1] if k) if not glued else _glued_key(keys, i, j, glued)
        cands = gaz.small_towns(key) if key not in never else ()
        if cands:
            return j, key, cands, None
    return None


def declared_types(sents: Sentences) -> dict[str, str]:
    """Name key -> 'region' or 'city' where a sentence says what the place is.

    'Chihuahua is the largest State in Mexico' -> region; 'Bratislava is the capital...'
    -> city. Only the words right after the verb count ("home to a port" says nothing).
    """
    out: dict[str, str] = {}
    for a, b in zip(sents.starts, sents.ends):
        m = DECLARED.match(sents.text[a:b])
        if not m:
            continue
        for word in re.findall(r"[\w-]+", m.group("rest").lower())[:8]:
            if word in _DECL_STOP:
                break
            if word in REGION_TYPES:
                out.setdefault(name_key(m.group("name")), "region")
                break
            if word in CITY_TYPES:
                out.setdefault(name_key(m.group("name")), "city")
                break
    return out


def prefer_regions(matches: list[Match]) -> None:
    """A name that is a region and a city of *another* country is the region when the
    page speaks of the region's country (or the city is small): Andalusia (ES) not
    Andalusia, Alabama; Ontario (CA) not Ontario, California; but Bari, Italy, not the
    Bari region of Somalia. Where both share the country (Chihuahua, Madrid, Berlin),
    the city reading stays the default."""
    page_countries = {m.value for m in matches if m.kind in ("country", "code", "demonym")}
    regions_at = {(m.start, m.end): m for m in matches if m.kind == "region"}
    for m in matches:
        region = regions_at.get((m.start, m.end))
        if m.kind == "city" and region is not None:
            region_cc = {r.country_code for r in region.value}
            if region_cc & _STATE_COUNTRIES and _best_population(m.value) < 50_000:
                region.priority = 2.5  # a state, not its small namesake town: California, not California, MD
                continue
            if any(c.city.country_code in region_cc and (c.primary or c.city.population >= 100_000) for c in m.value):
                continue  # (by another name only a large city: 'Ulaanbaatar', not 'Maryland City')
            if region_cc & page_countries or _best_population(m.value) < 50_000:
                region.priority = 2.5  # above the city, below a country of that name ('Mexico')


def resolve_overlaps(matches: list[Match]) -> list[Match]:
    """Longest span wins; on a tie the higher priority (typed region > country > city > region)."""
    chosen: list[Match] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(matches, key=lambda m: (-(m.end - m.start), -m.priority, m.start)):
        if any(m.start < b and a < m.end for a, b in taken):
            continue
        chosen.append(m)
        taken.append((m.start, m.end))
    return sorted(chosen, key=lambda m: m.start)


# ---------------------------------------------------------------- city evidence

def _entities(doc: Doc) -> list[Span]:
    """NER entities split at line breaks: scraped menus glue lines into one entity."""
    out = []
    for ent in doc.ents:
        if "\n" not in ent.text:
            out.append(ent)
            continue
        start = ent.start
        for k in range(ent.start, ent.end + 1):
            if k == ent.end or "\n" in doc[k].text or "\n" in doc[k].whitespace_:
                piece_end = k if k == ent.end or "\n" in doc[k].text else k + 1
                if piece_end > start:
                    out.append(Span(doc, start, piece_end, label=ent.label_))
                start = k + 1
    return out


def _ent_at(ents: list[Span], start: int, end: int) -> Span | None:
    for ent in ents:
        if ent.start_char < end and start < ent.end_char:
            return ent
    return None


def _words(span_text: str) -> list[str]:
    return [w for w in re.findall(r"[\w’'-]*\w[\w’'-]*", span_text) if w.lower() not in ("’s", "'s", "s")]


_PAIR_TIE_NAME = re.compile(r"(?:the\s+)?[A-Z][\w'’.]+(?:\s[A-Z][\w'’.]+)?\s?[-–—/]\s?[A-Z][\w'’.]+(?:\s[A-Z][\w'’.]+){0,3}"
                            rf"\s(?:{'|'.join(TIE_NAMES)})\b(?!\s+(?:{'|'.join(SOCIETY_HEADS)})\b)")
_TIE_WORD = re.compile("|".join(TIE_NAMES), re.I)
_SOCIETY_WORD = re.compile("|".join(SOCIETY_HEADS), re.I)


_DASHES = ("-", "–", "—")


def _second_of_pair(doc: Doc, m: Match, joins: tuple[str, ...]) -> bool:
    """Whether the name is the second of two joined without spaces ('Lyon–Turin', 'Sfax-Marseille')."""
    return m.tok_start >= 2 and doc[m.tok_start - 1].text in joins and doc[m.tok_start - 2].is_title \
        and doc[m.tok_start - 2].whitespace_ == ""


def _is_org_internal(doc: Doc, m: Match, ent: Span | None) -> bool:
    """True where the city name is part of an organisation or programme name (but not of a
    tie's name: 'the Canberra-Wellington Capital Cities Partnership' names both towns)."""
    if ent is not None and _PAIR_TIE_NAME.match(ent.text):
        return False
    after = doc[m.tok_end:m.tok_end + 3]
    run = []
    for t in after:
        if t.text[:1].isupper() and t.is_alpha:
            run.append(t.lower_)
        else:
            break
    if names_organisation(run):
        # ('Lyon–Turin ... Partnership' names both towns; the 'Totnes-Vire Twinning Association' is a society)
        return not (_second_of_pair(doc, m, ("-", "–", "—", "/")) and any(_TIE_WORD.fullmatch(w) for w in run)
                    and not any(_SOCIETY_WORD.fullmatch(w) for w in run))
    before = doc[max(0, m.tok_start - 2):m.tok_start]
    if len(before) == 2 and before[1].lower_ in ("of", "di", "de", "du", "der", "des") \
            and before[0].text[:1].isupper() and before[0].is_alpha \
            and before[0].lower_ not in ADMIN_WORDS and before[0].lower_ not in ("the", "in", "from", "to"):
        return True
    if ent is not None and ent.label_ in ("ORG", "FAC", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW") \
            and "," not in ent.text \
            and not (m.start <= ent.start_char and ent.end_char <= m.end and ent.end_char - ent.start_char < m.end - m.start):
        # ('Lyon, Brabantstad' tagged ORG is a list; "Bishop" tagged ORG in "Bishop's Stortford" is part of the name)
        # 'Graz and Maribor' tagged WORK_OF_ART is two places, not a title; so is 'Lviv with Leuven'
        gaz, names = gazetteer(), country_names()
        extra = [w.lower() for w in _words(ent.text) if name_key(w) not in m.key.split()
                 and w not in ("and", "or", "with", "to") and name_key(w) not in gaz and w not in names]
        return names_organisation(extra)
    return False


def _is_person_part(m: Match, ent: Span | None, text: str) -> bool:
    if ent is None or ent.label_ != "PERSON":
        return False
    m_text = text[m.start:m.end]
    if _GOVERNMENT_AFTER.match(text, m.end) and m.end < ent.end_char:
        return False  # 'The Hat Yai City Municipality' (PERSON to the model): a town's government
    if re.match(r"\s+[-–—]\s", text[m.end:ent.end_char]) or re.search(r"\s[-–—]\s+$", text[ent.start_char:m.start]):
        return False  # 'Rouen - "Archives of friendship', 'Tourcoing - Mouscron' (PERSON to the model): no name runs over a dash
    lead = text[ent.start_char:m.start]
    if ent.start_char < m.start and (CITY_CUES_BEFORE.search(lead) or (
            lead.strip() in ("de", "von", "di", "du") and CITY_CUES_BEFORE.search(text, max(0, m.start - 40), m.start))) \
            and not _PARTICLE_NAME_GOES_ON.match(text, m.end):
        return False  # 'Stadt Kleve', 'le bourgmestre de Gouvy' (PERSON to the model): a town's government
    return len(_words(ent.text)) > len(_words(m_text)) and not ent.text.startswith(m_text + ",")


_OF_NAME_AFTER = re.compile(r"[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z]")
_LONGER_NAME = re.compile(r"[ \t]+(?:de|del|della|di|da|do|dos|das|du)[ \t]+[A-Z]")
_PARTICLE_NAME_GOES_ON = re.compile(r"[ \t]+(?:" + "|".join(sorted(PARTICLES)) + r")[ \t]+[A-Z]")
_GOVERNMENT_AFTER = re.compile(r"\s+(?:City\s+|Town\s+|Municipal\s+|Metropolitan\s+|Shire\s+)?"
                               r"(?:Municipality|Council|Assembly|Government)\b")


@lru_cache(maxsize=1)
def _country_possessive() -> re.Pattern:
    """"Finland's Lahti", "Japan's Kanazawa": a country's possessive before a name, a cue
    for the name's cities in that country."""
    names = sorted((n for n in country_names() if n[:1].isupper()), key=len, reverse=True)
    return re.compile(r"\b(?P<country>" + "|".join(map(re.escape, names)) + r")['’]s\s+$")


# 'Greater Jerash Municipality', 'Greater Tzaneen Municipality': a municipality's name
_GREATER = re.compile(r"\bGreater[ \t]+$")
_MUNICIPALITY_AFTER = re.compile(r"[ \t]+(?:Municipality|Municipal Council|City Council)\b")
_POSSESSIVE_END = re.compile(r"['’]s\s+\Z")
_PRONOUN = re.compile(r"(?i:we|it|they|he|she|this|that|these|those|which|who|both|all|each)")  # 'We are twinned with'


def _cues(text: str, m: Match) -> tuple[bool, bool]:
    """(strong, any): 'City of X', 'X (IT)' or "Finland's X" is a strong cue; 'X City',
    'X mayor' a weaker one."""
    before = text[max(0, m.start - 40):m.start]
    # "Germany's Federal Ministry" is no Federal, Argentina. (The long alternation of country
    # names is searched only where a possessive ends the window: it was a tenth of extraction.)
    owner = _country_possessive().search(before) if _POSSESSIVE_END.search(before) else None
    strong = bool(CITY_CUES_BEFORE.search(before)) or bool(re.match(r"\s*\([A-Z]{2}\)", text[m.end:m.end + 6])) \
        or bool(_GREATER.search(before) and _MUNICIPALITY_AFTER.match(text, m.end)) \
        or (bool(TWINNED_AFTER.match(text, m.end, m.end + 60)) and not _PRONOUN.fullmatch(text, m.start, m.end)) \
        or (owner is not None and any(c.city.country_code == country_names()[owner.group("country")] for c in m.value))
    return strong, strong or bool(CITY_CUES_AFTER.match(text[m.end:m.end + 30]))


def _list_line(text: str, m: Match) -> bool:
    """The name alone on its line ('  3. Florence', '• Bergamo'): lists of places."""
    a, b = line_bounds(text, m.start)
    rest = (text[a:m.start] + text[m.end:b]).strip(" \t•*-–·,;.:()0123456789")
    return rest == ""


def _is_acronym(text: str, m: Match) -> bool:
    """'SUD', 'CIM TTM' in running text are abbreviations, not city names in capitals."""
    span = text[m.start:m.end]
    if not span.isupper():
        return False
    a, b = line_bounds(text, m.start)
    line = text[a:b]
    return any(c.islower() for c in line)


@lru_cache(maxsize=1)
def _country_keys() -> frozenset[str]:
    """Country names as gazetteer keys: a city of that name is found only with a strong cue
    (a country name stands for its city only where no country match took it first, as
    in 'Canada-China')."""
    return frozenset(name_key(n) for n in country_names())


def _small_town(m: Match) -> bool:
    """A name only small towns have (the gazetteer's second index)."""
    gaz = gazetteer()
    return all(gaz.is_small_town(c.city.geonames_id) for c in m.value)


# 'Amuru, Nwoya and Omoro districts', 'the Manastur and Gheorgheni neighbourhoods': areas, not the towns of the name
_AREA_AFTER = re.compile(r"(?:,?[ \t]+and[ \t]+[A-Z][\w'’-]+)?[ \t]+(?:districts?|neighbou?rhoods?|quarters?|valleys?|"
                         r"rivers?|islands?|tributar(?:y|ies)|parish(?:es)?|wards?)\b")


# ('the Derry and Strabane district' is still Derry's: a district takes its towns' names)
_QUARTERS_AFTER = re.compile(r",?[ \t]+and[ \t]+[A-Z][\w'’-]+[ \t]+(?:neighbou?rhoods|quarters)\b")  # ('in Brussels neighbourhoods')
_DESCRIBED_TOWN_AFTER = re.compile(r"[ \t]+(?:city|town|capital|port)[ \t]+(?:of|that|which|where)\b")
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t]+$")


def _plausible_small_town(text: str, m: Match) -> bool:
    """A small town's name as the page writes a town: with the name's own accents ('Ville'
    is no Villé), not an English word, not the start of a longer name ('Ville de Québec')
    and not an area ('Amuru and Nwoya districts')."""
    surface = text[m.start:m.end]
    accents_dropped = surface.isascii() and not any(c.city.name.isascii() for c in m.value)
    return not (accents_dropped or m.key in common_word_town_keys() or _LONGER_NAME.match(text, m.end)
                or _AREA_AFTER.match(text, m.end))


def _best_population(cands: tuple[Candidate, ...]) -> int:
    return max(c.city.population for c in cands)


def _likeliest_country(m: Match) -> str:
    """The country of a name's likeliest town before any context: its own name's, then the largest."""
    return max(m.value, key=lambda c: (c.primary, c.city.population)).city.country_code


_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
WRITTEN_REGION_TYPE = "(?:" + "|".join(t.title() for t in REGION_TYPES) + ")"  # as names write them: 'Opole Voivodeship'
REGION_TYPE_AFTER = re.compile(rf"\s+{WRITTEN_REGION_TYPE}\b")  # 'Bình Định Province'


def _same_town(m: Match, key: str) -> bool:
    """Whether the name ``key`` can name one of the towns ``m`` names."""
    ids = {c.city.geonames_id for c in m.value}
    return any(c.city.geonames_id in ids for c in gazetteer().candidates(key))


def _name_and_city(m: Match) -> bool:
    """'Palmerston North City (Council)': an alternate name that is the city's own name and
    'City', when that name's biggest city is the same one (not 'Bristol City', a name of a
    small Bristol in the US, while 'Bristol' is the English city)."""
    if not m.key.endswith(" city"):
        return False
    own = gazetteer().candidates(m.key[:-5])
    biggest = max(own, key=lambda c: c.city.population, default=None)
    return biggest is not None and biggest.primary and any(c.city.geonames_id == biggest.city.geonames_id
                                                           for c in m.value)


_PERSON_TITLE_BEFORE = re.compile(r"\b(?:Crs?|Cllrs?|Councill?ors?|Mayor|Mr|Mrs|Ms|Dr|Prof)\.?[ \t]+$")
_PERSONS_LISTED_BEFORE = re.compile(r"\b(?:Crs|Cllrs|Councill?ors)\.?[ \t]+(?:[A-Z][\w'’-]+,?[ \t]+(?:and[ \t]+)?){1,14}$")


def accept_city(doc: Doc, text: str, m: Match, ent: Span | None, credits: list[tuple[int, int]],
                attached: str | None = None) -> str | None:
    """Why this span is a city mention (the method), or None when it is not one.
    ``attached``: the country written right after it ('Florence, Italy'), a strong cue
    when one of the name's cities lies there.

    ``text`` is ``doc.text``, passed in because Doc.text is rebuilt on every access."""
    if inside(credits, m.start, m.end) or _is_person_part(m, ent, text) or _is_acronym(text, m) \
            or (m.key in REGION_TYPES and _OF_NAME.match(text, m.end)):  # 'the Canton of Basel-Stadt'
        return None
    strong_cue, cue = _cues(text, m)
    if attached is not None and any((c.primary or len(m.value) == 1) and c.city.country_code == attached
                                    for c in m.value):  # ('Oostende in Belgium': Ostend's other name)
        strong_cue = cue = True
    if not cue and _is_org_internal(doc, m, ent):
        return None
    if not strong_cue and (_PERSON_TITLE_BEFORE.search(text, max(0, m.start - 14), m.start)
                           or _PERSONS_LISTED_BEFORE.search(text, max(0, m.start - 160), m.start)):
        return None  # 'Cr Hassan asked whether ...', 'Crs Bella, Cameron, Hassan and Seymour': persons
    if m.key in _country_keys() and not strong_cue:
        return None  # 'the oldest Canada-China city relationships': no China in Mexico
    if not strong_cue and _DESCRIBED_TOWN_AFTER.match(text, m.end) and _THE_BEFORE.search(text, max(0, m.start - 5), m.start):
        return None  # 'Bergamo, the Lombard city that mentors Split': an adjective (Lombard, Illinois, is a city)
    if not strong_cue and _QUARTERS_AFTER.match(text, m.end):
        return None  # 'the Delicias and Pajarillos neighbourhoods' of Valladolid: areas, not the towns of the name
    if _small_town(m):  # ('Thil', 'Harta', 'Sala': the page must say it is a place)
        return "context" if strong_cue and _plausible_small_town(text, m) else None
    if not strong_cue and _LONGER_NAME.match(text, m.end):
        return None  # 'at the Paços do Concelho': a longer name (a building's) the gazetteer lacks
    primary = any(c.primary for c in m.value) or _name_and_city(m)
    ner_place = ent is not None and ent.label_ in ("GPE", "LOC")
    exact_ent = ent is not None and name_key(ent.text.removesuffix("’s").removesuffix("'s")) == m.key
    # NER saw only part of the name ('Donostia' PERSON in 'Donostia-San Sebastian')
    ent_inside = ent is not None and m.start <= ent.start_char and ent.end_char <= m.end
    if m.key in ambiguous_city_keys() and text[m.start:m.end].isascii():  # 'Fès' is no acronym or English word
        if strong_cue:
            return "context"
        if ner_place and primary and exact_ent:
            return "ner"
        # '3. Florence' in a numbered list of places
        return "gazetteer" if primary and _list_line(text, m) and _best_population(m.value) >= 100_000 else None
    if not primary and _best_population(m.value) < 100_000:
        # alternate names of small places are often other words: need a cue
        return "context" if strong_cue else None
    # (alternate names of big cities are their exonyms: 'Ghent', 'Antwerp', 'Breslau')
    if cue:
        return "context"
    if ner_place:
        return "ner"
    pop = _best_population(m.value)
    if _list_line(text, m) and pop >= 5000:
        return "gazetteer"
    # a proper noun (or a name NER tagged as a whole) that names a sizeable city; persons
    # and organisation names were ruled out above
    if pop >= 15000 and (doc[m.tok_start].pos_ == "PROPN" or exact_ent or ent_inside) \
            and not _is_modifier_or_title_word(doc, m):
        return "gazetteer"
    return None


_NOT_PLACE_LABELS = frozenset("DATE TIME PERCENT MONEY QUANTITY ORDINAL CARDINAL EVENT WORK_OF_ART LAW".split())


def _page_cities(accepted: list[tuple[Match, str]]) -> tuple[set[int], Counter]:
    """What the accepted names say about the page: the GeoNames ids of names that can be
    one city only ('Bristol' may be several), and per country how many names lie there
    only."""
    named = {a.value[0].city.geonames_id for a, _ in accepted if len(a.value) == 1 and a.value[0].primary}
    towns: Counter = Counter()
    for ccs in {a.key: {c.city.country_code for c in a.value} for a, _ in accepted}.values():
        if len(ccs) == 1:
            towns[next(iter(ccs))] += 1
    return named, towns


def _page_supports(doc: Doc, text: str, m: Match, ent: Span | None, credits: list[tuple[int, int]],
                   named: set[int], towns: Counter, ctx: Context) -> bool:
    """A name rejected on its own that the rest of the page makes a city.

    'Alcoi' (a small town's other name) where the page also names it 'Alcoy' (``named``:
    see _page_cities); 'Split' (an English word) on a page that names Croatia and two
    Croatian towns. A sentence's first word, a date ('7th March'), a person's or an
    organisation's name, or an adjective ('Split shifts') stays rejected."""
    other_name = any(not c.primary and c.city.geonames_id in named for c in m.value)  # ('Bristol City' is no Bristol)
    if m.key in ambiguous_city_keys():
        supported = other_name or any(
            c.primary and ctx.doc_countries.get(c.city.country_code, 0.0) >= 1.0 and towns[c.city.country_code] >= 2
            for c in m.value)
    else:
        supported = other_name or _local_town(doc, text, m, ctx, towns)
    return supported and not (
        inside(credits, m.start, m.end) or _is_person_part(m, ent, text) or _is_acronym(text, m)
        or _is_org_internal(doc, m, ent) or _is_modifier_or_title_word(doc, m)
        or not text[m.start:m.start + 1].isupper()
        or (ent is not None and ent.label_ in _NOT_PLACE_LABELS)
        or re.search(r"\d\s*$", text[max(0, m.start - 6):m.start]) or re.match(r"\s*\d", text[m.end:m.end + 4])
        or (doc[m.tok_start].is_sent_start and not _list_line(text, m)))


# 'K. Armstrong', 'the Baixa', 'Vice-Mayor', 'Marburg-Biedenkopf': a person or part of another name
_INITIAL_BEFORE = re.compile(r"(?:\b[A-Z]\.|\b(?:the|The|Vice|Deputy)[ \t-]|-)$")


def _local_town(doc: Doc, text: str, m: Match, ctx: Context, towns: Counter) -> bool:
    """'partnership with Kerteminde', 'Mtskheta' in a grants table: a town too small to be
    taken on its name alone, in a country the page names and where it names another town.

    Not a name English uses as a word or surname ('Economy', 'Murray'), a country's name,
    a person ('Mayor Sato', 'K. Armstrong', a councillors' list), part of a longer name
    ('Paços do Concelho', 'Marburg-Biedenkopf', 'the Baixa of Coimbra', 'Orange City Council')
    or a word in capitals."""
    surface = text[m.start:m.end]
    if m.key in common_word_town_keys() or m.key in _country_keys() or surface.isupper() or m.key.endswith(" city") \
            or doc[m.tok_start].pos_ != "PROPN" or _LONGER_NAME.match(text, m.end) \
            or _INITIAL_BEFORE.search(text, max(0, m.start - 8), m.start) \
            or _PERSON_TITLE_BEFORE.search(text, max(0, m.start - 14), m.start) \
            or _PERSONS_LISTED_BEFORE.search(text, max(0, m.start - 160), m.start):
        return False
    if _small_town(m) and not _plausible_small_town(text, m):
        return False
    return any(c.primary and ctx.doc_countries.get(c.city.country_code, 0.0) >= 1.0 and towns[c.city.country_code] >= 1
               for c in m.value)


_PAIR_NOUN = re.compile(r"(?:co-?operation|partnership|agreement|twinning|pairing|friendship|link|memorandum|tandem|"
                        r"exchange|relationship|relations|collaboration|alliance|ties|accord|axis)$")


def _is_modifier_or_title_word(doc: Doc, m: Match) -> bool:
    """'Roman walls', 'Media contact', 'Knowledge Hub': a one-word name used as an
    adjective or inside a title, with no other sign of being a place."""
    if m.tok_end - m.tok_start > 1:
        return False
    nxt = doc[m.tok_end] if m.tok_end < len(doc) else None
    prev = doc[m.tok_start - 1] if m.tok_start > 0 else None
    if nxt is not None and nxt.is_lower and nxt.pos_ in ("NOUN", "ADJ") and nxt.is_alpha:
        # ('the Lyon–Turin cooperation agreement': the pair is the modifier, both towns are named;
        # not 'the Ysleta–Zaragoza bridge', nor the end of 'Québec–Wallonia-Brussels')
        return not (m.tok_start > 2 and _second_of_pair(doc, m, _DASHES)
                    and doc[m.tok_start - 3].text not in _DASHES and _PAIR_NOUN.match(nxt.lower_))
    return bool(prev is not None and prev.is_title and prev.is_alpha and not prev.is_sent_start
                and prev.lower_ not in ADMIN_WORDS and prev.lower_ not in ("in", "from", "to"))


# ---------------------------------------------------------------- disambiguation

@dataclass
class Context:
    """Countries, regions and cities of the page, by sentence, for disambiguation."""

    doc_countries: dict[str, float] = field(default_factory=dict)
    sent_countries: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    doc_regions: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # cc -> region codes
    sent_regions: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))  # iso codes
    sent_cities: dict[int, set[str]] = field(default_factory=lambda: defaultdict(set))
    doc_cities: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    attached: dict[int, str] = field(default_factory=dict)  # match start -> country right after it


def _score(city: City, primary: bool, sents: set[int], ctx: Context) -> float:
    """Population, and the countries, regions and cities of the page and of the name's
    sentences. A name the page repeats in many sentences (its own town, 14 times) is
    judged more on the whole page: a few sentences with a partner abroad ('Rosario and
    Porto Alegre renew their agreement') do not make it that country's town."""
    cc = city.country_code
    s = math.log10(city.population + 10) + (0.5 if primary else 0.0)
    s += ctx.doc_countries.get(cc, 0.0)
    if cc in ctx.doc_regions:
        s += 1.0
    local = 0.0
    if any(cc in ctx.sent_countries.get(i, ()) for i in sents):
        local += 1.5
    for i in sents:
        for code in ctx.sent_regions.get(i, ()):
            if code.split("-")[0] == cc:
                local += 0.5
                if code.split("-")[1] == city.admin1_code:
                    local += 2.0
    local += min(2.0, 0.8 * sum(1 for i in sents for c in ctx.sent_cities.get(i, ()) if c == cc))
    s += local * min(1.0, _FEW_SENTENCES / max(1, len(sents)))
    s += min(1.0, 0.3 * ctx.doc_cities.get(cc, 0))
    return s


_FEW_SENTENCES = 4  # up to this many sentences, each sentence's context counts in full


def choose(cands: tuple[Candidate, ...], sents: set[int], ctx: Context,
           attached: set[str]) -> tuple[Candidate, float]:
    """Best candidate and a 0-1 confidence (margin over the runner-up)."""
    pool = [c for c in cands if c.city.country_code in attached] or list(cands)
    # a name that is some city's own name rarely means another city that merely has it as
    # an alternate name: 'Limerick' on a page about Spokane is still Limerick, not San Ramon
    alias_penalty = 1.5 if any(c.primary for c in pool) else 0.0
    # ... unless it is another country's city ten times larger: the English name of a foreign
    # city ('Hanover' is Hannover, not Hanover, Pennsylvania). Within one country an other
    # name is more often a district's (Westport in Kansas City).
    largest_primary = max((c.city.population for c in pool if c.primary), default=0)
    primary_ccs = {c.city.country_code for c in pool if c.primary}

    def exonym(c: Candidate) -> bool:  # (a large city: small ones carry odd other names, Ginowan 'Chinon')
        return c.city.country_code not in primary_ccs and c.city.population >= max(10 * largest_primary, 200_000)

    scored = sorted(((_score(c.city, c.primary, sents, ctx) + (3.0 if c.city.country_code in attached else 0)
                      - (0.0 if c.primary or exonym(c) else alias_penalty), c)
                     for c in pool), key=lambda x: (-x[0], -x[1].city.population, x[1].city.geonames_id))
    best_score, best = scored[0]
    other = next((s for s, c in scored[1:] if c.city.country_code != best.city.country_code), None)
    conf = 1.0 if other is None else round(1 - math.exp(-(best_score - other)), 3)
    return best, conf


# ---------------------------------------------------------------- main entry

_IN_COUNTRY = re.compile(r"[ \t]+in[ \t]+(?:the[ \t]+)?")


def _attached_country(text: str, m: Match, by_start: dict[int, Match], nested: bool = True) -> str | None:
    """Country written right after a city: 'Nagoya, Japan', 'Torino (IT)', 'Aurora, Illinois',
    'Beira in Mozambique', and in a table row 'Guadalajara | Mexico | 1983'."""
    inside = _IN_COUNTRY.match(text, m.end)
    nxt = by_start.get(inside.end()) if inside else None
    if nxt is not None and nxt.kind == "country":
        return nxt.value
    after = text[m.end:m.end + 4]
    for off in range(0, 4):
        nxt = by_start.get(m.end + off)
        gap = after[:off]  # a space alone does not attach: 'As Norway is not an EU Member State'
        if nxt is not None and re.fullmatch(r"[\s,(|]*", gap) and not re.fullmatch(r" +", gap):
            if nxt.kind in ("country", "code"):
                return nxt.value
            if nxt.kind == "region":
                return nxt.value[0].country_code
            if nxt.kind == "city" and nested and gap.strip() == ",":
                # 'Boca del Río, Veracruz, Mexico': the state (here named like its capital), then the country
                cc = _attached_country(text, nxt, by_start, nested=False)
                return cc if any(c.city.country_code == cc for c in nxt.value) else None
    return None


def _locates_a_city(text: str, country: Match, matches: list[Match]) -> bool:
    """'Guangzhou in China': the country says where that one city is, not where the other
    cities of the sentence are ('Porto, ... and Guangzhou in China'). ('Rochester (New
    York, USA)' keeps its country for the sentence: it qualifies the city before.)"""
    return any(c.kind == "city" and _IN_COUNTRY.fullmatch(text, c.end, country.start)
               for c in matches if country.start - 12 <= c.end < country.start)


_GE_CONTEXT = re.compile(r"\b(?:Tbilisi|Batumi|Kutaisi|Rustavi|Caucasus|Caucasian|Georgian Dream|"
                         r"(?:country|Republic) of Georgia)\b")


_STATE_COUNTRIES = frozenset({"US", "CA", "AU"})  # where 'Town, State' is how towns are written
_LIST_GOES_ON = re.compile(r"\s*(?:and|&|or)\s")  # 'Lima, La Paz, Buenos Aires and Montevideo'
_STATE_GLUE = re.compile(r",\s*|\s+in\s+(?:the\s+state\s+of\s+)?")


def _state_after_town(text: str, m: Match, prev: Match | None, regions_at: dict) -> Match:
    """'Buffalo, New York', 'Portland, Oregon' and 'Los Altos in California': a state name
    right after a town of that country locates the town (in the countries that write
    towns so); it is the state, not a second city."""
    region = regions_at.get((m.start, m.end))
    if m.kind != "city" or region is None or prev is None or prev.kind != "city" \
            or not _STATE_GLUE.fullmatch(text, prev.end, m.start):
        return m
    if _LIST_GOES_ON.match(text, m.end) and re.search(r",\s*$", text[max(0, prev.start - 3):prev.start]):
        return m  # the third of 'Lima, La Paz, Buenos Aires and ...'; 'London, Ontario and Nanjing' is located
    state_cc = {r.country_code for r in region.value} & _STATE_COUNTRIES
    return region if any(c.city.country_code in state_cc for c in prev.value) else m


def _georgia_mention_is_us(text: str, m: Match, us_page: bool) -> bool:
    """'Atlanta, Georgia', 'the state of Georgia', 'Georgia (US)' are the US state; on a
    page that also speaks of Tbilisi, other mentions are the country."""
    before, after = text[max(0, m.start - 40):m.start], text[m.end:m.end + 12]
    if re.search(r"(?:country of|Republic of)\s*$", before) or re.match(r"\s*\(GE\)", after) \
            or re.search(r"\b(?:Tbilisi|Batumi|Kutaisi|Rustavi)\b[^.;]*$", before):
        return False  # (before the 'Town, Georgia' test: 'Tbilisi, Georgia', 'Batumi, Adjara, Georgia' are the country)
    if re.search(r"(?:state of|[A-Z][a-z]+,)\s*$", before) or re.match(r"\s*(?:\((?:US|USA)\)|State\b|state\b)", after):
        return True
    return us_page and not _GE_CONTEXT.search(text)


def _georgia_is_us(text: str) -> bool:
    return bool(re.search(r"\b(?:Atlanta|Savannah|USA|U\.S\.|United States|Alabama|Florida|"
                          r"Tennessee|Carolina|Texas|California)\b", text))


# 'the Paraná River', 'the Mississippi River delta': a river, neither the state nor the town
_RIVER_AFTER = re.compile(r"[ \t]+[Rr]iver\b")
# '20, rue du Lac', 'Via Roma 12', 'Avenida Brasil': a street, not the town it is named after
# (capitalised, as street names are: 'travel via Riga' is the town)
_STREET_BEFORE = re.compile(r"\b(?:[Rr]ue|Avenue|Boulevard|Quai|Impasse|Chemin|Allée|Via|Viale|Piazza|Calle|Avenida|Rua|"
                            r"Praça)[ \t]+(?:(?:du|de la|de|des|del|della|dei|delle|do|da|dos|das)[ \t]+|d['’]|l['’])?$")


def _river_or_street(text: str, m: Match) -> bool:
    """A town's or region's name that names a river or a street here."""
    return m.kind in ("city", "region") and (_RIVER_AFTER.match(text, m.end) is not None
                                             or _STREET_BEFORE.search(text, max(0, m.start - 30), m.start) is not None)


_PLACE_WORDS = frozenset("city town municipality region province county state district of the and in council "
                         "regional".split())
_CAPS_WORD_BEFORE = re.compile(r"(?<![\w’'-])[A-Z][A-Z0-9+-]+ $")
_CAPS_WORD_AFTER = re.compile(r" [A-Z][A-Z0-9+-]+(?![\w’'-])")


def _in_capitals_name(text: str, m: Match) -> bool:
    """'the Transfer Network BLUE LAKES': a word of a name set in capitals (a project's),
    no region, though one is called 'Lakes' ('LOMBARDY REGION' still is one)."""
    surface = text[m.start:m.end]
    if m.kind != "region" or not surface.isupper() or len(surface) < 3:
        return False  # (a town in a heading, 'KUMAMOTO CITY', often names the page's own town)
    before = _CAPS_WORD_BEFORE.search(text, max(0, m.start - 30), m.start)
    after = _CAPS_WORD_AFTER.match(text, m.end)
    return any(w is not None and w.group().strip().lower() not in _PLACE_WORDS for w in (before, after))


def extract_places(doc: Doc, sents: Sentences | None = None) -> PlaceResult:
    sents = sents or Sentences.of(doc)
    text = doc_text(doc)
    credits = credit_ranges(text)
    ents = _entities(doc)
    declared = declared_types(sents)

    matches = country_matches(text) + typed_region_matches(text) + gazetteer_matches(doc)
    prefer_regions(matches)
    for m in matches:
        if m.kind == "region" and declared.get(m.key) == "region":
            m.priority = 5  # the page says it is a region: beat the same-length city name
    kept = [m for m in resolve_overlaps(matches) if not inside(credits, m.start, m.end) and not _river_or_street(text, m)
            and not _in_capitals_name(text, m)]
    for m in kept:  # 'Bình Định Province': a town's other name that the page types as a region
        if m.kind == "city" and not any(c.primary for c in m.value) and REGION_TYPE_AFTER.match(text, m.end):
            declared.setdefault(m.key, "region")
    # a region that lost to a same-span city name gets the span back if the city is rejected
    kept_ids = {id(m) for m in kept}
    region_fallback = {(m.start, m.end): m for m in matches if m.kind == "region" and id(m) not in kept_ids}
    kept = [_state_after_town(text, m, kept[i - 1] if i else None, region_fallback) for i, m in enumerate(kept)]
    us_page = _georgia_is_us(text)
    for m in kept:
        if m.kind == "country" and m.key == "georgia" and _georgia_mention_is_us(text, m, us_page):
            m.kind = "region"
            m.value = tuple(r for r in regions().get("georgia", ()) if r.country_code == "US")
    by_start = {m.start: m for m in kept}

    result = PlaceResult()
    ctx = Context()
    country_hits: dict[str, list[tuple[Match, str]]] = defaultdict(list)
    region_hits: dict[str, list[Match]] = defaultdict(list)
    city_hits: list[tuple[Match, str]] = []
    rejected: list[Match] = []  # city names with no cue of their own: the whole page may give one

    for m in kept:
        if m.kind in ("country", "code", "demonym"):
            ent = _ent_at(ents, m.start, m.end)
            if m.kind == "country" and ent is not None and ent.label_ == "PERSON" and len(_words(ent.text)) > 1:
                continue  # 'Jordan Smith'
            country_hits[m.value].append((m, m.kind))
            weight = 0.7 if m.kind == "demonym" else 1.0
            ctx.doc_countries[m.value] = max(ctx.doc_countries.get(m.value, 0.0), weight)
            if m.kind != "demonym" and not _locates_a_city(text, m, kept):
                ctx.sent_countries[sents.index(m.start)].add(m.value)
        elif m.kind in ("region", "typed_region"):
            if m.kind == "region" and (declared.get(m.key) == "city" or _OF_NAME_AFTER.match(text, m.end)):
                continue  # (and 'the Gulf of Bothnia': a longer name)
            region_hits[m.key].append(m)
        elif m.kind == "city":
            if declared.get(m.key) == "region":
                region_hits[m.key].append(m)
                continue
            method = accept_city(doc, text, m, _ent_at(ents, m.start, m.end), credits,
                                 _attached_country(text, m, by_start))
            if method:
                city_hits.append((m, method))
            elif (m.start, m.end) in region_fallback:
                region_hits[m.key].append(region_fallback[(m.start, m.end)])
            else:
                rejected.append(m)
    named, towns = _page_cities(city_hits)
    city_hits += [(m, "context") for m in rejected
                  if _page_supports(doc, text, m, _ent_at(ents, m.start, m.end), credits, named, towns, ctx)]
    # a name accepted once is a city everywhere on the page (except inside org names)
    accepted_keys = {m.key for m, _ in city_hits}
    # ('Hamilton City Council' read as the town's own name 'Hamilton City': 'Hamilton' is it too)
    accepted_keys |= {m.key[:-5] for m, _ in city_hits if m.key.endswith(" city") and _same_town(m, m.key[:-5])}
    for m in kept:
        if m.kind == "city" and m.key in accepted_keys and all(m is not h for h, _ in city_hits):
            ent = _ent_at(ents, m.start, m.end)
            if not inside(credits, m.start, m.end) and not _is_person_part(m, ent, text) \
                    and not _is_org_internal(doc, m, ent):
                city_hits.append((m, "context"))
    city_hits.sort(key=lambda x: x[0].start)

    town_countries = Counter(_likeliest_country(m) for m in {m.key: m for m, _ in city_hits}.values())
    # 'Billings, Montana': the region right after a town (and a comma) is in the town's country
    after_town = {m.end + len(gap.group()): _likeliest_country(m)
                  for m, _ in city_hits if (gap := _LOCATOR_COMMA.match(text, m.end))}
    regions_out = _regions(region_hits, ctx, sents, text, town_countries, after_town)
    result.regions = regions_out
    result.countries = _countries(country_hits, sents)
    result.cities = _cities(city_hits, ctx, sents, text, by_start)
    result.cities += fallback_cities(text, kept, credits, ctx, sents)
    result.mentions = _mentions(country_hits, region_hits, result.cities, city_hits, text)
    return result


# (one line: 'Canton of Basel-Stadt' over a heading 'Cross-border cooperation' names no town 'Cross-border')
_FALLBACK = re.compile(
    r"(?:\b(?:[Mm]unicipality|[Tt]own|[Cc]ity|[Vv]illage|Comune|Commune|Municipio|Concello|Ville)[ \t]+(?:of|de|di|du|do|da)"
    r"|(?<![\w-])(?:Gemeente|Gmina|Stadt|Kommune))[ \t]+(?P<name>[A-Z][\w’'-]+(?:[ \t](?:[A-Z][\w’'-]+|de|di|del|la|am|an|sur)){0,2})"
    r"(?![\w’'])")
# 'is also twinned with Lousada in Portugal': a town the gazetteer lacks, with its country
_TWINNED_FALLBACK = re.compile(r"\b(?:twinned|twinning)[ \t]+with[ \t]+(?:the[ \t]+(?:town|city|commune)[ \t]+of[ \t]+)?"
                               r"(?P<name>[A-Z][\w’'-]+(?:[ \t-](?:[A-Z][\w’'-]+|de|la|sur|am|an))?)(?![\w’'])")
_NOT_TOWN = frozenset("culture science light music design sport europe the lead partner council hall "
                      "mission programme project network lab labs gastronomy literature film crafts "
                      "media".split())  # (UNESCO's 'City of Gastronomy', 'City of Literature', ...)


def fallback_cities(text: str, kept: list[Match], credits: list[tuple[int, int]],
                    ctx: Context, sents: Sentences) -> list[CityRecord]:
    """'Municipality of Obuse' with no GeoNames record (towns under 5,000 people): keep
    the name, with the country written next to it or the one country of its sentence."""
    taken = [(m.start, m.end) for m in kept]
    by_start = {m.start: m for m in kept}
    out: dict[str, CityRecord] = {}
    for m in itertools.chain(_FALLBACK.finditer(text), _TWINNED_FALLBACK.finditer(text)):
        a, b = m.start("name"), m.end("name")
        name = m.group("name")
        if m.re is _TWINNED_FALLBACK and _attached_country(text, Match(a, b, "city", name_key(name)), by_start) is None:
            continue  # 'twinned with Lousada in Portugal' names a town; 'twinned with Brittany' may not
        words = {w.lower() for w in name.split()}
        if any(a < y and x < b for x, y in taken) or inside(credits, a, b) or words & _NOT_TOWN or "’" in name \
                or "'" in name \
                or name_key(name) in not_city_keys() or name in country_names():
            continue
        probe = Match(a, b, "city", name_key(name))
        cc = _attached_country(text, probe, by_start)
        near = ctx.sent_countries.get(sents.index(a), set())
        cc = cc or (next(iter(near)) if len(near) == 1 else None)
        key = name_key(name)
        if key in out:
            r = out[key]
            out[key] = replace(r, n_mentions=r.n_mentions + 1, country_code=r.country_code or cc)
            continue
        out[key] = CityRecord(name=name, country_code=cc, geonames_id=None, latitude=None, longitude=None,
                              population=None, admin1_code=None, surface_forms=(name,), n_mentions=1, start=a,
                              end=b, evidence=sents.evidence(a, b), method="fallback", confidence=0.5)
    return list(out.values())


_LOCATOR_COMMA = re.compile(r",[ \t]*")


def _regions(region_hits: dict[str, list[Match]], ctx: Context, sents: Sentences, text: str,
             town_countries: Counter, after_town: dict[int, str] | None = None) -> list[RegionRecord]:
    """Each region named on the page, with its country: the country of a town it follows
    ('Billings, Montana': not Bulgaria's Montana), else a country named in a sentence with
    it, else the country of two or more of the page's towns (each in its likeliest country:
    'Maryland' beside Annapolis and Baltimore is the US state, though Liberia, which has a
    Maryland County, is named), else a country the page names."""
    out = []
    lex = regions()
    for key, hits in region_hits.items():
        first = hits[0]
        surface = text[first.start:first.end]
        options = lex.get(key) or lex.get(name_key(surface), ())
        region = None
        if options:
            near_hits = Counter(cc for h in hits for cc in ctx.sent_countries.get(sents.index(h.start), set()))
            by_towns = sorted((r for r in options if town_countries[r.country_code] >= 2),
                              key=lambda r: -town_countries[r.country_code])
            # (a country beside one of many mentions, 'Maryland County, Liberia' on Maryland's page,
            # does not outweigh the page's towns)
            near = {cc for cc, n in near_hits.items() if not by_towns or 2 * n >= len(hits)}
            located = {after_town[h.start] for h in hits if h.start in (after_town or {})}
            region = next((r for r in options if r.country_code in located), None) or \
                next((r for r in options if r.country_code in near), None) or \
                next(iter(by_towns), None) or \
                next((r for r in options if r.country_code in ctx.doc_countries), None) or options[0]
            for h in hits:
                ctx.doc_regions[region.country_code].add(region.iso_code)
                ctx.sent_regions[sents.index(h.start)].add(region.iso_code)
        name = region.name if region else (first.value if isinstance(first.value, str) else surface)
        kind = region.region_type if region else _type_word(surface)
        cc = region.country_code if region else None
        if cc is None:
            near = ctx.sent_countries.get(sents.index(first.start), set())
            cc = next(iter(sorted(near)), None) if len(near) == 1 else None
        same = next((i for i, r in enumerate(out) if region and r.iso_code == region.iso_code), None)
        if same is not None:  # 'Andalusia' and 'Andalucía' are one region
            r = out[same]
            out[same] = replace(r, surface_forms=tuple(sorted(set(r.surface_forms) | {text[h.start:h.end] for h in hits})),
                                n_mentions=r.n_mentions + len(hits))
            continue
        out.append(RegionRecord(
            name=name, country_code=cc, iso_code=region.iso_code if region else None, region_type=kind,
            surface_forms=tuple(sorted({text[h.start:h.end] for h in hits})), n_mentions=len(hits),
            start=first.start, end=first.end, evidence=sents.evidence(first.start, first.end),
            method="gazetteer" if region else "rule"))
    return out


def _type_word(surface: str) -> str | None:
    low = surface.lower()
    return next((t for t in REGION_TYPES if re.search(rf"\b{t}\b", low)), None)


def _countries(country_hits: dict[str, list[tuple[Match, str]]], sents: Sentences) -> list[CountryRecord]:
    rank = {"country": 0, "code": 1, "demonym": 2}
    label = {"country": "named", "code": "code", "demonym": "demonym"}
    known = countries()
    out = []
    for code, hits in country_hits.items():
        info = known.get(code)
        if info is None:
            continue
        strongest = min((k for _, k in hits), key=rank.__getitem__)
        first = hits[0][0]
        out.append(CountryRecord(
            country_code=code, alpha3=info.alpha3, name=info.name, mention_type=label[strongest],
            surface_forms=tuple(sorted({sents.text[m.start:m.end] for m, _ in hits})), n_mentions=len(hits),
            start=first.start, end=first.end, evidence=sents.evidence(first.start, first.end)))
    return sorted(out, key=lambda r: r.start)


def _cities(city_hits: list[tuple[Match, str]], ctx: Context, sents: Sentences, text: str,
            by_start: dict[int, Match]) -> list[CityRecord]:
    by_key: dict[str, list[tuple[Match, str]]] = defaultdict(list)
    for m, method in city_hits:
        by_key[m.key].append((m, method))
    # pass 1: names with one country among their candidates anchor the context
    resolved: dict[str, tuple[Candidate, float]] = {}
    for key, hits in by_key.items():
        cands = hits[0][0].value
        if len({c.city.country_code for c in cands}) == 1:
            best, _ = choose(cands, set(), Context(), set())
            resolved[key] = (best, 1.0)
    for key, (cand, _) in resolved.items():
        for m, _ in by_key[key]:
            ctx.sent_cities[sents.index(m.start)].add(cand.city.country_code)
        ctx.doc_cities[cand.city.country_code] += 1
    # pass 2: the ambiguous names, in context
    anchors = dict(resolved)
    for key, hits in by_key.items():
        if key in resolved:
            continue
        if (full := _named_in_full(key, hits[0][0].value, anchors, by_key)) is not None:
            resolved[key] = (full, 1.0)
            continue
        sent_ids = {sents.index(m.start) for m, _ in hits}
        attached = {c for m in by_start.values() if m.kind == "city" and m.key == key
                    and (c := _attached_country(text, m, by_start))}
        resolved[key] = choose(hits[0][0].value, sent_ids, ctx, attached)
    # one record per GeoNames city (aliases 'Torino' and 'Turin' merge)
    merged: dict[int, list[tuple[Match, str, float]]] = defaultdict(list)
    for key, hits in by_key.items():
        cand, conf = resolved[key]
        merged[cand.city.geonames_id].extend((m, method, conf) for m, method in hits)
    out = []
    rank = {"context": 0, "ner": 1, "gazetteer": 2}
    for gid, hits in merged.items():
        city = gazetteer().city(gid)
        hits.sort(key=lambda x: x[0].start)
        first = hits[0][0]
        method = min((h[1] for h in hits), key=rank.__getitem__)
        out.append(CityRecord(
            name=_as_named(city.name, [text[m.start:m.end] for m, _, _ in hits]), country_code=city.country_code, geonames_id=gid, latitude=city.latitude,
            longitude=city.longitude, population=city.population, admin1_code=city.admin1_code or None,
            surface_forms=tuple(sorted({text[m.start:m.end] for m, _, _ in hits})), n_mentions=len(hits),
            start=first.start, end=first.end, evidence=sents.evidence(first.start, first.end),
            method=method, confidence=min(h[2] for h in hits)))
    return sorted(out, key=lambda r: r.start)


_TITLE_CHARS = 300  # a page's site title and heading come first


def _named_in_full(key: str, cands: tuple[Candidate, ...], anchors: dict[str, tuple[Candidate, float]],
                   by_key: dict[str, list[tuple[Match, str]]]) -> Candidate | None:
    """'Neustadt' on the page of 'Stadt Neustadt bei Coburg': the short name of the town a
    page names in full in its title. Not the name of a large city of its own: a page may
    name Newcastle (New South Wales) and Newcastle upon Tyne, or Santiago and Santiago de
    Compostela."""
    if any(c.primary and c.city.population >= 100_000 for c in cands):
        return None
    ids = {c.city.geonames_id: c for c in cands}
    options = [(len(by_key[k]), -by_key[k][0][0].start, ids[cand.city.geonames_id])
               for k, (cand, _) in anchors.items() if k.startswith(key + " ") and cand.city.geonames_id in ids
               and by_key[k][0][0].start < _TITLE_CHARS]
    return max(options, key=lambda o: o[:2])[2] if options else None


def _as_named(canonical: str, written: list[str]) -> str:
    """GeoNames names bilingual cities by both names ('Gasteiz / Vitoria', 'Donostia / San
    Sebastián') and some by their long official names ('Acapulco de Juárez'); such a city
    takes the spelling the page uses most ('Vitoria-Gasteiz', 'Acapulco')."""
    if not written:
        return canonical
    counts = Counter(written)
    most = min(counts, key=lambda w: (-counts[w], w))
    if " / " in canonical or (canonical.startswith(most + " ") and most[:1].isupper() and not most.isupper()):
        return most
    return canonical


def _mentions(country_hits, region_hits, cities: list[CityRecord], city_hits, text: str) -> list[Mention]:
    out = []
    for code, hits in country_hits.items():
        for m, kind in hits:
            out.append(Mention(m.start, m.end, text[m.start:m.end], "DEMONYM" if kind == "demonym" else "COUNTRY",
                               "gazetteer" if kind != "code" else "rule", code))
    for hits in region_hits.values():
        for m in hits:
            out.append(Mention(m.start, m.end, text[m.start:m.end], "REGION", "rule" if m.kind == "typed_region" else "gazetteer", m.key))
    gid_by_key = {}
    for rec in cities:
        for form in rec.surface_forms:
            gid_by_key[name_key(form)] = rec.geonames_id
    for m, method in city_hits:
        out.append(Mention(m.start, m.end, text[m.start:m.end], "CITY", method, str(gid_by_key.get(m.key, ""))))
    return out
