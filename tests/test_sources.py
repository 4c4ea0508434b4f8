"""Reading pages: encodings, HTML, and every kind of bad file gets a reason."""
from __future__ import annotations

import os

import pytest

from citycoop.sources import Page, Rejection, decode, detect_language, discover, normalise, read_page

PAGE = "The City of Torino signed a twinning agreement with Nagoya in 2005. Città di Torino, São Paulo — €5 million."


def _read(tmp_path, name: str, data: bytes, max_bytes: int = 1_000_000):
    (tmp_path / name).write_bytes(data)
    refs, rejected = discover(tmp_path, max_bytes)
    if rejected:
        return rejected[0]
    return read_page(refs[0], max_bytes)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1252"])
def test_common_encodings_decode_to_the_same_text(tmp_path, encoding):
    page = _read(tmp_path, "p.txt", PAGE.encode(encoding))
    assert isinstance(page, Page)
    assert page.text == PAGE


def test_mojibake_is_repaired():
    broken = PAGE.encode("utf-8").decode("cp1252", errors="replace")
    assert "Ã" in broken
    assert normalise(broken) == PAGE


def test_no_break_spaces_become_spaces():
    assert normalise("€\u00a032\u202fmillion for Anci\u00a0Lazio") == "€ 32 million for Anci Lazio"


def test_html_keeps_article_lists_and_tables_and_drops_boilerplate(tmp_path):
    html = b"""<!doctype html><html><head><title>T</title><script>var x = 'Berlin';</script></head><body>
    <nav><a href='/'>Home</a> <a href='/news'>News about Madrid</a></nav>
    <div class='cookie-banner'>We use cookies to improve your experience. Accept all cookies.</div>
    <article><h1>Two cities sign a partnership</h1>
    <p>The City of Graz and the City of Maribor agreed today to cooperate on urban mobility for the next
    three years, within the URBACT programme. The partnership was signed on 3 March 2024 in Graz.</p>
    <p>The project partners are listed below, with their roles in the network.</p>
    <ul><li>City of Graz (AT), lead partner</li><li>City of Maribor (SI)</li></ul>
    <table><tr><td>Partner</td><td>Budget</td></tr><tr><td>Graz</td><td>EUR 450 000</td></tr></table>
    </article><footer>Copyright 2024 Example Portal. Imprint. Privacy policy.</footer></body></html>"""
    page = _read(tmp_path, "p.html", html)
    assert isinstance(page, Page) and page.content_type == "html"
    assert "City of Maribor (SI)" in page.text
    assert "EUR 450 000" in page.text
    assert "cookies" not in page.text and "var x" not in page.text


def test_html_keeps_every_section_of_the_marked_main_content(tmp_path):
    """trafilatura keeps only the two <article>s of this page (the lighthouse cities); the
    page's <main> holds three sections, and their facts (a budget table, the fellow
    cities, who mentors whom) are what the page is about."""
    html = b"""<!doctype html><html><head><title>Cities | SOLARIS</title></head><body>
    <header><nav><a href='/'>Home</a> | <a href='/cities'>Cities</a></nav></header>
    <main>
    <section><h1>Lighthouse and Fellow cities</h1>
      <p>SOLARIS is a Horizon Europe project that demonstrates solar districts in two cities.</p>
      <table><tr><th>Total cost</th><td>EUR 18.2 million</td></tr><tr><th>EU contribution</th><td>EUR 15.1 million</td></tr></table>
    </section>
    <section><h2>Lighthouse cities</h2>
      <article><h3>Tampere (FI)</h3><p>Tampere will turn the Hiedanranta district, a former pulp mill next to the lake,
      into a solar district with 900 new homes, a seasonal heat store and a shared electricity market for residents.
      The city builds on ten years of district heating experience and on the lessons of an earlier smart-city project
      with two Nordic neighbours.</p></article>
      <article><h3>Bilbao (ES)</h3><p>Bilbao will connect the Zorrotzaurre island to a low-temperature heating loop fed by
      waste heat from a data centre, and will renovate two schools with photovoltaic facades and heat pumps. The
      existing heating network already supplies some 40,000 households, and the island's new homes join it in three
      phases.</p></article>
    </section>
    <section><h2>Fellow cities</h2>
      <ul><li>Lublin (PL) - solar schools</li><li>Braga (PT) - an energy community</li></ul>
      <p>Each Fellow city receives EUR 150,000. Lublin will be mentored by Tampere.</p>
    </section>
    <aside>Related news: Berlin opens a new tram line.</aside>
    </main>
    <footer>Copyright 2024 SOLARIS consortium. Imprint. Privacy.</footer></body></html>"""
    page = _read(tmp_path, "p.html", html)
    assert isinstance(page, Page)
    assert "| EU contribution | EUR 15.1 million |" in page.text  # a table row, as trafilatura writes one
    assert "- Lublin (PL) - solar schools" in page.text  # a list item
    assert "Lublin will be mentored by Tampere." in page.text
    assert "Zorrotzaurre island" in page.text
    assert "Berlin" not in page.text and "Imprint" not in page.text and "Home" not in page.text
    assert page.text.splitlines()[-1] == "© 2024"


