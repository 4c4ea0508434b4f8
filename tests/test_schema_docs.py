"""The data dictionary: every column documented, docs/schema.md current, and every
example query in it runs on real output with pandas, Polars and DuckDB."""
from __future__ import annotations

from pathlib import Path

import pytest

from citycoop.schema import TABLE_DOCS, TABLES, markdown

DOCS = Path(__file__).resolve().parents[1] / "docs" / "schema.md"


@pytest.mark.parametrize("table", sorted(TABLES))
def test_every_column_has_a_description(table):
    undocumented = [f.name for f in TABLES[table] if not (f.metadata or {}).get(b"description", b"").strip()]
    assert undocumented == [], f"{table}: describe these columns in citycoop/schema.py"


def test_every_table_has_its_docs_and_examples():
    assert set(TABLE_DOCS) == set(TABLES)


def test_docs_schema_md_is_generated_from_the_declared_schemas():
    assert DOCS.read_text(encoding="utf-8") == markdown() + "\n", \
        "docs/schema.md is stale: run `python -m citycoop.schema > docs/schema.md`"
    text = DOCS.read_text(encoding="utf-8")
    for table, schema in TABLES.items():
        section = text.split(f"## `{table}`", 1)[1].split("\n## ", 1)[0]
        for field in schema:
            assert f"| `{field.name}` |" in section, (table, field.name)


@pytest.mark.parametrize("table", sorted(TABLES))
def test_example_queries_run_on_real_output(table, sample_run):
    import duckdb
    import pandas as pd
    import polars as pl

    curated = str(sample_run[0])
    doc = TABLE_DOCS[table]

    def here(code: str) -> str:
        return code.replace("curated/", f"{curated}/")

    got_pd = eval(here(doc.pandas), {"pd": pd})
    got_pl = eval(here(doc.polars), {"pl": pl})
    got_db = duckdb.sql(here(doc.duckdb)).fetchall()
    assert isinstance(got_pd, (pd.DataFrame, pd.Series))
    assert isinstance(got_pl, pl.DataFrame)
    assert isinstance(got_db, list)
    if table in ("documents", "cities", "countries", "programmes", "mentions", "runs"):
        # tables the sample pages certainly fill: the queries return rows
        assert len(got_pd) > 0 and len(got_pl) > 0 and len(got_db) > 0, table


def test_every_parquet_file_carries_schema_and_pipeline_versions(sample_run):
    import pyarrow.parquet as pq

    from citycoop import __version__
    from citycoop.schema import SCHEMA_VERSION

    files = sorted(Path(sample_run[0]).glob("*/*.parquet"))
    assert {f.parent.name for f in files} == set(TABLES)
    for f in files:
        meta = pq.read_schema(f).metadata
        assert meta[b"citycoop.schema_version"] == SCHEMA_VERSION.encode(), f
        assert meta[b"citycoop.pipeline_version"] == __version__.encode(), f
