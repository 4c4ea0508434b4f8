"""Raw pages in: discover files, read them safely, decode, turn HTML into text.

Everything that can go wrong with one file becomes a :class:`Rejection` with a reason;
nothing here raises for a bad page, so one file never stops a run.
"""
from __future__ import annotations

import hashlib
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterator

from .fsutil import is_url, resolve

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES


@dataclass(frozen=True)
class PageRef:
    """A file found under the raw folder, identified by its content hash."""

    source: str  # POSIX path relative to the raw folder
    path: str  # absolute path or fsspec URL to read
    size: int
    sha256: str

    @property
    def doc_id(self) -> str:
        return self.sha256[:16]


@dataclass(frozen=True)
class Page:
    ref: PageRef
    text: str
    content_type: str  # text | html
    encoding: str
    language: str


@dataclass(frozen=True)
class Rejection:
    source: str
    reason: str  # short code: empty, binary, too_large, unreadable, ...
    detail: str


def sha256_file(path: str, limit: int) -> tuple[str, int]:
    h = hashlib.sha256()
    n = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            n += len(chunk)
            h.update(chunk)
            if n > limit:
                break
    return h.hexdigest(), n


def _skip(name: str) -> bool:
    return name.startswith(".") or name.lower() == "readme.md"


def _suffix_rejection(source: str) -> Rejection | None:
    suffix = PurePosixPath(source).suffix
    if suffix.lower() in SUFFIXES:
        return None
    return Rejection(source, "unsupported_type", f"suffix {suffix or '(none)'} is not one of {sorted(SUFFIXES)}")


def discover(raw: str | os.PathLike, max_bytes: int) -> tuple[list[PageRef], list[Rejection]]:
    """Every page file under ``raw`` (a folder or an fsspec URL, nested folders too),
    sorted by source path."""
    if is_url(str(raw)) and not resolve(raw).local:
        return _discover_remote(str(raw), max_bytes)
    return _discover_local(Path(resolve(raw).root), max_bytes)


def _discover_remote(raw: str, max_bytes: int) -> tuple[list[PageRef], list[Rejection]]:
    """Object-store listing: no links or special files there, only objects and sizes."""
    loc = resolve(raw)
    refs: list[PageRef] = []
    rejected: list[Rejection] = []
    for path, info in sorted(loc.fs.find(loc.root, detail=True).items()):
        source = path[len(loc.root):].lstrip("/")
        if any(_skip(part) for part in source.split("/")) or info.get("type") == "directory":
            continue
        if (bad := _suffix_rejection(source)) is not None:
            rejected.append(bad)
            continue
        if info.get("size", 0) > max_bytes:
            rejected.append(Rejection(source, "too_large", f"over the {max_bytes}-byte limit (max_bytes)"))
            continue
        try:
            data = loc.fs.cat_file(path)
        except OSError as exc:
            rejected.append(Rejection(source, "unreadable", str(exc)))
            continue
        refs.append(PageRef(source, loc.url(path), len(data), hashlib.sha256(data).hexdigest()))
    return refs, rejected