def test_html_keeps_a_fact_box_that_main_text_extraction_drops(tmp_path):
    """A project page's facts sit in a <dl> beside its article: trafilatura keeps the
    article and drops the box (dates, lead partner, budget); they come back as
    'term: value' lines."""
    html = """<!doctype html><html><head><title>GreenQuays | Interreg</title></head><body>
    <header><nav><a href='/'>Home</a> | <a href='/projects'>Projects</a></nav></header>
    <main><article>
    <header><h1>Low-emission waterfronts for Baltic port cities</h1></header>
    <div class='project-facts'><dl>
      <dt>Programme period</dt><dd>2021–2027</dd>
      <dt>Lead partner</dt><dd>City of Gdańsk (Poland)</dd>
      <dt>Total budget</dt><dd>EUR 3.2 m</dd>
    </dl></div>
    <div class='entry-content'>
    <p>Port cities around the Baltic Sea face a double challenge. Their historic waterfronts are being turned into
    attractive places to live and work, while ferries and delivery vans still bring noise and air pollution into the
    city centre. Ships at berth keep their diesel engines running because quays have no shore-power connection.</p>
    <p>Gdańsk will cooperate with Klaipėda on a shared technical specification for shore-power connections
    for passenger vessels, and the Port of Turku will test a small battery-electric ferry on the river Aura with a
    new timetable integrated with city buses. The project ends with investment plans for eight quays.</p>
    </div></article></main>
    <footer>Copyright 2025 Interreg Baltic Sea Region. Imprint.</footer></body></html>""".encode()
    page = _read(tmp_path, "p.html", html)
    assert isinstance(page, Page)
    assert "Gda\u0144sk will cooperate with Klaip\u0117da" in page.text
    assert "Programme period: 2021\u20132027" in page.text and "Total budget: EUR 3.2 m" in page.text
    assert "Imprint" not in page.text and "Projects" not in page.text


