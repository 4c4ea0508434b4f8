"""Cities, countries and regions: table-driven cases on short texts, real spaCy model.

Cases are grouped by origin; known misses are strict xfails, so a fix is noticed."""
from __future__ import annotations

import pytest

from extractors.places import extract_places

# (text, expected {city: country}, cities that must NOT appear)
DEVSET = [
    ("Latina and Colleferro will engage in cooperation. Both towns are in the Italian region of Lazio.",
     {"Latina": "IT", "Colleferro": "IT"}, {"Lazio"}),
    ("Increasing urban resiliency would be an area of common interest for Donostia-San Sebastian, Lugo, and Toyama.",
     # GeoNames' bilingual name ('Donostia / San Sebastián') gives way to the page's spelling
     {"Donostia-San Sebastian": "ES", "Lugo": "ES", "Toyama": "JP"}, set()),
    ("The City of Aurora is the second-largest city in Illinois.", {"Aurora": "US"}, {"Illinois"}),
    ("Chihuahua is the largest State in Mexico and accounts for 12.6% of the country area.", {}, {"Chihuahua"}),
    ("Bratislava will continue to cooperate with Tokorozawa to integrate urban ecology.",
     {"Bratislava": "SK", "Tokorozawa": "JP"}, set()),
    ("By Jardoz - Own work, CC BY-SA 3.0\n\nCastilla y León is Spain’s largest region.", {}, {"Castilla y León"}),
    ("By Alabama / Martin Künzel, Berlin - own work,...\n\nBari has a solid mercantile tradition.",
     {"Bari": "IT"}, {"Berlin"}),
    ("The City of Torino aims to offer its Japanese partners the Torino Social Impact ecosystem.",
     {"Turin": "IT"}, set()),
]
COMPOSED = [
    ("The Municipality of Velletri signed an agreement with the City of Nagoya, Japan.",
     {"Velletri": "IT", "Nagoya": "JP"}, set()),
    ("Wrocław and Kraków are the Polish partners; Breslau was the German name of Wroclaw.",
     {"Wrocław": "PL", "Kraków": "PL"}, set()),
    ("Researchers from the University of Bologna visited Leipzig in May.", {"Leipzig": "DE"}, {"Bologna"}),
    ("The partners are the City of Valencia (ES) and the Municipality of Lisboa (PT).",
     {"Valencia": "ES", "Lisbon": "PT"}, set()),
    ("Atlanta, Georgia signed a memorandum with Savannah to promote tourism in the United States.",
     {"Atlanta": "US", "Savannah": "US"}, {"Georgia"}),
    ("Lugo (IT) in Emilia-Romagna hosted the meeting with Ravenna.", {"Lugo": "IT", "Ravenna": "IT"}, set()),
    # lower-case words inside names ('nad', 'aan den')
    ("Delegations from Ústí nad Labem, Jablonec nad Nisou and Alphen aan den Rijn met in Brno.",
     {"Ústí nad Labem": "CZ", "Jablonec nad Nisou": "CZ", "Alphen aan den Rijn": "NL", "Brno": "CZ"}, {"Nisou"}),
    ("Andalusia and Jalisco will work together; Seville is in Spain.", {"Sevilla": "ES"}, {"Andalusia", "Jalisco"}),
    ("London, Ontario, Canada, renewed its ties with Nanjing.", {"London": "CA", "Nanjing": "CN"}, {"Ontario"}),
    ("The agri-food sector and the Roman walls; Media contact: press office.", {}, {"Ağrı", "Roman", "Media"}),
]
HELDOUT22_23 = [  # tests/gold/heldout22-23 shapes
    ("Our sister cities are Buffalo, New York, U.S.A. and Florence, Italy.",
     {"Buffalo": "US", "Florence": "IT"}, {"New York City"}),
    ("The Canton of Basel-Stadt and Bristol City Council are partners.", {}, {"Guangzhou"}),
    # a state locates a town only where towns are written so, and not inside a list
    ("The forum was attended by delegations from Lima, La Paz, Buenos Aires and Montevideo.",
     {"La Paz": "BO", "Buenos Aires": "AR", "Montevideo": "UY"}, set()),
    ("Twin towns by country. Latvia: Jelgava, Liepāja", {"Jelgava": "LV", "Liepāja": "LV"}, set()),
    # a country's possessive is a cue for that country's towns only
    ("Finland's Lahti won the prize. Germany's Federal Ministry and Ukraine's Independence Day.",
     {"Lahti": "FI"}, {"Federal", "Independence"}),
    # a town's other name typed as a province is the province on the whole page
    ("The People's Committee of Bình Định Province and the Lombardy Region signed. Bình Định has 11 partners.",
     {}, {"An Nhơn"}),
]
HELDOUT34_35 = [  # tests/gold/heldout34-35 shapes (after their untuned measurement)
    # 'Guangzhou in China' locates Guangzhou only: Porto is not Nehe (whose other name is Porto);
    # an English exonym of a city ten times larger beats the towns that bear it as their own name
    ("Our other twin cities: Bordeaux and Hanover, Porto, Beira in Mozambique and Guangzhou in China.",
     {"Hannover": "DE", "Porto": "PT", "Beira": "MZ", "Guangzhou": "CN"}, {"Nehe", "Hanover"}),
    # a table row locates its town; the end of a hyphenated compound name is no town
    ("| Sister city | Country | Since |\n|---|---|---|\n| Guadalajara | Mexico | 1983 |\n"
     "| Château-Gontier-sur-Mayenne | France | 1983 |\n", {"Guadalajara": "MX"}, {"Mayenne"}),
]
HELDOUT38_39 = [  # tests/gold/heldout38-39 shapes (after their untuned measurement)
    # a name that is also an English word, on a page that names its country and two more of its towns
    ("The partners are the ports of Rijeka, Zadar and Šibenik in Croatia.\nPilot 2 – Split: a mobile "
     "shore-power unit for island ferries.", {"Split": "HR"}, set()),
    # ... but not as a sentence's first word
    ("The partners are the ports of Rijeka, Zadar and Šibenik in Croatia. Split the budget evenly.",
     {"Rijeka": "HR"}, {"Split"}),
    # a space alone does not attach a country to the word before it
    ("As Norway is not an EU Member State, Kristiansand's participation is financed nationally.",
     {"Kristiansand": "NO"}, {"Ås"}),
    # the start of a hyphenated name is no town of its own ('Sør' is also Tyre's other name)
    ("Kirkenes, the administrative centre of Sør-Varanger municipality, has a friendship agreement with Nikel.",
     {"Nikel": "RU"}, {"Tyre"}),
    # (heldout41) a country's name is no town of that name after a 'city' cue alone
    ("Harbin and Wuhan in China are partners of Edmonton, one of the oldest Canada-China city relationships.",
     {"Harbin": "CN"}, {"China"}),
    # (heldout43) a region's name ends at a full stop: 'Baltimore. Bong County' is no region
    ("Delegations visit Annapolis and the City of Baltimore. Bong County in Liberia is inactive.",
     {"Annapolis": "US", "Baltimore": "US"}, set()),
    # (heldout43) a state named like a small town elsewhere (and like 'Maryland City', another name) is the state
    ("The Maryland Sister States Program links the State of Maryland with regions abroad. Maryland works with "
     "Kanagawa. Delegations visit Annapolis and Baltimore. Bong County in Liberia is inactive.",
     {"Annapolis": "US"}, {"Maryland"}),
    # (heldout120-127) 'Stadt Kleve' (PERSON to the model) is the town, 'Gemeente Berg en Dal' no town 'Berg';
    # 'Tourcoing - Mouscron' (a PERSON tag over the dash) is two towns; 'Paços do Concelho' is a building
    ("Gemeente Nijmegen, Stadt Kleve, Gemeinde Kranenburg and Gemeente Berg en Dal are jointly starting a study.",
     {"Kleve": "DE", "Nijmegen": "NL"}, {"Berg"}),
    ("| Partners | Type | Since |\n|---|---|---|\n| Tourcoing - Mouscron      | cooperation charter       | 2019 |",
     {"Tourcoing": "FR", "Mouscron": "BE"}, set()),
    ("The Municipality of Porto and the Municipal Council of Maputo signed on Tuesday, at the Paços do Concelho, a "
     "cooperation protocol.", {"Porto": "PT", "Maputo": "MZ"}, {"Paços"}),
]
DEV3 = [  # tests/gold/dev3 phrasings
    ("Most recently, the city partnered with Dar es Salaam in Tanzania on sanitation.", {"Dar es Salaam": "TZ"}, set()),
    ("Differdange, a Luxembourg town of about 30,000 inhabitants, is the smallest city.", {"Differdange": "LU"}, set()),
]
KNOWN_MISSES = [
    pytest.param("The pilot project was tendered to experts of the Politecnico fìdi Milano.", {}, {"Milan"},
                 marks=pytest.mark.xfail(strict=True, reason="a typo ('fìdi' for 'di') hides that Milano is part "
                                                             "of a university name")),
]


