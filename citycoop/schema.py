"""The curated tables: one declared Arrow schema per table, each column described.

This module is the single source of truth for table layouts; writes are checked
against it and docs/schema.md is generated from it (`python -m citycoop.schema`).
Bump SCHEMA_VERSION when a column changes meaning or type.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pyarrow as pa

SCHEMA_VERSION = "2"

_S, _I, _I64, _F, _B = pa.string(), pa.int32(), pa.int64(), pa.float64(), pa.bool_()
_TS = pa.timestamp("us", tz="UTC")
_LS = pa.list_(pa.string())


def col(name: str, type_: pa.DataType, doc: str, nullable: bool = True) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={"description": doc})


DOC_ID = col("doc_id", _S, "Document key: first 16 hex digits of the SHA-256 of the raw file bytes. Joins every table.", False)
SPAN = [
    col("start", _I64, "Character offset where the (first) mention starts in documents.text.", False),
    col("end", _I64, "Character offset where it ends (exclusive).", False),
    col("evidence", _S, "The sentence that holds the mention, whitespace collapsed."),
]

TABLES: dict[str, pa.Schema] = {
    "documents": pa.schema([
        DOC_ID,
        col("source", _S, "Path of the raw file relative to the raw folder (POSIX).", False),
        col("content_sha256", _S, "SHA-256 of the raw file bytes.", False),
        col("n_bytes", _I64, "Size of the raw file in bytes.", False),
        col("n_chars", _I64, "Length of the extracted text in characters.", False),
        col("content_type", _S, "'text' or 'html' (HTML is converted to its main text, after a first line "
                                "'Published: YYYY-MM-DD' when the markup dates the page).", False),
        col("encoding", _S, "Encoding the raw bytes were decoded from."),
        col("language", _S, "Detected language code (en, it, es, ...; 'und' when unsure)."),
        col("text", _S, "The normalised text the extractors read; every start/end offset points into it.", False),
        col("ingested_at", _TS, "When this version of the page was extracted (UTC).", False),
        col("run_id", _S, "The run that extracted it (see runs).", False),
        col("extractor_version", _S, "Fingerprint of the extractor code and data, model, gazetteers and "
                                     "page-to-text code used.", False),
    ]),
    "cities": pa.schema([
        DOC_ID,
        col("name", _S, "GeoNames name (Turin, Wrocław), or the page's spelling where GeoNames gives a bilingual "
                        "or long official form (Vitoria-Gasteiz, Acapulco) and when unresolved; group by geonames_id.",
            False),
        col("country_code", _S, "ISO 3166-1 alpha-2 country of the city."),
        col("geonames_id", _I64, "GeoNames id; null when no GeoNames record was found (method=fallback)."),
        col("latitude", _F, "WGS84 latitude from GeoNames."),
        col("longitude", _F, "WGS84 longitude from GeoNames."),
        col("population", _I64, "Population from GeoNames."),
        col("admin1_code", _S, "GeoNames first-level admin code (US: state code)."),
        col("surface_forms", _LS, "Every spelling of the city on the page (Torino, City of Turin...).", False),
        col("n_mentions", _I, "How many times the page mentions it.", False),
        *SPAN,
        col("method", _S, "Why it counts as a city: context (City of X, (IT)), ner, gazetteer, fallback.", False),
        col("confidence", _F, "0-1 margin of the chosen GeoNames record over the best other-country one.", False),
    ]),
    "countries": pa.schema([
        DOC_ID,
        col("country_code", _S, "ISO 3166-1 alpha-2.", False),
        col("alpha3", _S, "ISO 3166-1 alpha-3.", False),
        col("name", _S, "Short English name.", False),
        col("mention_type", _S, "named (a name), code ('(IT)'), or demonym only ('Italian towns').", False),
        col("surface_forms", _LS, "Spellings on the page.", False),
        col("n_mentions", _I, "Number of mentions.", False),
        *SPAN,
    ]),
    "regions": pa.schema([
        DOC_ID,
        col("name", _S, "Region, state, province or county name.", False),
        col("country_code", _S, "ISO 3166-1 alpha-2 when known."),
        col("iso_code", _S, "ISO 3166-2 subdivision code when known."),
        col("region_type", _S, "region, state, province, county... when known."),
        col("surface_forms", _LS, "Spellings on the page.", False),
        col("n_mentions", _I, "Number of mentions.", False),
        *SPAN,
        col("method", _S, "gazetteer (pycountry / region_aliases.tsv) or rule ('X County').", False),
    ]),
    "years": pa.schema([
        DOC_ID,
        col("year", _I, "Calendar year 1900-2099.", False),
        col("date", pa.date32(), "Full date when the page gives one."),
        col("role", _S, "start, end, signed, target or published, when the sentence says so."),
        col("text", _S, "The year or date as written.", False),
        *SPAN,
    ]),
    "funding": pa.schema([
        DOC_ID,
        col("amount", _F, "Money amount in units of currency (€32 million -> 32000000); null for a share."),
        col("currency", _S, "ISO 4217 code."),
        col("amount_eur", _F, "Amount in EUR at the fixed rates of extractors/data/currencies.tsv."),
        col("share_pct", _F, "Co-funding share in percent of costs; null for an amount."),
        col("funder", _S, "Funder named in the sentence (ERDF, Horizon 2020, European Commission...)."),
        col("programme", _S, "Programme or project named in the sentence."),
        col("text", _S, "The amount or share as written.", False),
        *SPAN,
    ]),
    "programmes": pa.schema([
        DOC_ID,
        col("name", _S, "Canonical programme, fund, network or project name (IURC, ERDF...).", False),
        col("kind", _S, "programme, fund, network, initiative, institution or project.", False),
        col("surface_forms", _LS, "Spellings and aliases on the page.", False),
        col("n_mentions", _I, "Number of mentions.", False),
        *SPAN,
        col("method", _S, "gazetteer (programmes.json) or rule ('the X project').", False),
    ]),
    "partner_links": pa.schema([
        DOC_ID,
        col("source_name", _S, "One end, named as the page writes it: a city ('Torino', 'Heraklion'; its GeoNames name "
                               "is cities.name, by source_geonames_id), a region ('Opole Voivodeship') or an "
                               "organisation.", False),
        col("target_name", _S, "The other end. Links are undirected; each pair appears once per document.", False),
        col("source_type", _S, "city or organisation.", False),
        col("target_type", _S, "city or organisation.", False),
        col("source_geonames_id", _I64, "GeoNames id when the source is a city."),
        col("target_geonames_id", _I64, "GeoNames id when the target is a city."),
        col("relation", _S, "pairing, twinning, sister_city, partner, lead_partner, cooperation, member.", False),
        col("programme", _S, "Programme named in the sentence, else the page's main programme."),
        col("year", _I, "Year stated in the same sentence."),
        *SPAN,
        col("method", _S, "rule (a stated pattern, extractors/links.py) or model (the learned pair classifier, "
                          "extractors/link_model.py).", False),
        col("confidence", _F, "The model's probability for a model link; null for a rule's link."),
    ]),
    "mentions": pa.schema([
        DOC_ID,
        col("start", _I64, "Start offset in documents.text.", False),
        col("end", _I64, "End offset (exclusive).", False),
        col("text", _S, "The span as written.", False),
        col("label", _S, "CITY, COUNTRY, DEMONYM, REGION, YEAR, YEAR_IN_NAME, MONEY, PERCENT, PROGRAMME.", False),
        col("method", _S, "gazetteer, ner, rule, context.", False),
        col("value", _S, "Normalised value: GeoNames id, ISO code, year, amount...", False),
    ]),
    "rejected": pa.schema([
        col("source", _S, "Path of the rejected file relative to the raw folder.", False),
        col("reason", _S, "Short reason code: empty, binary, too_large, undecodable, duplicate...", False),
        col("detail", _S, "Human-readable explanation.", False),
        col("run_id", _S, "The run that rejected it.", False),
        col("rejected_at", _TS, "When (UTC).", False),
    ]),
    "runs": pa.schema([
        col("run_id", _S, "Run identifier (UTC start time + random suffix).", False),
        col("started_at", _TS, "Start (UTC).", False),
        col("finished_at", _TS, "End (UTC).", False),
        col("raw", _S, "Raw folder read.", False),
        col("pages_seen", _I64, "Page files found.", False),
        col("added", _I64, "Documents extracted for the first time.", False),
        col("updated", _I64, "Documents whose content changed and were re-extracted.", False),
        col("removed", _I64, "Documents whose file disappeared; their rows were dropped.", False),
        col("unchanged", _I64, "Documents kept as they were.", False),
        col("rejected", _I64, "Files rejected (see rejected).", False),
        col("pipeline_version", _S, "citycoop package version.", False),
        col("extractor_version", _S, "Fingerprint of extractor code, model and gazetteers.", False),
        col("model", _S, "spaCy pipeline name and version.", False),
        col("schema_version", _S, "SCHEMA_VERSION of these tables.", False),
    ]),
}

# Tables holding one row set per document (replaced together when a page changes).
DOC_TABLES = ("documents", "cities", "countries", "regions", "years", "funding", "programmes",
              "partner_links", "mentions")
SORT_KEYS = {
    "documents": ["source"], "cities": ["doc_id", "start"], "countries": ["doc_id", "start"],
    "regions": ["doc_id", "start"], "years": ["doc_id", "start", "year"], "funding": ["doc_id", "start"],
    "programmes": ["doc_id", "start"], "partner_links": ["doc_id", "start", "source_name", "target_name"],
    "mentions": ["doc_id", "start", "end", "label"], "rejected": ["source"], "runs": ["started_at"],
}


class SchemaViolation(ValueError):
    """A row that does not fit its table: names the table, column and row."""


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    """Built once per process: rebuilding it for every checked row was ~4% of a
    Dask worker's CPU in a full ingest (py-spy)."""
    import pycountry

    return frozenset([c.alpha_2 for c in pycountry.countries] + ["XK"])


