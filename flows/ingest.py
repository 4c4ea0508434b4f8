"""The ingest flow: raw pages -> extracted rows -> curated Parquet, incrementally.

The flow body only wires tasks:

    scan raw folder  ->  plan (what is new, changed, removed)  ->  process batches
    (read + spaCy + extract + stage part files, hundreds of pages per task)  ->  commit

Retries sit on the I/O tasks (scan, commit); a batch is safe to retry too, as its
staged part files are overwritten, never appended to.
"""
from __future__ import annotations

import os
import secrets
import time
from collections import Counter, defaultdict
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.task_runners import ThreadPoolTaskRunner

from citycoop import __version__
from citycoop.batch import BatchResult, run_batch
from citycoop.config import Settings
from citycoop.nlp import model_version
from citycoop.progress import Progress
from citycoop.schema import SCHEMA_VERSION, TABLES, to_table
from citycoop.sources import PageRef, Rejection, discover
from citycoop.storage import Store
from citycoop.versioning import extractor_fingerprint
from citycoop.warm import current as current_warm


@dataclass
class Plan:
    """Which pages to extract, which stored documents to drop, what stays."""

    extract: list[PageRef] = field(default_factory=list)
    drop_doc_ids: set[str] = field(default_factory=set)
    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    duplicates: list[Rejection] = field(default_factory=list)
    new_sources: set[str] = field(default_factory=set)  # the pages counted in `added`

    def landed(self, failed: set[str]) -> tuple[int, int]:
        """Added and updated counts once pages that failed to read or extract are left out."""
        return (self.added - len(failed & self.new_sources),
                self.updated - len(failed - self.new_sources))


def make_plan(refs: list[PageRef], stored: dict[str, dict], fingerprint: str, force: bool = False) -> Plan:
    """Pure: compare the pages on disk with the stored documents.

    A page is unchanged when a stored document has its content hash, its source path
    and the current extractor fingerprint. Two files with the same bytes are one
    document: the first path (sorted) wins, the others are rejected as duplicates."""
    plan = Plan()
    stored_sources = {info["source"] for info in stored.values()}
    keep: set[str] = set()
    seen: dict[str, str] = {}
    # a path already stored under this content keeps it; otherwise the first path wins
    for ref in sorted(refs, key=lambda r: (stored.get(r.doc_id, {}).get("source") != r.source, r.source)):
        if ref.doc_id in seen:
            plan.duplicates.append(Rejection(ref.source, "duplicate", f"same content as {seen[ref.doc_id]}"))
            continue
        seen[ref.doc_id] = ref.source
        info = stored.get(ref.doc_id)
        if not force and info and info["source"] == ref.source and info["extractor_version"] == fingerprint:
            keep.add(ref.doc_id)
            plan.unchanged += 1
            continue
        plan.extract.append(ref)
        if ref.source in stored_sources or info is not None:
            plan.updated += 1
        else:
            plan.added += 1
            plan.new_sources.add(ref.source)
    current_sources = set(seen.values())
    plan.drop_doc_ids = set(stored) - keep
    plan.removed = sum(1 for info in stored.values() if info["source"] not in current_sources)
    return plan


@dataclass
class RunSummary:
    run_id: str
    raw: str
    curated: str
    pages_seen: int
    added: int
    updated: int
    removed: int
    unchanged: int
    rejected: int
    rejections: list[dict]
    rows: dict[str, int]  # rows per table after the run
    seconds: float
    recovered_run: str | None = None
    workers: int = 0  # distinct processes that ran batches (more than 1 on a Dask cluster)

    def as_dict(self) -> dict:
        return asdict(self)