def _cities(nlp, text):
    result = extract_places(nlp(text))
    return {c.name: c.country_code for c in result.cities}, result


HELDOUT66_67 = [  # tests/gold/heldout66-67 shapes (after their untuned measurement)
    # 'Palmerston North City' is an alternate name of Palmerston North: the council's name names the city
    ("Palmerston North City Council has voted to keep three of its four international city relationships.",
     {"Palmerston North": "NZ"}, set()),
    # ... but 'Bristol City' names a small Bristol in the US, not the English city 'Bristol' names
    ("The consortium brings together the City of Gothenburg, Bristol City Council and Chalmers University.",
     {"Gothenburg": "SE"}, {"Bristol"}),
]


HELDOUT72_75 = [  # tests/gold/heldout72-75 shapes (after their untuned measurement)
    # a town the gazetteer lacks is named after 'Stadt' on its line, not across a line break
    ("Canton of Basel-Stadt\n\nCross-border cooperation in the Upper Rhine region\nThe Stadt Zittau joined.",
     {"Zittau": "DE"}, {"Cross-border"}),
    # 'Twin' is one of GeoNames' names for Thuin (Belgium), and on these pages never the town
    ("Stavanger kommune\n\nTwin towns\nStavanger has seven twin towns, among them Aberdeen.",
     {"Stavanger": "NO"}, {"Thuin"}),
]


