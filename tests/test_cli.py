"""The console command, run as a user would (subprocesses)."""
from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import ROOT


def run(*args: str, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "citycoop", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=600)


def test_version():
    out = run("--version")
    assert out.returncode == 0
    assert out.stdout.startswith("citycoop ")


def test_every_command_has_help_that_names_its_options():
    from citycoop.cli import build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert set(sub.choices) == {"ingest", "serve", "tables", "report", "evaluate"}
    for name, parser in sub.choices.items():
        out = run(name, "--help")
        assert out.returncode == 0, name
        assert out.stdout.startswith(f"usage: citycoop {name}"), name
        for action in parser._actions:
            for flag in action.option_strings:
                assert flag in out.stdout, (name, flag)
    top = run("--help")
    assert top.returncode == 0 and all(name in top.stdout for name in sub.choices)


def test_unknown_command_or_option_is_usage_exit_2():
    assert run("frobnicate").returncode == 2
    assert run("ingest", "--no-such-option").returncode == 2


def test_missing_raw_folder_is_one_clear_line_and_exit_2(tmp_path):
    out = run("ingest", "--raw", str(tmp_path / "nope"), "--curated", str(tmp_path / "cur"))
    assert out.returncode == 2
    assert out.stderr.strip().splitlines() == [
        f"citycoop: error: raw folder '{tmp_path / 'nope'}' does not exist or is not a folder"]
    assert not (tmp_path / "cur").exists()


def test_missing_model_is_a_clear_error(tmp_path):
    out = run("ingest", "--raw", str(ROOT / "raw"), "--curated", str(tmp_path / "cur"), "--model", "no_such_model")
    assert out.returncode == 3
    assert "spaCy model 'no_such_model' is not installed" in out.stderr
    assert "Traceback" not in out.stderr


def test_locked_curated_folder_is_refused(tmp_path):
    from citycoop.storage import Store

    with Store(tmp_path / "cur").lock():
        out = run("ingest", "--raw", str(ROOT / "raw"), "--curated", str(tmp_path / "cur"))
    assert out.returncode == 4
    assert "being written by another citycoop run" in out.stderr


@pytest.mark.slow
def test_ingest_console_output_is_clean(tmp_path):
    """A real run through the CLI: progress, a summary, no tracebacks or telemetry noise."""
    out = run("ingest", "--raw", str(ROOT / "raw"), "--curated", str(tmp_path / "cur"))
    assert out.returncode == 0, out.stderr
    assert "5 pages" in out.stdout and "5 added" in out.stdout
    assert "partner_links" in out.stdout
    assert "Traceback" not in out.stderr + out.stdout
    assert "batch 1/1: 5/5 pages" in out.stderr
    lines = [l for l in out.stderr.splitlines() if l.strip()]
    assert len(lines) <= 4, out.stderr  # header + progress, nothing else
    tables = run("tables", "--curated", str(tmp_path / "cur"))
    assert tables.returncode == 0
    assert any(l.split()[:2] == ["documents", "5"] for l in tables.stdout.splitlines())


@pytest.mark.slow
def test_a_run_on_a_dask_cluster_is_as_quiet_as_a_local_one(tmp_path, prefect_api_url):
    """Dask's scheduler and nannies log each start and close at INFO (some 30 lines, and
    at times a CommClosedError traceback): a nightly run's stderr keeps only citycoop's lines."""
    import os

    env = {**os.environ, "PREFECT_API_URL": prefect_api_url}
    out = subprocess.run([sys.executable, "-m", "citycoop", "ingest", "--raw", str(ROOT / "raw"), "--curated",
                          str(tmp_path / "cur"), "--runner", "dask", "--workers", "2", "--batch-size", "2"],
                         capture_output=True, text=True, env=env, timeout=600)
    assert out.returncode == 0, out.stderr
    assert "5 added" in out.stdout
    lines = [l for l in out.stderr.splitlines() if l.strip()]
    ours = [l for l in lines if l.startswith("citycoop: ") or l.lstrip().startswith("batch ")]
    assert ours[0].startswith("citycoop: 5 pages") and len(ours) == 4, out.stderr  # header + 3 batches
    # (Dask's warnings stay: 'Event loop was unresponsive' on a loaded machine is worth a line)
    assert not [l for l in lines if "INFO" in l and "distributed" in l] and "Traceback" not in out.stderr, out.stderr
    assert len(lines) - len(ours) <= 2, out.stderr  # (37 lines before)