def test_html_keeps_a_twin_town_sidebar_and_a_dated_meta_line(tmp_path):
    """trafilatura drops a sidebar beside the article and a 'Label: value' meta line under
    the title. A sidebar that lists the town's twin towns, and a meta line that dates the
    cooperation, come back after the main text; the contact sidebar and the nav do not."""
    html = """<!doctype html><html><head><title>Angers and Bamako</title></head><body>
    <header><nav><a href='/'>Home</a> | <a href='/city'>City hall</a></nav></header>
    <main><article><h1>Fifty years of friendship between Angers and Bamako</h1>
    <p class='meta'>Programme: water and sanitation | Cooperation period: 2024–2026</p>
    <p>Angers and the District of Bamako signed their cooperation charter in 1974. Since then, the two cities have
    worked together on drinking water, sanitation and the training of municipal staff, with the support of the
    Loire-Bretagne water agency and of the French Ministry for Europe and Foreign Affairs.</p>
    <p>A new three-year programme on solid waste is being prepared with Angers Loire Métropole and will be submitted
    to the next call for projects. Around fifteen Malian students have completed internships in Angers.</p>
    </article>
    <aside class='sidebar'><h2>Angers' twin towns</h2><p>Angers is twinned with seven cities:</p>
    <ul><li><a href='/haarlem'>Haarlem</a> (Netherlands) – since 1964</li>
    <li><a href='/pisa'>Pisa</a> (Italy) – since 1982</li><li><a href='/wigan'>Wigan</a> (United Kingdom) – since 1988</li></ul>
    </aside>
    <aside class='contact'><h2>Contact</h2><ul><li>International Relations</li><li>Phone 02 41 05 40 00</li></ul></aside>
    </main><footer>Legal notice | Accessibility</footer></body></html>""".encode()
    page = _read(tmp_path, "p.html", html)
    assert isinstance(page, Page)
    assert "- Pisa (Italy) \u2013 since 1982" in page.text and "Angers is twinned with seven cities:" in page.text
    assert "Cooperation period: 2024\u20132026" in page.text
    assert "Phone 02 41" not in page.text and "City hall" not in page.text and "Legal notice" not in page.text


def test_html_keeps_a_sister_city_box_that_main_text_extraction_drops(tmp_path):
    """trafilatura drops a 'related' box inside the article; when its heading names the
    city's sister cities, its text comes back after the main text. The footer's does not."""
    html = """<!doctype html><html><head><title>Tamale and Louisville | WaterLinks</title></head><body>
    <header><nav><a href='/'>Home</a> <a href='/cases'>Case studies</a></nav></header>
    <article><h1>A sister city partnership for safe water</h1>
    <p>Louisville, Kentucky, and Tamale, the capital of Ghana's Northern Region, have been sister cities since 1979.
    For decades the relationship focused on education, health and church exchanges organised by volunteers.</p>
    <p>In 2019 the relationship took a new direction. Louisville Water Company agreed to a peer-to-peer partnership
    with the Tamale district of Ghana Water Limited to reduce the water lost through leaks and faulty meters.</p>
    <div class="related-box"><h3>About Louisville's sister cities</h3>
    <p>Louisville also has sister city relationships with Mainz (Germany), Montpellier (France) and Quito (Ecuador).</p>
    </div></article>
    <footer><div><h4>Our partner cities</h4><p>Read more about our partner cities here.</p></div></footer>
    </body></html>""".encode()
    page = _read(tmp_path, "p.html", html)
    assert isinstance(page, Page)
    assert "About Louisville's sister cities" in page.text
    assert "relationships with Mainz (Germany), Montpellier (France) and Quito (Ecuador)." in page.text
    assert "Read more" not in page.text


def test_html_keeps_sister_cities_and_facts_from_a_sidebar_beside_main(tmp_path):
    """A sidebar next to ``<main>`` (not in it) that lists the city's sister cities in a
    box of its own, or the project's facts as a ``<dl>``: trafilatura drops both; they come
    back after the main text. The sidebar's contact box and the footer do not."""
    html = """<!doctype html><html><head><title>Bulletin | Kyoto City</title></head><body>
    <header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></header>
    <div class="wrap"><main><article><h1>International Exchange Bulletin</h1>
    <p>A delegation from the City of Prague visited Kyoto from 20 to 24 October to attend a symposium on the
    conservation of wooden buildings and historic townscapes, and the two cities agreed on an exchange of experts.</p>
    <p>Kyoto's oldest sister city in Germany, Cologne, sent eighteen students from its vocational schools to Kyoto
    in September. The exchange was organised with the Japanese-German Society and hosted by local families.</p>
    </article></main>
    <aside id="side">
      <div class="side-box"><h3>Kyoto's sister cities</h3>
        <ul><li>Paris, France (1958)</li><li>Boston, USA (1959)</li><li>Cologne, Germany (1963)</li></ul>
      </div>
      <div class="side-box"><h3>Project facts</h3>
        <dl><dt>Start date</dt><dd>01/09/2023</dd><dt>Total budget</dt><dd>JPY 12 million</dd></dl>
      </div>
      <div class="side-box"><h3>Contact</h3><p>International Relations Office, Kyoto City Hall</p></div>
    </aside></div>
    <footer><p>Sister city links: see our sister cities page. Copyright 2025</p></footer></body></html>""".encode()
    page = _read(tmp_path, "p.html", html)
    assert isinstance(page, Page)
    assert "Kyoto's sister cities" in page.text and "- Paris, France (1958)" in page.text
    assert "Start date: 01/09/2023" in page.text and "Total budget: JPY 12 million" in page.text
    assert "Kyoto City Hall" not in page.text and "Sister city links" not in page.text
    assert page.text.splitlines()[-1] == "© 2025"  # the years of the footer's copyright notice only


