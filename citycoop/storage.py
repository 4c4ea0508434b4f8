"""The curated folder: one Parquet dataset folder per table, changed only by atomic commits.

Layout::

    curated/<table>/part-<run>-<batch>.parquet   rows of one extraction batch
    curated/_journal.json                        present only while a commit is applied
    curated/.staging/<run_id>/<table>/...        files of a run not yet committed
    curated/_lock                                held by the run that writes

A batch writes the same part name in every per-document table, so a part name is a set
of documents across all tables: dropping or replacing documents rewrites just the parts
that hold them. A run stages every new file, then writes a journal listing the renames
and deletions, then applies it: renames within one filesystem are atomic, and a run
killed mid-apply is finished by the next run (the journal is replayed, which is
idempotent). A run killed before its journal exists left only staging files, which the
next run deletes. Readers that list `curated/<table>/*.parquet` never see a half-written
file: files appear only by rename, and '.'/'_' names are ignored by Arrow, pandas,
Polars and DuckDB globs. Renames of several files are not one atomic step: while a
commit is applied (milliseconds), or after a crash inside it until the next run, a
reader may find some tables updated and others not; `documents` drops rows first and
gains rows last, so anything joined through `documents.doc_id` stays consistent.
"""
from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import __version__
from .schema import DOC_TABLES, SCHEMA_VERSION, TABLES

JOURNAL = "_journal.json"
LOCK = "_lock"
STAGING = ".staging"
EMPTY_PART = "part-empty.parquet"


class StoreLocked(RuntimeError):
    pass