# Value rules per column, beyond types: (table, column) -> (check, what it means)
CHECKS: dict[tuple[str, str], tuple] = {
    ("cities", "country_code"): (lambda v: v in _country_codes(), "an ISO 3166-1 alpha-2 code"),
    ("countries", "country_code"): (lambda v: v in _country_codes(), "an ISO 3166-1 alpha-2 code"),
    ("regions", "country_code"): (lambda v: v in _country_codes(), "an ISO 3166-1 alpha-2 code"),
    ("cities", "latitude"): (lambda v: -90 <= v <= 90, "a latitude"),
    ("cities", "longitude"): (lambda v: -180 <= v <= 180, "a longitude"),
    ("cities", "confidence"): (lambda v: 0 <= v <= 1, "between 0 and 1"),
    ("partner_links", "confidence"): (lambda v: 0 <= v <= 1, "between 0 and 1"),
    ("partner_links", "method"): (lambda v: v in ("rule", "model"), "rule or model"),
    ("years", "year"): (lambda v: 1900 <= v <= 2099, "a year from 1900 to 2099"),
    ("funding", "amount"): (lambda v: v >= 0, "not negative"),
    ("funding", "amount_eur"): (lambda v: v >= 0, "not negative"),
    ("funding", "share_pct"): (lambda v: 0 <= v <= 100, "a percentage from 0 to 100"),
}


