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
    state = ingest(raw=str(RAW), curated=str(curated), settings=settings, quiet=True, return_state=True)
    summary = state.result()
    assert summary.added == default_summary.added == 5
    assert summary.workers == 2  # batches really ran in two separate processes
    assert summary.rows == default_summary.rows
    assert_same_tables(comparable(str(curated)), comparable(str(default_curated)))
    # the workers reported their task runs to the flow's own Prefect API (not each to a
    # temporary server of its own, which would cost a server start per worker)
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    with get_client(sync_client=True) as client:
        runs = client.read_task_runs(flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[state.state_details.flow_run_id])))
    assert sorted(r.name.rsplit("-", 1)[0] for r in runs if r.name.startswith("process-batch")) == ["process-batch"] * 3


def test_unknown_runner_is_a_clear_error():
    from flows.ingest import task_runner

    with pytest.raises(ValueError, match="unknown runner 'spark'"):
        task_runner(Settings(runner="spark"))


def test_local_cluster_workers_keep_glibc_default_trimming_but_dask_thread_limits():
    """Dask's MALLOC_TRIM_THRESHOLD_=65536 made the spaCy pass ~20% slower, and its stack
    profiler ~7%; the other worker settings (one BLAS thread per worker) stay."""
    import os

    from distributed import Client

    from citycoop.dask_cluster import local_cluster

    with local_cluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        env = next(iter(client.run(lambda: {k: os.environ.get(k) for k in
                                            ("MALLOC_TRIM_THRESHOLD_", "OMP_NUM_THREADS")}).values()))
        # nor does the worker sample its threads' stacks every 10 ms (~7% CPU in the parse)
        callbacks = next(iter(client.run(lambda dask_worker: sorted(dask_worker.periodic_callbacks)).values()))
    assert env == {"MALLOC_TRIM_THRESHOLD_": None, "OMP_NUM_THREADS": "1"}
    assert "heartbeat" in callbacks and "profile" not in callbacks and "profile-cycle" not in callbacks


@pytest.mark.parametrize("settings,n_batches,expected", [
    (Settings(), 1, "ThreadPoolTaskRunner"),  # a small re-run: no cluster to start
    (Settings(workers=2), 3, "DaskTaskRunner"),  # the default uses every core when there is work for them
    (Settings(runner="local", workers=2), 3, "ThreadPoolTaskRunner"),
    (Settings(n_process=2, workers=2), 3, "ThreadPoolTaskRunner"),  # spaCy's own processes take the cores
    (Settings(runner="dask", workers=1), 3, "ThreadPoolTaskRunner"),
    (Settings(runner="dask", dask_address="tcp://127.0.0.1:8786"), 1, "DaskTaskRunner"),
])
def test_runner_choice(prefect_server, settings, n_batches, expected):
    from flows.ingest import task_runner

    assert type(task_runner(settings, n_batches)).__name__ == expected
