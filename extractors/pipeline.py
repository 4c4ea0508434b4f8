"""One entry point: a parsed spaCy Doc in, every record kind out.

The order matters only where one extractor is another's context: places first
(links need resolved cities), programmes before funding (funder names) and links.
"""
from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from .funding import extract_funding
from .links import Party, extract_links, find_parties
from .places import PlaceResult, extract_places
from .programmes import ProgrammeHit, extract_programmes
from .records import Extraction
from .text import Sentences, doc_text
from .years import extract_years

# Bump when extraction logic changes in a way that changes output: stored documents
# extracted by another version are extracted again on the next run.
EXTRACTOR_VERSION = "67"


def home_country(places: PlaceResult) -> str | None:
    """Country of the page's own city, whose currency a bare '$' is: the town the page
    opens with when it names it at least three times and no other town more often but
    one, else the city the page names most often. A province or state named more often than any town is the
    page's home instead (an Alberta release about its ties with Hokkaido's towns)."""
    towns = [m for m in places.mentions if m.label == "CITY" and m.value]
    counts = Counter(m.value for m in towns)
    region = max((r for r in places.regions if r.country_code), key=lambda r: r.n_mentions, default=None)
    top = counts.most_common(1)[0] if counts else None
    first = min(towns, key=lambda m: m.start, default=None)
    if first is not None and first.start < 300 and counts[first.value] >= 3 \
            and counts[first.value] >= ([n for _, n in counts.most_common(2)] + [0])[1]:
        top = (first.value, counts[first.value])  # the town the page opens with (its site's): 'Mildura Rural City Council'
        # (the minutes' sister city Ontario, California may be named as often)
    if region is not None and region.n_mentions > (top[1] if top else 0):
        return region.country_code
    if top is None:
        return None
    return next((c.country_code for c in places.cities if str(c.geonames_id) == top[0]), None)


def place_countries(places: PlaceResult) -> list[str]:
    """The country of every town and region mention: which dollar a page's '$' is."""
    city_cc = {str(c.geonames_id): c.country_code for c in places.cities}
    found = [city_cc[m.value] for m in places.mentions if m.label == "CITY" and m.value in city_cc]
    return found + [r.country_code for r in places.regions if r.country_code for _ in range(r.n_mentions)]


def link_parties(doc: Doc, places: PlaceResult, programme_hits: list[ProgrammeHit]) -> list[Party]:
    """The cities, regions and organisations links can join (also what the link model
    is trained on: tools/train_link_model.py)."""
    city_mentions = [m for m in places.mentions if m.label == "CITY"]
    region_mentions = [m for m in places.mentions if m.label == "REGION"]
    return find_parties(doc, places.cities, city_mentions, places.regions, region_mentions, programme_hits)


def extract(doc: Doc) -> Extraction:
    sents = Sentences.of(doc)
    text = doc_text(doc)
    places = extract_places(doc, sents)
    programmes, programme_hits, programme_mentions = extract_programmes(text, sents)
    years, year_mentions = extract_years(text, sents)
    funding, money_mentions = extract_funding(text, sents, programme_hits,
                                              [c.country_code for c in places.countries],
                                              place_countries(places), home_country(places))
    parties = link_parties(doc, places, programme_hits)
    links = extract_links(doc, sents, parties, programme_hits, years,
                          {r.name: r.region_type for r in places.regions if r.region_type})
    mentions = sorted(places.mentions + programme_mentions + year_mentions + money_mentions,
                      key=lambda m: (m.start, m.end, m.label))
    return Extraction(cities=places.cities, countries=places.countries, regions=places.regions,
                      years=years, funding=funding, programmes=programmes, partner_links=links,
                      mentions=mentions)