def validate(name: str, rows: list[dict], text_length: dict[str, int] | None = None) -> None:
    """Value checks before a write; the first violation raises SchemaViolation.

    With ``text_length`` (doc_id -> characters), every span must lie inside its text."""
    checks = [(column, check, meaning) for (table, column), (check, meaning) in CHECKS.items() if table == name]
    for i, row in enumerate(rows):
        for column, check, meaning in checks:
            value = row.get(column)
            if value is None:
                continue
            try:
                ok = check(value)
            except TypeError:
                ok = False
            if not ok:
                raise SchemaViolation(f"table {name}: column {column} in row {i} is {value!r}, not {meaning}")
        if text_length is not None and "start" in row and row.get("doc_id") in text_length:
            n = text_length[row["doc_id"]]
            if not 0 <= row["start"] <= row["end"] <= n:
                raise SchemaViolation(f"table {name}: span start/end in row {i} is {row['start']}-{row['end']}, "
                                      f"outside the document's {n} characters")


def to_table(name: str, rows: list[dict], text_length: dict[str, int] | None = None) -> pa.Table:
    """Rows -> Arrow table of the declared schema, checked and sorted by the table's key.

    Raises SchemaViolation naming the table, column and row when a row does not fit."""
    schema = TABLES[name]
    validate(name, rows, text_length)
    try:
        table = pa.Table.from_pylist(rows, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError) as exc:
        raise SchemaViolation(f"table {name}: rows do not fit the declared schema: {exc}") from exc
    for field in schema:
        if not field.nullable and table.column(field.name).null_count:
            row = table.column(field.name).to_pylist().index(None)
            raise SchemaViolation(f"table {name}: column {field.name} is null in row {row}, which the schema forbids")
    return table.sort_by([(k, "ascending") for k in SORT_KEYS[name]]) if len(table) else table


