"""Run report: what the curated tables hold after the latest run, for operators.

`build_report` gives one self-contained HTML page (inline CSS, images as base64 PNG data
URIs, nothing fetched) so it can be mailed, attached to CI or opened from disk;
`summary_markdown` gives the short version for a Prefect artifact. Only `load` and
`write_report` touch the disk; the rest are small functions of plain rows, and every
value that comes from the data is escaped before it reaches HTML or Markdown.
"""
from __future__ import annotations

import base64
import html
import io
import math
import os
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

from .schema import TABLES
from .storage import Store

RUN_COLUMNS = ["run_id", "started_at", "pages_seen", "added", "updated", "removed", "unchanged", "rejected"]
CITY_COLUMNS = ["doc_id", "name", "country_code", "geonames_id", "latitude", "longitude", "n_mentions"]
LINK_COLUMNS = ["source_name", "target_name", "source_type", "target_type"]
# Caps that keep the page readable and small on a large corpus (each says what it hid).
MAX_ROWS_HTML, MAX_ROWS_MD = 500, 50  # rows of the rejected / new-cities lists
MAX_SOURCES = 5                       # page names listed per new city
MAX_LABELS = 150                      # map labels tried (most mentioned first)
MAX_NODES = 80                        # network nodes drawn (strongest links first)


@dataclass(frozen=True)
class ReportData:
    """Everything the report shows, read once from the curated folder."""
    curated: str
    counts: dict[str, int]
    runs: list[dict]       # oldest first
    cities: list[dict]     # one row per city and side of the latest run (see city_summary)
    links: list[dict]
    rejected: list[dict]


# ---------------------------------------------------------------- reading (I/O edge)
def load(curated: str | os.PathLike) -> ReportData:
    """Read only the columns the report needs (documents.text can be large); row counts
    come from Parquet footers. ``curated`` is a folder or an fsspec URL, as for ingest."""
    store = Store(curated)

    def rows(table: str, columns: list[str]) -> list[dict]:
        return store.read(table, columns).to_pylist()

    runs = sorted(rows("runs", RUN_COLUMNS), key=lambda r: r["started_at"])
    latest = runs[-1]["run_id"] if runs else None
    return ReportData(
        curated=str(curated), counts={t: store.num_rows(t) for t in TABLES}, runs=runs,
        cities=cities_by_part(store, latest),
        links=rows("partner_links", LINK_COLUMNS), rejected=rows("rejected", ["source", "reason", "detail", "run_id"]))


def cities_by_part(store: Store, latest_run: str | None) -> list[dict]:
    """city_summary over the cities table one part file at a time, merged: memory grows
    with the number of distinct cities, not with the number of pages. A batch writes the
    same part name in every table, so each cities part joins its own documents part."""
    merged: dict[tuple, dict] = {}
    for part in store.parts("cities"):
        documents = store.read_part(store.path("documents", os.path.basename(part)), ["doc_id", "source", "run_id"])
        for row in city_summary(store.read_part(part, CITY_COLUMNS), documents, latest_run):
            key = (city_key(row), row["latest"])
            if key not in merged:
                merged[key] = row
                continue
            into = merged[key]
            into["n_mentions"] += row["n_mentions"]
            into["pages"] += row["pages"]
            into["sources"] = sorted(set(into["sources"]) | set(row["sources"]))[:MAX_SOURCES]
    return list(merged.values())


def city_summary(cities: pa.Table, documents: pa.Table, latest_run: str | None) -> list[dict]:
    """One row per city and per side of the latest run: pages the latest run extracted
    (``latest``) or pages from earlier runs, with mentions, page count and up to
    MAX_SOURCES page names. Aggregated in Arrow: a large corpus has a city row per page,
    far too many to hold as Python dicts at the end of every run."""
    joined = cities.join(documents, "doc_id").sort_by([("name", "ascending"), ("source", "ascending")])
    joined = joined.append_column("latest", pc.equal(joined["run_id"], pa.scalar(latest_run, pa.string()))
                                  .fill_null(False))
    grouped = joined.group_by(["geonames_id", "name", "country_code", "latest"], use_threads=False).aggregate([
        ("n_mentions", "sum"), ("latitude", "max"), ("longitude", "max"), ("doc_id", "count_distinct"),
        ("source", "distinct")])
    grouped = grouped.set_column(grouped.schema.get_field_index("source_distinct"), "sources",
                                 pc.list_slice(grouped["source_distinct"], 0, MAX_SOURCES))
    grouped = grouped.rename_columns({"n_mentions_sum": "n_mentions", "latitude_max": "latitude",
                                      "longitude_max": "longitude", "doc_id_count_distinct": "pages"})
    return grouped.to_pylist()


