"""`citycoop report` and the Markdown summary, on the tables of real ingest runs: the
sample pages, then a second run that adds a page and three files that get rejected
(one with markup in its name), so there is a run history, new cities and rejections."""
from __future__ import annotations

import base64
import io
import os
import re
import shutil
import subprocess
import sys
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from citycoop.report import build_report, load, new_cities, summary_markdown, write_report

from .conftest import RAW, ROOT

pytestmark = pytest.mark.slow

NEW_PAGE = "lyon_montreal.txt"
HOSTILE = "<img src=x onerror=alert(1)>.txt"  # a file name is data too
CHROMIUM = Path("/usr/bin/chromium")
HEADINGS = ["Tables", "Runs", "New cities since the last run", "Rejected pages", "City map", "Partner network"]


@pytest.fixture(scope="module")
def second_run(sample_run, tmp_path_factory) -> Path:
    """The sample run's tables, updated by a run that adds one page (Lyon, already named
    on a sample page, with Montréal and Kraków) and three files that are rejected."""
    from flows.ingest import ingest

    base = tmp_path_factory.mktemp("second")
    raw, curated = base / "raw", base / "curated"
    shutil.copytree(RAW, raw)
    shutil.copytree(sample_run[0], curated)
    (raw / NEW_PAGE).write_text("The City of Lyon (FR) and the City of Montreal (CA) signed a cooperation "
                                "agreement in 2021 under the IURC programme. Lyon also works with Kraków on "
                                "urban mobility.\n", encoding="utf-8")
    (raw / "empty.txt").write_bytes(b"")
    (raw / "blob.txt").write_bytes(bytes(range(256)) * 8)
    (raw / HOSTILE).write_bytes(b"   \n")
    ingest(raw=str(raw), curated=str(curated), quiet=True)
    return curated


@pytest.fixture(scope="module")
def empty_run(prefect_server, tmp_path_factory) -> Path:
    """A real run on an empty raw folder: every table exists and has no rows."""
    from flows.ingest import ingest

    curated = tmp_path_factory.mktemp("curated_empty")
    ingest(raw=str(tmp_path_factory.mktemp("raw_empty")), curated=str(curated), quiet=True)
    return curated


@pytest.fixture(scope="module")
def report(second_run) -> str:
    return build_report(second_run)


def rows(curated: Path, table: str) -> list[dict]:
    return pq.read_table(curated / table).to_pylist()


def counts(curated: Path) -> dict[str, int]:
    return {d.name: sum(pq.ParquetFile(p).metadata.num_rows for p in d.glob("*.parquet"))
            for d in curated.iterdir() if d.is_dir() and not d.name.startswith((".", "_"))}


def section(html_text: str, anchor: str) -> str:
    """The HTML between one <h2 id=...> and the next heading."""
    start = html_text.index(f'<h2 id="{anchor}">')
    end = html_text.find("<h2", start + 1)
    return html_text[start:end if end > 0 else None]


def city_sets(curated: Path) -> tuple[set[str], set[str]]:
    """Names of cities on the new page, and on every other page (read independently)."""
    source = {d["doc_id"]: d["source"] for d in rows(curated, "documents")}
    new, other = set(), set()
    for c in rows(curated, "cities"):
        (new if source[c["doc_id"]] == NEW_PAGE else other).add(c["name"])
    return new, other


class Refs(HTMLParser):
    """Every src/href in the page, and the text of each heading."""

    def __init__(self) -> None:
        super().__init__()
        self.refs, self.headings, self._h = [], [], False

    def handle_starttag(self, tag, attrs):
        self.refs += [(tag, v) for k, v in attrs if k in ("src", "href")]
        self._h = tag in ("h1", "h2")
        if tag in ("script", "link", "iframe", "object"):
            self.refs.append((tag, "<" + tag + ">"))

    def handle_endtag(self, tag):
        self._h = False

    def handle_data(self, data):
        if self._h:
            self.headings.append(data.strip())


def parse(html_text: str) -> Refs:
    p = Refs()
    p.feed(html_text)
    return p


# ---------------------------------------------------------------- HTML content
def test_row_counts_match_the_parquet_tables(second_run, report):
    tables = section(report, "tables")
    expected = counts(second_run)
    assert expected["documents"] == 6 and expected["rejected"] == 3
    for table, n in expected.items():
        assert f'<tr><td>{table}</td><td class="num">{n}</td></tr>' in tables
    assert tables.count("<tr><td>") == len(expected)