@dataclass(frozen=True)
class TableDoc:
    """What a table holds, how it joins, and one query each in pandas, Polars and DuckDB.

    The queries are run against real output by the tests, so the docs cannot rot."""

    row: str  # one row per ...
    key: str  # columns that identify a row
    joins: str
    pandas: str
    polars: str
    duckdb: str


TABLE_DOCS: dict[str, TableDoc] = {
    "documents": TableDoc(
        "ingested page (the current version of each raw file)", "`doc_id`",
        "every per-page table joins here on `doc_id`",
        'pd.read_parquet("curated/documents", columns=["doc_id", "source", "language", "n_chars"])',
        'pl.read_parquet("curated/documents/*.parquet").group_by("language").len()',
        "SELECT content_type, count(*) AS pages FROM 'curated/documents/*.parquet' GROUP BY 1"),
    "cities": TableDoc(
        "city named on a page", "`doc_id`, `name`, `country_code`",
        "`doc_id` → documents; `geonames_id` → GeoNames, and to `partner_links.source_geonames_id` / "
        "`target_geonames_id`",
        'pd.read_parquet("curated/cities").groupby(["country_code", "name"]).doc_id.nunique()'
        '.sort_values(ascending=False)',
        'pl.read_parquet("curated/cities/*.parquet").filter(pl.col("geonames_id").is_not_null())'
        '.select("name", "country_code", "latitude", "longitude").unique()',
        "SELECT country_code, count(DISTINCT geonames_id) AS cities FROM 'curated/cities/*.parquet' "
        "GROUP BY 1 ORDER BY 2 DESC"),
    "countries": TableDoc(
        "country named on a page", "`doc_id`, `country_code`", "`doc_id` → documents; `country_code` → "
        "`cities.country_code`, `regions.country_code`",
        'pd.read_parquet("curated/countries").country_code.value_counts()',
        'pl.read_parquet("curated/countries/*.parquet").filter(pl.col("mention_type") == "named")',
        "SELECT name, count(*) AS pages FROM 'curated/countries/*.parquet' GROUP BY 1 ORDER BY 2 DESC"),
    "regions": TableDoc(
        "region (state, province, county) named on a page", "`doc_id`, `name`", "`doc_id` → documents",
        'pd.read_parquet("curated/regions")[["doc_id", "name", "country_code", "iso_code"]]',
        'pl.read_parquet("curated/regions/*.parquet").group_by("country_code").len()',
        "SELECT name, country_code FROM 'curated/regions/*.parquet' ORDER BY country_code, name"),
    "years": TableDoc(
        "year or date mention", "`doc_id`, `start`", "`doc_id` → documents (and to funding or partner_links of "
        "the same page)",
        'pd.read_parquet("curated/years").query("role == \'start\'")[["doc_id", "year", "evidence"]]',
        'pl.read_parquet("curated/years/*.parquet").group_by("year").len().sort("year")',
        "SELECT year, count(*) AS mentions FROM 'curated/years/*.parquet' WHERE date IS NOT NULL GROUP BY 1"),
    "funding": TableDoc(
        "money amount or co-funding share", "`doc_id`, `start`", "`doc_id` → documents",
        'pd.read_parquet("curated/funding").groupby("funder", dropna=False).amount_eur.sum()',
        'pl.read_parquet("curated/funding/*.parquet").filter(pl.col("share_pct").is_not_null())'
        '.select("funder", "share_pct", "evidence")',
        "SELECT f.funder, sum(f.amount_eur) AS eur, min(y.year) AS first_year "
        "FROM 'curated/funding/*.parquet' f LEFT JOIN 'curated/years/*.parquet' y USING (doc_id) GROUP BY 1"),
    "programmes": TableDoc(
        "programme, fund, network or project named on a page", "`doc_id`, `name`",
        "`doc_id` → documents; `name` = `partner_links.programme`, `funding.programme`",
        'pd.read_parquet("curated/programmes").name.value_counts()',
        'pl.read_parquet("curated/programmes/*.parquet").group_by("kind").agg(pl.col("name").unique())',
        "SELECT name, count(DISTINCT doc_id) AS pages FROM 'curated/programmes/*.parquet' GROUP BY 1 ORDER BY 2 DESC"),
    "partner_links": TableDoc(
        "pair of cities or organisations a page says cooperate (undirected, once per page)",
        "`doc_id`, `source_name`, `target_name`",
        "`doc_id` → documents; `source_geonames_id`/`target_geonames_id` → `cities.geonames_id`; "
        "`programme` → `programmes.name`",
        'pd.read_parquet("curated/partner_links").groupby("programme", dropna=False).size()',
        'pl.read_parquet("curated/partner_links/*.parquet").select("source_name", "target_name", "relation", '
        '"programme", "year")',
        "SELECT coalesce(c.name, e.name) AS name, count(*) AS links FROM (SELECT source_name AS name, "
        "source_geonames_id AS gid FROM 'curated/partner_links/*.parquet' UNION ALL SELECT target_name, "
        "target_geonames_id FROM 'curated/partner_links/*.parquet') e LEFT JOIN (SELECT geonames_id, min(name) AS name "
        "FROM 'curated/cities/*.parquet' GROUP BY 1) c ON c.geonames_id = e.gid GROUP BY 1 ORDER BY 2 DESC"),
    "mentions": TableDoc(
        "extracted span (every city, country, year, amount, programme occurrence)", "`doc_id`, `start`, `end`, "
        "`label`", "`doc_id` → documents; `start`/`end` index `documents.text`",
        'pd.read_parquet("curated/mentions").label.value_counts()',
        'pl.read_parquet("curated/mentions/*.parquet").filter(pl.col("label") == "CITY")',
        "SELECT m.text, substr(d.text, m.start + 1, m.end - m.start) AS span "
        "FROM 'curated/mentions/*.parquet' m JOIN 'curated/documents/*.parquet' d USING (doc_id) LIMIT 5"),
    "rejected": TableDoc(
        "raw file not ingested in the latest run, with the reason", "`source`", "`run_id` → runs",
        'pd.read_parquet("curated/rejected")[["source", "reason", "detail"]]',
        'pl.read_parquet("curated/rejected/*.parquet").group_by("reason").len()',
        "SELECT reason, count(*) FROM 'curated/rejected/*.parquet' GROUP BY 1"),
    "runs": TableDoc(
        "ingest run (appended by every run)", "`run_id`", "`run_id` ← `documents.run_id`, `rejected.run_id`",
        'pd.read_parquet("curated/runs").sort_values("started_at").tail(5)',
        'pl.read_parquet("curated/runs/*.parquet").select("run_id", "added", "updated", "removed", "rejected")',
        "SELECT run_id, finished_at - started_at AS took FROM 'curated/runs/*.parquet' ORDER BY started_at"),
}

