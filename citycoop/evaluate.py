"""Score curated tables against gold annotations (one JSON per page, the devset format:
cities / countries / years / funding / links, each with an *_optional list that is
neither rewarded nor penalised).

Matching is per document and on sets: a predicted city matches a gold city when one
of its names or page spellings equals one of the gold aliases after normalisation
('City of Torino' = 'Torino'); links are unordered pairs; a funding amount matches
within 1 % and the same currency, a share within half a point.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyarrow.dataset as ds

from extractors.text import name_key

_ADMIN = re.compile(r"^(?:the )?(?:city|municipality|town|comune|ville|ciudad|metropolitan city) of ")


def key(name: str) -> str:
    k = _ADMIN.sub("", name_key(name))
    return re.sub(r" (?:city|municipality)$", "", k)


def keys(*names: str) -> set[str]:
    """Keys of names, splitting GeoNames dual names ('Donostia / San Sebastián')."""
    out = set()
    for n in names:
        for part in [n, *str(n).split("/")]:
            if k := key(part):
                out.add(k)
    return out


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp, self.fp, self.fn = self.tp + tp, self.fp + fp, self.fn + fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _alias_sets(items: list) -> list[set[str]]:
    out = []
    for it in items:
        if isinstance(it, dict):
            out.append(keys(it.get("name", ""), *it.get("aliases", [])))
        elif isinstance(it, str):
            out.append(keys(it))
        else:
            out.append(keys(*it))
    return out


def match_sets(preds: list[set[str]], gold: list[set[str]], optional: list[set[str]]) -> tuple[int, int, int, dict[int, int]]:
    """Greedy one-to-one matching; a prediction that only repeats a matched or optional
    gold item counts neither way. Returns tp, fp, fn and pred index -> gold index."""
    used: dict[int, int] = {}
    fp = 0
    for i, p in enumerate(preds):
        hit = next((g for g, aliases in enumerate(gold) if g not in used.values() and p & aliases), None)
        if hit is not None:
            used[i] = hit
        elif not any(p & a for a in gold + optional):
            fp += 1
    return len(used), fp, len(gold) - len(used), used


def _read(curated: Path, table: str) -> list[dict]:
    path = curated / table
    if not path.exists():
        path = curated / f"{table}.parquet"
    return ds.dataset(str(path), format="parquet").to_table().to_pylist()


def evaluate(curated: Path, gold_dir: Path) -> dict[str, Score]:
    docs = {Path(d["source"]).name: d["doc_id"] for d in _read(curated, "documents")}
    by_doc: dict[str, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for table in ("cities", "countries", "years", "funding", "partner_links"):
        for row in _read(curated, table):
            by_doc[row["doc_id"]][table].append(row)
    scores = {k: Score() for k in ("cities", "cities_with_country", "countries", "years", "funding", "partner_links")}
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        rows = by_doc.get(docs.get(gold["source"], ""), {})
        _score_cities(scores, gold, rows.get("cities", []))
        _score_codes(scores["countries"], {r["country_code"] for r in rows.get("countries", [])},
                     set(gold.get("countries", [])), set(gold.get("countries_optional", [])))
        _score_codes(scores["years"], {r["year"] for r in rows.get("years", [])},
                     set(gold.get("years", [])), set(gold.get("years_optional", [])))
        _score_funding(scores["funding"], gold.get("funding", []), rows.get("funding", []))
        _score_links(scores["partner_links"], gold, rows.get("partner_links", []))
    return scores


def _score_cities(scores: dict[str, Score], gold: dict, rows: list[dict]) -> None:
    merged: dict[str, tuple[set[str], str | None]] = {}
    for r in rows:
        names, cc = merged.setdefault(key(r["name"]), (set(), r["country_code"]))
        names |= keys(r["name"], *(r.get("surface_forms") or []))
    preds = list(merged.values())
    gold_sets = _alias_sets(gold.get("cities", []))
    tp, fp, fn, pairs = match_sets([p for p, _ in preds], gold_sets, _alias_sets(gold.get("cities_optional", [])))
    scores["cities"].add(tp, fp, fn)
    right = sum(1 for i, g in pairs.items() if (preds[i][1] or "").upper() == gold["cities"][g]["country"].upper())
    scores["cities_with_country"].add(right, fp + (tp - right), len(gold_sets) - right)


def _score_codes(score: Score, pred: set, gold: set, optional: set) -> None:
    score.add(len(pred & gold), len(pred - gold - optional), len(gold - pred))


def _score_funding(score: Score, gold: list[dict], rows: list[dict]) -> None:
    used: set[int] = set()
    tp = fp = 0
    for r in {(r["amount"], r["currency"], r["share_pct"]): r for r in rows}.values():
        def fits(g: dict) -> bool:
            if g.get("amount") is not None and r["amount"] is not None:
                return (r["currency"] or "") == g.get("currency") and abs(r["amount"] - g["amount"]) <= 0.01 * g["amount"]
            if g.get("share_pct") is not None and r["share_pct"] is not None:
                return abs(r["share_pct"] - g["share_pct"]) <= 0.5
            return False
        hit = next((i for i, g in enumerate(gold) if i not in used and fits(g)), None)
        if hit is None:
            fp += 1
        else:
            used.add(hit)
            tp += 1
    score.add(tp, fp, len(gold) - len(used))


def pair_fits(a: set[str], b: set[str], pair: tuple[set[str], set[str]]) -> bool:
    """An unordered pair of name keys (a, b) against a gold pair of alias-key sets."""
    return bool((a & pair[0] and b & pair[1]) or (a & pair[1] and b & pair[0]))


def _score_links(score: Score, gold: dict, rows: list[dict]) -> None:
    def pair_sets(items: list[dict]) -> list[tuple[set[str], set[str]]]:
        return [(keys(*l["a"]), keys(*l["b"])) for l in items]
    required, optional = pair_sets(gold.get("links", [])), pair_sets(gold.get("links_optional", []))
    used: set[int] = set()
    tp = fp = 0
    seen = set()
    for r in rows:
        a, b = keys(r["source_name"]), keys(r["target_name"])
        if frozenset((key(r["source_name"]), key(r["target_name"]))) in seen:
            continue
        seen.add(frozenset((key(r["source_name"]), key(r["target_name"]))))

        hit = next((i for i, p in enumerate(required) if i not in used and pair_fits(a, b, p)), None)
        if hit is not None:
            used.add(hit)
            tp += 1
        elif not any(pair_fits(a, b, p) for p in required + optional):
            fp += 1
    score.add(tp, fp, len(required) - len(used))


def format_scores(scores: dict[str, Score]) -> str:
    lines = [f"{'field':22} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for name, s in scores.items():
        lines.append(f"{name:22} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f} {s.tp:5} {s.fp:5} {s.fn:5}")
    return "\n".join(lines)
