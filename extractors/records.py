"""Typed records the extractors return: one frozen dataclass per kind of fact.

Every record carries its provenance: the character span (``start``/``end``) in the
document text the pipeline stored, and the evidence sentence. The flow adds the
``doc_id``; extractors never see files or tables.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class Mention:
    """One extracted span, whatever it became (city, country, year, money...)."""

    start: int
    end: int
    text: str
    label: str  # CITY, COUNTRY, DEMONYM, REGION, YEAR, MONEY, SHARE, PROGRAMME, ORG
    method: str  # gazetteer, ner, rule, context, fallback
    value: str = ""  # normalised value: geonames id, ISO code, year, amount...


@dataclass(frozen=True)
class CityRecord:
    name: str  # canonical GeoNames name, or the page's spelling when unresolved
    country_code: str | None
    geonames_id: int | None
    latitude: float | None
    longitude: float | None
    population: int | None
    admin1_code: str | None
    surface_forms: tuple[str, ...]
    n_mentions: int
    start: int  # first mention
    end: int
    evidence: str
    method: str  # gazetteer | ner | context | fallback
    confidence: float


@dataclass(frozen=True)
class CountryRecord:
    country_code: str  # ISO 3166-1 alpha-2
    alpha3: str
    name: str
    mention_type: str  # named | code | demonym (the strongest kind seen)
    surface_forms: tuple[str, ...]
    n_mentions: int
    start: int
    end: int
    evidence: str


@dataclass(frozen=True)
class RegionRecord:
    name: str
    country_code: str | None
    iso_code: str | None  # ISO 3166-2 when known
    region_type: str | None  # region, state, province, county...
    surface_forms: tuple[str, ...]
    n_mentions: int
    start: int
    end: int
    evidence: str
    method: str


@dataclass(frozen=True)
class YearRecord:
    year: int
    date: date | None  # when a full date is written
    role: str | None  # start, end, signed, target, published
    text: str
    start: int
    end: int
    evidence: str


@dataclass(frozen=True)
class FundingRecord:
    amount: float | None  # in units of ``currency``
    currency: str | None  # ISO 4217
    amount_eur: float | None  # via the fixed rate table in extractors/data/currencies.tsv
    share_pct: float | None  # co-funding share, percent of costs
    funder: str | None
    programme: str | None
    text: str
    start: int
    end: int
    evidence: str


@dataclass(frozen=True)
class ProgrammeRecord:
    name: str  # canonical
    kind: str
    surface_forms: tuple[str, ...]
    n_mentions: int
    start: int
    end: int
    evidence: str
    method: str  # gazetteer | rule


@dataclass(frozen=True)
class LinkRecord:
    source_name: str
    target_name: str
    source_type: str  # city | organisation
    target_type: str
    source_geonames_id: int | None
    target_geonames_id: int | None
    relation: str  # pairing, twinning, sister_city, partner, lead_partner, cooperation, member
    programme: str | None
    year: int | None
    start: int
    end: int
    evidence: str
    method: str = "rule"  # rule | model (link_model.py)
    confidence: float | None = None  # the model's probability; None for a rule's link


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document."""

    cities: list[CityRecord] = field(default_factory=list)
    countries: list[CountryRecord] = field(default_factory=list)
    regions: list[RegionRecord] = field(default_factory=list)
    years: list[YearRecord] = field(default_factory=list)
    funding: list[FundingRecord] = field(default_factory=list)
    programmes: list[ProgrammeRecord] = field(default_factory=list)
    partner_links: list[LinkRecord] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
