"""Scale-out: the same flow on a real local Dask cluster gives the same tables."""
from __future__ import annotations

import pytest

from citycoop.config import Settings
from flows.ingest import ingest
from tests.conftest import RAW
from tests.tables import assert_same_tables, comparable

pytestmark = pytest.mark.slow


def test_dask_cluster_with_two_workers_writes_the_default_runs_tables(sample_run, tmp_path):
    default_curated, default_summary = sample_run
    curated = tmp_path / "curated"
    settings = Settings(runner="dask", workers=2, batch_size=2)  # 3 batches over 2 worker processes
    summary = ingest(raw=str(RAW), curated=str(curated), settings=settings, quiet=True)
    assert summary.added == default_summary.added == 5
    assert summary.workers == 2  # batches really ran in two separate processes
    assert summary.rows == default_summary.rows
    assert_same_tables(comparable(str(curated)), comparable(str(default_curated)))


def test_unknown_runner_is_a_clear_error():
    from flows.ingest import task_runner

    with pytest.raises(ValueError, match="unknown runner 'spark'"):
        task_runner(Settings(runner="spark"))