def local_files(raw: Path) -> Iterator[Path]:
    """The files under a local raw folder that the scan looks at, sorted: not hidden files
    or folders, not a README.md."""
    for dirpath, dirnames, filenames in os.walk(raw, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not _skip(name):
                yield Path(dirpath) / name


def _discover_local(raw: Path, max_bytes: int) -> tuple[list[PageRef], list[Rejection]]:
    refs: list[PageRef] = []
    rejected: list[Rejection] = []
    root = raw.resolve()
    for path in local_files(raw):
        source = path.relative_to(raw).as_posix()
        if (bad := _suffix_rejection(source)) is not None:
            rejected.append(bad)
            continue
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError) as exc:
            rejected.append(Rejection(source, "unreadable", f"broken link or missing file: {exc}"))
            continue
        if path.is_symlink() and root not in real.parents:
            rejected.append(Rejection(source, "outside_raw", f"symlink points outside the raw folder: {real}"))
            continue
        try:
            if not real.is_file():
                rejected.append(Rejection(source, "unreadable", "not a regular file"))
                continue
            digest, size = sha256_file(str(real), max_bytes)
        except OSError as exc:
            rejected.append(Rejection(source, "unreadable", str(exc)))
            continue
        if size > max_bytes:
            rejected.append(Rejection(source, "too_large", f"over the {max_bytes}-byte limit (max_bytes)"))
            continue
        refs.append(PageRef(source, str(real), size, digest))
    return refs, rejected


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters in the first 8 KiB: not a text page."""
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 has NULs by design
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > max(4, len(head) // 100)


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was in: BOMs first, strict UTF-8, then charset detection."""
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(enc), enc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise UnicodeDecodeError("unknown", data[:1], 0, 1, "no text encoding fits these bytes")
    enc = best.encoding
    # Western pages that are not UTF-8 are almost always Windows-1252 (curly quotes, €, en
    # dash); on short texts the detector may name a Mac or DOS code page instead, or tie it
    # with a Central European one that reads the same bytes as 'Hillerřd' for 'Hillerød'
    # (a Polish page read as Windows-1252 is chaos, so it does not tie).
    tied = any(m.encoding == "cp1252" and m.chaos <= best.chaos for m in matches)
    if tied or enc in ("latin_1", "iso8859_1", "iso8859_15") or enc.startswith(("mac_", "cp4", "cp8", "cp7")):
        try:
            return data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    return data.decode(enc, errors="replace"), enc


_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile("[\u00a0\u2007\u202f\u2009\u200a]")


def normalise(text: str) -> str:
    """Repair mojibake, NFC, one kind of space and newline: what the extractors read.

    No-break spaces become plain spaces ('€\u00a032 million', 'Anci\u00a0Lazio'), so
    names and amounts match; character offsets refer to this normalised text.
    """
    import ftfy

    text = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_line_breaks=True)
    text = _ZERO_WIDTH.sub("", text)
    text = _SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", text)


def html_to_text(html: str) -> str:
    """Main content of an HTML page, lists and tables kept, nav/cookie/footer dropped,
    after the site's name from the page's title and before that a first line
    'Published: 2024-11-15' when the markup dates the page.

    trafilatura finds the main content; when it finds none (tiny or odd pages) lxml's
    text of the body is the fallback, so no page silently becomes empty. The date
    line keeps a news page's date, which sits in the header that main-text extraction
    drops ('Friday, 15/11/2024 - 16:30').
    """
    text = _main_text(html)
    notice = copyright_notice(html) if text else None
    text = f"{text}\n{notice}" if notice and notice not in text else text
    site = site_name(html) if text else None
    text = f"{site}\n\n{text}" if site and site not in text[:300] else text
    published = publication_date(html) if text else None
    return f"Published: {published}\n\n{text}" if published else text


_COPYRIGHT = re.compile(r"(?:©|&copy;|&#169;|&#xa9;|\(c\)|\bCopyright\b)[^<>\n]{0,120}", re.I)
_YEARS = re.compile(r"\b(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\b")


def copyright_notice(html: str) -> str | None:
    """The years of the page's last copyright notice ('© 2006–2024' of '© 2006–2024 Lviv City
    Council. All rights reserved.'), which main-text extraction drops with the footer: they
    are years the page states (the gold sets count them). Only the years: the holder repeats
    the site's name (a second 'City Council of Port Louis' made the council, not the town,
    the page's owner), and the rest of the footer (addresses, menus) stays out."""
    import html as html_lib

    matches = _COPYRIGHT.finditer(html, max(0, len(html) - 40_000))  # (a footer is near the end)
    notices = [" ".join(html_lib.unescape(m.group()).split()) for m in matches]
    years = next((found for line in reversed(notices) if (found := _YEARS.findall(line))), None)
    return "© " + ", ".join(years) if years else None


