"""Comparing curated outputs of two runs: same rows, whatever the run ids and part names."""
from __future__ import annotations

import pandas as pd

from citycoop.schema import DOC_TABLES

RUN_SPECIFIC = ["ingested_at", "run_id"]


def comparable(curated: str, storage_options: dict | None = None) -> dict[str, pd.DataFrame]:
    """Each per-document table as a frame sorted by all its plain columns, without the
    columns that name the run (ingest time, run id)."""
    out = {}
    for table in DOC_TABLES:
        df = pd.read_parquet(f"{curated}/{table}", storage_options=storage_options)
        df = df.drop(columns=RUN_SPECIFIC, errors="ignore")
        keys = [c for c in df.columns if df[c].map(lambda v: not hasattr(v, "__len__") or isinstance(v, str)).all()]
        out[table] = df.sort_values(keys).reset_index(drop=True)
    return out


def assert_same_tables(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    assert a.keys() == b.keys()
    for table in a:
        assert len(a[table]) == len(b[table]), table
        pd.testing.assert_frame_equal(a[table], b[table], obj=table)
