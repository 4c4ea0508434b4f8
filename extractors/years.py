"""Years and dates: every explicit calendar year 1900-2099, with a role where the
sentence says it.

Not years: numbers inside names ('Horizon 2020', 'Agenda 2030', 'Favela 2030
Programme'), counts and amounts ('2000 participants', 'EUR 2,000,000'), versions
('Industry 4.0'), parts of longer numbers or codes, phone numbers and postcodes.
"""
from __future__ import annotations

import re
from datetime import date

from .lexicons import cues
from .records import Mention, YearRecord
from .text import Sentences

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
         r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
_YEAR = r"(?:19|20)\d\d"

DATE_PATTERNS = [
    # 9 September 2022, 9th of September 2022
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m>{_MONTH})\s*,?\s+(?P<y>{_YEAR})\b"),
    # September 9, 2022
    re.compile(rf"\b(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>{_YEAR})\b"),
    # 2023-05-17 (ISO)
    re.compile(rf"(?<![\d/.-])(?P<y>{_YEAR})-(?P<mm>\d\d)-(?P<d>\d\d)(?![\d-])"),
    # 1994.10.05, 2016/07/07, 2016. 7. 7.: year first, as East Asian pages write dates
    re.compile(rf"(?<![\d/.-])(?P<y>{_YEAR})(?P<sep>[./])\s?(?P<mm>\d{{1,2}})(?P=sep)\s?(?P<d>\d{{1,2}})\.?(?![\d/])"),
    # 09/02/2024, 9.2.2024: day first, as on the European pages this pipeline reads
    # (a full stop after the year ends the sentence: 'will run until 31/12/2027.')
    re.compile(rf"(?<![\d/.])(?P<d>\d{{1,2}})[/.](?P<mm>\d{{1,2}})[/.](?P<y>{_YEAR})(?![\d/]|\.\d)"),
]
# 2021-2023, 2025–2027, 2019/2020, 2014-20; not across lines ('summer 2025\n- 35 years of friendship')
RANGE = re.compile(rf"(?<![\w.,/-])(?P<a>{_YEAR})[ \t]?[-–—/][ \t]?(?P<b>{_YEAR}|\d\d)(?![\w%])")
FROM_TO = re.compile(rf"\b(?:from|between)\s+(?P<a>{_YEAR})\s+(?:to|and|until|till)\s+(?P<b>{_YEAR})\b", re.I)
# Q1/2025, H2-2024, Q3 2023: a quarter or half of a year; 01/2024, 12/2026: a month
PART_OF_YEAR = re.compile(rf"\b[QH][1-4][/ -](?P<y>{_YEAR})(?![\d/.-]\d)"
                     rf"|(?<![\d/.,])(?:0?[1-9]|1[0-2])/(?P<my>{_YEAR})(?![\d/]|[.,]\d)"
                     # '- 2024.10 Daegu and Atlanta celebrated ...': a dated item, year.month
                     rf"|(?m:^)(?:[-•*][ \t]+)?(?P<ym>{_YEAR})\.(?:0[1-9]|1[0-2])(?=[ \t])"
                     rf"|\bFY(?P<fy>{_YEAR})\b")  # a fiscal year: 'in FY2023'
YEAR = re.compile(rf"(?<![\w.,/€$£-])(?P<y>{_YEAR})(?![\w%]|[.,]\d|\s?%)")


def _is_name_year(text: str, start: int, end: int) -> bool:
    """'Horizon 2020', 'Agenda 2030', 'Favela 2030 Programme': the year is part of a name."""
    c = cues()
    before = text[max(0, start - 30):start]
    after = text[end:end + 25]
    if any(re.search(rf"\b{re.escape(p)}\s$", before) for p in c["year_name_prefixes"]):
        return True
    prev_cap = re.search(r"\b[A-Z][\w’'-]+\s$", before)
    return bool(prev_cap and re.match(rf"\s(?:{'|'.join(c['year_name_suffixes'])})\b", after))


# '+386 2 220 1957', 'helpline 1800 425 2093', 'ext. 1984': the last digits of a phone number;
# 'Ulica heroja Staneta 1, 2000 Maribor': a postcode
_PHONE_BEFORE = re.compile(r"(?:(?<!\d)\d{1,4}[ \t]\d{1,3}[ \t]|\b(?:ext|Ext|tel|Tel|phone|Phone|fax|Fax)\.?:?[ \t]*)$")
_POSTCODE = re.compile(r"\b\d{1,4}[a-zA-Z]?,[ \t]*$")