@pytest.mark.slow
def test_an_ingest_from_the_console_never_imports_pandas(tmp_path, prefect_api_url):
    """pyarrow imports pandas (installed here with the test extras) on its first conversion
    of Python data, ~0.3 s of CPU a run that an ingest never uses: the console command's
    process keeps it out, and the tables are written all the same."""
    import os

    env = {**os.environ, "PREFECT_API_URL": prefect_api_url}
    probe = ("import atexit, sys; atexit.register(lambda: print('PANDAS', 'pandas' in sys.modules, file=sys.stderr)); "
             "from citycoop.cli import run; run(sys.argv[1:])")
    out = subprocess.run([sys.executable, "-c", probe, "ingest", "--raw", str(ROOT / "raw"), "--curated",
                          str(tmp_path / "cur"), "--quiet"], capture_output=True, text=True, env=env, timeout=600)
    assert out.returncode == 0, out.stderr
    assert "PANDAS False" in out.stderr and "5 added" in out.stdout
    import pandas as pd  # (this test's own process has pandas: the tables read as they should)

    assert len(pd.read_parquet(tmp_path / "cur" / "cities")) == 50


@pytest.mark.slow
def test_strict_makes_rejections_an_error_and_names_them(tmp_path, prefect_api_url):
    import os
    import shutil

    raw = tmp_path / "raw"
    shutil.copytree(ROOT / "raw", raw)
    (raw / "empty.txt").write_bytes(b"")
    env = {**os.environ, "PREFECT_API_URL": prefect_api_url}
    args = [sys.executable, "-m", "citycoop", "ingest", "--raw", str(raw), "--curated", str(tmp_path / "cur"), "--quiet"]
    lenient = subprocess.run(args, capture_output=True, text=True, env=env, timeout=600)
    assert lenient.returncode == 0
    assert "1 rejected" in lenient.stdout and "rejected empty.txt: empty" in lenient.stdout
    strict = subprocess.run(args + ["--strict"], capture_output=True, text=True, env=env, timeout=600)
    assert strict.returncode == 5
    assert "1 page(s) rejected and --strict is set" in strict.stderr


@pytest.mark.slow
def test_on_a_terminal_progress_is_a_bar_redrawn_in_place(tmp_path, prefect_api_url):
    """stderr on a real pseudo-terminal: one line redrawn with \\r, pages done/total and rate."""
    import os
    import pty

    master, slave = pty.openpty()
    env = {**os.environ, "PREFECT_API_URL": prefect_api_url}
    proc = subprocess.Popen([sys.executable, "-m", "citycoop", "ingest", "--raw", str(ROOT / "raw"), "--curated",
                             str(tmp_path / "cur"), "--batch-size", "2"], stdout=subprocess.PIPE, stderr=slave,
                            env=env, text=True)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=600)
    os.close(master)
    shown = b"".join(chunks).decode(errors="replace")
    assert proc.returncode == 0, shown
    assert "batch 1/3" not in shown  # no log lines on a terminal
    frames = [f for f in shown.split("\r") if "pages/s" in f]
    assert len(frames) == 3, shown  # one redraw per batch
    assert "2/5 pages" in frames[0] and "5/5 pages" in frames[-1]
    assert "[" + "#" * 30 + "]" in frames[-1] and "ETA" in frames[-1]


def test_progress_bar_and_eta_are_proportional():
    from citycoop.progress import bar, eta

    assert bar(0, 10, width=10) == "[..........]"
    assert bar(5, 10, width=10) == "[#####.....]"
    assert bar(10, 10, width=10) == "[##########]"
    assert eta(25, 100, 60.0) == "3:00"
    assert eta(0, 100, 5.0) == "--:--"


_SPACY_PROBE = ("import atexit, sys; atexit.register(lambda: print('SPACY', 'spacy' in sys.modules, file=sys.stderr)); "
                "from citycoop.cli import run; run(sys.argv[1:])")


