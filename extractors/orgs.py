"""Organisation names, one test for places and links.

Places asks whether a city name is part of an organisation's name ('Torino Social
Impact', 'AGH University of Kraków'); links asks whether a party is an organisation
or a place ('Lisboa E-Nova', 'the City Council of Velletri' = Velletri). Both rest on
the same two word lists: administrative words, which leave a place a place, and
organisation head words (extractors/data/org_heads.txt).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from .lexicons import org_heads
from .text import fold, name_key

# Words that may stand next to a city name without making it an organisation name.
ADMIN_WORDS = frozenset("""city town municipality municipal council councillor councilor mayor
metropolitan metropolis area region province county district borough government hall
administration comune commune ayuntamiento gemeinde stadt ville ciudad cidade capital
metro urban centre center agglomeration greater community of the and de di del della
municipalidad municipio prefeitura concello gemeente kommune kommun stad miasto gmina
mesto město obec varos város mairie citta città intendencia alcaldia alcaldía
pilot lighthouse follower fellow replicating mission twin sister partner host
people's people’s committee akimat corporation""".split())
# (the line before: a city's role in a programme, 'Pilot City Sønderborg', 'Lighthouse City Lyon';
# the last: a Vietnamese city's government, 'the Da Nang People's Committee', a Kazakh one,
# 'the Akimat of Shymkent', and an Indian one, 'Karachi Metropolitan Corporation', 'Greater
# Chennai Corporation': on the gold sets the town reads better than the body, in places and
# in links, though one set names 'Rajkot Municipal Corporation' as a partner)

_WORD = re.compile(r"[\w’'-]+")


def is_admin_word(word: str) -> bool:
    return word.lower() in ADMIN_WORDS


def names_organisation(words: Iterable[str]) -> bool:
    """Capitalised words next to a place name that are not all administrative: the
    place is part of an organisation's or a programme's name ('Social Impact')."""
    return any(not is_admin_word(w) for w in words)


def has_org_head(name: str) -> bool:
    """The name holds an organisation head word that is not also an administrative
    word: 'University of Porto', 'Lisbon Energy Agency' yes; 'City Council of
    Velletri', 'Region of Murcia' no (those name the place's own administration)."""
    heads = org_heads()
    return any(w in heads and not is_admin_word(w) for w in _WORD.findall(name))


# ---------------------------------------------------------------- names by shape

