"""One batch of pages: read, parse, extract, stage a part file per table.

The body of the flow's ``process-batch`` task, kept free of Prefect so that it can also
run in a process that never imports Prefect (``citycoop.warm``)."""
from __future__ import annotations

import os
import socket
import time
from dataclasses import dataclass
from datetime import datetime

from .config import Settings
from .schema import DOC_TABLES, to_table
from .sources import PageRef, Rejection, read_page
from .storage import Store


@dataclass
class BatchResult:
    part: str
    documents: int
    rows: dict[str, int]
    rejected: list[Rejection]
    seconds: float
    worker: str  # host:pid of the process that ran the batch


def run_batch(refs: list[PageRef], part: str, curated: str, run_id: str, settings: Settings,
              ingested_at: datetime, fingerprint: str) -> BatchResult:
    """Read, parse and extract one batch of pages, and stage its part file per table."""
    from .rows import extract_pages  # spaCy and the extractors: only where pages are parsed

    t0 = time.perf_counter()
    pages, rejected = [], []
    for ref in refs:
        got = read_page(ref, settings.max_bytes)
        (rejected if isinstance(got, Rejection) else pages).append(got)
    rows, failed = extract_pages(pages, settings, run_id, ingested_at, fingerprint)
    rejected += failed
    store = Store(curated)
    counts = {}
    lengths = {d["doc_id"]: d["n_chars"] for d in rows["documents"]}
    for table in DOC_TABLES:
        data = to_table(table, rows[table], lengths)
        counts[table] = len(data)
        store.stage(run_id, table, part, data)
    return BatchResult(part, counts["documents"], counts, rejected, time.perf_counter() - t0,
                       f"{socket.gethostname()}:{os.getpid()}")