HELDOUT96_99 = [  # tests/gold/heldout96-99 shapes (after their untuned measurement)
    # the model reads 'The Hat Yai City Municipality' as a person: a name before 'City Municipality' is a town
    ("The Hat Yai City Municipality signed an agreement with the City of Songkhla.", {"Hat Yai": "TH"}, set()),
    # 'Universidad' is a village's name in GeoNames, and on these pages a university's first word
    ("The Universidad del Valle and Tampere University will act as research partners.", {}, {"Universidad"}),
    # 'Summit' is a US town's name, and here the meeting
    ("During the Summit, the secretariat of Mercociudades announced the results of the call.", {}, {"Summit"}),
    # (heldout100-103) a street named after a place is no town: '20, rue du Lac' is not Laç (Albania)
    ("Métropole de Lyon – 20, rue du Lac – Offices at Via Roma 12, Turin.", {"Turin": "IT"}, {"Laç", "Rome"}),
]


HELDOUT132_135 = [  # tests/gold/heldout132-135 shapes (after their untuned measurement)
    # the short name of a town the page names in full is that town, not another of the name
    ("Stadt Neustadt bei Coburg\n\nNeustadt and Ruelle-sur-Touvre celebrate 50 years of twinning. Letters to "
     "Neustadt have ended up elsewhere.", {"Neustadt": "DE", "Ruelle-sur-Touvre": "FR"}, set()),
    # capitalised 'Sister City' is a programme's name: no town 'Grant' after it
    ("The City of Boulder's Sister City Grant Program provides up to $3,000.", {"Boulder": "US"}, {"Grant"}),
    ("King's Lynn is a market town in Norfolk.", {"King's Lynn": "GB"}, set()),
]