@pytest.mark.slow
def test_a_console_run_parses_in_its_warm_process_and_writes_what_the_flow_writes(tmp_path, prefect_api_url,
                                                                                   sample_run):
    """The console command loads spaCy in a second process while it imports Prefect
    (citycoop.warm): its own process never imports spaCy, and the tables are the ones the
    flow writes in-process (the session's sample run), as they are with the warm process off."""
    import os

    from .tables import assert_same_tables, comparable

    env = {**os.environ, "PREFECT_API_URL": prefect_api_url}
    runs = {}
    for warm in ("1", "0"):
        out = subprocess.run([sys.executable, "-c", _SPACY_PROBE, "ingest", "--raw", str(ROOT / "raw"),
                              "--curated", str(tmp_path / warm), "--quiet"], capture_output=True, text=True,
                             env={**env, "CITYCOOP_WARM": warm}, timeout=600)
        assert out.returncode == 0 and "5 added" in out.stdout, out.stderr
        runs[warm] = out.stderr
    assert "SPACY False" in runs["1"] and "SPACY True" in runs["0"]
    assert_same_tables(comparable(str(tmp_path / "1")), comparable(str(sample_run[0])))
    assert_same_tables(comparable(str(tmp_path / "0")), comparable(str(sample_run[0])))


def test_the_warm_process_is_started_only_for_runs_that_parse_here(raw_copy, tmp_path, sample_run):
    """The guess that decides whether to warm up: files beyond the stored documents or
    modified since the last run; none for URLs, Dask or spaCy's own processes."""
    import os
    import time

    from citycoop.cli import _pages_to_parse, _warm_process
    from citycoop.config import Settings

    curated = str(sample_run[0])  # (raw_copy keeps the sample pages' times, older than that run)
    assert _pages_to_parse(str(raw_copy), str(tmp_path / "none")) == 5  # nothing stored: every page
    assert _pages_to_parse(str(raw_copy), curated) == 0
    page = next(p for p in sorted(raw_copy.iterdir()) if p.suffix == ".txt")
    os.utime(page, (time.time() + 5, time.time() + 5))
    (raw_copy / "new.txt").write_text("Graz and Latina signed a twinning charter in 2024.", encoding="utf-8")
    (raw_copy / "README.md").write_text("What this folder holds.", encoding="utf-8")  # the scan skips it too
    (raw_copy / "gone.txt").symlink_to(raw_copy / "missing.txt")  # a broken link: the scan rejects it
    assert _pages_to_parse(str(raw_copy), curated) == 2
    off = [Settings(n_process=2), Settings(warm=0), Settings(dask_address="tcp://x:8786"),
           Settings(runner="dask", batch_size=1)]
    for settings in off:
        assert type(_warm_process(str(raw_copy), curated, settings, False)).__name__ == "nullcontext", settings
    assert type(_warm_process("memory://raw", curated, Settings(), False)).__name__ == "nullcontext"
    assert type(_warm_process(str(raw_copy), curated, Settings(batch_size=1), False)).__name__ == "nullcontext"


def test_the_warm_process_runs_work_elsewhere_and_stops_when_closed():
    import os

    from citycoop import warm
    from citycoop.config import DEFAULT_MODEL

    with warm.started(DEFAULT_MODEL) as w:
        assert warm.current() is w
        pid = w.run(os.getpid)
        assert pid != os.getpid()
        w.close()  # (as the flow does when the run goes to Dask, or has nothing to parse)
        assert warm.current() is None
    assert warm.current() is None
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)


@pytest.mark.slow
def test_a_batch_whose_warm_process_died_is_retried_in_the_flows_process(tmp_path, sample_run):
    """The warm process is killed before the run's only batch: the batch fails with
    BrokenProcessPool, its retry runs in the flow's own process, and the tables are whole."""
    import os
    import signal

    from citycoop import warm
    from citycoop.config import DEFAULT_MODEL
    from flows.ingest import ingest

    from .tables import assert_same_tables, comparable

    with warm.started(DEFAULT_MODEL) as w:
        os.kill(w.run(os.getpid), signal.SIGKILL)
        summary = ingest(raw=str(ROOT / "raw"), curated=str(tmp_path / "cur"), quiet=True)
        assert warm.current() is None  # let go after the failure
    assert summary.added == 5 and summary.rejected == 0
    assert_same_tables(comparable(str(tmp_path / "cur")), comparable(str(sample_run[0])))