# ---------------------------------------------------------------- pure summaries
def city_key(row: dict) -> tuple:
    """One city across pages: its GeoNames id, or its name and country when unresolved."""
    return ("id", row["geonames_id"]) if row.get("geonames_id") is not None else \
        ("name", row["name"], row.get("country_code"))


def new_cities(data: ReportData) -> list[dict]:
    """Cities named by pages the latest run extracted and by no page from an earlier run.

    After the first run every city is new; when the latest run extracted nothing, none is."""
    earlier = {city_key(c) for c in data.cities if not c["latest"]}
    found = [{"name": c["name"], "country_code": c["country_code"], "sources": sorted(c["sources"]),
              "pages": c["pages"]}
             for c in data.cities if c["latest"] and city_key(c) not in earlier]
    return sorted(found, key=lambda e: (e["name"].casefold(), e["country_code"] or ""))


def page_list(city: dict) -> str:
    """The city's pages, shortened with a count when there are many."""
    hidden = city["pages"] - len(city["sources"])
    return ", ".join(city["sources"]) + (f" and {hidden} more pages" if hidden > 0 else "")


def city_points(cities: list[dict]) -> list[dict]:
    """Cities with coordinates, merged across pages: total mentions and page count."""
    merged: dict[tuple, dict] = {}
    for c in cities:
        if c.get("latitude") is None or c.get("longitude") is None:
            continue
        p = merged.setdefault(city_key(c), {"name": c["name"], "country_code": c["country_code"],
                                            "lat": c["latitude"], "lon": c["longitude"], "mentions": 0,
                                            "pages": 0})
        p["mentions"] += c["n_mentions"]
        p["pages"] += c["pages"]
    return sorted(merged.values(), key=lambda p: (-p["mentions"], p["name"]))


def link_counts(links: list[dict]) -> dict[tuple[str, str], int]:
    """Undirected pair -> number of pages that link it (the edge weight)."""
    out: dict[tuple[str, str], int] = {}
    for link in links:
        pair = tuple(sorted((link["source_name"], link["target_name"])))
        out[pair] = out.get(pair, 0) + 1
    return out


# ---------------------------------------------------------------- images
EUROPE = (-25.0, 45.0, 34.0, 72.0)  # lon min, lon max, lat min, lat max: most partners are here
BLUE, DARK, ORANGE = "#2b6cb0", "#1a365d", "#dd6b20"


def in_europe(p: dict) -> bool:
    return EUROPE[0] <= p["lon"] <= EUROPE[1] and EUROPE[2] <= p["lat"] <= EUROPE[3]


def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight", facecolor="white")
    return buf.getvalue()


def _declutter(fig, texts: list) -> None:
    """Hide labels that would overlap one already shown (texts come most important first)."""
    fig.canvas.draw()  # applies layout and aspect, so label extents are final
    renderer = fig.canvas.get_renderer()
    kept = []
    for t in texts:
        box = t.get_window_extent(renderer).expanded(1.05, 1.15)
        if any(box.overlaps(k) for k in kept):
            t.set_visible(False)
        else:
            kept.append(box)


def _city_axes(ax, points: list[dict], labelled: list[dict], title: str) -> list[tuple[dict, object]]:
    """Scatter cities on one axes, fit the view to them; returns (city, label artist) pairs."""
    lons, lats = [p["lon"] for p in points], [p["lat"] for p in points]
    ax.scatter(lons, lats, s=[20 + 30 * math.sqrt(p["mentions"]) for p in points], c=BLUE, alpha=0.6,
               edgecolors=DARK, linewidths=0.6, zorder=3)
    pad_x, pad_y = max(2.0, (max(lons) - min(lons)) * 0.06), max(1.5, (max(lats) - min(lats)) * 0.08)
    ax.set_xlim(max(-180, min(lons) - pad_x), min(180, max(lons) + pad_x))
    ax.set_ylim(max(-90, min(lats) - pad_y), min(90, max(lats) + pad_y))
    aspect = 1 / max(0.2, math.cos(math.radians(sum(lats) / len(lats))))  # a degree of longitude is shorter
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    if (y1 - y0) * aspect / (x1 - x0) > 0.35:  # true shape unless that squashes the panel to a strip
        ax.set_aspect(aspect, adjustable="box")
    ax.grid(True, color="#e2e8f0", zorder=0)
    ax.tick_params(labelsize=8)
    ax.set_title(title, fontsize=10)
    return [(p, ax.annotate(p["name"], (p["lon"], p["lat"]), xytext=(4, 3), textcoords="offset points",
                            fontsize=7.5, color="#1a202c", zorder=4)) for p in labelled]