def site_name(html: str) -> str | None:
    """The site's name that ends the page's ``<title>``: 'City of Sacramento' in 'Sister
    Cities Program | City of Sacramento'. Main-text extraction drops the title with the
    header, yet its site name is often the only place a page names its owner. Only the
    name: the title's headline repeats the page's heading, and title-case words at a text's
    start are what NER misreads most ('Cross-border', 'Twin')."""
    import html as html_lib

    m = _TITLE_TAG.search(html, 0, 20_000)
    title = " ".join(html_lib.unescape(m.group(1)).split()) if m else ""
    cut = max(title.rfind(sep) for sep in _TITLE_SEPARATORS)
    site = title[cut:].lstrip(" |-–—").strip() if cut > 0 else ""
    return site if 2 <= len(site) <= 60 else None


def publication_date(html: str) -> str | None:
    """The date the page's markup gives for its publication (meta tags, <time>, dated
    URL), as YYYY-MM-DD; None when it gives none or only a year (htmldate then says
    YYYY-01-01, often a copyright line's year). The markup only, no guess from the
    text: ~1 ms a page."""
    from htmldate import find_date

    try:
        found = find_date(html, extensive_search=False, original_date=True)
    except Exception:  # a date finder must not reject a page
        return None
    return found if found and not found.endswith("-01-01") else None


def _main_text(html: str) -> str:
    """trafilatura's main text, unless the page marks its main content (``<main>``) and
    trafilatura kept less than two thirds of it: on a page of several ``<section>``s with
    ``<article>``s in one, it keeps the articles (a project page lost its fact table, its
    fellow cities and its funding that way); or unless it wrote the tables of ``<main>``
    one cell per line."""
    import trafilatura
    from lxml import html as lxml_html

    text = trafilatura.extract(html, include_tables=True, include_comments=False, include_links=False,
                               include_images=False, favor_recall=True, deduplicate=False,
                               output_format="txt")
    found = bool(text and text.strip())
    if found and not _MAIN_TAG.search(html) and not _PARTNER_TOWNS.search(html) and not _ASIDE_TAG.search(html):
        return text  # (most pages: no second parse)
    try:
        tree = lxml_html.fromstring(html)
    except Exception:  # lxml raises several types for broken markup
        return text or ""
    main = tree.find(".//main")
    if main is None and found:
        sidebars = [a for a in tree.iter("aside") if not _in_page_furniture(a)]
        return "\n".join([text, *_missed_partner_boxes(tree, text), *_sidebar_lists(sidebars, text)])
    if main is not None:
        marked = block_text(main)
        size, kept = len(" ".join(marked.split())), len(" ".join((text or "").split()))
        if size > 1.5 * kept or (size >= 0.9 * kept and _TABLE_LINE.search(marked) and not _TABLE_LINE.search(text or "")):
            return marked  # (or trafilatura wrote a table one cell per line: a partner table with its budgets)
        if found:
            return "\n".join([text, *_missed_fact_boxes(main, text, tree)])
    if found:
        return text
    for bad in tree.xpath("//script|//style|//noscript"):
        bad.drop_tree()
    return "\n".join(line.strip() for line in tree.text_content().splitlines() if line.strip())


_MAIN_TAG = re.compile(r"<main\b", re.I)
_TABLE_LINE = re.compile(r"(?m)^\|.*\|[ \t]*$")
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ")  # 'Headline | Site', 'Headline - Site'
_TITLE_TAG = re.compile(r"<title\b[^>]*>([^<]*)</title\s*>", re.I)


