"""The LocalCluster the Dask runner starts: worker processes tuned for spaCy.

Imported only when a run uses the Dask runner (dask and distributed cost ~1 s to import).
"""
from __future__ import annotations

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


def local_cluster(**kwargs: Any) -> LocalCluster:
    """A LocalCluster whose workers start with :func:`spawn_environ` (DaskTaskRunner's
    ``cluster_class``)."""
    with dask.config.set({"distributed.nanny.pre-spawn-environ": spawn_environ()}):
        return LocalCluster(**kwargs)
