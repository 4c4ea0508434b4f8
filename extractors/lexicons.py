"""Loaders for the data files in ``extractors/data`` and the registry gazetteers.

Each loader is cached: a process (or a Dask worker) reads each file once.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pycountry

from .text import name_key

DATA = Path(str(resources.files("extractors") / "data"))

# EU institutions write these instead of ISO codes (Interinstitutional Style Guide).
EU_CODES = {"EL": "GR", "UK": "GB"}


def _tsv(name: str) -> list[list[str]]:
    with open(DATA / name, encoding="utf-8") as fh:
        return [row for row in csv.reader(fh, delimiter="\t") if row and not row[0].startswith("#")]


@lru_cache(maxsize=None)
def cues() -> dict:
    return json.loads((DATA / "cues.json").read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Country:
    alpha2: str
    alpha3: str
    name: str  # short English name ("South Korea", not "Korea, Republic of")


@lru_cache(maxsize=None)
def countries() -> dict[str, Country]:
    """ISO alpha-2 -> Country, with a readable short name."""
    out = {}
    for c in pycountry.countries:
        name = getattr(c, "common_name", None) or c.name
        out[c.alpha_2] = Country(c.alpha_2, c.alpha_3, name)
    out["XK"] = Country("XK", "XKX", "Kosovo")  # user-assigned code, used by the EU and GeoNames
    return out


@lru_cache(maxsize=None)
def country_names() -> dict[str, str]:
    """Surface name (case-sensitive) -> alpha-2, from pycountry plus country_aliases.tsv and
    the names in other languages of country_names_i18n.tsv."""
    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(c, attr, None)
            if value and "," not in value:
                out[value] = c.alpha_2
    for alias, code in _tsv("country_aliases.tsv"):
        out[alias] = code
    for name, code in _tsv("country_names_i18n.tsv"):  # 'Polen', 'Allemagne', 'Oeganda'
        out.setdefault(name, code)
    return out


@lru_cache(maxsize=None)
def demonyms() -> dict[str, str]:
    return {word: code for word, code in _tsv("demonyms.tsv")}


@dataclass(frozen=True)
class Region:
    name: str
    iso_code: str
    country_code: str
    region_type: str


_GENERIC_REGION_NAMES = {"centre", "center", "central", "north", "south", "east", "west", "capital",
                         "norte", "sur", "centro", "littoral", "coast", "islands", "city", "northern",
                         "southern", "eastern", "western", "upper", "lower", "middle", "region", "district"}


@lru_cache(maxsize=None)
def regions() -> dict[str, tuple[Region, ...]]:
    """Name key -> first-level subdivisions (pycountry) plus English exonyms (region_aliases.tsv).

    Only first-level subdivisions are taken from pycountry: its provinces share their
    names with their capital cities (Latina, Lugo, Barcelona), and there the city reading
    is the usual one; pages that mean the province say so ("Province of Latina").
    """
    by_code = {s.code: s for s in pycountry.subdivisions}
    out: dict[str, list[Region]] = {}

    def add(name: str, code: str) -> None:
        sub = by_code.get(code)
        kind = (sub.type if sub else "region").lower()
        key = name_key(name)
        if len(key) < 4 or set(key.split()) <= _GENERIC_REGION_NAMES:
            return
        region = Region(name, code, code.split("-")[0], kind)
        bucket = out.setdefault(key, [])
        if all(r.iso_code != code for r in bucket):
            bucket.append(region)

    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            for part in sub.name.replace("]", "").split("["):
                add(part.split(",")[0].strip(), sub.code)
                if part.endswith(" Sheng"):  # Chinese provinces: 'Anhui Sheng' is 'Anhui' in English
                    add(part.removesuffix(" Sheng").strip(), sub.code)
    for alias, code in _tsv("region_aliases.tsv"):
        add(alias, code)
    return {k: tuple(v) for k, v in out.items()}


def _name_keys(name: str) -> frozenset[str]:
    """The name keys of a data file with one name a line ('#' starts a comment line)."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return frozenset(name_key(x) for x in lines if x.strip() and not x.startswith("#"))


@lru_cache(maxsize=None)
def ambiguous_city_keys() -> frozenset[str]:
    return _name_keys("ambiguous_city_names.txt")


@lru_cache(maxsize=None)
def common_word_town_keys() -> frozenset[str]:
    """Town names English uses as words or surnames ('Economy', 'Murray'): see the file's header."""
    return _name_keys("common_word_towns.txt")


@lru_cache(maxsize=None)
def not_city_keys() -> frozenset[str]:
    return _name_keys("not_cities.txt")


@lru_cache(maxsize=None)
def city_aliases() -> dict[str, int]:
    return {name_key(alias): int(gid) for alias, gid in _tsv("city_aliases.tsv")}


@dataclass(frozen=True)
class Programme:
    name: str
    aliases: tuple[str, ...]
    kind: str
    funder: bool


@lru_cache(maxsize=None)
def programmes() -> tuple[Programme, ...]:
    data = json.loads((DATA / "programmes.json").read_text(encoding="utf-8"))
    return tuple(Programme(p["name"], tuple(p["aliases"]), p["kind"], p["funder"])
                 for p in data["programmes"])


@dataclass(frozen=True)
class Currency:
    code: str
    eur_rate: float


@lru_cache(maxsize=None)
def currencies() -> dict[str, Currency]:
    """Currency token as written ('€', 'EUR', 'euros', 'HUF') -> ISO code and EUR rate."""
    return {tok: Currency(code, float(rate)) for tok, code, rate in _tsv("currencies.tsv")}


@lru_cache(maxsize=None)
def local_currencies() -> dict[str, dict[str, str]]:
    """Currency token -> {page country or '*': ISO code}: 'K' is the kwacha in Zambia and
    Malawi and the kina in Papua New Guinea, and no currency elsewhere."""
    out: dict[str, dict[str, str]] = {}
    for token, country, code in _tsv("local_currencies.tsv"):
        out.setdefault(token, {})[country] = code
    return out


@lru_cache(maxsize=None)
def org_heads() -> frozenset[str]:
    """Head words of organisation names ('University', 'Agency'), case-sensitive."""
    lines = (DATA / "org_heads.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip() for x in lines if x.strip() and not x.startswith("#"))


@lru_cache(maxsize=None)
def org_shapes() -> dict:
    """Connectors, sentence-opening words and government words for organisation names
    found by their shape (org_shapes.json)."""
    return json.loads((DATA / "org_shapes.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def link_cues() -> dict:
    """Cue patterns for partner links (links.json), templates filled in."""
    data = json.loads((DATA / "links.json").read_text(encoding="utf-8"))
    fill = {"{coop}": "|".join(data["coop_verbs"]), "{deal}": "|".join(data["deal_nouns"]),
            "{kinds}": data["kinds"], "{kind}": data["kind"]}
    patterns = {}
    for name, template in data["patterns"].items():
        for slot, value in fill.items():
            template = template.replace(slot, value)
        patterns[name] = template
    return {**data, "patterns": patterns}
