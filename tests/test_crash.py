"""Runs killed with SIGKILL: before and during the commit. Real subprocess runs."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from citycoop.schema import DOC_TABLES

pytestmark = pytest.mark.slow


def _start(raw: Path, curated: Path, api_url: str, **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "citycoop", "ingest", "--raw", str(raw), "--curated", str(curated), "--quiet",
         "--batch-size", "2"],
        env={**os.environ, "PREFECT_API_URL": api_url, **env}, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True)


def _state(curated: Path) -> dict[str, pd.DataFrame]:
    """Each per-document table, restricted to documents present in `documents`."""
    docs = set(pd.read_parquet(curated / "documents").doc_id)
    out = {}
    for table in DOC_TABLES:
        df = pd.read_parquet(curated / table)
        cols = [c for c in ("doc_id", "start", "end", "label", "year", "source") if c in df.columns]
        out[table] = df[df.doc_id.isin(docs)].drop(columns=["ingested_at", "run_id"], errors="ignore") \
            .sort_values(cols).reset_index(drop=True)
    return out


def _add_pages(raw: Path, n: int) -> None:
    base = (raw / "iurc_torino_nagoya.txt").read_text(encoding="utf-8")
    for i in range(n):
        (raw / f"extra_{i}.txt").write_text(base.replace("2005", str(1990 + i)), encoding="utf-8")


def _assert_same(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    for table in DOC_TABLES:
        pd.testing.assert_frame_equal(a[table], b[table], check_dtype=False, obj=table)


def test_kill_inside_the_commit_keeps_joins_consistent_and_next_run_finishes(prefect_api_url, raw_copy, tmp_path):
    curated = tmp_path / "cur"
    assert _start(raw_copy, curated, prefect_api_url).wait(timeout=600) == 0
    before = _state(curated)
    _add_pages(raw_copy, 3)
    (raw_copy / "netzerocities_italy.txt").unlink()

    crashed = _start(raw_copy, curated, prefect_api_url, CITYCOOP_CRASH_TEST="mid-commit")
    assert crashed.wait(timeout=600) == -signal.SIGKILL
    assert (curated / "_journal.json").exists()
    # documents lost the removed page first and has not gained the new ones yet
    after_crash = _state(curated)
    kept_docs = set(before["documents"].doc_id) - set(after_crash["documents"].doc_id)
    assert len(kept_docs) == 1  # only the removed page is gone
    for table in DOC_TABLES:  # rows joined through documents are exactly the old ones
        old = before[table][~before[table].doc_id.isin(kept_docs)].reset_index(drop=True)
        pd.testing.assert_frame_equal(after_crash[table], old, check_dtype=False, obj=table)

    done = _start(raw_copy, curated, prefect_api_url)
    assert done.wait(timeout=600) == 0, done.stderr.read()
    assert not (curated / "_journal.json").exists()
    fresh = tmp_path / "fresh"
    assert _start(raw_copy, fresh, prefect_api_url).wait(timeout=600) == 0
    _assert_same(_state(curated), _state(fresh))


def test_kill_during_extraction_leaves_previous_tables_intact(prefect_api_url, raw_copy, tmp_path):
    curated = tmp_path / "cur"
    assert _start(raw_copy, curated, prefect_api_url).wait(timeout=600) == 0
    before = _state(curated)
    _add_pages(raw_copy, 12)
    run = _start(raw_copy, curated, prefect_api_url)
    deadline = time.time() + 120
    while time.time() < deadline and not list((curated / ".staging").glob("*/documents/*.parquet")):
        time.sleep(0.05)  # wait until the run has staged its first batch
    run.send_signal(signal.SIGKILL)
    assert run.wait(timeout=60) == -signal.SIGKILL
    _assert_same(_state(curated), before)
    assert len(pd.read_parquet(curated / "documents")) == 5

    assert _start(raw_copy, curated, prefect_api_url).wait(timeout=600) == 0
    assert len(pd.read_parquet(curated / "documents")) == 17
    assert not (curated / ".staging").exists()
