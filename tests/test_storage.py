"""The curated store: atomic commits, recovery after a crash, one writer at a time."""
from __future__ import annotations

import json

import pyarrow as pa
import pytest

from citycoop.schema import TABLES, to_table
from citycoop.storage import JOURNAL, STAGING, Store, StoreLocked


def _docs(*ids: str) -> pa.Table:
    from datetime import datetime, timezone

    now = datetime(2024, 1, 1, tzinfo=timezone.utc)
    return to_table("documents", [{"doc_id": i, "source": f"{i}.txt", "content_sha256": i * 4, "n_bytes": 1,
                                   "n_chars": 1, "content_type": "text", "encoding": "utf-8", "language": "en",
                                   "text": "x", "ingested_at": now, "run_id": "r", "extractor_version": "v"}
                                  for i in ids])


def test_commit_makes_staged_parts_visible_and_every_table_readable(tmp_path):
    store = Store(tmp_path)
    store.stage("run1", "documents", "part-a.parquet", _docs("d1", "d2"))
    store.commit("run1", [], {})
    assert store.read("documents").column("doc_id").to_pylist() == ["d1", "d2"]
    for name in TABLES:  # tables with no rows still exist, with their schema
        assert store.read(name).schema.names == TABLES[name].names
        assert list((tmp_path / name).glob("*.parquet"))
    assert not (tmp_path / JOURNAL).exists() and not (tmp_path / STAGING / "run1").exists()


def test_filtered_rewrite_drops_only_the_given_documents(tmp_path):
    store = Store(tmp_path)
    store.stage("run1", "documents", "part-a.parquet", _docs("d1", "d2", "d3"))
    store.commit("run1", [], {})
    assert store.stage_filtered("run2", "part-a.parquet", {"d2"})
    store.commit("run2", [], {})
    assert store.read("documents").column("doc_id").to_pylist() == ["d1", "d3"]


def test_a_commit_interrupted_after_its_journal_is_finished_by_recover(tmp_path):
    store = Store(tmp_path)
    store.stage("run1", "documents", "part-a.parquet", _docs("d1"))
    store.commit("run1", [], {})
    # run2 staged a replacement and wrote its journal, then died before applying it
    store.stage("run2", "documents", "part-b.parquet", _docs("d2"))
    plan = {"run_id": "run2", "deletes": [str(tmp_path / "documents" / "part-a.parquet")],
            "moves": [[str(tmp_path / STAGING / "run2" / "documents" / "part-b.parquet"),
                       str(tmp_path / "documents" / "part-b.parquet")]]}
    (tmp_path / JOURNAL).write_text(json.dumps(plan))
    assert store.read("documents").column("doc_id").to_pylist() == ["d1"]  # old state still readable
    assert store.recover() == "run2"
    assert store.read("documents").column("doc_id").to_pylist() == ["d2"]
    assert not (tmp_path / JOURNAL).exists()


def test_a_run_that_died_before_its_journal_leaves_the_tables_as_they_were(tmp_path):
    store = Store(tmp_path)
    store.stage("run1", "documents", "part-a.parquet", _docs("d1"))
    store.commit("run1", [], {})
    store.stage("run2", "documents", "part-b.parquet", _docs("d2"))  # never committed
    (tmp_path / f".{JOURNAL}.tmp").write_text('{"run_id": "run2", "mov')  # torn journal write
    assert store.recover() is None
    assert store.read("documents").column("doc_id").to_pylist() == ["d1"]
    assert not (tmp_path / STAGING).exists()


def test_second_writer_is_refused(tmp_path):
    store = Store(tmp_path)
    with store.lock():
        with pytest.raises(StoreLocked, match="another citycoop run"):
            with Store(tmp_path).lock():
                pass
    with Store(tmp_path).lock():  # released again
        pass


def test_schema_violations_name_the_table_and_column():
    with pytest.raises(ValueError, match="table years: column text is null in row 0"):
        to_table("years", [{"doc_id": "d", "year": 2020, "date": None, "role": None, "text": None,
                            "start": 0, "end": 4, "evidence": "x"}])
    with pytest.raises(ValueError, match="table years: column year in row 0 is 'twenty'"):
        to_table("years", [{"doc_id": "d", "year": "twenty", "date": None, "role": None, "text": "x",
                            "start": 0, "end": 4, "evidence": "x"}])


@pytest.mark.parametrize("table,row,message", [
    ("years", {"year": 1850}, "column year in row 0 is 1850, not a year from 1900 to 2099"),
    ("countries", {"country_code": "EU"}, "column country_code in row 0 is 'EU', not an ISO 3166-1 alpha-2 code"),
    ("funding", {"amount": -5.0}, "column amount in row 0 is -5.0, not not negative"),
    ("funding", {"share_pct": 120.0}, "column share_pct in row 0 is 120.0, not a percentage"),
    ("years", {"year": 2020, "start": 5, "end": 50}, "span start/end in row 0 is 5-50, outside the document's 10"),
])
def test_value_checks_name_table_column_and_row(table, row, message):
    from citycoop.schema import SchemaViolation, validate

    with pytest.raises(SchemaViolation, match=f"table {table}: " + message.replace("(", r"\(")):
        validate(table, [{"doc_id": "d", "start": 0, "end": 1, **row}], {"d": 10})