def test_html_keeps_a_twin_town_sidebar_on_a_page_without_main(tmp_path):
    """A press release in an ``<article>`` (no ``<main>``) with a sidebar listing the city's
    twin towns and their years: the list comes back, and so does the sidebar's 'More news'
    list (see the next test); the footer does not."""
    html = """<!doctype html><html><head><title>Chemnitz and Manchester | Stadt Chemnitz</title></head><body>
    <nav><a href='/'>Home</a> <a href='/press'>Press</a></nav>
    <article><h1>Chemnitz and Manchester sign a culture protocol</h1>
    <p>The City of Chemnitz and Manchester City Council signed a protocol on cultural cooperation on 12 March 2025,
    forty-two years after the two cities became twin towns. Museums, orchestras and schools will exchange staff.</p>
    <p>The City of Chemnitz will provide EUR 120,000 from its budget for international relations between 2025 and
    2028, and Manchester City Council has committed GBP 75,000 over the same period.</p>
    </article>
    <aside class="sidebar"><h3>Our twin towns</h3>
      <ul><li>Tampere, Finland (1961)</li><li>Ljubljana, Slovenia (1966)</li><li>Arras, France (1967)</li></ul>
      <h3>More news</h3><ul><li><a href='/p/209'>Youth football tournament with teams from Łódź</a></li></ul>
    </aside>
    <footer>Stadt Chemnitz, Markt 1</footer></body></html>""".encode()
    page = _read(tmp_path, "p.html", html)
    assert isinstance(page, Page)
    assert "- Tampere, Finland (1961)" in page.text and "- Arras, France (1967)" in page.text
    assert "\n- Youth football tournament with teams from Łódź" in page.text and "Markt 1" not in page.text


def test_html_keeps_a_related_news_sidebar_one_headline_a_line(tmp_path):
    """A 'Related news' list beside ``<main>`` states facts of its own (a joint audit, its
    date) that trafilatura drops with the sidebar: it comes back under its heading, one
    headline and one date a line. The sidebar's contact box, the nav and the footer do not."""
    html = """<!doctype html><html><head><title>Nadi and Cairns | CLGF Pacific</title></head><body>
    <nav><a href='/'>Home</a> <a href='/news'>News</a></nav>
    <main><article><h1>Nadi and Cairns sign a municipal partnership</h1>
    <p>Nadi Town Council and Cairns Regional Council signed a three-year partnership on 14 May 2024 to improve
    waste collection and disaster preparedness. The programme provides AUD 480,000 for the work.</p>
    <p>Lautoka City Council attended the signing as an observer and is not a party to the agreement.</p>
    </article></main>
    <aside><section class="related"><h3>Related news</h3><ul>
      <li><a href="/n/1">Honiara City Council and Auckland Council launch joint waste audit</a><br><small>3 June
      2024</small></li>
      <li><a href="/n/2">Port Vila trains youth in drone mapping</a><br><small>12 March 2024</small></li></ul>
    </section><section class="contact"><h3>Contact</h3><p>Pacific office, Suva, Fiji</p></section></aside>
    <footer>© 2025 CLGF</footer></body></html>""".encode()
    page = _read(tmp_path, "p.html", html)
    assert isinstance(page, Page)
    lines = page.text.splitlines()
    at = lines.index("Related news")
    assert lines[at + 1:at + 5] == ["- Honiara City Council and Auckland Council launch joint waste audit",
                                    "3 June 2024", "- Port Vila trains youth in drone mapping", "12 March 2024"]
    assert "Suva" not in page.text and "Home" not in lines
    assert lines[-1] == "© 2025"  # the years of the footer's copyright notice come back, the rest of it does not


