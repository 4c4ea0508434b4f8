"""A process that loads spaCy, the model and the gazetteer while the CLI is still starting.

A re-run that changes a few pages is mostly fixed cost, paid one step after the other on
one core: importing Prefect and starting the flow (~2 s), then, in the batch, importing
spaCy and the extractors and loading the model and the gazetteer (~2.5 s). The console
command starts this process before it imports Prefect, so the second half runs on
another core during the first; the flow's batches then run in it (`run`) instead of in a
thread of the CLI's process, which meanwhile restages the parts that lose pages.

Only for runs that parse in the CLI's process (one batch, or the local runner; one spaCy
process; folders rather than URLs): Dask runs load the model in their workers. A
standard `ProcessPoolExecutor` of one process, not an engine of its own: a child that
dies fails its batch with `BrokenProcessPool`, which the task reports and retries.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, Callable, Iterator, TypeVar

T = TypeVar("T")

_current: "Warm | None" = None


def _load(model: str, no_pandas: bool) -> None:
    """The child's start: what a batch would load first. Best effort: should anything
    fail here, the batch meets the same error again and reports it with its context."""
    if no_pandas:
        from .cli import without_pandas

        without_pandas()
    try:
        from .rows import warm_up

        warm_up(model)
    except Exception:  # noqa: BLE001 - reported by the batch that needs it
        pass


class Warm:
    """One spawned process that has loaded `model` and runs functions given to it."""

    def __init__(self, model: str, no_pandas: bool = False) -> None:
        self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_load, initargs=(model, no_pandas))
        self._pool.submit(os.getpid)  # the process starts, and loads, now: not at the first batch
        self.closed = False

    def run(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        return self._pool.submit(fn, *args, **kwargs).result()

    def close(self) -> None:
        """Stop the process, even while it loads: a run with nothing to parse must not
        wait for it. (`ProcessPoolExecutor` has no public way to kill its processes
        before Python 3.14's `kill_workers`.)"""
        if self.closed:
            return
        self.closed = True
        for proc in list((getattr(self._pool, "_processes", None) or {}).values()):
            proc.kill()
        self._pool.shutdown(wait=True, cancel_futures=True)


@contextmanager
def started(model: str, no_pandas: bool = False) -> Iterator[Warm]:
    """Start a warm process for the duration of a run; `current()` returns it meanwhile."""
    global _current
    warm = Warm(model, no_pandas)
    _current = warm
    try:
        yield warm
    finally:
        _current = None
        warm.close()


def current() -> Warm | None:
    """The warm process of this run, if the console command started one and the run
    has not let it go (a Dask run, or nothing to parse)."""
    return _current if _current and not _current.closed else None
