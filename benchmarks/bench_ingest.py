"""Benchmark: citycoop ingest end to end against a bare spaCy pass, in the same run.

    python benchmarks/bench_ingest.py [--pages 2000] [--processes 2] [--with-server]
                                      [--repeat 3] [--memory-pages 20000] [--out benchmarks/out]

Builds a corpus of N pages by recombining the paragraphs of the sample pages in raw/
(with varied years and amounts; seeded, no network), then measures, each in its own
subprocess so peak RSS is per phase:
  bare      spaCy nlp.pipe over the same texts, same components, n_process=P
  full      `citycoop ingest` into an empty curated folder, on P processes
            (P=1: the local runner; P>1: the Dask runner with P workers)
  nochange  the same command again, nothing changed
  changed1  after editing 1% of the pages
  memory    (with --memory-pages M) a full run on M pages: peak RSS against the N-page run
and prints docs/s, words/s, peak RSS and the ratios against the bare pass and the
full run. By default each CLI run starts Prefect's temporary server (~10 s, a fixed
cost per run); --with-server starts one `prefect server start` for all runs, as a
scheduled deployment (`citycoop serve`) runs. The machine is shared and noisy:
compare ratios, not absolute times. --repeat N measures N rounds (each a bare pass,
a full ingest and the two re-runs, back to back, on a freshly built corpus) and
reports each round's ratios and their medians: one round can be off by a tenth.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_corpus(out: Path, pages: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    paragraphs = [p.strip() for f in sorted((ROOT / "raw").glob("*.txt"))
                  for p in f.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 40]
    if len(paragraphs) < 9:  # a corpus of empty pages would time nothing real
        raise SystemExit(f"no sample pages to build a corpus from in {ROOT / 'raw'}")
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    paths = []
    for i in range(pages):
        body = "\n\n".join(rng.sample(paragraphs, k=min(len(paragraphs), rng.randint(4, 9))))
        body = re.sub(r"\b(19|20)\d\d\b", lambda m: str(rng.randint(1990, 2030)), body)
        body = re.sub(r"€\s?\d+", lambda m: f"€{rng.randint(1, 90)}", body)
        path = out / f"page_{i:05d}.txt"
        path.write_text(f"Page {i}\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase_bare(corpus: Path, processes: int) -> dict:
    """spaCy alone, same components and process count: the floor the pipeline is
    measured against. Texts are streamed from disk, as the pipeline reads them."""
    from citycoop.config import Settings
    from citycoop.nlp import load_nlp
    from citycoop.sources import normalise

    settings = Settings.from_env()
    t0 = time.perf_counter()
    nlp = load_nlp(settings.model)
    texts = (normalise(p.read_text(encoding="utf-8")) for p in sorted(corpus.glob("*.txt")))
    docs = words = 0
    for doc in nlp.pipe(texts, batch_size=settings.nlp_batch_size, n_process=processes):
        docs += 1
        words += len(doc)
    return {"seconds": time.perf_counter() - t0, "docs": docs, "words": words, "peak_rss_mb": peak_rss_mb(),
            "children_rss_mb": children_rss_mb()}


def children_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


_CLI = ("import atexit, resource, sys; from citycoop.cli import run; "
        "atexit.register(lambda: print('PEAK_RSS_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)); run(sys.argv[1:])")


def run_cli(corpus: Path, curated: Path, processes: int, env: dict) -> dict:
    """`citycoop ingest` in a fresh process. Peak RSS: the CLI process itself, and the
    largest of its child processes (Dask workers; Prefect's temporary server too)."""
    runner = ["--runner", "dask", "--workers", str(processes)] if processes > 1 else ["--runner", "local"]
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _CLI, "ingest", "--raw", str(corpus), "--curated", str(curated),
                           "--quiet", *runner], capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"ingest failed: {proc.stderr}")
    own, children = (int(x) / 1024 for x in re.search(r"PEAK_RSS_KB (\d+) (\d+)", proc.stderr).groups())
    return {"seconds": seconds, "peak_rss_mb": own, "children_rss_mb": children}