def _missed_fact_boxes(main, text: str, tree=None) -> list[str]:
    """What trafilatura left out under ``<main>``: definition lists, one 'term: value'
    line each (a project page's fact box, 'Project duration: 01/01/2024 – 31/12/2026',
    'Total budget: EUR 3.2 m', is a ``<dl>`` beside the article, which it drops); a short
    dated 'Label: value' paragraph (a meta line under the title); a list of three or more
    'Label: value' items (a project's key facts); a sidebar that lists the town's twin
    towns, up to its next heading. Fact lists and twin-town lists also count in a sidebar
    beside ``<main>`` (in ``tree``; not in its navigation, header or footer)."""
    flat = " ".join(text.split())
    missed = []
    outside = [a for a in (tree.iter("aside") if tree is not None else ())
               if not any(x is main for x in a.iterancestors()) and not _in_page_furniture(a)]
    sidebars = [*main.iter("aside"), *outside]
    for dl in [*main.iter("dl"), *(dl for a in outside for dl in a.iter("dl"))]:
        values = [" ".join(dd.text_content().split()) for dd in dl.iter("dd")]
        if values and 2 * sum(bool(v) and v in flat for v in values) < len(values):  # most values are missing
            missed.append(block_text(dl))
    for p in main.iter("p"):  # 'Cooperation period: 2024–2026' in a meta line under the title
        line = " ".join(p.text_content().split())
        if len(line) <= 200 and _FACT_LINE.search(line) and line not in flat and not _in_page_furniture(p):
            missed.append(line)
    for ul in main.iter("ul", "ol"):  # a project's key facts as a list: '<li><b>Duration:</b> 01/10/2023 – ...'
        items = [" ".join(li.text_content().split()) for li in ul if isinstance(li.tag, str) and li.tag == "li"]
        labelled = [i for i in items if _LABELLED.match(i)]
        if len(labelled) >= 3 and 2 * len(labelled) > len(items) and 2 * sum(i in flat for i in items) < len(items) \
                and not _in_page_furniture(ul):
            missed.append(block_text(ul))
    return [m for m in missed + _sidebar_lists(sidebars, text) if m]


def _sidebar_lists(sidebars: list, text: str) -> list[str]:
    """What sidebars hold that the main text lacks and an analyst reads: the town's twin
    towns, then 'Related news' headlines (one list of sidebars, with or without ``<main>``)."""
    return _partner_sidebars(sidebars, text) + _related_lists(sidebars, text)


def _related_lists(sidebars: list, text: str) -> list[str]:
    """A sidebar's 'Related news' or 'Latest news' lists that the main text lacks, under
    their heading, one item a line: the headlines state facts of their own ('Honiara City
    Council and Auckland Council launch joint waste audit', '3 June 2024') that an analyst
    reads on the page, and that trafilatura drops with the sidebar."""
    flat = " ".join(text.split())
    missed: list[str] = []
    for aside in sidebars:
        for box in [aside, *aside.iter("div", "section")]:
            heading, lists = None, []
            for child in [*box, None]:  # (None: the end of the box closes the last heading's lists)
                tag = child.tag if child is not None and isinstance(child.tag, str) else ""
                if child is None or tag in _HEADINGS:
                    items = [" ".join(li.text_content().split()) for ul in lists for li in ul.iter("li")]
                    if heading is not None and items and 2 * sum(i in flat for i in items) < len(items):
                        missed.append("\n".join([heading, *map(block_text, lists)]))
                    title = " ".join(child.text_content().split()) if child is not None else ""
                    # (a list of twin towns is _partner_sidebars')
                    heading = title if _RELATED.search(title) and not _PARTNER_TOWNS.search(title) else None
                    lists = []
                elif tag in ("ul", "ol") and heading is not None:
                    lists.append(child)
    return missed


def _partner_sidebars(sidebars: list, text: str) -> list[str]:
    """The sections of sidebars that list the town's twin towns (or pairs under
    'pairings') and that the main text lacks, up to the next heading."""
    flat = " ".join(text.split())
    missed: list[str] = []
    for aside in sidebars:
        items = [" ".join(li.text_content().split()) for li in aside.iter("li")]
        pairs = sum(bool(_PAIR_ITEM.match(i)) for i in items)
        words = " ".join(aside.itertext())  # (no '<h3>...pairings</h3><ul><li>Halifax' run together)
        if items and _PARTNER_TOWNS.search(words) and 2 * sum(bool(i) and i in flat for i in items) < len(items) \
                and (_TWIN_TOWNS.search(words) or 2 * pairs >= len(items)):
            boxes = [aside, *(b for b in aside.iter("div", "section") if b is not aside)]  # ('<div class="side-box">')
            missed.extend(next((found for box in boxes if (found := _partner_section(box))), []))
    return [m for m in missed if m]