HELDOUT156_159 = [  # tests/gold/heldout156-159 shapes (after their untuned measurement, version 61)
    # a US state named after small towns of its own country is the state ('California', MD has 11,857 people)
    ("Bendigo keeps its sister city relationship with Los Altos in California.",
     {"Bendigo": "AU", "Los Altos": "US"}, {"California"}),
    ("The delegation included growers from California and Oregon.", {}, {"California", "Oregon"}),
]
HELDOUT164_167 = [  # tests/gold/heldout164-167 shapes (after their untuned measurement, version 64)
    # 'the Lombard city that mentors Split': an adjective, though Lombard (Illinois) is a city
    ("Officials of the City of Split returned from a visit to Bergamo, the Lombard city that mentors Split.",
     {"Bergamo": "IT", "Split": "HR"}, {"Lombard"}),
    # 'the Delicias and Pajarillos neighbourhoods' of Valladolid; not 'heat stress in Brussels neighbourhoods'
    ("Valladolid will test how the Delicias and Pajarillos neighbourhoods can reach climate neutrality.",
     {"Valladolid": "ES"}, {"Delicias"}),
    ("Researchers map heat stress in Brussels neighbourhoods.", {"Brussels": "BE"}, set()),
    # heldout168-171 (version 65): another name of a town, placed in its country ('Oostende in Belgium')
    ("Thessaloniki will work with the municipalities of Pärnu in Estonia and Oostende in Belgium.",
     {"Ostend": "BE", "Pärnu": "EE"}, set()),
    # heldout176-179 (version 66): a town whose name ends in 'Land' is no German Land
    ("Sugar Land, Texas approved a resolution to establish a relationship with Taoyuan, Taiwan.",
     {"Sugar Land": "US", "Taoyuan": "TW"}, set()),
]
SMALL_TOWNS = [  # towns under 15,000 people with no cue of their own (heldout120-146 shapes, version 59)
    # a small town in a country the page names, where it names another town
    ("Karlskrona in Sweden signed the agreement with Gdynia. Representatives of the neighbouring "
     "municipalities of Ronneby and Sölvesborg also attended.", {"Sölvesborg": "SE"}, set()),
    ("Kirkenes in Norway hosted the meeting; a delegation from Kerteminde joined the partnership with "
     "Odense, Denmark.", {"Kerteminde": "DK"}, set()),
    # not with no other town of its country on the page
    ("The Danish partner is Kerteminde.", {}, {"Kerteminde"}),
    # not a name English uses as a word or a surname, a person, or part of a longer name
    ("Local | Economy | Culture | Opinion\n\nPortland and Seattle in the United States sent books to Mutare. "
     "A big thank-you to Powell's Books for the donation of 600 titles.", {"Portland": "US"}, {"Economy", "Powell"}),
    ("Mayor Sato invited a Würzburg delegation to Otsu, Japan; Deputy Mayor Takahashi spoke in Kyoto.",
     {"Kyoto": "JP"}, {"Sato", "Takahashi"}),
    ("The protocol was signed at the Paços do Concelho in Lisbon, Portugal, with Porto attending.",
     {"Lisbon": "PT"}, {"Paços"}),
    # towns of 1,000-4,999 people (the gazetteer's small-town index) where the page says they are places
    ("Kirriemuir has been twinned with Josselin, in Brittany, since 1991. Josselin itself has been twinned with "
     "Roding since 1978.", {"Josselin": "FR", "Roding": "DE"}, set()),
    ("Excursions took us to the market at Valognes and to Quettehou, France.", {"Quettehou": "FR"}, set()),
    ("The Town of Vysoké Tatry hosted the meeting.", {"Vysoké Tatry": "SK"}, set()),
    # not a small town's name on its own, without its accents, or naming an area
    ("Pierre Josselin attended the meeting in Rennes.", {"Rennes": "FR"}, {"Josselin"}),
    ("The Ville de Québec and the Ville de Bordeaux renewed the agreement.", {"Bordeaux": "FR"}, {"Villé"}),
    ("Field research in Uganda will take place in Amuru, Nwoya and Omoro districts and in Gulu City.",
     {"Gulu": "UG"}, {"Amuru", "Nwoya"}),
    # French pages (heldout148 shapes): 'le bourgmestre de', 'la commune allemande de'
    ("Le bourgmestre de Gouvy a signé la convention.", {"Gouvy": "BE"}, set()),
    ("Beckerich est liée à la commune allemande de Hermeskeil, dans le Hunsrück.", {"Hermeskeil": "DE"}, set()),
]