_READING = """Each table is a folder of Parquet files (`curated/<table>/part-*.parquet`) with the
same schema; read the folder, not single files. Files whose names start with `.` or `_`
are not data (staging, journal, lock). Every file's metadata carries
`citycoop.schema_version` and `citycoop.pipeline_version`.

```python
import pandas as pd, polars as pl, duckdb
pd.read_parquet("curated/cities")                      # pandas (pyarrow)
pl.read_parquet("curated/cities/*.parquet")             # Polars
duckdb.sql("SELECT * FROM 'curated/cities/*.parquet'")  # DuckDB
```

Keys and joins: `doc_id` identifies a page version and joins every per-page table to
`documents`; `start`/`end` are character offsets into `documents.text`; `geonames_id`
joins cities to partner-link ends (and to GeoNames itself).
"""


def markdown() -> str:
    """The data dictionary as Markdown (docs/schema.md is this output)."""
    lines = [f"# Curated tables (schema version {SCHEMA_VERSION})", "",
             "Generated from `citycoop/schema.py` by `python -m citycoop.schema`; do not edit by hand.", "",
             _READING]
    for name, schema in TABLES.items():
        doc = TABLE_DOCS[name]
        lines += [f"## `{name}`", "", f"One row per {doc.row}. Key: {doc.key}. Joins: {doc.joins}.", "",
                  "| column | type | nullable | description |", "|---|---|---|---|"]
        for f in schema:
            desc = (f.metadata or {}).get(b"description", b"").decode()
            lines.append(f"| `{f.name}` | {f.type} | {'yes' if f.nullable else 'no'} | {desc} |")
        lines += ["", "```python", f"{doc.pandas}  # pandas", f"{doc.polars}  # Polars",
                  f'duckdb.sql("{doc.duckdb}")  # DuckDB', "```", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown())
