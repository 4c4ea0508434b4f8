"""notebooks/explore.ipynb, executed for real (nbclient, a kernel on this venv's Python) on
the tables of a real ingest run: it must run cleanly and its answers must match the data."""
from __future__ import annotations

import base64
import json
import re
import sys
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from .conftest import ROOT

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

NOTEBOOK = ROOT / "notebooks" / "explore.ipynb"
KERNEL = "citycoop-test-venv"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def kernel_dir(tmp_path_factory) -> Path:
    """A kernelspec that runs ipykernel on this very interpreter, so the notebook sees the
    venv's packages whatever other 'python3' kernels the machine has."""
    d = tmp_path_factory.mktemp("kernels")
    (d / KERNEL).mkdir()
    (d / KERNEL / "kernel.json").write_text(json.dumps({
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "citycoop tests", "language": "python"}))
    return d


@pytest.fixture(scope="module")
def empty_run(prefect_server, tmp_path_factory) -> Path:
    """A real run on an empty raw folder: every table exists and has no rows."""
    from flows.ingest import ingest

    raw = tmp_path_factory.mktemp("raw_empty")
    curated = tmp_path_factory.mktemp("curated_empty")
    ingest(raw=str(raw), curated=str(curated), quiet=True)
    return curated


def execute(curated: Path, kernel_dir: Path, monkeypatch) -> "nbformat.NotebookNode":
    """Run every cell (in the notebook's folder, as Jupyter does); a cell error raises."""
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager

    monkeypatch.setenv("CITYCOOP_CURATED", str(curated))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    km = KernelManager(kernel_name=KERNEL, kernel_spec_manager=KernelSpecManager(kernel_dirs=[str(kernel_dir)]))
    assert km.kernel_spec.argv[0] == sys.executable
    nbclient.NotebookClient(nb, km=km, timeout=300, resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    return nb


def cell(nb, tag: str):
    found = [c for c in nb.cells if tag in c.metadata.get("tags", [])]
    assert len(found) == 1, f"one cell tagged {tag!r} expected"
    return found[0]


def stdout(c) -> str:
    return "".join(o.text for o in c.outputs if o.output_type == "stream" and o.name == "stdout")


def pngs(c) -> list[bytes]:
    return [base64.b64decode(o.data["image/png"]) for o in c.outputs if "image/png" in o.get("data", {})]


def read(curated: Path, table: str) -> list[dict]:
    return pq.read_table(curated / table).to_pylist()


@pytest.fixture(scope="module")
def sample_nb(sample_run, kernel_dir):
    with pytest.MonkeyPatch.context() as mp:
        return execute(sample_run[0], kernel_dir, mp)


def test_notebook_is_stored_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(c.outputs == [] and c.execution_count is None for c in code)
    assert nb.metadata.kernelspec.name == "python3"


def test_row_counts_match_the_parquet_files(sample_run, sample_nb):
    curated = sample_run[0]
    text = cell(sample_nb, "row-counts").outputs[0].data["text/plain"]
    shown = {m[1]: int(m[2]) for m in re.finditer(r"^(\w+)\s+(\d+)$", text, re.M)}
    expected = {d.name: sum(pq.ParquetFile(p).metadata.num_rows for p in d.glob("*.parquet"))
                for d in curated.iterdir() if d.is_dir() and not d.name.startswith((".", "_"))}
    assert shown == expected
    assert shown["documents"] == 5 and shown["partner_links"] > 0


def _geonames_names(curated) -> dict[int, str]:
    names: dict[int, str] = {}
    for c in read(curated, "cities"):
        if c["geonames_id"] is not None:
            names[c["geonames_id"]] = min(names.get(c["geonames_id"], c["name"]), c["name"])
    return names


def test_top_linked_cities_are_the_real_ones(sample_run, sample_nb):
    links = read(sample_run[0], "partner_links")
    name = _geonames_names(sample_run[0])  # a city counts under its GeoNames name, whatever a page calls it
    ends = Counter([name.get(l["source_geonames_id"], l["source_name"]) for l in links if l["source_type"] == "city"] +
                   [name.get(l["target_geonames_id"], l["target_name"]) for l in links if l["target_type"] == "city"])
    lines = stdout(cell(sample_nb, "top-linked-cities")).splitlines()
    assert lines[0].split() == ["city", "links", "partners", "pages"]
    rows = [re.fullmatch(r"\s*(.+?)\s+(\d+)\s+(\d+)\s+(\d+)", l).groups() for l in lines[1:]]
    assert rows, "no city printed"
    assert {city: int(n) for city, n, _, _ in rows} == {c: ends[c] for c, _, _, _ in rows}
    top_city, top_n = sorted(ends.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    assert rows[0][0] == top_city and int(rows[0][1]) == top_n


def test_funding_and_countries_answers_name_the_data(sample_run, sample_nb):
    funders = {f["funder"] for f in read(sample_run[0], "funding") if f["funder"]}
    assert funders, "the sample pages name funders"
    out = stdout(cell(sample_nb, "funding-by-year"))
    assert all(f in out for f in funders)
    per_country = stdout(cell(sample_nb, "cities-per-country"))
    italian = {c["name"] for c in read(sample_run[0], "cities") if c["country_code"] == "IT"}
    it_line = next(l for l in per_country.splitlines() if l.startswith("IT "))
    assert it_line.split()[1:3] == ["Italy", str(len(italian))]


def test_map_and_network_are_drawn(sample_run, sample_nb):
    for tag in ("city-map", "partner-network"):
        images = pngs(cell(sample_nb, tag))
        assert len(images) == 1, tag
        assert images[0].startswith(PNG_MAGIC) and len(images[0]) > 10_000, tag
    links = read(sample_run[0], "partner_links")
    name = _geonames_names(sample_run[0])
    names = {name.get(l["source_geonames_id"], l["source_name"]) for l in links} | \
        {name.get(l["target_geonames_id"], l["target_name"]) for l in links}
    clusters = re.findall(r"^cluster \d+ \((\d+)\): (.+)$", stdout(cell(sample_nb, "partner-network")), re.M)
    listed = [n for _, members in clusters for n in members.split(", ")]
    assert sorted(listed) == sorted(names)  # every partner in exactly one cluster
    assert all(int(size) == len(members.split(", ")) for size, members in clusters)


def test_notebook_runs_on_empty_tables(empty_run, kernel_dir, monkeypatch):
    nb = execute(empty_run, kernel_dir, monkeypatch)
    for tag in ("city-map", "partner-network"):
        assert pngs(cell(nb, tag)) == []
        assert "nothing to draw" in stdout(cell(nb, tag))
    assert stdout(cell(nb, "top-linked-cities")).strip() == "no partner links yet"


def test_missing_tables_is_a_clear_error(tmp_path, kernel_dir, monkeypatch):
    with pytest.raises(nbclient.exceptions.CellExecutionError, match="run `citycoop ingest` first"):
        execute(tmp_path, kernel_dir, monkeypatch)