def map_png(points: list[dict]) -> bytes | None:
    """Cities on longitude/latitude, sized by mentions; None when nothing has coordinates.

    No basemap (it would need downloaded shapes): a graticule and labels locate the
    corpus well enough. When the cities span Europe and elsewhere, a second panel
    zooms on Europe, where most partners cluster; labels that would collide are dropped,
    most mentioned cities first."""
    if not points:
        return None
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    europe = [p for p in points if in_europe(p)]
    split = 0 < len(europe) < len(points)
    fig = Figure(figsize=(12, 5.2) if split else (10, 6))
    FigureCanvasAgg(fig)
    if not split:
        labels = _city_axes(fig.add_subplot(), points, points[:MAX_LABELS],
                            f"{len(points)} cities (marker size: mentions)")
    else:
        world, zoom = fig.subplots(1, 2, gridspec_kw={"width_ratios": [1.25, 1]})
        outside = [p for p in points if not in_europe(p)]
        labels = _city_axes(world, points, outside[:MAX_LABELS], f"{len(points)} cities (marker size: mentions)")
        labels += _city_axes(zoom, europe, europe[:MAX_LABELS], f"Europe: {len(europe)} cities")
        x0, x1 = zoom.get_xlim()
        y0, y1 = zoom.get_ylim()
        world.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False, edgecolor=ORANGE, linewidth=1.2,
                                  zorder=5))
    fig.tight_layout()
    _declutter(fig, [t for _, t in sorted(labels, key=lambda pt: -pt[0]["mentions"])])
    return _png(fig)


def strongest(g, max_nodes: int):
    """The subgraph of the strongest links (most pages, then best-connected ends) that
    fits in ``max_nodes`` nodes: hubs and their ties stay, isolated leftovers do not."""
    import networkx as nx

    ranked = sorted(g.edges(data="weight"), key=lambda e: (-e[2], -(g.degree(e[0]) + g.degree(e[1])), e[0], e[1]))
    out = nx.Graph()
    for a, b, w in ranked:
        if len(set(out.nodes) | {a, b}) <= max_nodes:
            out.add_edge(a, b, weight=w)
    return out


def network_png(links: list[dict]) -> bytes | None:
    """Partner links as a graph (cities blue, organisations orange); None when no links."""
    if not links:
        return None
    import networkx as nx
    from matplotlib.figure import Figure

    g = nx.Graph()
    for (a, b), n in link_counts(links).items():
        g.add_edge(a, b, weight=n)
    total_nodes, total_edges = g.number_of_nodes(), g.number_of_edges()
    if total_nodes > MAX_NODES:  # thousands of labelled nodes are a grey blot
        g = strongest(g, MAX_NODES)
    kinds = {}
    for link in links:
        kinds[link["source_name"]], kinds[link["target_name"]] = link["source_type"], link["target_type"]
    pos = nx.spring_layout(g, seed=7, k=1.5 / math.sqrt(max(1, g.number_of_nodes())))
    fig = Figure(figsize=(10, 7))
    ax = fig.add_subplot()
    nx.draw_networkx_edges(g, pos, ax=ax, edge_color="#a0aec0",
                           width=[1 + g[a][b]["weight"] for a, b in g.edges])
    nx.draw_networkx_nodes(g, pos, ax=ax, node_size=[80 + 60 * min(g.degree(n), 12) for n in g.nodes],
                           node_color=[ORANGE if kinds.get(n) == "organisation" else BLUE for n in g.nodes],
                           edgecolors=DARK, linewidths=0.6, alpha=0.85)
    for n, (x, y) in pos.items():  # on the side away from its partners, on a white box
        right = x >= sum(pos[m][0] for m in g[n]) / max(1, len(g[n]))
        ax.annotate(n, (x, y), xytext=(7 if right else -7, 5), textcoords="offset points", fontsize=8,
                    ha="left" if right else "right", zorder=5,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75})
    shown = "" if g.number_of_nodes() == total_nodes else \
        f" (showing the {g.number_of_nodes()} best connected)"
    ax.set_title(f"{total_nodes} partners, {total_edges} links{shown}\n"
                 "blue: city, orange: organisation; node size: links", fontsize=10)
    ax.margins(0.12)
    ax.set_axis_off()
    return _png(fig)