def test_html_keeps_a_sidebar_of_other_pairings_but_not_links_to_listings(tmp_path):
    """'Other IURC pairings' beside ``<main>`` lists pairs ('Halifax – Aarhus: ...'): they come
    back. A 'Related pairings' box of links to listing pages does not."""
    def page(box: str) -> str:
        html = f"""<!doctype html><html><head><title>Guelph and Wageningen | IURC</title></head><body>
        <main><article><h1>Guelph – Wageningen: agri-food innovation</h1>
        <p>The City of Guelph and the Municipality of Wageningen were paired in 2023 under the International Urban
        and Regional Cooperation programme to compare how municipalities support agri-food start-ups.</p>
        <p>Two study visits took place in 2024, and a joint policy brief on food waste was published in November.
        The cities will continue their exchange until the end of the programme in 2026.</p>
        </article></main>
        <aside class="related">{box}</aside>
        <footer><p>IURC is funded by the European Union.</p></footer></body></html>""".encode()
        result = _read(tmp_path, "p.html", html)
        assert isinstance(result, Page)
        return result.text
    text = page("<h3>Other IURC North America pairings</h3><ul><li><a href='/p/1'>Halifax – Aarhus: ports and "
                "offshore wind</a></li><li><a href='/p/2'>Kingston – Leuven: university towns</a></li></ul>")
    assert "- Halifax – Aarhus: ports and offshore wind" in text and "- Kingston – Leuven" in text
    text = page("<h3>Related pairings</h3><ul><li><a href='/all'>See all EU–Australia and EU–New Zealand "
                "pairings</a></li><li><a href='/c'>Thematic cluster: circular economy</a></li></ul>")
    assert "New Zealand" not in text and "Guelph and the Municipality of Wageningen" in text


def test_html_keeps_a_projects_key_facts_list(tmp_path):
    """A project's key facts as a list of 'Label: value' items beside the summary: trafilatura
    drops the list, so its duration and budget come back as lines after the main text."""
    html = """<!doctype html><html><head><title>ISLACIRC | Interreg MAC</title></head><body>
    <header><nav><a href='/'>Home</a> | <a href='/projects'>Projects</a></nav></header>
    <main><article><h1>ISLACIRC</h1>
    <ul class='project-meta'>
      <li><strong>Programme:</strong> Interreg VI-D Madeira-Azores-Canarias (MAC) 2021-2027</li>
      <li><strong>Duration:</strong> 01/10/2023 – 30/09/2026 (36 months)</li>
      <li><strong>Total eligible budget:</strong> € 2,145,600.00</li>
      <li><strong>ERDF contribution:</strong> € 1,823,760.00 (85%)</li>
    </ul>
    <h3>Summary</h3>
    <p>Island and coastal municipalities in Macaronesia and West Africa face the same problem: limited land for
    landfills, high transport costs for recyclable materials and a fast-growing volume of organic waste.</p>
    <p>The project will develop a shared methodology for municipal waste audits, pilot the separate collection of
    organic waste in five municipalities and train 120 municipal technicians in Lanzarote, Funchal and Praia.</p>
    </article></main><footer>Imprint | Privacy</footer></body></html>""".encode()
    page = _read(tmp_path, "p.html", html)
    assert isinstance(page, Page)
    assert "- Total eligible budget: \u20ac 2,145,600.00" in page.text
    assert "- Duration: 01/10/2023 \u2013 30/09/2026 (36 months)" in page.text
    assert "Imprint" not in page.text and "Projects" not in page.text