@task(name="scan-raw", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def scan_raw(raw: str, max_bytes: int) -> tuple[list[PageRef], list[Rejection]]:
    return discover(raw, max_bytes)


@task(name="process-batch", retries=1, retry_delay_seconds=1, cache_policy=NO_CACHE)
def process_batch(refs: list[PageRef], part: str, curated: str, run_id: str, settings: Settings,
                  ingested_at: datetime, fingerprint: str) -> BatchResult:
    """Read, parse and extract one batch of pages, and stage its part file per table:
    here, or in the console command's warm process when it started one (citycoop.warm)."""
    args = (refs, part, curated, run_id, settings, ingested_at, fingerprint)
    warm = current_warm()
    if warm is None:
        return run_batch(*args)
    try:
        return warm.run(run_batch, *args)
    except BrokenProcessPool:  # the process died (killed, out of memory): the retry runs here
        warm.close()
        raise


@task(name="commit", retries=2, retry_delay_seconds=1, cache_policy=NO_CACHE)
def commit(curated: str, run_id: str, delete_parts: list[str], replace: dict) -> None:
    Store(curated).commit(run_id, delete_parts, replace)


def _batches(refs: list[PageRef], size: int) -> list[list[PageRef]]:
    return [refs[i:i + size] for i in range(0, len(refs), size)]


def _rewrite_parts(store: Store, run_id: str, stored: dict[str, dict], drop: set[str]) -> list[str]:
    """Stage filtered copies of parts that lose some documents; return parts to delete."""
    by_part: dict[str, set[str]] = defaultdict(set)
    for doc_id in drop:
        by_part[stored[doc_id]["part"]].add(doc_id)
    part_sizes = Counter(info["part"] for info in stored.values())
    delete = []
    for part, doc_ids in sorted(by_part.items()):
        if len(doc_ids) == part_sizes[part]:
            delete.append(part)
        else:
            store.stage_filtered(run_id, part, doc_ids)
    return delete


def task_runner(settings: Settings, n_batches: int = 1 << 30):
    """Where batches run: in this process one at a time ('local'; spaCy's ``n_process``
    uses the cores), or on Dask ('dask', and 'auto' unless ``n_process`` > 1) — a
    LocalCluster of ``workers`` processes (0: one per core), or
    the existing scheduler at ``dask_address`` (a multi-machine cluster; every worker
    needs citycoop installed, must reach the raw and curated locations, and should have
    ``PREFECT_API_URL`` set, or each starts a temporary Prefect server of its own).

    A LocalCluster gets no more workers than there are batches, and none for a single
    batch (a small re-run): starting processes and loading the model in each costs
    more than it saves."""
    if settings.runner not in ("auto", "local", "dask"):
        raise ValueError(f"unknown runner {settings.runner!r}: use 'auto', 'local' or 'dask'")
    workers = min(settings.workers or os.cpu_count() or 1, n_batches)
    if settings.runner == "local" or (not settings.dask_address and workers < 2) \
            or (settings.runner == "auto" and settings.n_process > 1):  # spaCy's own processes use the cores
        return ThreadPoolTaskRunner(max_workers=1)
    from prefect_dask import DaskTaskRunner

    if settings.dask_address:
        return DaskTaskRunner(address=settings.dask_address)
    from citycoop.dask_cluster import local_cluster

    return DaskTaskRunner(cluster_class=local_cluster, cluster_kwargs={
        "n_workers": workers, "threads_per_worker": 1, "processes": True, "dashboard_address": None,
        "env": _worker_env()})


def _worker_env() -> dict[str, str]:
    """The API the flow talks to, for the LocalCluster's workers: without it, a flow on
    Prefect's temporary server would have every worker start a server of its own
    (~13 s and a process each)."""
    from prefect.client.orchestration import get_client

    return {"PREFECT_API_URL": str(get_client(sync_client=True).api_url).rstrip("/")}


# Batches go to the runner settings.runner chooses (see task_runner()), started inside
# the flow only when some page needs extracting.
@flow(name="citycoop-ingest", log_prints=False, validate_parameters=False)
def ingest(raw: str = "raw", curated: str = "curated", settings: Settings | None = None,
           force: bool = False, quiet: bool = False) -> RunSummary:
    """Bring ``curated`` up to date with the pages under ``raw``."""
    if not isinstance(settings, Settings):  # None, or a dict from a deployment's parameters
        settings = Settings.from_env(**(settings or {}))
    logger = get_run_logger()
    started = datetime.now(timezone.utc)
    t0 = time.perf_counter()
    run_id = started.strftime("%Y%m%dT%H%M%SZ") + "-" + secrets.token_hex(3)
    store = Store(curated)
    with store.lock():
        recovered = store.recover()
        if recovered:
            logger.warning("finished the commit of interrupted run %s", recovered)
        model = model_version(settings.model)  # fail fast on a missing model, before any work
        fingerprint = extractor_fingerprint(settings.model)
        refs, rejected = scan_raw(raw, settings.max_bytes)
        stored = store.documents_index()
        plan = make_plan(refs, stored, fingerprint, force)
        rejected = list(rejected) + plan.duplicates
        progress = Progress(len(plan.extract), quiet)
        progress.message(f"citycoop: {len(refs)} pages in {raw}: {plan.added} new, {plan.updated} changed, "
                         f"{plan.removed} removed, {plan.unchanged} unchanged")

        batches = _batches(plan.extract, settings.batch_size)
        workers: set[str] = set()
        failed: set[str] = set()
        runner = task_runner(settings, len(batches)) if batches else None
        warm = current_warm()
        if warm and not isinstance(runner, ThreadPoolTaskRunner):  # nothing to parse here: free its core
            warm.close()
        if runner:  # a Dask cluster (and the model in each worker) only when there is work
            with runner:
                futures = [runner.submit(process_batch, parameters={
                    "refs": batch, "part": f"part-{run_id}-{i:05d}.parquet", "curated": curated, "run_id": run_id,
                    "settings": settings, "ingested_at": started, "fingerprint": fingerprint})
                    for i, batch in enumerate(batches)]
                # while batches run: stage copies of stored parts that lose documents
                delete_parts = _rewrite_parts(store, run_id, stored, plan.drop_doc_ids)
                for i, fut in enumerate(futures):
                    result: BatchResult = fut.result()
                    workers.add(result.worker)
                    rejected += result.rejected
                    failed |= {r.source for r in result.rejected}
                    progress.advance(len(batches[i]), i + 1, len(batches))

        else:
            delete_parts = _rewrite_parts(store, run_id, stored, plan.drop_doc_ids)
        added, updated = plan.landed(failed)
        finished = datetime.now(timezone.utc)
        rejected_rows = [{"source": r.source, "reason": r.reason, "detail": r.detail, "run_id": run_id,
                          "rejected_at": finished} for r in rejected]
        runs = store.read("runs").to_pylist() + [{
            "run_id": run_id, "started_at": started, "finished_at": finished, "raw": str(raw),
            "pages_seen": len(refs), "added": added, "updated": updated, "removed": plan.removed,
            "unchanged": plan.unchanged, "rejected": len(rejected), "pipeline_version": __version__,
            "extractor_version": fingerprint, "model": model, "schema_version": SCHEMA_VERSION}]
        nothing_changed = not plan.extract and not plan.drop_doc_ids
        previous_rejected = store.read("rejected", ["source", "reason"]).to_pylist()
        same_rejections = sorted((r["source"], r["reason"]) for r in rejected_rows) == \
            sorted((r["source"], r["reason"]) for r in previous_rejected)
        replace = {"runs": to_table("runs", runs)}
        if not (nothing_changed and same_rejections):
            replace["rejected"] = to_table("rejected", rejected_rows)
        commit(curated, run_id, delete_parts, replace)
        rows = {t: store.num_rows(t) for t in TABLES}

    summary = RunSummary(run_id, str(raw), str(curated), len(refs), added, updated, plan.removed,
                         plan.unchanged, len(rejected),
                         [{"source": r.source, "reason": r.reason, "detail": r.detail} for r in rejected],
                         rows, round(time.perf_counter() - t0, 2), recovered, len(workers))
    logger.info("run %s: %s", run_id, summary.as_dict())
    _publish_summary(curated, summary, logger)
    return summary


def _publish_summary(curated: str, summary: RunSummary, logger) -> None:
    """The run's summary as a Markdown artifact in the Prefect UI (key citycoop-run-summary),
    next to the flow run. A failure here is logged, never fails a run that committed."""
    from prefect.artifacts import create_markdown_artifact

    from citycoop.report import summary_markdown

    try:
        head = (f"**Run {summary.run_id}**: {summary.pages_seen} pages; {summary.added} added, "
                f"{summary.updated} updated, {summary.removed} removed, {summary.unchanged} unchanged, "
                f"{summary.rejected} rejected; {summary.seconds:.1f} s.\n\n")
        create_markdown_artifact(markdown=head + summary_markdown(curated), key="citycoop-run-summary",
                                 description="citycoop ingest run summary")
    except Exception as exc:  # reporting must not undo a committed run
        logger.warning("could not publish the run summary artifact: %s", exc)