def _is_number_part(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - 24):start]
    return bool(_PHONE_BEFORE.search(before)) or \
        (bool(_POSTCODE.search(before)) and re.match(r"[ \t]+[A-Z][a-z]", text[end:end + 3]) is not None)


_TIME_BEFORE = re.compile(r"\b(?:[Ii]n|[Ss]ince|[Uu]ntil|[Tt]ill|[Bb]efore|[Aa]fter|[Dd]uring)[ \t]+$")


def _is_count(text: str, start: int, end: int) -> bool:
    """'2000 participants', '2050 km': a number followed by a unit or counted noun; not
    after 'in' or 'since' ('In 1988 citizens' groups founded ...')."""
    m = re.match(r"\s*([A-Za-z²]+)", text[end:end + 20])
    return bool(m) and m.group(1).lower() in cues()["count_units"] and not _TIME_BEFORE.search(
        text[max(0, start - 8):start])


def _role(sentence: str, offset_in_sentence: int) -> str | None:
    """The role the sentence gives the year: the nearest cue word before it wins."""
    before = sentence[:offset_in_sentence].lower()
    best, best_pos = None, -1
    for role, words in cues()["year_roles"].items():
        for w in words:
            for m in re.finditer(rf"(?<![\w-]){re.escape(w)}(?![\w-])", before):
                if m.start() > best_pos:
                    best, best_pos = role, m.start()
    if best in ("signed", "published"):
        return best
    return best if best_pos >= len(before) - 25 else None


def _month(name: str) -> int:
    low = name.lower().rstrip(".")
    return MONTHS.get(low) or MONTHS[low[:3]]


def _iso(y: int, mth: int, d: int) -> date | None:
    try:
        return date(y, mth, d)
    except ValueError:
        return None


def extract_years(text: str, sents: Sentences) -> tuple[list[YearRecord], list[Mention]]:
    out: list[YearRecord] = []
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not any(a < y and x < b for x, y in taken)

    def add(year: int, a: int, b: int, iso: date | None, role: str | None, label: str = "YEAR") -> None:
        if not 1900 <= year <= 2099:
            return
        s0, _ = sents.bounds(a)
        if role is None:
            role = _role(text[s0:sents.bounds(a)[1]], a - s0)
        out.append(YearRecord(year, iso, role, text[a:b], a, b, sents.evidence(a, b)))
        mentions.append(Mention(a, b, text[a:b], label, "rule", str(year)))

    for pat in DATE_PATTERNS:
        for m in pat.finditer(text):
            if not free(m.start(), m.end()):
                continue
            y = int(m.group("y"))
            mth = _month(m.group("m")) if "m" in m.groupdict() else int(m.group("mm"))
            if mth > 12 or not 1 <= int(m.group("d")) <= 31:
                continue
            taken.append((m.start(), m.end()))
            add(y, m.start(), m.end(), _iso(y, mth, int(m.group("d"))), None)
    for pat in (FROM_TO, RANGE):
        for m in pat.finditer(text):
            if not free(m.start(), m.end()) or _is_name_year(text, m.start(), m.end()):
                continue
            a = int(m.group("a"))
            b_txt = m.group("b")
            b = int(b_txt) if len(b_txt) == 4 else (a // 100) * 100 + int(b_txt)
            if not a < b <= a + 30:
                continue
            taken.append((m.start(), m.end()))
            add(a, m.start("a"), m.end("a"), None, "start")
            add(b, m.start("b"), m.end("b"), None, "end")
    for m in PART_OF_YEAR.finditer(text):
        if free(m.start(), m.end()):
            taken.append((m.start(), m.end()))
            y = next(g for g in ("y", "my", "ym", "fy") if m.group(g))
            add(int(m.group(y)), m.start(y), m.end(y), None, None)
    for m in YEAR.finditer(text):
        a, b = m.start(), m.end()
        if not free(a, b):
            continue
        if _is_name_year(text, a, b):
            mentions.append(Mention(a, b, text[a:b], "YEAR_IN_NAME", "rule", m.group()))
            continue
        if _is_count(text, a, b) or _is_number_part(text, a, b):
            continue
        add(int(m.group()), a, b, None, None)
    out.sort(key=lambda r: r.start)
    return out, mentions