@contextmanager
def prefect_server(enabled: bool):
    """A real `prefect server start` on a free local port, or nothing (each run then
    starts Prefect's temporary server)."""
    env = dict(os.environ)
    if not enabled:
        yield env
        return
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    home = Path(tempfile.mkdtemp(prefix="citycoop-prefect-"))
    env.update({"PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
                "PREFECT_SERVER_LOGGING_LEVEL": "ERROR"})
    server = subprocess.Popen([sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                               "--port", str(port)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/api"
    try:
        for _ in range(240):
            try:
                urllib.request.urlopen(url + "/health", timeout=1)
                break
            except OSError:
                time.sleep(0.5)
        else:
            raise SystemExit("prefect server did not start")
        yield {**env, "PREFECT_API_URL": url}
    finally:
        server.terminate()
        server.wait(30)
        shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--processes", type=int, default=os.cpu_count() or 1,
                    help="processes for both the bare pass (n_process) and the ingest (Dask workers)")
    ap.add_argument("--with-server", action="store_true", help="run against one real Prefect server")
    ap.add_argument("--memory-pages", type=int, default=0, help="also a full run on this many pages, for RSS")
    ap.add_argument("--repeat", type=int, default=1,
                    help="rounds of bare pass, full ingest and re-runs; the medians of their ratios are reported")
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    ap.add_argument("--phase", choices=["bare"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.phase == "bare":
        print(json.dumps(phase_bare(args.corpus, args.processes)))
        return

    corpus = args.out / f"corpus_{args.pages}"
    curated = args.out / f"curated_{args.pages}"
    rounds: list[dict[str, dict]] = []
    big = None
    with prefect_server(args.with_server) as env:
        for r in range(args.repeat):
            rounds.append(measure_round(corpus, curated, args.pages, args.processes, env, seed=r + 1))
        if args.memory_pages:
            big_corpus, big_curated = args.out / f"corpus_{args.memory_pages}", args.out / f"curated_{args.memory_pages}"
            build_corpus(big_corpus, args.memory_pages)
            shutil.rmtree(big_curated, ignore_errors=True)
            big = run_cli(big_corpus, big_curated, args.processes, env)
    report(rounds, big, args)


def measure_round(corpus: Path, curated: Path, pages: int, processes: int, env: dict, seed: int) -> dict[str, dict]:
    """One bare pass and one full ingest of the same fresh corpus, back to back, then the
    no-change and 1%-changed re-runs: the ratios of one round share the machine's mood."""
    paths = build_corpus(corpus, pages)
    shutil.rmtree(curated, ignore_errors=True)
    bare = json.loads(subprocess.run([sys.executable, __file__, "--phase", "bare", "--corpus", str(corpus),
                                      "--processes", str(processes)],
                                     capture_output=True, text=True, check=True).stdout)
    full = run_cli(corpus, curated, processes, env)
    nochange = run_cli(corpus, curated, processes, env)
    for p in random.Random(seed).sample(paths, k=max(1, len(paths) // 100)):
        p.write_text(p.read_text(encoding="utf-8") + "\nUpdated: the City of Graz joined in 2025.\n", encoding="utf-8")
    changed = run_cli(corpus, curated, processes, env)
    return {"bare": bare, "full": full, "nochange": nochange, "changed": changed}


def ratios(rnd: dict[str, dict]) -> tuple[float, float, float]:
    full = rnd["full"]["seconds"]
    return rnd["bare"]["seconds"] / full, rnd["nochange"]["seconds"] / full, rnd["changed"]["seconds"] / full


def report(rounds: list[dict[str, dict]], big: dict | None, args: argparse.Namespace) -> None:
    """The phase table of the round with the median throughput ratio, each round's ratios,
    and the medians (one run on a shared machine can be off by a tenth either way)."""
    ordered = sorted(rounds, key=lambda r: ratios(r)[0])
    mid = ordered[len(ordered) // 2]
    bare, full, nochange, changed = mid["bare"], mid["full"], mid["nochange"], mid["changed"]
    docs, words = bare["docs"], bare["words"]
    rows = [("bare spaCy", bare), ("citycoop ingest (full)", full), ("re-run, no change", nochange),
            ("re-run, 1% changed", changed)]
    if big:
        rows.append((f"ingest {args.memory_pages} pages", big))
    server = "one real Prefect server" if args.with_server else "Prefect's temporary server per run"
    print(f"corpus: {docs} pages, {words} tokens; {args.processes} process(es); {server} "
          f"(python {sys.version.split()[0]}); {len(rounds)} round(s)")
    print(f"{'phase':26} {'seconds':>8} {'docs/s':>8} {'words/s':>9} {'RSS MB':>7} {'child RSS MB':>13}")
    for name, r in rows:
        n_docs = args.memory_pages if r is big else docs
        print(f"{name:26} {r['seconds']:8.1f} {n_docs / r['seconds']:8.1f} {words / r['seconds'] if r is not big else 0:9.0f} "
              f"{r['peak_rss_mb']:7.0f} {r['children_rss_mb']:13.0f}")
    if len(rounds) > 1:
        for i, rnd in enumerate(rounds, 1):
            t, n, c = ratios(rnd)
            print(f"round {i}: bare {rnd['bare']['seconds']:.1f} s, ingest {rnd['full']['seconds']:.1f} s, "
                  f"no change {rnd['nochange']['seconds']:.1f} s, 1% changed {rnd['changed']['seconds']:.1f} s: "
                  f"{t:.2f}x, {n:.1%}, {c:.1%}")
    all_ratios = [ratios(r) for r in rounds]
    t, n, c = (statistics.median(x[k] for x in all_ratios) for k in range(3))
    label = "median " if len(rounds) > 1 else ""
    print(f"{label}throughput ingest/bare spaCy: {t:.2f}x")
    print(f"{label}no-change re-run / full run:  {n:.1%}")
    print(f"{label}1%-changed re-run / full run: {c:.1%}")
    if big:
        print(f"peak RSS {args.memory_pages} / {docs} pages: process {big['peak_rss_mb'] / full['peak_rss_mb']:.2f}x, "
              f"largest child {big['children_rss_mb'] / full['children_rss_mb']:.2f}x")


if __name__ == "__main__":
    main()