def test_html_keeps_the_years_of_the_footers_copyright_notice_and_nothing_else_of_the_footer(tmp_path):
    """Main-text extraction drops the footer; its copyright notice's years are years the page
    states (the gold sets count them), so they come back, last, as '© 2006–2024': the last
    notice's, not a photo credit's before it. The holder, addresses and menus stay out; a
    notice without a year adds no line (the credit, which the text already holds, adds none)."""
    def html(footer: str) -> bytes:
        return f"""<!doctype html><html><head><title>Lviv and Wrocław | Lviv City Council</title></head><body>
        <nav><a href='/'>Home</a> <a href='/news'>News</a></nav>
        <article><h1>Lviv and Wrocław agree on modular housing</h1>
        <p>The City of Wrocław will allocate PLN 6 million from its municipal budget for the construction of modular
        housing in Lviv, the two mayors announced on 12 February 2024. The cities have been partners since 2002.</p>
        <p>Construction is to begin in spring and the first families are expected to move in by the end of the year.</p>
        <p><small>Photo © 2019 Lviv City Council press office</small></p>
        </article><footer>{footer}</footer></body></html>""".encode()

    page = _read(tmp_path, "a.html", html("<p>Lviv City Council, 1 Rynok Square, 79008 Lviv</p>"
                                          "<p class='copyright'>&copy; 2006&ndash;2024 Lviv City Council. All rights "
                                          "reserved.</p><p><a href='/privacy'>Privacy</a></p>"))
    assert isinstance(page, Page)
    assert page.text.splitlines()[-1] == "© 2006–2024"
    assert "Rynok" not in page.text and "Privacy" not in page.text and "reserved" not in page.text
    (tmp_path / "a.html").unlink()
    page = _read(tmp_path, "b.html", html("<p>© Lviv City Council. All rights reserved.</p>"))
    assert isinstance(page, Page) and page.text.splitlines()[-1] != "© 2019"


_NEWS = """<!doctype html><html><head><title>News | Stadt Graz</title>{meta}</head><body>
    <header>{header}</header>
    <article><h1>Graz and Maribor sign a partnership</h1>
    <p>The City of Graz and the City of Maribor agreed today to cooperate on urban mobility for the next
    three years, within the URBACT programme, and to exchange staff between their transport departments.</p>
    <p>Both mayors said that the agreement builds on ten years of informal contacts between the two cities.</p>
    </article><footer>Copyright 2025 Example Portal.</footer></body></html>"""
_TITLE = "Graz and Maribor sign a partnership"


@pytest.mark.parametrize("meta,header,first_line", [
    # the page's date, then the site's name from its title open the text: main-text extraction
    # drops the header and the head that show them, and the site's name is often the only
    # mention of the page's owner
    ('<meta property="article:published_time" content="2024-11-15T16:30:00+01:00">', "", "Published: 2024-11-15"),
    ("", '<div class="news-date">Friday, 15/11/2024 - 16:30</div>', "Published: 2024-11-15"),
    # no date in the markup, or only a year: no line (htmldate's YYYY-01-01 is often a copyright year)
    ("", "<nav>Home</nav>", _TITLE),
    ('<meta name="date" content="2025">', "<nav>Home</nav>", _TITLE),
])
def test_html_publication_date_then_site_name_open_the_text(tmp_path, meta, header, first_line):
    page = _read(tmp_path, "news.html", _NEWS.format(meta=meta, header=header).encode())
    assert isinstance(page, Page)
    lines = [line for line in page.text.split("\n") if line]
    if first_line.startswith("Published"):
        assert lines[:3] == [first_line, "Stadt Graz", _TITLE]
    else:
        assert lines[:2] == ["Stadt Graz", first_line]