@pytest.mark.parametrize("text,expected,absent", DEVSET + COMPOSED + DEV3 + HELDOUT22_23 + HELDOUT34_35 +
                         HELDOUT38_39 + HELDOUT66_67 + HELDOUT72_75 + HELDOUT96_99 + HELDOUT132_135 +
                         HELDOUT156_159 + HELDOUT164_167 + SMALL_TOWNS + KNOWN_MISSES)
def test_cities(nlp, text, expected, absent):
    found, _ = _cities(nlp, text)
    assert {k: found.get(k) for k in expected} == expected
    assert not absent & set(found)


@pytest.mark.parametrize("text,codes", [
    ("City of Torino (IT), City of Nagoya (JP).", {"IT": "code", "JP": "code"}),
    ("Busan is the second largest city in the Republic of Korea.", {"KR": "named"}),
    ("Two Italian towns joined; Japanese companies too.", {"IT": "demonym", "JP": "demonym"}),
    ("Partners from Greece (EL) and the UK joined Czechia and Türkiye.", {"GR": "named", "GB": "named", "CZ": "named", "TR": "named"}),
    ("Projects in Latin America and the Middle East, and in New Mexico.", {}),
    # country names in the pages' own languages (version 61; heldout152-155 shapes)
    ("De stedenband met de gemeente Wronki in Polen en het district Kisoro in Oeganda.", {"PL": "named", "UG": "named"}),
    ("Soultz-sous-Forêts est jumelée avec Harta, en Hongrie, et Hauenstein, en Allemagne.",
     {"HU": "named", "DE": "named"}),
    # not a translated name that is also a city's ('Brasilia' is Italian for Brazil) or an English word
    ("Brasilia hosted the summit. Island communities joined.", {}),
])
def test_countries(nlp, text, codes):
    _, result = _cities(nlp, text)
    assert {c.country_code: c.mention_type for c in result.countries} == codes


def test_towns_without_a_geonames_record_keep_name_and_country(nlp):
    _, result = _cities(nlp, "The Municipality of Obusetown (JP) joined the network with the City of Nagano.")
    town = next(c for c in result.cities if c.name == "Obusetown")
    assert (town.country_code, town.geonames_id, town.method) == ("JP", None, "fallback")
    assert {c.name for c in result.cities} == {"Obusetown", "Nagano"}


def test_georgia_state_and_country_on_one_page(nlp):
    _, result = _cities(nlp, "Atlanta, Georgia signed a memorandum with Tbilisi, the capital of Georgia, "
                             "and the country of Georgia sent a delegation.")
    assert {c.country_code for c in result.countries} == {"GE"}
    assert {r.iso_code for r in result.regions} == {"US-GA"}


def test_a_lake_or_a_river_named_like_a_place_is_neither(nlp):
    _, result = _cities(nlp, "In Kisumu, on the shores of Lake Victoria, the centre will pilot wastewater systems; "
                             "Perth lies on the River Tay.")
    assert {c.name for c in result.cities} == {"Kisumu", "Perth"}
    assert "Victoria" not in {r.name for r in result.regions}


def test_a_town_the_page_repeats_is_judged_on_the_whole_page(nlp):
    """Rosario (AR, 950,000 people), named in every paragraph: two headlines with Brazilian
    partners and 'the Paraná River' (no Brazilian state) do not make it Rosário (BR, 38,000)."""
    text = ("Rosario International Relations\n\nRosario lies on the western bank of the Paraná River, some 300 km "
            "north-west of Buenos Aires. Together with Córdoba, Argentina's second-largest city, Rosario is often "
            "cited for its decentralised cooperation. Rosario has sister cities on three continents. "
            "Rosario works with Bologna and with Changsha. Rosario hosts a Mercociudades office.\n"
            "Latest news\n- Rosario and Porto Alegre renew their agreement 15/03/2024\n"
            "- Rosario attends the Mercociudades Summit in Niterói 28/11/2024\n")
    found, result = _cities(nlp, text)
    assert found["Rosario"] == "AR" and found["Porto Alegre"] == "BR"
    assert "Paraná" not in {r.name for r in result.regions} | set(found)


