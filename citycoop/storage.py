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

The curated location may be a folder or an fsspec URL (``s3://bucket/curated``). On an
object store a "rename" is a copy then a delete, so files still appear whole (an object
is visible only once written) and the journal replay covers a crash; the lock is an
object naming its holder, which a crashed run leaves behind (the error says so).
"""
from __future__ import annotations

import fcntl
import io
import json
import os
import signal
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Iterator

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import __version__
from .fsutil import Location, resolve
from .schema import DOC_TABLES, SCHEMA_VERSION, TABLES

JOURNAL = "_journal.json"
LOCK = "_lock"
STAGING = ".staging"
EMPTY_PART = "part-empty.parquet"


class StoreLocked(RuntimeError):
    pass


def _with_versions(table: pa.Table) -> pa.Table:
    meta = dict(table.schema.metadata or {})
    meta.update({b"citycoop.schema_version": SCHEMA_VERSION.encode(),
                 b"citycoop.pipeline_version": __version__.encode()})
    return table.replace_schema_metadata(meta)


def write_parquet(table: pa.Table, path: str, loc: Location | None = None) -> None:
    """Write a whole Parquet file so that no reader ever sees part of it.

    Locally: a temporary name in the same folder, fsync, rename into place. On an
    object store: one upload, which becomes visible only when complete."""
    table = _with_versions(table)
    if loc is None or loc.local:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = os.path.join(os.path.dirname(path), f".{os.path.basename(path)}.{os.getpid()}.tmp")
        pq.write_table(table, tmp, compression="zstd")
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        return
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd")
    loc.fs.pipe_file(path, buf.getvalue())


class Store:
    """The curated tables at a folder or fsspec URL."""

    def __init__(self, root: str | os.PathLike) -> None:
        self.loc = resolve(root)
        self.fs = self.loc.fs
        self.root = self.loc.root

    def path(self, *parts: str) -> str:
        return self.loc.join(*parts)

    # ---------------------------------------------------------------- locking, recovery
    @contextmanager
    def lock(self) -> Iterator[None]:
        """Exclusive lock on the curated location for one run; a second run is refused."""
        if not self.loc.local:
            with self._object_lock():
                yield
            return
        os.makedirs(self.root, exist_ok=True)
        fh = open(self.path(LOCK), "a+")
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

    @contextmanager
    def _object_lock(self) -> Iterator[None]:
        """Object stores have no flock: a lock object naming its holder.

        Advisory (two runs starting in the same instant could both pass), which is
        enough for one scheduled job; a run killed hard leaves the object behind."""
        path = self.path(LOCK)
        if self.fs.exists(path):
            holder = self.fs.cat_file(path).decode(errors="replace").strip()
            raise StoreLocked(f"{self.loc.url(self.root)} is being written by another citycoop run ({holder}); "
                              f"wait for it to finish, or delete {self.loc.url(path)} if no run is alive")
        me = f"pid {os.getpid()} on {os.uname().nodename} since {datetime.now(timezone.utc).isoformat()}"
        self.fs.pipe_file(path, me.encode())
        try:
            yield
        finally:
            self.fs.rm_file(path)

    def recover(self) -> str | None:
        """Finish a commit a killed run left half-applied; drop uncommitted staging files."""
        journal = self.path(JOURNAL)
        replayed = None
        if self.fs.exists(journal):
            try:
                plan = json.loads(self.fs.cat_file(journal))
            except json.JSONDecodeError:
                plan = None  # the journal itself was being written: that run never committed
            if plan is not None:
                self._apply(plan)
                replayed = plan.get("run_id")
            self.fs.rm_file(journal)
        self._rmtree(self.path(STAGING))
        return replayed

    def _rmtree(self, path: str) -> None:
        if self.fs.exists(path):
            self.fs.rm(path, recursive=True)
        self.fs.invalidate_cache()

    # ---------------------------------------------------------------- reading
    def table_dir(self, table: str) -> str:
        return self.path(table)

    def parts(self, table: str) -> list[str]:
        """Paths of the table's part files (on this store's filesystem), sorted."""
        self.fs.invalidate_cache()
        found = self.fs.glob(self.path(table, "*.parquet"))
        return sorted(p for p in found if os.path.basename(p) != EMPTY_PART)

    def read_part(self, path: str, columns: list[str] | None = None) -> pa.Table:
        # ParquetFile, not pq.read_table: that imports pyarrow.dataset (~0.3 s of every run)
        with pq.ParquetFile(path, filesystem=None if self.loc.local else self.fs) as f:
            return f.read(columns=columns)

    def num_rows(self, table: str) -> int:
        fs = None if self.loc.local else self.fs
        return sum(pq.ParquetFile(p, filesystem=fs).metadata.num_rows for p in self.parts(table))

    def read(self, table: str, columns: list[str] | None = None) -> pa.Table:
        """The whole table (small tables and tests); the flow reads part by part."""
        parts = self.parts(table)
        if not parts:
            return TABLES[table].empty_table() if columns is None else \
                pa.schema([TABLES[table].field(c) for c in columns]).empty_table()
        return pa.concat_tables([self.read_part(p, columns) for p in parts])

    def documents_index(self) -> dict[str, dict]:
        """doc_id -> {source, content_sha256, extractor_version, part} of stored documents."""
        out = {}
        for part in self.parts("documents"):
            cols = ["doc_id", "source", "content_sha256", "extractor_version"]
            for row in self.read_part(part, cols).to_pylist():
                row["part"] = os.path.basename(part)
                out[row["doc_id"]] = row
        return out

    # ---------------------------------------------------------------- writing
    def staging(self, run_id: str) -> str:
        return self.path(STAGING, run_id)

    def stage(self, run_id: str, table: str, part: str, data: pa.Table) -> None:
        write_parquet(data, self.path(STAGING, run_id, table, part), self.loc)

    def stage_filtered(self, run_id: str, part: str, drop_doc_ids: set[str]) -> bool:
        """Stage a copy of ``part`` without the given documents, in every table.

        Returns False when nothing would be left (the caller deletes the part instead)."""
        kept_any = False
        for table in DOC_TABLES:
            path = self.path(table, part)
            if not self.fs.exists(path):
                continue
            data = self.read_part(path)
            mask = pc.invert(pc.is_in(data["doc_id"], pa.array(sorted(drop_doc_ids), pa.string())))
            data = data.filter(mask)
            if table == "documents":
                kept_any = len(data) > 0
            self.stage(run_id, table, part, data)
        return kept_any

    def _write_journal(self, plan: dict) -> None:
        data = json.dumps(plan).encode()
        if not self.loc.local:
            self.fs.pipe_file(self.path(JOURNAL), data)  # one PUT: all or nothing
            return
        tmp = self.path(f".{JOURNAL}.tmp")
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.path(JOURNAL))

    def commit(self, run_id: str, delete_parts: list[str], replace_tables: dict[str, pa.Table]) -> None:
        """Make the staged run visible: one journal, then renames and deletions.

        ``replace_tables`` are small whole tables (runs, rejected) written as one file."""
        staging = self.staging(run_id)
        for table, data in replace_tables.items():
            self.stage(run_id, table, "part-0.parquet", data)
        self.fs.invalidate_cache()
        moves, deletes = [], []
        for table in TABLES:
            staged = sorted(self.fs.glob(self.path(STAGING, run_id, table, "*.parquet")))
            if table in replace_tables:
                deletes += self.parts(table)
            else:
                deletes += [self.path(table, name) for name in delete_parts]
            moves += [(p, self.path(table, os.path.basename(p))) for p in staged]
        moved_to = {dst for _, dst in moves}
        plan = {"run_id": run_id, "moves": moves, "deletes": [d for d in deletes if d not in moved_to]}
        self._write_journal(plan)  # the commit point
        if os.environ.get("CITYCOOP_CRASH_TEST") == "mid-commit":  # crash tests only: die half-way
            self._apply(plan, limit=len(plan["moves"] + plan["deletes"]) // 2)
            os.kill(os.getpid(), signal.SIGKILL)
        self._apply(plan)
        self.fs.rm_file(self.path(JOURNAL))
        self._rmtree(staging)
        if self.loc.local:
            try:
                os.rmdir(self.path(STAGING))
            except OSError:
                pass  # not empty (another run's leftovers are cleared by recover) or gone

    def _operations(self, plan: dict) -> list[tuple[str, str, str | None]]:
        """The plan as ordered steps. `documents` loses rows first and gains rows last,
        so while a commit is applied (or after a crash inside it, until the next run
        replays the journal) a join through documents.doc_id never sees half a page."""
        def table_of(path: str) -> str:
            return os.path.basename(os.path.dirname(path))

        ops = [("delete", path, None) for path in plan["deletes"]]
        ops += [("move", src, dst) for src, dst in plan["moves"]]

        def order(op: tuple[str, str, str | None]) -> int:
            kind, a, b = op
            is_docs = table_of(b or a) == "documents"
            shrinking = kind == "delete" or self.fs.exists(b)  # a rewrite only ever drops documents
            return 0 if is_docs and shrinking else (2 if is_docs else 1)

        return sorted(ops, key=order)

    def _apply(self, plan: dict, limit: int | None = None) -> None:
        """Replayable: a move whose source is gone, or a delete of a missing file, was done."""
        for kind, a, b in self._operations(plan)[:limit]:
            if kind == "move":
                if self.loc.local:
                    if os.path.exists(a):
                        os.makedirs(os.path.dirname(b), exist_ok=True)
                        os.replace(a, b)
                elif self.fs.exists(a):
                    self.fs.copy(a, b)  # the target object appears whole
                    self.fs.rm_file(a)
            elif self.fs.exists(a):
                self.fs.rm_file(a)
        self.fs.invalidate_cache()
        for table in TABLES:
            self._ensure_readable(table)

    def _ensure_readable(self, table: str) -> None:
        """A table with no rows still has one empty file, so readers find its schema."""
        empty = self.path(table, EMPTY_PART)
        has_empty = self.fs.exists(empty)
        if self.parts(table):
            if has_empty:
                self.fs.rm_file(empty)
        elif not has_empty:
            write_parquet(TABLES[table].empty_table(), empty, self.loc)