def test_run_history_lists_every_run_latest_first(second_run, report):
    runs = sorted(rows(second_run, "runs"), key=lambda r: r["started_at"], reverse=True)
    assert len(runs) == 2
    text = section(report, "runs")
    positions = [text.index(r["run_id"]) for r in runs]
    assert positions == sorted(positions)
    latest = runs[0]
    cells = [latest["pages_seen"], latest["added"], latest["updated"], latest["removed"], latest["unchanged"],
             latest["rejected"]]
    assert "".join(f'<td class="num">{v}</td>' for v in cells) in text
    assert latest["pages_seen"] == 9 and latest["rejected"] == 3


def test_new_cities_are_those_no_earlier_page_names(second_run, report):
    on_new_page, elsewhere = city_sets(second_run)
    assert "Lyon" in on_new_page and "Lyon" in elsewhere, "precondition: Lyon is on a sample page too"
    expected = on_new_page - elsewhere
    assert expected, "precondition: the new page names cities the sample pages do not"
    text = section(report, "new-cities")
    shown = set(re.findall(r"<tr><td>([^<]+)</td>", text))
    assert shown == {escape(c) for c in expected}
    assert "<td>Lyon</td>" not in text
    assert text.count(f"<td>{NEW_PAGE}</td>") == len(expected)


def test_after_the_first_run_every_city_is_new(sample_run):
    data = load(sample_run[0])
    assert {c["name"] for c in new_cities(data)} == {c["name"] for c in rows(sample_run[0], "cities")}
    assert "first run: every city is new" in build_report(sample_run[0])


def test_rejected_pages_show_reasons_and_escape_names(second_run, report):
    text = section(report, "rejected")
    rejected = rows(second_run, "rejected")
    assert {r["reason"] for r in rejected} >= {"empty", "binary"}
    for r in rejected:
        assert f"<td>{escape(r['source'])}</td><td>{escape(r['reason'])}</td><td>{escape(r['detail'])}</td>" in text
    assert HOSTILE not in report and escape(HOSTILE) in text
    assert "Rejected pages (3)" in text


def test_page_is_self_contained_with_two_real_images(report):
    page = parse(report)
    assert page.refs and all(v.startswith("data:image/png;base64,") for _, v in page.refs), page.refs
    assert not re.search(r"(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}/", report.replace("<!DOCTYPE html>", ""))
    from PIL import Image

    for _, uri in page.refs:
        img = Image.open(io.BytesIO(base64.b64decode(uri.split(",", 1)[1])))
        assert img.format == "PNG" and img.width > 500 and img.height > 300
    assert len(page.refs) == 2
    assert [h.split(" (")[0] for h in page.headings[1:]] == HEADINGS


def test_empty_tables_give_a_report_without_images(empty_run):
    text = build_report(empty_run)
    assert "<img" not in text
    assert "No cities with coordinates." in text and "No partner links." in text and "No pages rejected." in text
    assert '<tr><td>documents</td><td class="num">0</td></tr>' in text