def write_parquet(table: pa.Table, path: Path) -> None:
    """Write to a temporary name in the same folder, fsync, then rename into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = dict(table.schema.metadata or {})
    meta.update({b"citycoop.schema_version": SCHEMA_VERSION.encode(),
                 b"citycoop.pipeline_version": __version__.encode()})
    table = table.replace_schema_metadata(meta)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    with open(tmp, "rb") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, path)


@dataclass
class Store:
    root: Path

    def __post_init__(self) -> None:
        self.root = Path(self.root)

    # ---------------------------------------------------------------- locking, recovery
    @contextmanager
    def lock(self) -> Iterator[None]:
        """Exclusive lock on the curated folder for one run; a second run is refused."""
        self.root.mkdir(parents=True, exist_ok=True)
        fh = open(self.root / LOCK, "a+")
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            fh.close()
            raise StoreLocked(f"{self.root} is being written by another citycoop run ({holder}); "
                              f"wait for it to finish") from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()}")
        fh.flush()
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
            fh.close()

    def recover(self) -> str | None:
        """Finish a commit a killed run left half-applied; drop uncommitted staging files."""
        journal = self.root / JOURNAL
        replayed = None
        if journal.exists():
            try:
                plan = json.loads(journal.read_text())
            except json.JSONDecodeError:
                plan = None  # the journal itself was being written: that run never committed
            if plan is not None:
                self._apply(plan)
                replayed = plan.get("run_id")
            journal.unlink()
        shutil.rmtree(self.root / STAGING, ignore_errors=True)
        return replayed

    # ---------------------------------------------------------------- reading
    def table_dir(self, table: str) -> Path:
        return self.root / table

    def parts(self, table: str) -> list[Path]:
        d = self.table_dir(table)
        return sorted(p for p in d.glob("*.parquet") if p.name != EMPTY_PART) if d.is_dir() else []

    def read(self, table: str, columns: list[str] | None = None) -> pa.Table:
        """The whole table (small tables and tests); the flow reads part by part."""
        parts = self.parts(table)
        if not parts:
            return TABLES[table].empty_table() if columns is None else \
                pa.schema([TABLES[table].field(c) for c in columns]).empty_table()
        return pa.concat_tables([pq.read_table(p, columns=columns) for p in parts])

    def documents_index(self) -> dict[str, dict]:
        """doc_id -> {source, content_sha256, extractor_version, part} of stored documents."""
        out = {}
        for part in self.parts("documents"):
            cols = ["doc_id", "source", "content_sha256", "extractor_version"]
            for row in pq.read_table(part, columns=cols).to_pylist():
                row["part"] = part.name
                out[row["doc_id"]] = row
        return out

    # ---------------------------------------------------------------- writing
    def staging(self, run_id: str) -> Path:
        return self.root / STAGING / run_id

    def stage(self, run_id: str, table: str, part: str, data: pa.Table) -> None:
        write_parquet(data, self.staging(run_id) / table / part)

    def stage_filtered(self, run_id: str, part: str, drop_doc_ids: set[str]) -> bool:
        """Stage a copy of ``part`` without the given documents, in every table.

        Returns False when nothing would be left (the caller deletes the part instead)."""
        kept_any = False
        for table in DOC_TABLES:
            path = self.table_dir(table) / part
            if not path.exists():
                continue
            data = pq.read_table(path)
            mask = pc.invert(pc.is_in(data["doc_id"], pa.array(sorted(drop_doc_ids), pa.string())))
            data = data.filter(mask)
            if table == "documents":
                kept_any = len(data) > 0
            self.stage(run_id, table, part, data)
        return kept_any

    def commit(self, run_id: str, delete_parts: list[str], replace_tables: dict[str, pa.Table]) -> None:
        """Make the staged run visible: one journal, then renames and deletions.

        ``replace_tables`` are small whole tables (runs, rejected) written as one file."""
        staging = self.staging(run_id)
        for table, data in replace_tables.items():
            self.stage(run_id, table, "part-0.parquet", data)
        moves, deletes = [], []
        for table in TABLES:
            staged = sorted((staging / table).glob("*.parquet")) if (staging / table).is_dir() else []
            if table in replace_tables:
                deletes += [str(p) for p in self.parts(table)]
            else:
                deletes += [str(self.table_dir(table) / name) for name in delete_parts]
            moves += [(str(p), str(self.table_dir(table) / p.name)) for p in staged]
        moved_to = {dst for _, dst in moves}
        plan = {"run_id": run_id, "moves": moves, "deletes": [d for d in deletes if d not in moved_to]}
        tmp = self.root / f".{JOURNAL}.tmp"
        tmp.write_text(json.dumps(plan))
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, self.root / JOURNAL)  # the commit point
        if os.environ.get("CITYCOOP_CRASH_TEST") == "mid-commit":  # crash tests only: die half-way
            self._apply(plan, limit=len(plan["moves"] + plan["deletes"]) // 2)
            os.kill(os.getpid(), signal.SIGKILL)
        self._apply(plan)
        (self.root / JOURNAL).unlink()
        shutil.rmtree(self.root / STAGING / run_id, ignore_errors=True)
        try:
            (self.root / STAGING).rmdir()
        except OSError:
            pass  # not empty (another run's leftovers are cleared by recover) or gone

    @staticmethod
    def _operations(plan: dict) -> list[tuple[str, str, str | None]]:
        """The plan as ordered steps. `documents` loses rows first and gains rows last,
        so while a commit is applied (or after a crash inside it, until the next run
        replays the journal) a join through documents.doc_id never sees half a page."""
        def table_of(path: str) -> str:
            return Path(path).parent.name

        ops = [("delete", path, None) for path in plan["deletes"]]
        ops += [("move", src, dst) for src, dst in plan["moves"]]

        def order(op: tuple[str, str, str | None]) -> int:
            kind, a, b = op
            is_docs = table_of(b or a) == "documents"
            shrinking = kind == "delete" or os.path.exists(b)  # a rewrite only ever drops documents
            return 0 if is_docs and shrinking else (2 if is_docs else 1)

        return sorted(ops, key=order)

    def _apply(self, plan: dict, limit: int | None = None) -> None:
        for kind, a, b in self._operations(plan)[:limit]:
            if kind == "move":
                if os.path.exists(a):
                    Path(b).parent.mkdir(parents=True, exist_ok=True)
                    os.replace(a, b)
            else:
                try:
                    os.unlink(a)
                except FileNotFoundError:
                    pass
        for table in TABLES:
            self._ensure_readable(table)

    def _ensure_readable(self, table: str) -> None:
        """A table with no rows still has one empty file, so readers find its schema."""
        d = self.table_dir(table)
        empty = d / EMPTY_PART
        if self.parts(table):
            if empty.exists():
                empty.unlink()
        elif not empty.exists():
            write_parquet(TABLES[table].empty_table(), empty)
