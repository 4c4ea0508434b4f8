"""Extraction quality on every gold set in tests/gold, as Markdown tables.

    python benchmarks/quality.py [--sets sample dev heldout]

Each set is ingested with the real flow into a temporary folder and scored with
`citycoop.evaluate` (same matching rules as the dev-set scorer). The numbers in
docs/quality.md come from this script.

  sample   the five dev-set pages in raw/ (expert gold, copied from the dev set)
  dev      ten composed pages, used to tune the rules
  dev2     twelve composed pages varying how cooperation is stated (tuned on after a first measure)
  dev3     twelve composed pages in other formats (twin-town lists, fact sheets, partner
           tables, news briefs); measured untuned first, then used for tuning
  dev4     ten composed pages whose partners are organisations, regional governments and
           cities that read as person names; measured untuned first, then used for tuning
  heldout  ten composed pages never looked at while tuning: the honest figure
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from citycoop.evaluate import evaluate

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold"
# every composed set is tests/gold/<name>/{raw,gold}; the sample's pages are raw/ itself
SETS = {"sample": (ROOT / "raw", GOLD / "sample")} | {
    d.name: (d / "raw", d / "gold") for d in sorted(GOLD.iterdir()) if (d / "raw").is_dir()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", default=["sample", "dev", "heldout"], choices=sorted(SETS))
    args = ap.parse_args()
    for name in args.sets:
        raw, gold = SETS[name]
        if not any(gold.glob("*.json")):  # an empty set would print a perfect score
            print(f"\n### {name}: no gold pages, skipped", file=sys.stderr)
            continue
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([sys.executable, "-m", "citycoop", "ingest", "--raw", str(raw), "--curated", tmp,
                            "--quiet"], check=True, capture_output=True)
            scores = evaluate(Path(tmp), gold)
        print(f"\n### {name} ({len(list(gold.glob('*.json')))} pages)\n")
        print("| field | P | R | F1 | tp | fp | fn |\n|---|---|---|---|---|---|---|")
        for field, s in scores.items():
            print(f"| {field} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.tp} | {s.fp} | {s.fn} |")


if __name__ == "__main__":
    main()