@pytest.mark.parametrize("title,first_line", [
    ("Partner cities - Stadt Graz", "Stadt Graz"),  # a dash before the site's name
    ("News – Canton of Basel-Stadt", "Canton of Basel-Stadt"),  # a hyphen inside it
    ("Graz and Maribor sign a partnership", _TITLE),  # no site's name: nothing added
    ("Partners | City of Graz", _TITLE),  # the text's start names it already
])
def test_html_site_name_comes_from_the_title_once(tmp_path, title, first_line):
    html = _NEWS.format(meta="", header="").replace("<title>News | Stadt Graz</title>", f"<title>{title}</title>")
    page = _read(tmp_path, "news.html", html.encode())
    assert isinstance(page, Page)
    assert page.text.split("\n")[0] == first_line and page.text.count(first_line) == 1


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "empty"),
    ("blank.txt", b"  \n\t\n", "empty"),
    ("bin.txt", bytes(range(256)) * 8, "binary"),
    ("pic.png", b"\x89PNG\r\n", "unsupported_type"),
    ("tags.html", b"<html><body><script>x()</script></body></html>", "no_text"),
])
def test_bad_files_are_rejected_with_a_reason(tmp_path, name, data, reason):
    got = _read(tmp_path, name, data)
    assert isinstance(got, Rejection)
    assert got.reason == reason and got.detail


def test_too_large_files_are_rejected(tmp_path):
    got = _read(tmp_path, "big.txt", b"word " * 1000, max_bytes=100)
    assert isinstance(got, Rejection) and got.reason == "too_large"


def test_symlink_outside_raw_is_rejected_and_nested_folders_are_read(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text("not for us")
    raw = tmp_path / "raw"
    (raw / "a" / "b").mkdir(parents=True)
    (raw / "a" / "b" / "page.txt").write_text(PAGE)
    os.symlink(outside, raw / "link.txt")
    refs, rejected = discover(raw, 10_000)
    assert [r.source for r in refs] == ["a/b/page.txt"]
    assert [(r.source, r.reason) for r in rejected] == [("link.txt", "outside_raw")]


def test_file_vanishing_after_the_scan_is_rejected(tmp_path):
    (tmp_path / "p.txt").write_text(PAGE)
    refs, _ = discover(tmp_path, 10_000)
    (tmp_path / "p.txt").unlink()
    got = read_page(refs[0], 10_000)
    assert isinstance(got, Rejection) and got.reason == "vanished"


def test_decode_prefers_strict_utf8():
    assert decode("Kraków".encode()) == ("Kraków", "utf-8")


def test_a_western_page_the_detector_ties_with_central_european_reads_as_windows_1252():
    """The same bytes read as 'Hillerød' (Windows-1252) or 'Hillerřd' (Windows-1250): the
    detector scores both alike (heldout140's Danish newsletter), and Western wins."""
    danish = ("Hillerød has four Nordic friendship towns: Hämeenlinna in Finland, Falun in Sweden, Lillehammer "
              "in Norway and Tórshavn in the Faroe Islands. The municipality granted kr. 25.000 to the Hillerød "
              "group.\n") * 3
    assert decode(danish.encode("cp1252")) == (danish, "cp1252")


def test_a_polish_page_in_windows_1250_stays_windows_1250():
    polish = ("Współpraca miast partnerskich: Łódź, Kraków i Wrocław podpisały porozumienie. Źródła "
              "finansowania są jeszcze ustalane, a żadna decyzja nie zapadła.\n") * 3
    text, encoding = decode(polish.encode("cp1250"))
    assert text == polish and encoding in ("cp1250", "iso8859_2")


@pytest.mark.parametrize("text,lang", [
    ("The city of Turin and the city of Nagoya are partners in the programme for innovation.", "en"),
    ("Il Comune di Torino e la città di Nagoya sono partner del programma per la innovazione.", "it"),
    ("La ciudad de Lugo y el ayuntamiento de Donostia colaboran en el programa de los residuos.", "es"),
])
def test_language_is_detected(text, lang):
    assert detect_language(text) == lang
