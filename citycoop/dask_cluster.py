"""The LocalCluster the Dask runner starts: worker processes tuned for spaCy.

Imported only when a run uses the Dask runner (dask and distributed cost ~1 s to import).
"""
from __future__ import annotations

import logging
from typing import Any

import dask
from distributed import LocalCluster


def spawn_environ() -> dict[str, str]:
    """Dask's environment for new worker processes, less ``MALLOC_TRIM_THRESHOLD_=65536``.

    With that setting glibc hands memory back to the OS after every spaCy minibatch and
    re-faults it in on the next: the parse costs ~20% more CPU (200-page batches, same
    process, with and without it), for no lower peak RSS."""
    spawn = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}) or {})
    spawn.pop("MALLOC_TRIM_THRESHOLD_", None)
    return {k: str(v) for k, v in spawn.items()}


# Dask samples every worker thread's stack every 10 ms for the dashboard's profile page.
# In a worker busy with spaCy that cost ~7% CPU: one 200-page batch in a one-worker
# LocalCluster took 17.5-18.2 s of CPU with it, 16.1-16.9 s without (interleaved runs).
WORKER_CONFIG = {"distributed.worker.profile.enabled": False}


def quiet_dask_logs() -> None:
    """Dask's scheduler and nannies (in this process) log every start, registration and
    close at INFO: some 30 lines on stderr per run, and a CommClosedError traceback when
    a worker closes first. Keep its warnings, unless the user's Dask config sets its own
    level for 'distributed' or Prefect's logging is turned up (``--verbose``)."""
    if "distributed" in (dask.config.get("logging", None) or {}):
        return
    if logging.getLogger("prefect").getEffectiveLevel() < logging.WARNING:
        return
    logging.getLogger("distributed").setLevel(logging.WARNING)


def local_cluster(**kwargs: Any) -> LocalCluster:
    """A LocalCluster whose workers start with :func:`spawn_environ` and without the
    stack profiler (DaskTaskRunner's ``cluster_class``). The nanny hands this config
    to its worker."""
    quiet_dask_logs()
    with dask.config.set({"distributed.nanny.pre-spawn-environ": spawn_environ(), **WORKER_CONFIG}):
        return LocalCluster(**kwargs)
