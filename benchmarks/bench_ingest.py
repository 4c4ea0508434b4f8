"""Benchmark: citycoop ingest end to end against a bare spaCy pass, in the same run.

    python benchmarks/bench_ingest.py [--pages 2000] [--out benchmarks/out]

Builds a corpus of N pages by recombining the paragraphs of the sample pages in raw/
(with varied years and amounts; seeded, no network), then measures, each in its own
subprocess so peak RSS is per phase:
  bare      spaCy nlp.pipe over the same texts, same components and settings
  full      `citycoop ingest` into an empty curated folder (Prefect's temporary server included)
  nochange  the same command again, nothing changed
  changed1  after editing 1% of the pages
and prints docs/s, words/s, peak RSS and the ratios against the bare pass and the
full run. The machine is shared and noisy: compare ratios, not absolute times.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_corpus(out: Path, pages: int, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    paragraphs = [p.strip() for f in sorted((ROOT / "raw").glob("*.txt"))
                  for p in f.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 40]
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


def phase_bare(corpus: Path) -> dict:
    """spaCy alone: the floor the pipeline is measured against."""
    from citycoop.config import Settings
    from citycoop.nlp import load_nlp
    from citycoop.sources import normalise

    settings = Settings.from_env()
    nlp = load_nlp(settings.model)
    texts = [normalise(p.read_text(encoding="utf-8")) for p in sorted(corpus.glob("*.txt"))]
    t0 = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=settings.nlp_batch_size, n_process=settings.n_process))
    return {"seconds": time.perf_counter() - t0, "docs": len(texts), "words": words, "peak_rss_mb": peak_rss_mb()}


_CLI = ("import json, resource, sys; from citycoop.cli import main; rc = main(sys.argv[1:]); "
        "print('PEAK_RSS_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(rc)")


def run_cli(corpus: Path, curated: Path) -> dict:
    """`citycoop ingest` in a fresh process; peak RSS is that process's own (the
    temporary Prefect server runs in a process of its own and is not counted)."""
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", _CLI, "ingest", "--raw", str(corpus), "--curated", str(curated),
                           "--quiet"], capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"ingest failed: {proc.stderr}")
    peak = int(re.search(r"PEAK_RSS_KB (\d+)", proc.stderr).group(1)) / 1024
    return {"seconds": seconds, "peak_rss_mb": peak}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    ap.add_argument("--phase", choices=["bare"], help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.phase == "bare":
        print(json.dumps(phase_bare(args.corpus)))
        return

    corpus = args.out / f"corpus_{args.pages}"
    curated = args.out / f"curated_{args.pages}"
    paths = build_corpus(corpus, args.pages)
    shutil.rmtree(curated, ignore_errors=True)
    bare = json.loads(subprocess.run([sys.executable, __file__, "--phase", "bare", "--corpus", str(corpus)],
                                     capture_output=True, text=True, check=True).stdout)
    full = run_cli(corpus, curated)
    nochange = run_cli(corpus, curated)
    for p in random.Random(1).sample(paths, k=max(1, len(paths) // 100)):
        p.write_text(p.read_text(encoding="utf-8") + "\nUpdated: the City of Graz joined in 2025.\n", encoding="utf-8")
    changed = run_cli(corpus, curated)

    docs, words = bare["docs"], bare["words"]
    rows = [("bare spaCy", bare), ("citycoop ingest (full)", full), ("re-run, no change", nochange),
            ("re-run, 1% changed", changed)]
    print(f"corpus: {docs} pages, {words} tokens (python {sys.version.split()[0]})")
    print(f"{'phase':26} {'seconds':>8} {'docs/s':>8} {'words/s':>9} {'peak RSS MB':>12}")
    for name, r in rows:
        print(f"{name:26} {r['seconds']:8.1f} {docs / r['seconds']:8.1f} {words / r['seconds']:9.0f} {r['peak_rss_mb']:12.0f}")
    print(f"throughput ingest/bare spaCy: {bare['seconds'] / full['seconds']:.2f}x")
    print(f"no-change re-run / full run:  {nochange['seconds'] / full['seconds']:.1%}")
    print(f"1%-changed re-run / full run: {changed['seconds'] / full['seconds']:.1%}")


if __name__ == "__main__":
    main()