def _missed_partner_boxes(tree, text: str) -> list[str]:
    """A box on the page's twin towns that trafilatura dropped as a 'related' box: a
    ``<div>`` or ``<section>`` whose heading names them ('About Louisville's sister
    cities') and whose text the main text lacks. Not in navigation, header or footer."""
    flat = " ".join(text.split())
    missed = []
    for box in tree.iter("div", "section"):
        heading = next((c for c in box if isinstance(c.tag, str) and c.tag in _HEADINGS), None)
        if heading is None or not _PARTNER_TOWNS.search(heading.text_content()) or _in_page_furniture(box) \
                or len(box.text_content()) > _BOX_SIZE:
            continue  # (an article whose title or section heading names them is no box)
        blocks = [" ".join(c.text_content().split()) for c in box if isinstance(c.tag, str) and c is not heading]
        blocks = [b for b in blocks if b]
        if blocks and 2 * sum(b in flat for b in blocks) < len(blocks):
            missed.extend(_partner_section(box))
    return [m for m in missed if m]


_HEADINGS = frozenset(("h2", "h3", "h4", "h5", "h6"))
_ASIDE_TAG = re.compile(r"<aside\b", re.I)
# 'Related news', 'Latest network news', 'More stories', 'Related projects', 'News'
_RELATED = re.compile(r"^\W*(?:(?:related|latest|recent|more|other)\b[\w\s]{0,30}|news|in the news)\W*$", re.I)
_BOX_SIZE = 1500  # characters: a box beside the article, not the article


def _in_page_furniture(element) -> bool:
    """Inside a sidebar, navigation, header, footer or form: not the page's own text."""
    return any(a.tag in ("aside", "nav", "footer", "header", "form") for a in element.iterancestors())


def _partner_section(aside) -> list[str]:
    """The sidebar's blocks from its first heading on twin towns to the next heading (a
    'Contact' box after it is no part of the list)."""
    out: list[str] = []
    for child in aside:
        if not isinstance(child.tag, str):
            continue
        heading = child.tag in ("h1", "h2", "h3", "h4", "h5", "h6")
        if heading and _PARTNER_TOWNS.search(child.text_content()):
            out = [block_text(child)] if not out else out + [block_text(child)]
        elif heading and out:
            break
        elif out:
            out.append(block_text(child))
    return out


_LABELLED = re.compile(r"[A-Z][\w ()/-]{2,40}:\s+\S")
_FACT_LINE = re.compile(r"^[A-Z][\w ]{2,40}:\s.*\b(?:19|20)\d\d\b")
_TWIN_TOWNS = re.compile(r"\b(?:twin|sister|partner|friendship)[- ](?:towns?|cit(?:y|ies)|regions?)\b|\btwinned\b", re.I)
# also 'Other IURC pairings' over items that are pairs ('Halifax – Aarhus: ports and offshore wind'),
# not over links to listings ('See all EU–New Zealand pairings')
_PARTNER_TOWNS = re.compile(_TWIN_TOWNS.pattern + r"|\bpairings\b", re.I)
_PAIR_ITEM = re.compile(r"[A-Z][^–—:\n]{1,40}\s[–—-]\s[A-Z][^:\n]{1,40}(?::|$)")


_SKIP_TAGS = frozenset("script style noscript nav aside form button select svg template iframe".split())
_BLOCK_TAGS = frozenset("""p div section article header footer main li ul ol dl dt dd table thead tbody
tfoot tr h1 h2 h3 h4 h5 h6 blockquote figure figcaption pre address details summary br hr""".split())