# ---------------------------------------------------------------- writing and the CLI
def test_write_report_replaces_the_file_whole(second_run, tmp_path):
    out = tmp_path / "out" / "report.html"
    write_report(second_run, out)
    first = out.read_text(encoding="utf-8")
    assert first.startswith("<!DOCTYPE html>") and first.rstrip().endswith("</html>")
    broken = tmp_path / "broken"
    shutil.copytree(second_run, broken)
    part = sorted((broken / "cities").glob("part-*.parquet"))[0]
    part.write_bytes(b"not parquet")  # a corrupt table: the report fails...
    with pytest.raises(Exception):
        write_report(broken, out)
    assert out.read_text(encoding="utf-8") == first  # ...and the old report is untouched
    assert sorted(p.name for p in out.parent.iterdir()) == ["report.html"]  # no temp files left


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "citycoop", *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def test_cli_writes_the_report(second_run, tmp_path):
    out = tmp_path / "r.html"
    done = cli("report", "--curated", str(second_run), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"wrote {out}"
    assert '<h2 id="new-cities">' in out.read_text(encoding="utf-8")


def test_cli_missing_curated_is_exit_2(tmp_path):
    done = cli("report", "--curated", str(tmp_path / "nope"), "--out", str(tmp_path / "r.html"))
    assert done.returncode == 2
    assert done.stderr.strip() == (f"citycoop: error: curated folder '{tmp_path / 'nope'}' does not exist; "
                                   "run `citycoop ingest` first")
    assert not (tmp_path / "r.html").exists()


def test_cli_help():
    done = cli("report", "--help")
    assert done.returncode == 0
    assert "--curated" in done.stdout and "--out" in done.stdout and "report.html" in done.stdout


# ---------------------------------------------------------------- a real browser
@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs /usr/bin/chromium (apt-get install -y chromium); CI installs it")
def test_report_renders_in_headless_chromium(second_run, tmp_path):
    page = tmp_path / "report.html"
    write_report(second_run, page)
    shot = tmp_path / "shot.png"
    base = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1200,2000"]
    dom = subprocess.run(base + ["--dump-dom", page.as_uri()], capture_output=True, text=True, timeout=120)
    assert dom.returncode == 0, dom.stderr[-2000:]
    headings = [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", dom.stdout, re.S)]
    assert [h.split(" (")[0] for h in headings] == HEADINGS
    assert dom.stdout.count('<img alt="') == 2
    snap = subprocess.run(base + [f"--screenshot={shot}", page.as_uri()], capture_output=True, text=True,
                          timeout=120)
    assert snap.returncode == 0 and shot.exists(), snap.stderr[-2000:]
    assert shot.stat().st_size > 20_000
    from PIL import Image

    img = Image.open(shot).convert("RGB")
    assert img.size == (1200, 2000)
    colours = img.getcolors(maxcolors=1 << 20)
    assert colours is None or len(colours) > 200  # text, tables and plots, not a blank page
    if os.environ.get("CITYCOOP_KEEP_SHOT"):
        shutil.copy(shot, os.environ["CITYCOOP_KEEP_SHOT"])


# ---------------------------------------------------------------- Markdown summary
def test_summary_markdown(second_run):
    text = summary_markdown(second_run)
    for table, n in counts(second_run).items():
        assert f"| {table.replace('_', chr(92) + '_')} | {n} |" in text
    for r in rows(second_run, "rejected"):
        assert f"**{r['reason']}**" in text
    assert "## Rejected pages (3)" in text
    assert HOSTILE not in text and "&lt;img src=x onerror=alert(1)&gt;.txt" in text
    on_new_page, elsewhere = city_sets(second_run)
    new = sorted(on_new_page - elsewhere)
    assert f"## New cities since the last run ({len(new)})" in text
    listed = re.findall(r"^- (.+?) \(([A-Z?]{1,2})\): ", text.split("## New cities")[1], re.M)
    assert sorted(name for name, _ in listed) == new
    assert "- Lyon (" not in text


def test_summary_markdown_on_empty_tables(empty_run):
    text = summary_markdown(empty_run)
    assert "| documents | 0 |" in text
    assert text.count("None.") == 2  # no rejected pages, no new cities


# ---------------------------------------------------------------- a large corpus
def test_large_inputs_are_capped_and_still_drawn():
    """Plain rows shaped like a big corpus: lists are cut with a note, images stay readable."""
    from datetime import datetime, timezone

    from citycoop.report import (MAX_ROWS_HTML, MAX_ROWS_MD, ReportData, city_points, map_png, network_png,
                                 render_html, render_markdown)

    run = {"run_id": "r1", "started_at": datetime(2026, 1, 1, tzinfo=timezone.utc), "pages_seen": 900,
           "added": 900, "updated": 0, "removed": 0, "unchanged": 0, "rejected": 700}
    cities = [{"name": f"City {i}", "country_code": "IT", "geonames_id": i, "latest": True, "pages": 1,
               "sources": [f"p{i}.txt"], "latitude": 36 + (i % 90) / 10, "longitude": -100 + (i * 7919 % 2400) / 10,
               "n_mentions": 1 + i % 5} for i in range(900)]
    links = [{"source_name": f"City {i}", "target_name": f"City {(i * 31 + 7) % 900}", "source_type": "city",
              "target_type": "city"} for i in range(900)]
    rejected = [{"source": f"bad{i}.bin", "reason": "binary", "detail": "binary", "run_id": "r1"} for i in range(700)]
    data = ReportData("big", {"documents": 900}, [run], cities, links, rejected)
    page = render_html(data, map_png(city_points(cities)), network_png(links))
    assert section(page, "rejected").count("<tr><td>bad") == MAX_ROWS_HTML
    assert f"... and {700 - MAX_ROWS_HTML} more" in section(page, "rejected")
    assert section(page, "new-cities").count("<tr><td>City ") == MAX_ROWS_HTML
    assert f"... and {900 - MAX_ROWS_HTML} more" in section(page, "new-cities")
    assert page.count('src="data:image/png;base64,') == 2
    text = render_markdown(data)
    assert text.count("- bad") == MAX_ROWS_MD and f"- ... and {700 - MAX_ROWS_MD} more" in text
    assert text.count("- City ") == MAX_ROWS_MD and f"- ... and {900 - MAX_ROWS_MD} more" in text


def test_city_summary_aggregates_pages_and_caps_page_names():
    """A city on many pages is one row per side of the latest run, with a page count."""
    import pyarrow as pa

    from citycoop.report import MAX_SOURCES, city_summary, new_cities, page_list
    from citycoop.report import ReportData

    n = MAX_SOURCES + 3
    docs = pa.table({"doc_id": [f"d{i}" for i in range(n + 1)], "source": [f"p{i:02d}.txt" for i in range(n + 1)],
                     "run_id": ["new"] * n + ["old"]})
    cities = pa.table({"doc_id": [f"d{i}" for i in range(n)] + [f"d{n}", "d0"],
                       "name": ["Graz"] * n + ["Lyon", "Lyon"], "country_code": ["AT"] * n + ["FR", "FR"],
                       "geonames_id": [2778067] * n + [2996944, 2996944], "latitude": [47.07] * n + [45.75, 45.75],
                       "longitude": [15.44] * n + [4.85, 4.85], "n_mentions": pa.array([2] * n + [1, 1], pa.int32())})
    rows = city_summary(cities, docs, "new")
    graz = [r for r in rows if r["name"] == "Graz"]
    assert len(graz) == 1 and graz[0]["pages"] == n and graz[0]["n_mentions"] == 2 * n and graz[0]["latest"]
    assert graz[0]["sources"] == [f"p{i:02d}.txt" for i in range(MAX_SOURCES)]
    assert page_list(graz[0]).endswith(" and 3 more pages")
    assert sorted((r["name"], r["latest"]) for r in rows) == [("Graz", True), ("Lyon", False), ("Lyon", True)]
    data = ReportData("x", {}, [{"run_id": "new"}], rows, [], [])
    assert [c["name"] for c in new_cities(data)] == ["Graz"]  # Lyon is on an earlier page too


def test_city_summary_merged_over_parts_equals_the_whole_table(tmp_path):
    """Reading the cities table part by part gives the same summary as all at once."""
    from datetime import datetime, timezone

    import pyarrow as pa

    from citycoop.report import CITY_COLUMNS, cities_by_part, city_summary
    from citycoop.schema import to_table
    from citycoop.storage import Store

    store = Store(tmp_path)
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    for part, (run, ids) in enumerate([("old", range(0, 4)), ("new", range(4, 12)), ("new", range(12, 15))]):
        docs = [{"doc_id": f"d{i:02d}", "source": f"p{i:02d}.txt", "content_sha256": "x" * 64, "n_bytes": 1,
                 "n_chars": 100, "content_type": "text", "encoding": "utf-8", "language": "en", "text": "x" * 100,
                 "ingested_at": now, "run_id": run, "extractor_version": "v"} for i in ids]
        cities = [{"doc_id": f"d{i:02d}", "name": name, "country_code": cc, "geonames_id": gid, "latitude": 1.0,
                   "longitude": 2.0, "population": None, "admin1_code": None, "surface_forms": [name],
                   "n_mentions": 1 + i % 3, "start": 0, "end": 4, "evidence": None, "method": "gazetteer",
                   "confidence": 1.0}
                  for i in ids for name, cc, gid in [("Graz", "AT", 2778067)] + ([("Lyon", "FR", 2996944)] if i % 2 else [])]
        store.stage("r", "documents", f"part-{part}.parquet", to_table("documents", docs))
        store.stage("r", "cities", f"part-{part}.parquet", to_table("cities", cities))
    store.commit("r", [], {})
    whole = city_summary(store.read("cities", CITY_COLUMNS), store.read("documents", ["doc_id", "source", "run_id"]),
                         "new")
    by_part = cities_by_part(store, "new")

    def norm(rows):
        return sorted((r["name"], r["latest"], r["n_mentions"], r["pages"], tuple(r["sources"])) for r in rows)

    assert norm(by_part) == norm(whole)
    assert ("Graz", True) in {(r["name"], r["latest"]) for r in by_part}
    assert len(by_part) == 4  # two cities, each on old and new pages
