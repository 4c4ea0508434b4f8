"""Partner links a gold set expects and the pipeline misses, and links it adds, per page.

    python benchmarks/link_diff.py --curated DIR --gold tests/gold/dev6/gold

For tuning on development sets only: reading a held-out set's differences spends it.
"""
from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from citycoop.evaluate import _read, key, keys, pair_fits


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--curated", type=Path, required=True)
    ap.add_argument("--gold", type=Path, required=True)
    args = ap.parse_args()
    docs = {Path(d["source"]).name: d["doc_id"] for d in _read(args.curated, "documents")}
    links = defaultdict(list)
    for row in _read(args.curated, "partner_links"):
        links[row["doc_id"]].append(row)
    for path in sorted(args.gold.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        rows = links.get(docs.get(gold["source"], ""), [])
        required = [(keys(*g["a"]), keys(*g["b"]), g) for g in gold.get("links", [])]
        optional = [(keys(*g["a"]), keys(*g["b"]), g) for g in gold.get("links_optional", [])]
        pred = [(keys(r["source_name"]), keys(r["target_name"]), r) for r in rows]

        missed = [g for g in required if not any(pair_fits(a, b, g) for a, b, _ in pred)]
        extra = [r for a, b, r in pred if not any(pair_fits(a, b, g) for g in required + optional)]
        if not missed and not extra:
            continue
        print(f"\n== {gold['source']}")
        for _, _, g in missed:
            print(f"  MISS {g['a'][0]} -- {g['b'][0]}   | {g.get('text', '')[:150]}")
        seen = set()
        for r in extra:
            k = frozenset((key(r["source_name"]), key(r["target_name"])))
            if k not in seen:
                seen.add(k)
                print(f"  EXTRA {r['source_name']} -- {r['target_name']} [{r['relation']}] "
                      f"| {r['evidence'][:150]}")


if __name__ == "__main__":
    main()