def block_text(element) -> str:
    """An element's text one block per line, as trafilatura writes it: list items as
    '- item', table rows as '| a | b |'; navigation, forms and asides left out."""
    lines: list[str] = []
    line: list[str] = []
    consumed: set = set()  # <dd>s written on their <dt>'s line

    def flush() -> None:
        joined = " ".join("".join(line).split())
        if joined:
            lines.append(joined)
        line.clear()

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if not tag or tag in _SKIP_TAGS:
            return
        if tag == "tr":
            flush()
            cells = [" ".join(c.text_content().split()) for c in el if isinstance(c.tag, str) and c.tag in ("td", "th")]
            lines.append("| " + " | ".join(cells) + " |")
            table = next(el.iterancestors("table"), None)
            if table is not None and next(table.iter("tr")) is el:
                lines.append("|" + "---|" * len(cells))  # trafilatura's header rule, which the table readers know
            return
        if tag == "dt":  # 'Term: value', as a fact box reads
            flush()
            value = el.getnext()
            term = " ".join(el.text_content().split())
            if value is not None and value.tag == "dd":
                lines.append(f"{term}: {' '.join(value.text_content().split())}")
                consumed.add(value)
            elif term:
                lines.append(term)
            return
        if tag == "dd" and el in consumed:
            return
        block = tag in _BLOCK_TAGS
        if block:
            flush()
            if tag == "li":
                line.append("- ")
        line.append(el.text or "")
        for child in el:
            walk(child)
            line.append(child.tail or "")
        if block:
            flush()

    walk(element)
    flush()
    return "\n".join(lines)


_STOPWORDS = {
    "en": "the and of to in is for with that are on as by this from will be".split(),
    "it": "il di che la per con del della sono una nel gli le dei delle".split(),
    "es": "el la de que los las del por con para una es en se al".split(),
    "fr": "le la les des du de et est pour une dans que sur avec au".split(),
    "de": "der die das und ist mit den von zu für ein eine auf im des".split(),
    "pt": "o a os as de do da dos das que em para com uma não".split(),
    "nl": "de het een van en is in op met voor te zijn dat niet".split(),
    "pl": "i w z na do się jest że nie to od po dla oraz".split(),
}
_STOPWORD_SETS = {lang: frozenset(words) for lang, words in _STOPWORDS.items()}


def detect_language(text: str) -> str:
    """Crude stop-word vote, enough to flag non-English pages ('und' when unsure)."""
    words = re.findall(r"[^\W\d_]+", text[:20000].lower())
    if len(words) < 5:
        return "und"
    scores = {lang: sum(1 for w in words if w in sw) for lang, sw in _STOPWORD_SETS.items()}
    lang, best = max(scores.items(), key=lambda kv: kv[1])
    return lang if best >= max(2, len(words) // 50) else "und"


def _read_bytes(path: str, limit: int) -> bytes:
    """At most ``limit`` bytes of a local file or an fsspec URL."""
    if is_url(path):
        import fsspec

        with fsspec.open(path, "rb") as fh:
            return fh.read(limit)
    with open(path, "rb") as fh:
        return fh.read(limit)


def read_page(ref: PageRef, max_bytes: int) -> Page | Rejection:
    """Read, decode and clean one page; every failure is a Rejection with a reason."""
    try:
        data = _read_bytes(ref.path, max_bytes + 1)
    except FileNotFoundError:
        return Rejection(ref.source, "vanished", "file disappeared after the folder was scanned")
    except OSError as exc:
        return Rejection(ref.source, "unreadable", str(exc))
    if len(data) > max_bytes:
        return Rejection(ref.source, "too_large", f"over the {max_bytes}-byte limit (max_bytes)")
    if hashlib.sha256(data).hexdigest() != ref.sha256:
        return Rejection(ref.source, "changed_during_run", "content changed after the folder was scanned; next run takes it")
    if not data.strip():
        return Rejection(ref.source, "empty", "file is empty or whitespace only")
    if looks_binary(data):
        return Rejection(ref.source, "binary", "file holds binary data (NUL or control bytes), not text")
    try:
        raw_text, encoding = decode(data)
    except (UnicodeDecodeError, LookupError) as exc:
        return Rejection(ref.source, "undecodable", str(exc))
    is_html = Path(ref.source).suffix.lower() in HTML_SUFFIXES or raw_text.lstrip()[:200].lower().startswith(("<!doctype html", "<html"))
    if is_html:
        try:
            raw_text = html_to_text(raw_text)
        except Exception as exc:  # malformed markup must not stop the run
            return Rejection(ref.source, "bad_html", f"{type(exc).__name__}: {exc}")
    text = normalise(raw_text).strip()
    if not text:
        return Rejection(ref.source, "no_text", "no readable text after decoding" + (" and HTML cleaning" if is_html else ""))
    return Page(ref, text, "html" if is_html else "text", encoding, detect_language(text))