def test_a_region_right_after_a_town_is_in_the_towns_country(nlp):
    """'Billings, Montana': the US state, not Bulgaria's Montana province (GeoNames' first)."""
    _, result = _cities(nlp, "Renewal of the Sister City Agreement between Billings, Montana, and Cork, Ireland.")
    assert {(r.name, r.iso_code) for r in result.regions} == {("Montana", "US-MT")}
    _, result = _cities(nlp, "The Montana Province of Bulgaria works with Vratsa.")
    assert {r.iso_code for r in result.regions} == {"BG-12"}


def test_georgian_town_with_its_region_before_georgia_is_the_country(nlp):
    # 'Adjara,' is a 'Town,' shape too: the Georgian city before it decides (heldout53)
    _, result = _cities(nlp, "Our partners include Batumi, Adjara, Georgia, since 2019, and Savannah in the "
                             "United States.")
    assert {c.name: c.country_code for c in result.cities}.get("Batumi") == "GE"
    assert "GE" in {c.country_code for c in result.countries}
    assert not result.regions  # no US state of Georgia on this page


def test_regions_carry_their_country(nlp):
    _, result = _cities(nlp, "Krapina-Zagorje County and the region of Lower Silesia in Poland, and Bavaria.")
    regions = {r.name: r.country_code for r in result.regions}
    assert regions.get("Lower Silesia") == "PL" and regions.get("Bavaria") == "DE"
    assert any("Krapina" in name for name in regions)
    assert not result.cities


def test_a_demonym_before_a_typed_region_and_a_gulf_of_name_are_not_the_regions_name(nlp):
    """'the Polish Opole Voivodeship' is Opole's; 'the Gulf of Bothnia' is no region 'Gulf'."""
    _, result = _cities(nlp, "The partnership with the Polish Opole Voivodeship was concluded in 2001. Umeå and Vaasa "
                             "lie across the Gulf of Bothnia.")
    names = {r.name for r in result.regions}
    assert "Opole" in names and not any(n.startswith("Polish") or n == "Gulf" for n in names)


def test_city_records_have_coordinates_and_provenance(nlp):
    text = "The twinning between Graz and Maribor started in 2010."
    _, result = _cities(nlp, text)
    graz = next(c for c in result.cities if c.name == "Graz")
    assert graz.geonames_id == 2778067 and graz.country_code == "AT"
    assert abs(graz.latitude - 47.07) < 0.05 and abs(graz.longitude - 15.44) < 0.05
    assert text[graz.start:graz.end] == "Graz" and graz.evidence == text
    assert 0 <= graz.confidence <= 1


def test_an_ambiguous_region_takes_the_country_of_the_pages_towns(nlp):
    """Maryland is a US state and a county of Liberia; with US towns around it and Liberia
    named once elsewhere, it is the state."""
    result = extract_places(nlp("The Maryland Sister States Program links the State of Maryland with regions "
                                "abroad. Maryland works with Kanagawa. Delegations visit Annapolis and the City of Baltimore. "
                                "Bong County in Liberia is inactive."))
    assert {r.name: r.country_code for r in result.regions}.get("Maryland") == "US"


def test_small_town_index_holds_only_names_no_larger_town_has():
    from extractors.geo import gazetteer
    gaz = gazetteer()
    josselin = gaz.small_towns("josselin")
    assert [(c.city.name, c.city.country_code) for c in josselin] == [("Josselin", "FR")]
    assert 1000 <= josselin[0].city.population < 5000 and gaz.is_small_town(josselin[0].city.geonames_id)
    assert gaz.small_towns("paris") == () and "josselin" not in gaz  # the main index is unchanged
    assert not gaz.is_small_town(gaz.lookup("Paris")[0].city.geonames_id)