# ---------------------------------------------------------------- HTML
CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f7fafc;color:#1a202c}
main{max-width:1100px;margin:0 auto;padding:24px 32px 48px}
h1{font-size:1.6rem;margin:0 0 4px}
h2{font-size:1.15rem;margin:32px 0 8px;padding-bottom:4px;border-bottom:2px solid #cbd5e0}
p.meta{color:#4a5568;margin:0 0 8px;font-size:.9rem}
p.note{color:#4a5568;font-size:.85rem;margin:4px 0 8px}
table{border-collapse:collapse;background:#fff;font-size:.88rem;box-shadow:0 1px 2px rgba(0,0,0,.08)}
th,td{padding:5px 10px;border:1px solid #e2e8f0;text-align:left;vertical-align:top}
th{background:#edf2f7;font-weight:600}
td.num{text-align:right;font-variant-numeric:tabular-nums}
tr.latest td{background:#ebf8ff}
code{font-size:.85em;background:#edf2f7;padding:1px 4px;border-radius:3px}
img{max-width:100%;height:auto;background:#fff;border:1px solid #e2e8f0}
.empty{color:#718096;font-style:italic}
"""


def esc(value: object) -> str:
    """HTML text for one data value; None shows as an empty cell."""
    return "" if value is None else html.escape(str(value), quote=True)


def fmt_time(value: object) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S UTC") if isinstance(value, datetime) else str(value)


def html_table(headers: list[str], rows: list[list[object]], numeric: set[int] = frozenset(),
               row_class: list[str] | None = None) -> str:
    """A plain table; every header and cell escaped here, so callers pass raw values."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = []
    for i, row in enumerate(rows):
        cls = f' class="{esc(row_class[i])}"' if row_class and row_class[i] else ""
        cells = "".join(f'<td class="num">{esc(v)}</td>' if j in numeric else f"<td>{esc(v)}</td>"
                        for j, v in enumerate(row))
        body.append(f"<tr{cls}>{cells}</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"


def empty(message: str) -> str:
    return f'<p class="empty">{esc(message)}</p>'


def capped(rows: list, limit: int) -> tuple[list, str]:
    """The first ``limit`` rows and a note on the rest (empty when nothing was cut)."""
    return rows[:limit], (f"... and {len(rows) - limit} more" if len(rows) > limit else "")


def more(note: str) -> str:
    return f'<p class="note">{esc(note)}</p>' if note else ""


def img(png: bytes | None, alt: str, none_message: str) -> str:
    """An embedded PNG (data URI: the page stays one file) or a note when there is none."""
    if png is None:
        return empty(none_message)
    return f'<img alt="{esc(alt)}" src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}">'


def section_counts(data: ReportData) -> str:
    return html_table(["table", "rows"], [[t, n] for t, n in data.counts.items()], numeric={1})


def section_runs(data: ReportData) -> str:
    if not data.runs:
        return empty("No runs recorded yet.")
    rows = [[r["run_id"], fmt_time(r["started_at"]), r["pages_seen"], r["added"], r["updated"], r["removed"],
             r["unchanged"], r["rejected"]] for r in reversed(data.runs)]
    return html_table(["run", "started", "pages seen", "added", "updated", "removed", "unchanged", "rejected"],
                      rows, numeric={2, 3, 4, 5, 6, 7}, row_class=["latest"] + [""] * (len(rows) - 1))


def section_new_cities(data: ReportData) -> str:
    if not data.runs:
        return empty("No runs recorded yet.")
    cities = new_cities(data)
    note = ('<p class="note">Cities named by pages extracted in the latest run '
            f"(<code>{esc(data.runs[-1]['run_id'])}</code>) that no page from an earlier run names"
            + (" (this is the first run: every city is new)." if len(data.runs) == 1 else ".") + "</p>")
    if not cities:
        return note + empty("No new cities.")
    shown, rest = capped(cities, MAX_ROWS_HTML)
    return note + html_table(["city", "country", "pages"],
                             [[c["name"], c["country_code"], page_list(c)] for c in shown]) + more(rest)


def section_rejected(data: ReportData) -> str:
    if not data.rejected:
        return empty("No pages rejected.")
    shown, rest = capped(data.rejected, MAX_ROWS_HTML)
    return html_table(["file", "reason", "detail", "run"],
                      [[r["source"], r["reason"], r["detail"], r["run_id"]] for r in shown]) + more(rest)


def render_html(data: ReportData, map_image: bytes | None, network_image: bytes | None,
                generated: datetime | None = None) -> str:
    """The whole page from already-read data and already-drawn images."""
    generated = generated or datetime.now(timezone.utc)
    latest = f"latest run <code>{esc(data.runs[-1]['run_id'])}</code>" if data.runs else "no runs yet"
    n_rejected = len(data.rejected)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>citycoop run report</title>
<style>{CSS}</style>
</head>
<body><main>
<h1>citycoop run report</h1>
<p class="meta">Curated folder <code>{esc(data.curated)}</code> &middot; {latest} &middot;
generated {esc(fmt_time(generated))}</p>
<h2 id="tables">Tables</h2>
{section_counts(data)}
<h2 id="runs">Runs</h2>
{section_runs(data)}
<h2 id="new-cities">New cities since the last run</h2>
{section_new_cities(data)}
<h2 id="rejected">Rejected pages ({n_rejected})</h2>
{section_rejected(data)}
<h2 id="map">City map</h2>
{img(map_image, "map of cities", "No cities with coordinates.")}
<h2 id="network">Partner network</h2>
{img(network_image, "partner-link network", "No partner links.")}
</main></body>
</html>
"""


def build_report(curated: str | os.PathLike) -> str:
    """The HTML report of a curated folder (reads it, draws both images)."""
    data = load(curated)
    return render_html(data, map_png(city_points(data.cities)), network_png(data.links))


def write_report(curated: str | os.PathLike, out_path: str | os.PathLike) -> Path:
    """Write the report atomically: a reader (browser, CI upload) never sees half a page."""
    out_path = Path(out_path)
    text = build_report(curated)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    tmp = out_path.with_name(f".{out_path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, out_path)
    finally:
        tmp.unlink(missing_ok=True)
    return out_path


# ---------------------------------------------------------------- Markdown (Prefect artifact)
_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#])")


def md(value: object) -> str:
    """One data value as Markdown text: HTML-escaped, Markdown syntax and newlines neutralised."""
    text = "" if value is None else " ".join(str(value).split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def render_markdown(data: ReportData) -> str:
    """Counts, rejected pages and new cities: what an operator checks after a run."""
    latest = f"latest run {md(data.runs[-1]['run_id'])}" if data.runs else "no runs yet"
    lines = ["# citycoop run summary", "", f"Curated folder {md(data.curated)}, {latest}.", "",
             "| table | rows |", "|---|---:|"]
    lines += [f"| {md(t)} | {n} |" for t, n in data.counts.items()]
    lines += ["", f"## Rejected pages ({len(data.rejected)})", ""]
    shown, rest = capped(data.rejected, MAX_ROWS_MD)
    lines += [f"- {md(r['source'])}: **{md(r['reason'])}** ({md(r['detail'])})" for r in shown] or ["None."]
    lines += [f"- {rest}"] if rest else []
    cities = new_cities(data)
    lines += ["", f"## New cities since the last run ({len(cities)})", ""]
    shown, rest = capped(cities, MAX_ROWS_MD)
    lines += [f"- {md(c['name'])} ({md(c['country_code'] or '?')}): {md(page_list(c))}"
              for c in shown] or ["None."]
    lines += [f"- {rest}"] if rest else []
    return "\n".join(lines) + "\n"


def summary_markdown(curated: str | os.PathLike) -> str:
    """Markdown summary of a curated folder, for the flow to publish as an artifact."""
    return render_markdown(load(curated))
