"""Funding: money amounts tied to grants, budgets, costs or prizes, and co-funding shares.

>>> parse_number("2,000,000", has_multiplier=False)
2000000.0
>>> parse_number("1.78", has_multiplier=True)
1.78
>>> parse_number("450 000", has_multiplier=False)
450000.0
>>> parse_number("1,5", has_multiplier=True)
1.5
>>> parse_number("2.800", has_multiplier=True, dot_groups=True)  # 'COP 2.800 millones'
2800.0
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from .lexicons import cues, currencies, local_currencies
from .programmes import ProgrammeHit
from .records import FundingRecord, Mention
from .text import Sentences, literal_alternation

MULTIPLIERS = {"crore": 1e7, "crores": 1e7, "lakh": 1e5, "lakhs": 1e5, "thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6,
               "m": 1e6, "billion": 1e9, "billions": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9,
               "trillion": 1e12, "trillions": 1e12,  # 'IDR 15.3 trillion'
               # as municipal English from Brazil, Spain, Italy or Turkey keeps them: 'R$ 500 mil'
               # (thousand), 'R$ 1,2 bilhão', '3,5 milyon TL', '2 milioni di euro'
               "mil": 1e3, "milhão": 1e6, "milhões": 1e6, "millón": 1e6, "millones": 1e6, "milione": 1e6,
               "milioni": 1e6, "milyon": 1e6, "bilhão": 1e9, "bilhões": 1e9, "miliardo": 1e9, "miliardi": 1e9,
               "milyar": 1e9, "mld": 1e9,
               "mio": 1e6, "mrd": 1e9,  # German: '2,5 Mio. Euro', '1,2 Mrd. Euro'
               "juta": 1e6, "miliar": 1e9, "triliun": 1e12}  # Indonesian: 'Rp 145 miliar', 'Rp 2,5 juta'
# after these words a dot groups thousands: 'COP 2.800 millones' is 2,800 million
_ROMANCE = frozenset({"mil", "milhão", "milhões", "millón", "millones", "milione", "milioni", "milyon",
                      "bilhão", "bilhões", "miliardo", "miliardi", "milyar", "mld", "juta", "miliar", "triliun"})
_NUM = r"\d{1,3}(?:(?:[ .,\u202f\u00a0])\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
# every multiplier as written, and 'M', 'B', 'K' ('€1.78M'); a lower-case 'b' alone is too
# often something else, so 'b' is read only as 'B'
_MULT = literal_alternation([m for m in MULTIPLIERS if m != "b"] + ["M", "B", "K", "Mio", "Mrd"])
_SHARE = re.compile(r"(?<![\d.,])(?P<pct>\d{1,3}(?:[.,]\d+)?)\s?(?:%|per\s?cent\b|percent\b)")


@lru_cache(maxsize=None)
def _money_patterns() -> tuple[re.Pattern, re.Pattern]:
    before = literal_alternation(t for t in currencies() if not t[0].islower())
    after = literal_alternation(currencies())
    # € 32 million, EUR 2,000,000, €1.78M, HUF 7 million, US$ 3.4 million, €85-million
    # ('US$   1.20 million' in a column aligned by spaces)
    pre = re.compile(rf"(?<![\w$])(?P<cur>{before})(?:[ \t]{{2,4}}|\s)?(?P<num>{_NUM})(?:[\s-]?(?P<mult>{_MULT})(?![\w]))?")
    # 2.5 million euros, 450 000 EUR, 7 million HUF
    # ('2,5 Mio. Euro', '1,2 milhões de euros', '2 milioni di euro')
    post = re.compile(rf"(?<![\w.,])(?P<num>{_NUM})(?:\s?(?P<mult>{_MULT})\.?(?:\s+d[ei])?)?\s?(?P<cur>{after})(?![\w$])")
    return pre, post


@lru_cache(maxsize=None)
def _currency_token() -> re.Pattern:
    """Any currency token standing alone, longest first: 'EUR' in 'Total budget (EUR)'."""
    return re.compile(rf"(?<![A-Za-z]){literal_alternation(currencies())}(?![A-Za-z])")


def parse_number(raw: str, has_multiplier: bool, dot_groups: bool = False) -> float:
    """Number as written on European and English pages: '2.000.000', '2,000,000', '1,5', '450 000'.
    ``dot_groups``: a dot before three digits groups thousands even before a multiplier
    ('2.800 millones')."""
    s = raw.replace("\u202f", " ").replace("\u00a0", " ").replace(" ", "")
    if "," in s and "." in s:
        dec = "," if s.rfind(",") > s.rfind(".") else "."
        s = s.replace("." if dec == "," else ",", "").replace(",", ".")
    else:
        for sep in (",", "."):
            if sep in s:
                parts = s.split(sep)
                # '2,076 crore' and '250,000' group thousands; '1.78M' and '1,5 million' are decimals
                three = len(parts[-1]) == 3 and (sep == "," or not has_multiplier or dot_groups)
                thousands = len(parts) > 2 or three
                s = s.replace(sep, "") if thousands else s.replace(sep, ".")
    return float(s)


# 'Eighty per cent of the cost is funded by ...', 'twenty-five percent'
_TENS = {"ten": 10, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_WORD_SHARE = re.compile(rf"\b(?P<tens>{'|'.join(_TENS)})(?:[- ](?P<unit>{'|'.join(_UNITS)}))?"
                         r"\s+(?:per\s?cent|percent)\b", re.I)


def _word_percent(m: re.Match) -> float:
    return float(_TENS[m.group("tens").lower()] + (_UNITS[m.group("unit").lower()] if m.group("unit") else 0))


_AMOUNT_SHARE_GLUE = re.compile(r"\s*(?:\(|,?\s*or)?\s*")
_SHARE_CELL = re.compile(r"\s*(" + _SHARE.pattern + r")\s*")  # a table cell that holds only a percentage
_SHARE_HEADER = re.compile(r"\s*(?:share(?: of (?:the\s+)?(?:total\s+)?(?:costs?|budget))?|%|% of (?:the\s+)?(?:total|budget))\s*",
                           re.I)  # '| Source | Amount | Share |'
_OWN_CLAUSE_CUE = re.compile(r"\b(?:contribution|grant|budget|funding|co-?financ\w*|co-?fund\w*|subsid\w*)\b", re.I)
_NAME_NUMBER = re.compile(r"[A-Z]{3}\d{1,2}|Euro\s(?:19|20)\d\d")
_GROUPED = re.compile(r"\d[ ,.\u202f\u00a0]\d{3}")

# '50% of their travel costs', '75 % of the eligible expenditure'
_SHARE_OF_COSTS = re.compile(r"\s*(?:(?:of|de|del)\s+(?:the|their|its|all|total|los|las|la|el)?\s*(?:[\w'’-]+\s+){0,2}"
                             r"(?:costs?|expenses|expenditure|budget|gastos|costos?|costes?|presupuesto)\b|"
                             r"from\s+(?:their|its|our)\s+own\s+(?:budgets?|resources|funds))", re.I)
# 'The grant covers up to half of eligible project costs': a share of 50 %
_HALF_OF_COSTS = re.compile(r"\b(?:one[- ])?half(?=" + _SHARE_OF_COSTS.pattern + ")", re.I)


def _label_before(text: str, s0: int) -> str:
    """The label line over a value line ('- ERDF co-financing' over '- EUR 2,760,000
    (80%)', as a page's definition list reads once extracted), or ''."""
    if s0 == 0 or text[s0 - 1] != "\n":
        return ""
    line = text[text.rfind("\n", 0, s0 - 1) + 1:s0 - 1]
    return line + " " if len(line) <= 60 and not any(ch.isdigit() for ch in line) else ""


def _has_any(text: str, words: list[str]) -> bool:
    """A cue word (or a word's start: 'financ', 'co-fund') at the start of a word of the
    text: 'rent' is in 'rental', not in 'current'."""
    return _cue_pattern(tuple(words)).search(text.lower()) is not None


@lru_cache(maxsize=64)
def _cue_pattern(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"(?<![a-z])(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")")


def _pick_funder(hits: list[ProgrammeHit], start: int, end: int, s0: int, s1: int) -> tuple[str | None, str | None]:
    """Funder and programme named in the sentence: a fund beats a programme beats an institution."""
    inside = [h for h in hits if s0 <= h.start and h.end <= s1]
    funders = [h for h in inside if h.funder]
    order = {"fund": 0, "programme": 1, "institution": 2}
    after = [h for h in funders if h.start >= start] or funders
    funder = min(after, key=lambda h: (order.get(h.kind, 3), h.start)).name if after else None
    programme = next((h.name for h in inside if h.name != funder and h.kind != "institution"), None)
    return funder, programme


DOLLAR_COUNTRIES = {"CA": "CAD", "AU": "AUD", "NZ": "NZD", "SG": "SGD", "HK": "HKD", "FJ": "FJD", "JM": "JMD",
                    "BZ": "BZD", "TT": "TTD", "BB": "BBD", "BS": "BSD", "GY": "GYD", "SB": "SBD", "NA": "NAD",
                    "LR": "LRD", "BN": "BND", "TW": "TWD", "AG": "XCD", "DM": "XCD", "GD": "XCD", "KN": "XCD",
                    "LC": "XCD", "VC": "XCD"}


_DOLLAR_SYMBOLS = {"US": "USD", "C": "CAD", "A": "AUD", "AU": "AUD", "NZ": "NZD", "S": "SGD", "HK": "HKD"}
_WRITTEN_DOLLAR = re.compile(rf"\b(?P<code>{'|'.join(sorted(set(_DOLLAR_SYMBOLS.values())))})\b|"
                             rf"\b(?P<sym>{'|'.join(sorted(_DOLLAR_SYMBOLS, key=len, reverse=True))})\$")


def written_dollars(text: str) -> set[str]:
    """The dollar currencies a page names outright ('AUD 40,000', 'NZ$ 5,000')."""
    return {m.group("code") or _DOLLAR_SYMBOLS[m.group("sym")] for m in _WRITTEN_DOLLAR.finditer(text)}


_DOLLAR_NATIONS = {"us": "USD", "u.s.": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD",
                   "new zealand": "NZD", "singapore": "SGD", "hong kong": "HKD"}
_DECLARED_DOLLAR = re.compile(r"\b(?:amounts|figures|prices|costs|sums|values)\b[^.\n]{0,30}?\bin\s+(?:the\s+)?"
                              rf"(?P<nation>{'|'.join(map(re.escape, _DOLLAR_NATIONS))})\s+dollars\b", re.I)


def declared_dollar(text: str) -> str | None:
    """The dollar a page says its figures are in ('All figures are in Australian dollars
    (AUD)'): it wins over the page's most named town (a sister city in Kansas)."""
    found = {_DOLLAR_NATIONS[m.group("nation").lower()] for m in _DECLARED_DOLLAR.finditer(text)}
    return found.pop() if len(found) == 1 else None


_NAMED_AFTER = re.compile(r"\s*\((?:in\s+)?(?P<name>[A-Za-z][a-z]+ [a-z]+)\)")  # '$ 38.500.000 (Argentine pesos)', '(pesos argentinos)'


def dollar_currency(country_codes: list[str], place_countries: list[str] = (), home_country: str | None = None,
                    written: set[str] = frozenset()) -> str:
    """What a bare '$' means on this page: the currency of the page's own city when it is
    in a dollar country (a Christchurch council report naming Seattle is in NZ dollars);
    else the one dollar currency the page names outright, if it names one ('AUD 40,000'
    on a council report whose own town the gazetteer lacks); else the dollar country whose
    towns and regions the page names most (``place_countries``: one entry a mention), the US
    on a tie (a US council's report naming one Australian sister city is still in US
    dollars; a Hamilton, Waikato page naming Sacramento, California is in NZ dollars); else
    USD unless the page names another dollar country and not the US."""
    if home_country == "US" or home_country in DOLLAR_COUNTRIES:
        return "USD" if home_country == "US" else DOLLAR_COUNTRIES[home_country]
    if len(written) == 1:
        return next(iter(written))
    dollar_places = Counter(c for c in place_countries if c == "US" or c in DOLLAR_COUNTRIES)
    if dollar_places:
        top = max(dollar_places, key=lambda c: (dollar_places[c], c == "US"))
        return "USD" if top == "US" else DOLLAR_COUNTRIES[top]
    if "US" in country_codes:
        return "USD"
    others = [DOLLAR_COUNTRIES[c] for c in country_codes if c in DOLLAR_COUNTRIES]
    return others[0] if others else "USD"


_RUPEE_TOKENS = frozenset({"Rs", "Rs.", "rupees"})
_RUPEE_COUNTRIES = {"NP": "NPR", "PK": "PKR", "LK": "LKR"}


def rupee_currency(country_codes: list[str], home_country: str | None = None) -> str:
    """What 'Rs' means on this page: the Nepalese, Pakistani or Sri Lankan rupee on a page
    about a town there ('Rs. 45 lakh' in Kathmandu), or when the page names one of those
    countries and not India; else the Indian rupee."""
    if home_country in _RUPEE_COUNTRIES:
        return _RUPEE_COUNTRIES[home_country]
    named = [_RUPEE_COUNTRIES[c] for c in country_codes if c in _RUPEE_COUNTRIES]
    return named[0] if named and "IN" not in country_codes else "INR"


_CEMAC = frozenset({"CM", "GA", "CG", "TD", "CF", "GQ"})  # the Central African CFA franc's (XAF) countries
_WAEMU = frozenset({"SN", "CI", "BF", "ML", "NE", "TG", "BJ", "GW"})  # the West African franc's (XOF)


def _central_african(home_country: str | None, country_codes) -> bool:
    """Whether a bare 'FCFA' or 'CFA francs' is the Central African franc (XAF) here: the
    page's own country uses it, or the page names only CEMAC countries of the two zones."""
    if home_country is not None and home_country in _CEMAC:
        return True
    named = {c for c in country_codes if c in _CEMAC or c in _WAEMU}
    return bool(named) and named <= _CEMAC


def local_currency(token: str, home_country: str | None, country_codes: list[str]) -> str | None:
    """The currency a token whose meaning depends on the country means on this page
    (local_currencies.tsv): the page's own country's, else the one listed country the page
    names, else its '*' currency; '' when it means none here; None for any other token."""
    by_country = local_currencies().get(token)
    if by_country is None:
        return None
    if home_country in by_country:
        return by_country[home_country]
    named = {by_country[c] for c in country_codes if c in by_country}
    return named.pop() if len(named) == 1 else by_country.get("*", "")


_CELL_NUMBER = re.compile(rf"\s*(?P<num>{_NUM})\s*")


def _line_starts(lines: list[str]) -> list[int]:
    """Where each of the text's lines starts (offsets into the text)."""
    starts, pos = [], 0
    for ln in lines:
        starts.append(pos)
        pos += len(ln) + 1
    return starts


def table_amounts(text: str, cur: dict, head_words: list[str]) -> list[tuple[int, int, float, object]]:
    """Bare numbers in a table column whose header names money and its currency:
    'Partner | Country | Total budget (EUR)' over '... | Finland | 612,000'."""
    out = []
    lines = text.split("\n")
    starts = _line_starts(lines)
    pending = None  # the currency a caption row inside the table gave ('| Budget 2025 in EUR | | |')
    for i, head in enumerate(lines):
        if "|" not in head or re.fullmatch(r"[\s|:+=-]+", head):
            pending = pending if "|" in head else None
            continue
        cells = head.split("|")
        money_cols = {}
        for k, cell in enumerate(cells):
            token = _currency_token().search(cell) if _has_any(cell, head_words) else None
            if token is not None:
                money_cols[k] = cur[token.group()]
        if money_cols and sum(1 for c in cells if c.strip()) == 1:
            pending = next(iter(money_cols.values()))
            continue
        if not money_cols and pending:  # the header row under the caption: its money columns
            money_cols = {k: pending for k, cell in enumerate(cells) if _has_any(cell, head_words)}
        pending = None
        grouped_only = False
        if not money_cols and (caption := _caption_currency(lines, i, head_words)):
            # 'Table 1. Budget of the programme 2022-2023 (PLN)' over 'Year | Allocation | ...':
            # every column, but only numbers written in groups (not years, not counts)
            money_cols = dict.fromkeys(range(len(cells)), cur[caption])
            grouped_only = True
        if not money_cols:
            continue
        for j in range(i + 1, len(lines)):
            row = lines[j].split("|")
            if len(row) != len(cells):
                if lines[j].strip() and not re.fullmatch(r"[\s|:+=-]+", lines[j]):
                    break
                continue
            offset = starts[j]
            for k, cell in enumerate(row):
                m = _CELL_NUMBER.fullmatch(cell)
                if k in money_cols and m and not (grouped_only and not _GROUPED.search(m.group("num"))):
                    a = offset + sum(len(c) + 1 for c in row[:k]) + m.start("num")
                    try:
                        value = parse_number(m.group("num"), False)
                    except ValueError:
                        continue
                    out.append((a, a + len(m.group("num")), value, money_cols[k]))
    return out


_SPENDING = re.compile(r"\b(?:disburs\w*|spent|paid out|executed|absorbed|utili[sz]ed|used to date)\b", re.I)


_BY_FUNDER = re.compile(r"\s*by\s+(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+(?:(?:of|for|and|de)\s+)?[A-Z][\w&'’.-]*)*")


def _stated_share(text: str, a: int, b: int, s0: int, s1: int, taken: list[tuple[int, int]], c: dict) -> bool:
    """Whether the percentage at a..b is a co-funding share by its sentence: a share cue, 'of
    the costs' after it, or a funded amount right before it."""
    sentence = _label_before(text, s0) + text[s0:s1]
    window = text[b:min(s1, b + 60)]
    # 'ERDF contribution: EUR 2,592,000 (60 %)': a share right after a funded amount
    # ('€1,428,000, or 85%, comes from the ERDF': the same after ', or')
    # ('| EUR 480,000 | EUR 120,000 (20%) |': in brackets right after a funded amount, even in a table row)
    glued = [text[y:a] for x, y in taken if 0 <= a - y <= 6 and _AMOUNT_SHARE_GLUE.fullmatch(text, y, a)]
    # (but 'Disbursed to date: CAD 8,912,440 (48%)' is progress, not a share of the costs)
    after_amount = bool(glued) and (_has_any(sentence, c["funding_cues"])
                                    or (any("(" in g for g in glued) and not _SPENDING.search(sentence)))
    of_costs = _SHARE_OF_COSTS.match(window) is not None
    # 'of its' mostly measures land or people ('40% of its territory'), but not in 'of its costs'
    not_share = [w for w in c["not_share_cues"] if not (of_costs and w == "of its")]
    funder = _BY_FUNDER.match(window)  # ('co-financed 75% by the Tamil Nadu Energy Development Agency': a name)
    return not _has_any(window[funder.end() if funder else 0:], not_share) and (after_amount or _has_any(sentence, c["share_cues"]) or of_costs)


def table_share_cells(text: str, share_cues: list[str]) -> set[int]:
    """Where percentages stand in a table column whose header names a co-funding share:
    '| Town | Grant | Municipal co-financing |' over '| Gyumri | €198,500 | 20% |'."""
    out: set[int] = set()
    lines = text.split("\n")
    starts = _line_starts(lines)
    for i, head in enumerate(lines):
        if "|" not in head:
            continue
        cells = head.split("|")
        cols = [k for k, cell in enumerate(cells) if (_has_any(cell, share_cues) or _SHARE_HEADER.fullmatch(cell))
                and not _SHARE.search(cell)]
        for j in range(i + 1, len(lines)) if cols else ():
            row = lines[j].split("|")
            if len(row) != len(cells):
                if lines[j].strip() and not re.fullmatch(r"[\s|:+=-]+", lines[j]):
                    break
                continue
            for k in cols:
                m = _SHARE_CELL.fullmatch(row[k])
                if m:
                    out.add(starts[j] + sum(len(c) + 1 for c in row[:k]) + m.start(1))
    return out


@lru_cache(maxsize=1)
def _bracketed_currency() -> re.Pattern:
    """'(EUR)', '(PLN)': a currency token in brackets, as table headers and captions give it."""
    return re.compile(rf"\((?P<cur>{_currency_token().pattern})\)")


def _caption_currency(lines: list[str], i: int, head_words: list[str]) -> str | None:
    """The currency a table's caption gives, in the last three lines above its header."""
    above = [ln for ln in lines[max(0, i - 3):i] if ln.strip()]
    for ln in reversed(above):
        if "|" not in ln and _has_any(ln, head_words) and (token := _bracketed_currency().search(ln)):
            return token.group("cur")
    return None


_ALIGNED_CELL = re.compile(r"\S+(?: \S+)*")  # a cell of a table aligned by runs of spaces
_GROUPED_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:[,.\u202f\u00a0 ]\d{3})+(?:[.,]\d{1,2})?(?![\d])")


def aligned_amounts(text: str, cur: dict, head_words: list[str]) -> list[tuple[int, int, float, object]]:
    """Numbers under a header cell that names money and its currency in a table aligned by
    spaces, as PDF dumps give them: 'Local investment' / 'mobilised (EUR)' over rows
    '... 410   1,240,000'. A number counts when it stands under the header cell."""
    out = []
    lines = text.split("\n")
    starts = _line_starts(lines)
    token_re = _bracketed_currency()
    for i, head in enumerate(lines):
        if "  " not in head or "(" not in head or "|" in head:
            continue  # (cheap tests first: this runs on every line of every page)
        for token in token_re.finditer(head):  # each money column ('Annual (CAD)   Total 2024-2027 (CAD)')
            cell = next((c for c in _ALIGNED_CELL.finditer(head) if c.start() <= token.start() < c.end()), None)
            above = lines[i - 1][max(0, cell.start() - 2):cell.end() + 2] if i and cell else ""
            if cell is None or not (_has_any(cell.group(), head_words) or _has_any(above, head_words)):
                continue
            out += _column_amounts(lines, starts, i, cell.start() - 3, cell.end() + 3, cur[token.group("cur")])
    return out


def row_label_amounts(text: str, cur: dict, head_words: list[str]) -> list[tuple[int, int, float, object]]:
    """Numbers on a row whose label names money and its currency, in a table aligned by
    spaces: 'Budget for twinning (EUR)   24,500   26,000', one number per year column.
    Rows indented under it ('  of which Flemish Government subsidy   68,475') share its
    currency when they name money too or are its parts ('of which')."""
    out = []
    lines = text.split("\n")
    starts = _line_starts(lines)
    token_re = _bracketed_currency()
    currency, indent = None, -1
    for j, row in enumerate(lines):
        if "  " not in row:
            currency = None
            continue
        label = _ALIGNED_CELL.search(row)
        if label is None:
            currency = None
            continue
        token = token_re.search(label.group())
        if token is not None and _has_any(label.group(), head_words):
            currency, indent = cur[token.group("cur")], label.start()
        elif not (currency is not None and label.start() > indent
                  and (label.group().startswith("of which") or _has_any(label.group(), head_words))):
            currency = None
            continue
        for m in _GROUPED_NUMBER.finditer(row, label.end()):
            try:
                value = parse_number(m.group(), False)
            except ValueError:
                continue
            out.append((starts[j] + m.start(), starts[j] + m.end(), value, currency))
    return out


def _column_amounts(lines: list[str], starts: list[int], i: int, lo: int, hi: int,
                    currency: object) -> list[tuple[int, int, float, object]]:
    """The grouped numbers standing between columns lo..hi in the rows under header line i."""
    out = []
    rows = 0
    for j in range(i + 1, len(lines)):
        row = lines[j]
        if re.fullmatch(r"[\s=_-]*", row):
            if rows and not row.strip():
                break
            continue
        nums = [m for m in _GROUPED_NUMBER.finditer(row) if lo <= m.start() and m.end() <= hi]
        if not nums or "  " not in row:
            break
        rows += 1
        for m in nums:
            try:
                value = parse_number(m.group(), False)
            except ValueError:
                continue
            out.append((starts[j] + m.start(), starts[j] + m.end(), value, currency))
    return out


def extract_funding(text: str, sents: Sentences, programme_hits: list[ProgrammeHit],
                    country_codes: list[str] = (), place_countries: list[str] = (),
                    home_country: str | None = None) -> tuple[list[FundingRecord], list[Mention]]:
    c = cues()
    cur = currencies()
    dollar = declared_dollar(text) or \
        dollar_currency(list(country_codes), list(place_countries), home_country, written_dollars(text))
    rupee = rupee_currency(list(country_codes), home_country)
    out: list[FundingRecord] = []
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for pattern in _money_patterns():
        for m in pattern.finditer(text):
            a, b = m.start(), m.end()
            if any(a < y and x < b for x, y in taken):
                continue
            s0, s1 = sents.bounds(a)
            sentence = text[s0:s1]
            mult = (m.group("mult") or "").lower()
            if m.group("cur") == "R" and not (mult or (m.start("num") == a + 1 and _GROUPED.search(m.group("num")))):
                continue  # the rand only as written, 'R3.5 million', 'R 62 million', 'R120 000': 'R 2' is anything
            local = local_currency(m.group("cur"), home_country, list(country_codes))
            if local == "" or (local and m.start("cur") > m.start("num")):
                continue  # 'K 12' on a page from no kwacha country; '40 KM' (kilometres)
            try:
                number = parse_number(m.group("num"), bool(mult), dot_groups=mult in _ROMANCE)
                value = round(number * MULTIPLIERS.get(mult, 1.0), 2)  # 8.2 * 1e6
            except ValueError:
                continue
            if _NAME_NUMBER.fullmatch(text[a:b]):
                continue  # 'COP14', 'Euro 2012': a conference, a championship
            currency = cur[m.group("cur")]
            if currency.code == "XOF" and m.group("cur") != "XOF" and _central_african(home_country, country_codes):
                currency = cur["XAF"]  # 'FCFA 164 million' in Douala is the Central African franc
            taken.append((a, b))
            mentions.append(Mention(a, b, text[a:b], "MONEY", "rule", f"{value:g} {currency.code}"))
            # on these pages money is almost always a grant, budget or cost: only
            # economic statistics (GDP, exports, prices) are left out
            if value < 10:
                continue  # 'Try Premium for CZK 0', '1 mês por 1€': a price, never a grant or budget
            # ('the salaries of eight staff, a contribution valued at GH¢1.5 million': the
            # amount's own clause names a contribution, whatever the sentence counts)
            clause = text[max(s0, text.rfind(",", s0, a) + 1, text.rfind(";", s0, a) + 1):a]
            own_cue = _OWN_CLAUSE_CUE.search(clause) is not None and not _has_any(clause, c["not_funding_cues"])
            if (_has_any(sentence, c["not_funding_cues"]) and not own_cue) or \
                    (_has_any(sentence, c["per_period_cues"]) and not _has_any(sentence, c["grant_rate_cues"])):
                continue
            if m.group("cur") == "$" and dollar != "USD":
                currency = cur[dollar]
            elif m.group("cur") in _RUPEE_TOKENS:
                currency = cur[rupee]
            elif local:
                currency = cur[local]
            named = _NAMED_AFTER.match(text, b) if m.group("cur") == "$" else None
            if named and named.group("name") in cur:  # '$ 38.500.000 (Argentine pesos)'
                currency = cur[named.group("name")]
            funder, programme = _pick_funder(programme_hits, a, b, s0, s1)
            out.append(FundingRecord(value, currency.code, round(value * currency.eur_rate, 2), None,
                                     funder, programme, text[a:b], a, b, sents.evidence(a, b)))
    for a, b, value, currency in table_amounts(text, cur, c["table_money_head"]) + \
            aligned_amounts(text, cur, c["table_money_head"]) + row_label_amounts(text, cur, c["table_money_head"]):
        if any(a < y and x < b for x, y in taken):
            continue
        taken.append((a, b))
        mentions.append(Mention(a, b, text[a:b], "MONEY", "rule", f"{value:g} {currency.code}"))
        s0, s1 = sents.bounds(a)
        funder, programme = _pick_funder(programme_hits, a, b, s0, s1)
        out.append(FundingRecord(value, currency.code, round(value * currency.eur_rate, 2), None,
                                 funder, programme, text[a:b], a, b, sents.evidence(a, b)))
    share_cells = table_share_cells(text, c["share_cues"])
    for m in _HALF_OF_COSTS.finditer(text):
        s0, s1 = sents.bounds(m.start())
        funder, programme = _pick_funder(programme_hits, m.start(), m.end(), s0, s1)
        out.append(FundingRecord(None, None, None, 50.0, funder, programme, m.group(), m.start(), m.end(),
                                 sents.evidence(m.start(), m.end())))
    for m in sorted([*_SHARE.finditer(text), *_WORD_SHARE.finditer(text)], key=lambda m: m.start()):
        a, b = m.start(), m.end()
        pct = float(m.group("pct").replace(",", ".")) if m.re is _SHARE else _word_percent(m)
        if pct > 100:
            continue
        s0, s1 = sents.bounds(a)
        mentions.append(Mention(a, b, text[a:b], "PERCENT", "rule", f"{pct:g}"))
        # a cell of a share column ('| Municipal co-financing |' over '| 20% |') needs no cue of its own
        if a not in share_cells and not _stated_share(text, a, b, s0, s1, taken, c):
            continue
        funder, programme = _pick_funder(programme_hits, a, b, s0, s1)
        out.append(FundingRecord(None, None, None, pct, funder, programme, text[a:b], a, b, sents.evidence(a, b)))
    out.sort(key=lambda r: r.start)
    return out, mentions