_TOKEN = re.compile(r"[^\s()\[\]{},;:|/–—\"“”!?]+")
_ACRONYM = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z0-9&-]{2,11})\)|\s+[–—]\s+(?P<dash>[A-Z][A-Za-z0-9&]{2,11})\b(?=\s*(?:\(|$))", re.M)


_ABBREVIATION = re.compile(r"(?:[A-Z]\.)+|(?:St|Co|Inc|Ltd|Dr|Mr|Mrs|Ms|Jr|Corp|Univ|Dept|Nr|No)\.")


_COUNTRY_CODE = re.compile(r"\s*\((?P<cc>[A-Z]{2})\)")


def _is_country_code(code: str) -> bool:
    from .lexicons import EU_CODES, countries
    return code in EU_CODES or code in countries()


_ELIDED = re.compile(r"^[ldLD][’']")


def _capitalised(tok: str) -> bool:
    """'Agency', 'E-Nova', 'AESS', and "l'Energia" (an elided article before a capital)."""
    if tok[:1].isupper():
        return True
    return tok[:1] in "ldLD" and _ELIDED.sub("", tok)[:1].isupper()


def name_runs(text: str) -> list[list[tuple[int, int, str]]]:
    """Runs of capitalised words joined by connectors ('Agenzia per l'Energia e lo Sviluppo
    Sostenibile', 'Energy Agency of Plovdiv and AESS'), one line at a time, as token lists.
    A run starts and ends with a capitalised word; punctuation and line breaks end it."""
    from .lexicons import org_shapes
    connectors = frozenset(org_shapes()["connectors"])
    runs: list[list[tuple[int, int, str]]] = []
    cur: list[tuple[int, int, str]] = []
    last_end = -1

    def close() -> None:
        while cur and not _capitalised(cur[-1][2]):
            cur.pop()
        if cur:
            runs.append(list(cur))
        cur.clear()

    for m in _TOKEN.finditer(text):  # hot: every word of the page; close() only when a run is open
        tok, a = m.group(), m.start()
        if cur and a > last_end and (a > last_end + 1 or text[last_end] != " "):  # (one space never ends a run)
            gap = text[last_end:a]
            if "\n" in gap or gap.strip():
                close()
        ends_sentence = False
        if tok[-1] == ".":
            ends_sentence = not _ABBREVIATION.fullmatch(tok)
            tok = tok.rstrip(".")
        if tok and (tok[0].isupper() or _capitalised(tok)) and not tok[0].isdigit():
            cur.append((a, a + len(tok), tok))
        elif cur:
            if tok in connectors:
                cur.append((a, a + len(tok), tok))
            else:
                close()
        last_end = m.end()
        if ends_sentence and cur:
            close()
    close()
    return runs


# The words that end a society's name ('the Totnes-Vire Twinning Association') and that name a
# tie itself ('the Canberra-Wellington Capital Cities Partnership'): places and links both ask
# whether a name with two towns in it is a society (no partner of either) or their tie.
SOCIETY_HEADS = ("Association", "Society", "Committee", "Club", "Circle", "Council", "Commission", "Foundation",
                 "Gesellschaft", "Verein")
TIE_NAMES = ("Partnership", "Cooperation", "Co-operation", "Twinning", "Friendship", "Pairing", "Alliance")


def _is_acronym(word: str) -> bool:
    return sum(c.isupper() for c in word) >= 2 and not any(c.islower() for c in word)


def _split_and(run: list[tuple[int, int, str]], place_ends: set[int]) -> list[list[tuple[int, int, str]]]:
    """'Chamber of Commerce and Industry' is one name; 'Energy Agency of Plovdiv and AESS' and
    'the University of Bologna and Tongji University' are two: split at 'and' when the part
    before ends with a place, or the part after is an acronym or holds a head word of its own
    while the part before holds one too or names a government ('Bristol City Council').
    '&' binds tighter than 'and': 'Gdańsk University of Technology and Korea Maritime &
    Ocean University' is two names, split at 'and' only."""
    from .lexicons import org_shapes
    ands = frozenset(org_shapes()["and_words"])
    parts = [[]]
    for i, t in enumerate(run):
        if t[2] in ands and parts[-1] and i + 1 < len(run) and run[i + 1][2] == "the":
            parts.append([])  # 'the University of Moratuwa and the Dutch NGO Waste Free Oceans': two names
            continue
        if t[2] in ands and parts[-1]:
            left, right = parts[-1], []
            if t[2] == "&":  # what '&' joins on its left: the words since the last 'and'
                left = left[max((k + 1 for k, u in enumerate(left) if u[2] in ands), default=0):] or left
            for u in run[i + 1:]:
                if u[2] in ands and u[2] != "&":
                    break
                right.append(u)
            right_words = [u[2] for u in right if _capitalised(u[2])]
            if not right_words:
                parts[-1].append(t)
                continue
            left_words = [u[2] for u in left if _capitalised(u[2])]
            right_head = has_org_head(" ".join(right_words))
            if left[-1][1] in place_ends or right_words[0].isupper() or is_admin_word(right_words[0]) or \
                    (right_head and (has_org_head(" ".join(left_words)) or
                                     (left_words and is_admin_word(left_words[-1])) or  # 'Bristol City Council and'
                                     (left_words and _is_acronym(left_words[-1])))):  # 'Maastricht UMC+ and'

                parts.append([])
                continue
        parts[-1].append(t)
    return [p for p in parts if p]


def shaped_orgs(text: str, place_ends: set[int], skip_acronyms: frozenset[str] = frozenset()
                ) -> list[tuple[int, int, str | None]]:
    """Organisation names found by their shape, as (start, end, acronym): capitalised names
    holding a head word ('Zagreb Regional Energy Agency', 'Querétaro Secretariat of
    Sustainable Development'), and names that a parenthesised acronym right after them
    defines ('Barcelona Cicle de l'Aigua (BCASA)', 'Águas da Região de Maputo (AdRM)').
    ``place_ends`` are the end offsets of place names and of other whole names (split
    points at 'and')."""
    from .lexicons import org_shapes
    shapes = org_shapes()
    stop = frozenset(shapes["leading_stopwords"])
    connectors = frozenset(shapes["connectors"])
    out: list[tuple[int, int, str | None]] = []
    for run in name_runs(text):
        while run and (run[0][2] in stop or run[0][2] in connectors
                       or (len(run) > 1 and ROLE_CODE.fullmatch(run[0][2]))) and not _place_opener(run):
            run = run[1:]
        for part in _split_and(run, place_ends):
            while part and (part[0][2] in stop or part[0][2] in connectors or not _capitalised(part[0][2])) \
                    and not _place_opener(part):
                part = part[1:]
            while part and not _capitalised(part[-1][2]):
                part = part[:-1]
            if not part:
                continue
            a, b = part[0][0], part[-1][1]
            words = [t[2] for t in part if _capitalised(t[2])]
            acr = _ACRONYM.match(text, b)
            acronym = None
            code = acr and (acr.group("acr") or acr.group("dash"))
            if code and code not in skip_acronyms and sum(c.isupper() for c in code) >= 2 \
                    and code[0].lower() in {fold(re.sub(r"^[ld][’']", "", w.lower()))[:1] for w in words} \
                    and (len(words) >= 2 or "-" in words[0]):
                acronym = code
            if acronym or (has_org_head(" ".join(words)) and not (len(words) == 1 and words[0] in org_heads())):
                out.append((a, b, acronym))
            elif (cc := _COUNTRY_CODE.match(text, b)) and _is_country_code(cc.group("cc")):
                out.append((a, b, "")) # 'Deltares (NL)': kept unless only a place's name (see governs_place)
    return out


# a partner's role code before its name in a project's list: 'LP  Municipality of Florina',
# 'PP2 Municipality of Bitola', 'P3 Energy Agency of Plovdiv'
ROLE_CODE = re.compile(r"(?:LP|LB|PP\d{1,2}|P\d{1,2}|B\d{1,2}|AP\d{0,2})")


def _place_opener(run: list[tuple[int, int, str]]) -> bool:
    """'New' that opens a place's name ('New Zealand Ministry of Foreign Affairs', 'New
    York City Council'), not a headline's adjective ('New Partners Join ...')."""
    if len(run) < 2 or run[0][2] != "New":
        return False  # (before the imports: every run that opens with 'The' asks)
    from .geo import gazetteer
    from .lexicons import country_names, regions
    name = f"New {run[1][2]}"
    return name in country_names() or name_key(name) in regions() or name_key(name) in gazetteer()


def governs_place(name: str, place_texts: list[str]) -> bool:
    """'Marshal's Office of the Silesian Voivodeship', 'Government of Navarre', 'State of
    Querétaro': the words beside the place name only name the place's own government."""
    from .lexicons import org_shapes
    gov = frozenset(org_shapes()["government_words"])
    heads = org_heads()
    rest = name
    for p in place_texts:
        if p not in heads:  # 'Universidad' is a town in GeoNames, but here the head word
            rest = rest.replace(p, " ")
    words = [w.lower() for w in _WORD.findall(rest)]
    glue = frozenset(org_shapes()["connectors"]) | {"'s", "’s", "s"}
    return any(w not in glue for w in words) and len(rest.strip()) < len(name) and \
        all(is_admin_word(w) or w in gov or w in glue for w in words)
