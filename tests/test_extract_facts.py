"""Years, funding, programmes and partner links: table-driven, real spaCy model."""
from __future__ import annotations

from pathlib import Path

import pytest

from extractors import extract
from extractors.funding import parse_number

# ---------------------------------------------------------------- years
YEAR_CASES = {
    "devset": [
        ("The program runs in the three-year period (2021-2023).", [2021, 2023]),
        ("Aggiornato il: 09/02/2024", [2024]),
        ("On 9 September 2022, a memorandum was signed.", [2022]),
        ("These grants are funded by Horizon 2020, the EU framework programme.", []),
        ("It seeks to promote its Favela 2030 Programme and Industry 5.0 strategies, RIS4 too.", []),
        ("Established in 1893, Da Lat is a centre.", []),
        ("A 2-years exchange: 2 partner cities, 2 study visits, industry 4.0.", []),
        ("The city was finalist for Italy’s Capital of Culture 2022.", [2022]),
    ],
    "composed": [
        ("The project runs 2025–2027 and ended a pilot (2019/2020).", [2019, 2020, 2025, 2027]),
        ("Signed on March 3, 2023 and again on 2023-05-17.", [2023]),
        ("From 2015 to 2018 the cities exchanged staff.", [2015, 2018]),
        ("The budget is EUR 2,000,000 for 2000 participants and 1,500 meters of cycle lanes.", []),
        ("The Agenda 2030 goals guide the work until 2030.", [2030]),
        ("In 2014-20 the programming period changed.", [2014, 2020]),
    ],
    "dev6": [  # tests/gold/dev6
        ("A first progress report is due by Q1/2025.", [2025]),
        ("The project started on 01/01/2024 and will run until 31/12/2027.", [2024, 2027]),
    ],
    "heldout20 (after its untuned measurement)": [  # year-first dates of East Asian pages
        ("| 2 | U.S.A. | Mobile (Alabama) | 1994.10.05 | Port, shipbuilding |", [1994]),
        ("The agreement was signed on 2016/07/07 and renewed on 2021. 3. 15.", [2016, 2021]),
        ("The budget was 2016.07 million won.", []),
    ],
    "heldout22 (after its untuned measurement)": [  # month and year
        ("Duration: 01/2024 – 12/2026 (36 months)", [2024, 2026]),
        ("Version 2.2025 of the plan costs EUR 1.5 million.", []),
    ],
    "heldout24/25 (after their untuned measurement)": [  # phone numbers and postcodes
        ("Phone: +386 2 220 1957. Helpline 1800 425 2093, or (+57) 604 385 5555 ext. 1984.", []),
        ("Ulica heroja Staneta 1, 2000 Maribor, Slovenia", []),
        ("The years 2019 2020 2021 were the pilot phase.", [2019, 2020, 2021]),
    ],
    "heldout23 (seen again in the heldout38/39 round)": [  # after 'in' a year, whatever noun follows
        ("In 1988 citizens' groups founded a solidarity partnership; 2000 citizens took part.", [1988]),
    ],
    "heldout64-65 (after their untuned measurement on version 31)": [  # a dated item: year.month
        ("- 2024.10 Daegu and Atlanta celebrated the anniversary of their ties.\n- 2023.06 An orchestra performed.",
         [2023, 2024]),
        ("The fee was raised to 2024.50 EUR.", []),
    ],
    "heldout66-67 (after their untuned measurement on version 32)": [  # a fiscal year written on the year
        ("Since the launch of the programme in FY2013, MOEJ has supported it. In FY2023, the collaboration grew.",
         [2013, 2023]),
    ],
    "heldout160-163 (after their untuned measurement on version 63)": [  # no range across a line break
        ("Latest news\n- Applications open: youth exchange to Hirado, summer 2025\n- 35 years of friendship", [2025]),
    ],
}


@pytest.mark.parametrize("text,years", [c for cases in YEAR_CASES.values() for c in cases])
def test_years(nlp, text, years):
    assert sorted({y.year for y in extract(nlp(text)).years}) == years


def test_year_first_dates_keep_their_day(nlp):
    assert [str(y.date) for y in extract(nlp("Signed on 1994.10.05 in Changwon.")).years] == ["1994-10-05"]


def test_year_roles_and_dates(nlp):
    ex = extract(nlp("The twinning agreement was signed on 9 September 2022. The project runs from 2024 to 2026. "
                     "The city aims to be climate neutral by 2030."))
    roles = {(y.year, y.role) for y in ex.years}
    assert roles == {(2022, "signed"), (2024, "start"), (2026, "end"), (2030, "target")}
    assert str(next(y.date for y in ex.years if y.year == 2022)) == "2022-09-09"


def test_an_html_pages_date_line_is_its_publication_date(nlp):
    ex = extract(nlp("Published: 2024-11-15\n\nGraz and Maribor sign a partnership"))
    assert [(y.year, y.role, str(y.date)) for y in ex.years] == [(2024, "published", "2024-11-15")]


# ---------------------------------------------------------------- funding
@pytest.mark.parametrize("raw,mult,value", [
    ("2,000,000", False, 2_000_000), ("2.000.000", False, 2_000_000), ("450 000", False, 450_000),
    ("1.78", True, 1.78), ("1,5", True, 1.5), ("32", True, 32), ("1,234.5", False, 1234.5),
    ("1.234,5", False, 1234.5), ("250,000", False, 250_000),
])
def test_parse_number(raw, mult, value):
    assert parse_number(raw, mult) == value


FUNDING_CASES = {
    "devset": [
        ("The activities of Pilot Cities will be supported by €32 million in grants from the NetZero Cities project.",
         [(32_000_000, "EUR", None)]),
        ("75% of the project costs is co-funded by the European Union through ERDF funds.", [(None, None, 75)]),
        ("About 70 % of the population lives in urban areas.", []),
        ("Lazio is the second region of Italy for GDP produced (about 11% of the national total).", []),
        ("Download the Memorandum of Understanding (630.35 KB).", []),
        ("Let's GOv was selected from 103 applications involving 159 cities from 33 countries.", []),
    ],
    "composed": [
        ("The project has a total budget of EUR 2,000,000, co-financed 85% by ERDF.",
         [(2_000_000, "EUR", None), (None, None, 85)]),
        ("The city received a grant of €1.78M and a prize worth USD 1 million.",
         [(1_780_000, "EUR", None), (1_000_000, "USD", None)]),
        ("The town twinning grant of HUF 7 million supports the festival.", [(7_000_000, "HUF", None)]),
        ("A loan of 2.5 million euros and £250,000 in grants were allocated.",
         [(2_500_000, "EUR", None), (250_000, "GBP", None)]),
        ("The city's GDP reached €40 billion last year.", []),
        ("ERDF contribution: EUR 2,592,000 (60 %). Heat networks reach less than 2 % of homes.",
         [(2_592_000, "EUR", None), (None, None, 60)]),
        ("Kochi has a sanctioned budget of ₹2,076 crore under the mission.", [(20_760_000_000, "INR", None)]),
        ("Each pairing can draw on up to EUR 450 000 from the programme.", [(450_000, "EUR", None)]),
    ],
    "dev6": [  # tests/gold/dev6
        ("The Seoul Metropolitan Government will finance 70% of the cost of the traffic signal project, with the "
         "Ulaanbaatar city government covering the remaining 30%.", [(None, None, 70), (None, None, 30)]),
    ],
    "heldout4 (tuned after its one untuned measurement)": [
        ("No. | Partner | Country | Total budget (EUR)\nLP | City of Turku | Finland | 612,000\n"
         "PP2 | Tallinn | Estonia | 498,000\n\nThe partners meet twice a year.",
         [(612_000, "EUR", None), (498_000, "EUR", None)]),
        ("| Partner | Staff | Grant (NOK) |\n|---|---|---|\n| Kristiansand | 12 | 310 000 |",
         [(310_000, "NOK", None)]),
        ("No. | Partner | Country | Employees\nLP | City of Turku | Finland | 1,200", []),
        ("The budget is €310,000, of which 90% is covered by the ministry and the remaining 10% by the city as "
         "its own contribution.", [(310_000, "EUR", None), (None, None, 90), (None, None, 10)]),
    ],
    "heldout7/8 (tuned after their one untuned measurement)": [
        ("The metro was partly financed by a €85-million loan from KfW.", [(85_000_000, "EUR", None)]),
        ("Nelson City Council set aside NZ$25,000 for the programme.", [(25_000, "NZD", None)]),
        ("The city approved ETB 250 million for cycle lanes and works estimated at BAM 310,000.",
         [(250_000_000, "ETB", None), (310_000, "BAM", None)]),
        ("Companies can receive subsidies of up to 50% of the initial investment cost.", [(None, None, 50)]),
        ("About 35% of the budget is reserved for the two lighthouse demonstrations.", []),
        # a US council's report naming an Australian sister city still counts in US dollars
        ("Bellingham, Seattle and Tacoma met Port Stephens, Australia. The programme has a budget of $12,000.",
         [(12_000, "USD", None)]),
    ],
    "heldout10/11/13 (tuned after their one untuned measurement)": [
        # a definition list read as lines: the label is the value's context
        ("- Total budget\n- EUR 3,450,000\n- ERDF co-financing\n- EUR 2,760,000 (80%)\n- Lead partner\n- City of Tartu\n",
         [(3_450_000, "EUR", None), (2_760_000, "EUR", None), (None, None, 80)]),
        ("Citizen groups can receive up to 50% of their travel costs.", [(None, None, 50)]),
        ("The City of Würzburg contributes the remaining 10% (€31,200) from its own budget.",
         [(None, None, 10), (31_200, "EUR", None)]),
        ("The remaining 40% of residents live in villages.", []),
        # multipliers as Brazilian, Italian or Turkish municipal English keeps them
        ("The City Hall of Niterói will invest R$ 500 mil, of a programme of R$ 1,2 bilhão; Coimbra adds 80 mil euros.",
         [(500_000, "BRL", None), (1_200_000_000, "BRL", None), (80_000, "EUR", None)]),
        ("Pemba contributes in kind for a value of approximately 4,5 million meticais.", [(4_500_000, "MZN", None)]),
        # a Christchurch council report naming Seattle in the United States counts in NZ dollars
        ("Christchurch City Council report. Christchurch hosted a delegation from Seattle, United States. "
         "Christchurch set aside $40,000 for the anniversary.", [(40_000, "NZD", None)]),
    ],
    "heldout22 (after its untuned measurement)": [
        # the rand as written; 'R2' alone is a road
        ("eThekwini will contribute R3.5 million and R120 000 in kind to the project on the R2 upgrade.",
         [(3_500_000, "ZAR", None), (120_000, "ZAR", None)]),
        ("Norway covers 50% of its costs through national funding.", [(None, None, 50)]),
        ("Forest covers 40% of its territory.", []),
    ],
    "heldout24/25 (after their untuned measurement)": [
        ("Sarajevo adds a USD 8.2 million grant from the Green Climate Fund.", [(8_200_000, "USD", None)]),
        ("In 2008 Poznań hosted COP14, and it was a host city of UEFA Euro 2012.", []),
        ("Erasmus+ students receive a monthly grant: €300 per month for Group 3 countries.", [(300, "EUR", None)]),
        ("Rent in the old town is about €700 per month.", []),
        ("Bilateral trade between India and Australia stood at about AUD 46 billion.", []),
        ("Total budget: € 2.450.000,00\nNational counterpart: € 490.000,00 (20%)",
         [(2_450_000, "EUR", None), (490_000, "EUR", None), (None, None, 20)]),
    ],
    "heldout34/35 (after their untuned measurement)": [
        ("The sea dike is expected to cost IDR 15.3 trillion.", [(15_300_000_000_000, "IDR", None)]),
        # after 'millones' a dot groups thousands; a comma before 'bilhão' is a decimal
        ("The pilot in Manizales will cost COP 2.800 millones.", [(2_800_000_000, "COP", None)]),
        ("Curitiba grants R$ 1,2 bilhão to the programme.", [(1_200_000_000, "BRL", None)]),
        ("The university will provide NT$36 million for joint PhD positions.", [(36_000_000, "TWD", None)]),
        ("The regional government has earmarked S/ 2.4 million for irrigation pilots.", [(2_400_000, "PEN", None)]),
    ],
    "heldout38/39 (after their untuned measurement)": [
        # a table's caption gives the currency: numbers written in groups are amounts, years and counts are not
        ("Table 1. Budget of the programme 2022-2023 (PLN)\n\n Year  | Allocation | Paid out   | No. of projects\n"
         "-------+------------+------------+----------------\n 2022  | 15 000 000 | 13 870 115 | 31\n",
         [(15_000_000, "PLN", None), (13_870_115, "PLN", None)]),
        # a table aligned by spaces (a PDF dump): the numbers under the header cell that names money
        ("Table 3. Results by partner city\n\nCity        Country     Trees     Local investment\n"
         "                                  mobilised (EUR)\n---------------------------------------------------\n"
         "Lahti       Finland       410        1,240,000\nBrno        Czechia       380          860,000\n",
         [(1_240_000, "EUR", None), (860_000, "EUR", None)]),
        # prices of a newspaper's subscription are no funding
        ("Log in | Subscribe from NOK 49/month", []),
        ("Home My Network Jobs Messaging Try Premium for CZK 0", []),
        ("The project received EUR 1.9 million, of which 75 percent was EU funding.",
         [(1_900_000, "EUR", None), (None, None, 75)]),
        ("The ERDF covered 85% of eligible expenditure in less developed regions and 70% for partners in more "
         "developed regions.", [(None, None, 85), (None, None, 70)]),
        # what was spent is no co-funding share
        ("By the end of the project, 93.4% of the approved budget had been spent.", []),
    ],
    "heldout42/43 (after their untuned measurement)": [
        # a cue word counts at a word's start only: 'current' holds no 'rent'
        ("The current water project has a budget of EUR 180,000, 90% of which is funded by the BMZ.",
         [(180_000, "EUR", None), (None, None, 90)]),
        ("The project costs 2,5 Mio. Euro in total.", [(2_500_000, "EUR", None)]),
        ("A grant of 1,2 milhões de euros was approved.", [(1_200_000, "EUR", None)]),
        ("The AMA contributes GH¢ 450,000 to the market project.", [(450_000, "GHS", None)]),
        ("eThekwini invested R 62 million in the water-loss programme. R 2 is the road.", [(62_000_000, "ZAR", None)]),
        ("Grants of up to $5,000 per project are available; applicants must provide a 25% match in cash or in kind.",
         [(5_000, "USD", None), (None, None, 25)]),
        ("The Chief Minister spoke of the State's vision of a USD 1 trillion economy by 2028.", []),
    ],
    "heldout50-51 (after their untuned measurement)": [
        # currencies the euro replaced, at their fixed rates: history pages and grants before 2023
        ("Since 2015 the fund has co-financed 14 public buildings, with a total of HRK 11.4 million granted.",
         [(11_400_000, "HRK", None)]),
        ("In 1975 the town council granted DM 20,000 for the first youth exchange.", [(20_000, "DEM", None)]),
    ],
    "heldout58-59 (after their untuned measurement)": [
        # a page that says its figures are in Australian dollars, whatever its US sister city
        ("All figures are in Australian dollars (AUD). The relationship with Leavenworth, Kansas, United States, is "
         "the oldest. The program has an annual operating budget of $42,000.", [(42_000, "AUD", None)]),
        ("The convention has a budget of €600,000 (about 393.6 million FCFA) over three years.",
         [(600_000, "EUR", None), (393_600_000, "XOF", None)]),
        # a caption row inside the table names the currency; the header row under it, the money column
        ("Budget overview\n| International cooperation, budget 2025 in EUR |  |  |  |\n|---|---|---|---|\n"
         "| Partnership | Country | Since | Budget 2025 |\n|---|---|---|---|\n| Esslingen am Neckar | Germany | 1964 | "
         "35,000 |\n| Kunshan | China | 2012 | 5,000 |\n| Bila Tserkva | Ukraine | 2025 | 30,000 |\n",
         [(35_000, "EUR", None), (5_000, "EUR", None), (30_000, "EUR", None)]),
    ],
    "heldout60-61 (after their measurement on version 29)": [
        # currencies written by name, and a '$' the page says is in pesos
        ("The park will cost 7.5 million Turkish lira (TL). 180 million tenge has been earmarked for the square. "
         "The Angolan partner invested 18 million kwanzas (AOA) in meters.",
         [(7_500_000, "TRY", None), (180_000_000, "KZT", None), (18_000_000, "AOA", None)]),
        ("Budget of the Directorate General of International Relations for 2025: $ 38.500.000 (Argentine pesos).",
         [(38_500_000, "ARS", None)]),
    ],
    "heldout62-63 (after their untuned measurement on version 30)": [
        # the rupiah sign and Indonesian multipliers; a page-named peso in Spanish
        ("The Bandung city budget for 2024 has set aside Rp 38.6 billion for waste management. PDAM will invest "
         "IDR 145 billion (Rp 145 miliar) in new mains.",
         [(38_600_000_000, "IDR", None), (145_000_000_000, "IDR", None), (145_000_000_000, "IDR", None)]),
        ("Por su parte, el municipio aportará $4.500.000 (pesos argentinos) para la organización de la visita.",
         [(4_500_000, "ARS", None)]),
        # shares: 'half of ... costs', 'at least 10% from their own budgets', a co-financing column, Spanish costs
        ("The grant covers up to half of eligible project costs. Municipalities must contribute at least 10% from "
         "their own budgets.", [(None, None, 50.0), (None, None, 10.0)]),
        ("| Town | Grant | Municipal co-financing |\n|---|---|---|\n| Gyumri | €198,500 | 20% |\n"
         "| Ijevan | €160,000 | 15% |\n",
         [(198_500, "EUR", None), (None, None, 20.0), (160_000, "EUR", None), (None, None, 15.0)]),
        ("La Unión Europea cubre el 100 % de los gastos de viaje de las delegaciones.", [(None, None, 100.0)]),
        # the amount's own clause names a contribution: the salaries counted before it do not make it a wage
        ("The KMA will provide the land and the salaries of eight sanitation staff, a contribution the Assembly values "
         "at about GH¢1.5 million.", [(1_500_000, "GHS", None)]),
        # ... but an investment beside trade figures stays out
        ("Bilateral trade between the two countries reached USD 18.7 billion in 2023, and companies have invested "
         "around EUR 3 billion since 2015.", []),
    ],
    "heldout64-67 (after heldout66-67 were measured on version 32)": [
        # a code before the dollar sign, the ringgit, the Namibian dollar
        ("The municipality adds its own contribution of CLP $12.000.000 from the 2024 budget. For 2024, the Council has "
         "allocated RM150,000 for the programme. Windhoek has budgeted N$1.2 million as its own contribution.",
         [(12_000_000, "CLP", None), (150_000, "MYR", None), (1_200_000, "NAD", None)]),
        # a share after ', or' beside its amount, a 'Share' column; not a count after ', or'
        ("Its total budget is €1,680,000, of which €1,428,000, or 85%, comes from the European Regional Development "
         "Fund.", [(1_680_000, "EUR", None), (1_428_000, "EUR", None), (None, None, 85.0)]),
        ("| Source | Amount | Share |\n|---|---|---|\n| Toulouse Métropole | €180,000 | 50% |\n| Ministry | €120,000 | 33% |\n",
         [(180_000, "EUR", None), (None, None, 50.0), (120_000, "EUR", None), (None, None, 33.0)]),
        ("Unemployment fell by 5%, or 2,000 people.", []),
    ],
    "heldout68-69 (after their untuned measurement on version 33)": [
        # currencies the table lacked
        ("GAM will contribute JOD 150,000 from its own budget. The council will contribute FJ$300,000 from its capital "
         "works budget. Council set aside MWK 45 million in its budget.",
         [(150_000, "JOD", None), (300_000, "FJD", None), (45_000_000, "MWK", None)]),
        # 'Rs' follows the page's country: the Nepalese rupee in Kathmandu, the Indian rupee elsewhere
        ("Kathmandu is the capital of Nepal. Kathmandu has temples. Kathmandu Metropolitan City will contribute Rs. 45 "
         "lakh from its own budget.", [(4_500_000, "NPR", None)]),
        ("The Mumbai Metropolitan Region will contribute Rs 2 crore from its own budget.", [(20_000_000, "INR", None)]),
    ],
    "heldout72-75 (after their untuned measurement on version 36)": [
        # tokens the page's country decides: the kwacha in Zambia, the convertible mark in Bosnia and
        # Herzegovina, the córdoba in Nicaragua; elsewhere 'K 12' is no money and 'C$' the Canadian dollar
        ("Lusaka is the capital of Zambia. Lusaka City Council secured K14.5 million for the market, and Solwezi "
         "council secures K12m for a new bus station.", [(14_500_000, "ZMW", None), (12_000_000, "ZMW", None)]),
        ("Mostar is a city in Bosnia and Herzegovina. The City of Mostar will add KM 40,000 from the 2025 city "
         "budget for the 40 KM trail.", [(40_000, "BAM", None)]),
        ("León is a city in Nicaragua. The municipality of León contributed C$ 1,150,000 to the project.",
         [(1_150_000, "NIO", None)]),
        ("Toronto is a city in Canada. The grant of K 12,000 for pupils and C$ 150,000 for the project were approved.",
         [(150_000, "CAD", None)]),
        ("The khokimiyat has announced an allocation of 12 billion soums for 2025. The municipality provides counterpart "
         "funding of BOB 4.2 million.", [(12_000_000_000, "UZS", None), (4_200_000, "BOB", None)]),
        # a 'Share of total cost' column; 'finance 70 per cent'; costs 'shared 40% by'
        ("Project | NGO | Municipal grant | Share of total cost\nSafe drinking water for Telica | Asturias-León "
         "Solidarity Committee | €118,500 | 80%\n", [(118_500, "EUR", None), (None, None, 80.0)]),
        ("A market is expected to cost about USD 2.3 million, of which the African Development Bank has indicated it "
         "could finance 70 per cent.", [(2_300_000, "USD", None), (None, None, 70.0)]),
        ("Costs of the joint secretariat will be shared 40% by Incheon and 30% each by Tianjin and Kobe.",
         [(None, None, 40.0), (None, None, 30.0)]),
    ],
    "heldout88-91 (after their untuned measurement on version 41)": [
        # the Malagasy ariary and the Lao kip, which the rate table lacked
        ("The programme is worth about €600,000 over four years, or roughly 2.9 billion ariary (MGA). The Urban Commune "
         "of Mahajanga contributes MGA 480 million.",
         [(600_000, "EUR", None), (2_900_000_000, "MGA", None), (480_000_000, "MGA", None)]),
        ("The provincial authorities put the value of this support at LAK 450 million a year.",
         [(450_000_000, "LAK", None)]),
    ],
    "heldout100-103 (after their untuned measurement on version 45)": [
        # a table aligned by spaces with two money columns, each '(CAD)', totals included
        ("Financial Considerations:\n\nSource                         Annual (CAD)     Total 2024-2027 (CAD)\n"
         "FCM (SLGP program)                  45,000              180,000\n"
         "Total                               87,000              348,000\n",
         [(45_000, "CAD", None), (180_000, "CAD", None), (87_000, "CAD", None), (348_000, "CAD", None)]),
        # 'Total (EUR)' over amounts written '512.600,00'
        ("Budget by beneficiary\n  Beneficiary                      Total (EUR)     ERDF (EUR)\n"
         "  Ayuntamiento de Soria             398.200,00     298.650,00\n"
         "  Instituto Politécnico de Bragança 301.500,00     226.125,00\n",
         [(398_200, "EUR", None), (298_650, "EUR", None), (301_500, "EUR", None), (226_125, "EUR", None)]),
        # 'FCFA' in Cameroon is the Central African franc (XAF); in Senegal the West African one (XOF)
        ("The City of Le Havre will contribute EUR 300,000 and the Douala City Council, Cameroon, FCFA 164 million.",
         [(300_000, "EUR", None), (164_000_000, "XAF", None)]),
        ("Dakar, Senegal, will add FCFA 120 million to the project budget.", [(120_000_000, "XOF", None)]),
    ],
    "heldout104-107 (after their untuned measurement on version 46)": [
        # 'MX$', 'MNT', and currencies written out after the number
        ("The Municipality of Juárez will provide a cash contribution of MX$10.5 million from its environmental fund.",
         [(10_500_000, "MXN", None)]),
        ("People in Need develops a revolving subsidy fund of MNT 1.5 billion with a local bank.",
         [(1_500_000_000, "MNT", None)]),
        ("The total cost of the centre is estimated at 850,000 Tunisian dinars.", [(850_000, "TND", None)]),
        # a share in brackets right after a funded amount, in a table row with no cue word
        ("  Municipality      Project                 EU grant      Local contribution\n"
         "  Soroca            Business incubator      EUR 480,000   EUR 120,000 (20%)\n"
         "  Comrat            Wholesale market        EUR 350,000   EUR 39,000 (10%)\n"
         "  Edinet            Industrial park road    EUR 296,500   EUR 52,300 (15%)\n",
         [(480_000, "EUR", None), (120_000, "EUR", None), (None, None, 20.0), (350_000, "EUR", None),
          (39_000, "EUR", None), (None, None, 10.0), (296_500, "EUR", None), (52_300, "EUR", None),
          (None, None, 15.0)]),
        ("Applicants must provide a co-contribution of at least 5% of the grant amount.", [(None, None, 5.0)]),
    ],
    "heldout108-111 (after their untuned measurement on version 47)": [
        # Caribbean currencies, as codes and as dollar signs
        ("The programme gave BZD 62,000 to Belize City, JMD 4,500,000 to Kingston and TTD 240,000 to Arima; Roseau "
         "received EC$ 48,000 in kind.",
         [(62_000, "BZD", None), (4_500_000, "JMD", None), (240_000, "TTD", None), (48_000, "XCD", None)]),
        # a share written in words; 'cover 30% of the costs'
        ("Eighty per cent of the cost is funded by the Australian Government.", [(None, None, 80.0)]),
        ("The municipality will provide the land and cover 30% of the plant's operating costs.", [(None, None, 30.0)]),
        # a registration fee is no funding (an account balance is left as it is: one gold set counts a fund's
        # balance, another does not)
        ("Registration fees were held at $690 for members for the third year running.", []),
    ],
    "heldout120-123 (after their untuned measurement on version 51)": [
        # a column aligned by spaces puts more than one space after the currency; the Kyrgyz som
        ("Source of Funding:\n    Concessional OCR lending                   US$  25.00 million\n"
         "    Technical Assistance Special Fund          US$   1.20 million",
         [(25_000_000, "USD", None), (1_200_000, "USD", None)]),
        ("The municipality's budget of 18.5 million som funds the new bus depot.", [(18_500_000, "KGS", None)]),
    ],
    "heldout132-135 (after their untuned measurement on version 54)": [
        # a row label names money and its currency, one number per year column; a row indented
        # under it ('of which') shares its currency; a count row has none
        ("Key figures                               2022        2023\n"
         "-------------------------------------  ----------  ----------\n"
         "Participants in exchanges                    167         214\n"
         "Budget for twinning (EUR)                 24,500      26,000\n"
         "  of which Flemish Government subsidy     18,475      19,063\n"
         "Delegations received in Herentals              3           5\n",
         [(24_500, "EUR", None), (26_000, "EUR", None), (18_475, "EUR", None), (19_063, "EUR", None)]),
    ],
    "heldout140-143 (after their untuned measurement on version 56)": [
        # a column of money spent, its currency in the header; a funder's name is no measured quantity
        ("The table shows the amount spent from the twinning budget line.\n"
         "| Twin city | Country | Twinned since | Spent (EUR) |\n|---|---|---|---|\n"
         "| Havana | Cuba | 1985 | 18,500 |\n| Valparaíso | Chile | 2010 | 9,800 |",
         [(18_500, "EUR", None), (9_800, "EUR", None)]),
        ("The rooftop solar pilot is co-financed 75% by the Tamil Nadu Energy Development Agency.", [(None, None, 75)]),
        ("Renewables cover 40% of the energy the city uses.", []),
    ],
}


@pytest.mark.parametrize("text,expected", [c for cases in FUNDING_CASES.values() for c in cases])
def test_funding(nlp, text, expected):
    got = [(f.amount, f.currency, f.share_pct) for f in extract(nlp(text)).funding]
    assert got == expected


def test_bare_dollars_are_the_currency_of_the_town_the_page_opens_with(nlp):
    """Council minutes of Mildura (Victoria) that name their sister city Ontario, California as
    often as Mildura itself: '$' is the council's dollar (heldout142)."""
    page = ("Mildura Rural City Council\nOrdinary Council Meeting – Minutes\n\n"
            "Mildura has been the sister city of Ontario, California since 1989. A delegation from Ontario visited "
            "Mildura in May. Ontario's mayor thanked Mildura for the welcome. Council allocates $32,500 a year to "
            "the Ontario relationship; the Ontario Sister Cities committee contributes US$8,000.")
    ex = extract(nlp(page))
    assert [(f.amount, f.currency) for f in ex.funding] == [(32_500, "AUD"), (8_000, "USD")]


def test_bare_dollars_follow_the_page_country(nlp):
    ex = extract(nlp("London, Ontario in Canada received an additional $45,000 grant for the exchange."))
    assert [(f.amount, f.currency) for f in ex.funding] == [(45_000, "CAD")]
    ex = extract(nlp("Atlanta in the United States received a $45,000 grant for the exchange."))
    assert [(f.amount, f.currency) for f in ex.funding] == [(45_000, "USD")]


def test_bare_dollars_follow_the_dollar_country_the_page_names_most(nlp):
    """A Hamilton (Waikato, New Zealand) council page naming its US sister city Sacramento: its
    '$' is the NZ dollar ('Hamilton City Council' makes every 'Hamilton' the town); a Fiji
    ministry's '$' is the Fiji dollar."""
    ex = extract(nlp("Hamilton City Council, Waikato. Hamilton has sister city relationships with Sacramento, "
                     "California, and with Saitama, Wuxi and Chengdu. Hamilton is in the Waikato. Hamilton and "
                     "Sacramento were twinned in 2014. The Long-Term Plan allocates $85,000 a year for sister city "
                     "activity in Hamilton, Waikato."))
    assert [(f.amount, f.currency) for f in ex.funding] == [(85_000, "NZD")]
    ex = extract(nlp("Suva, Fiji. The Ministry of Local Government approved the Lautoka City Council budget of $3.1m."))
    assert [(f.amount, f.currency) for f in ex.funding] == [(3_100_000, "FJD")]


def test_bare_dollars_of_a_province_page_are_its_countrys(nlp):
    """An Alberta release about its ties with Hokkaido's towns, naming the U.S. states it also works
    with: the province it names most is the page's home, and '$' is the Canadian dollar."""
    ex = extract(nlp("Alberta and Hokkaido renewed their sister province agreement in Sapporo. Alberta also works "
                     "with the U.S. states of Montana and Idaho. Alberta will commit $250,000 to the exchange, and "
                     "Alberta's universities will add more."))
    assert [(f.amount, f.currency) for f in ex.funding] == [(250_000, "CAD")]
    # a page that names one dollar currency outright: its bare '$' is that one (heldout19,
    # a council report whose own town the gazetteer lacks, naming Leavenworth in the US)
    ex = extract(nlp("Council reviewed its tie with Kunming. Kunming, China, was visited in May. Council allocates "
                     "AUD 40,000 to sister cities. A grant of $4,000 supports the youth exchange with Leavenworth "
                     "(United States)."))
    assert sorted((f.amount, f.currency) for f in ex.funding) == [(4_000, "AUD"), (40_000, "AUD")]


def test_a_pre_euro_currency_has_its_fixed_euro_rate(nlp):
    f = extract(nlp("In 1975 the town council granted DM 20,000 for the first youth exchange.")).funding[0]
    assert f.amount_eur == pytest.approx(20_000 / 1.95583, rel=1e-3)  # the irrevocable rate of 1999


def test_the_rate_table_gives_each_currency_one_rate_and_each_token_one_line():
    """amount_eur must not depend on how a page writes a currency ('CA$' or 'CAD'); the table
    had drifted to two rates for six currencies and one token listed twice."""
    rows = [line.split("\t") for line in (Path(__file__).parents[1] / "extractors" / "data" / "currencies.tsv")
            .read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    rates: dict[str, set[str]] = {}
    for token, code, rate in rows:
        rates.setdefault(code, set()).add(rate)
    assert {code: r for code, r in rates.items() if len(r) > 1} == {}
    tokens = [token for token, _, _ in rows]
    assert len(tokens) == len(set(tokens))


def test_funding_funder_and_eur_amount(nlp):
    f = extract(nlp("A grant of HUF 7 million from the European Commission supports the twinning.")).funding[0]
    assert f.funder == "European Commission"
    assert f.amount_eur == pytest.approx(7_000_000 * 0.00253)


# ---------------------------------------------------------------- links
LINK_CASES = {
    "devset": [
        ("In the framework of the IURC programme, the City of Torino has been selected for a two-years "
         "cooperation project involving the City of Nagoya, Japan.", {("Nagoya", "Torino")}),  # as the page writes it
        ("Bratislava will continue to cooperate with Tokorozawa to integrate urban ecology viewpoints.",
         {("Bratislava", "Tokorozawa")}),
        ("Cali is connected to the Buenaventura port and to the municipality of Yumbo.", set()),
    ],
    "composed": [
        ("The twinning between Graz and Maribor started in 2010.", {("Graz", "Maribor")}),
        ("Leipzig and Dresden are sister cities since 1990.", {("Dresden", "Leipzig")}),
        ("Vienna, together with Bratislava, leads the twin-city strategy.", {("Bratislava", "Vienna")}),
        ("The mayors of Lyon and Milan attended the conference in Paris.", set()),
        ("Cork and Valparaíso, two port cities, will cooperate on the regeneration of harbour land.",
         {("Cork", "Valparaíso")}),
        ("Santiago, Chile's capital, and Ghent will cooperate on river quays.", {("Ghent", "Santiago")}),
        ("Leipzig's sister city Houston sent a delegation.", {("Houston", "Leipzig")}),
        ("London renews ties with Nanjing and signs a letter of intent with Puebla.",
         {("London", "Nanjing"), ("London", "Puebla")}),
        ("Viseu will mentor Idrija on setting up a food council.", {("Idrija", "Viseu")}),
    ],
    "dev3": [  # phrasings of tests/gold/dev3 (pages in other formats)
        ("Dakar and Marseille have renewed their cooperation agreement, first signed in 1968.",
         {("Dakar", "Marseille")}),
        ("Vilnius and Riga agreed to prepare a joint application to the European Green Capital award.",
         {("Riga", "Vilnius")}),
        ("Halifax is paired with Aberdeen under IURC to share experience on offshore energy.", {("Aberdeen", "Halifax")}),
        ("A delegation from Milwaukee visited Bilbao to launch the pairing of the two cities under IURC.",
         {("Bilbao", "Milwaukee")}),
        ("Nantes renewed its sister-city relationship with Jacksonville, Florida, in 1984.",
         {("Jacksonville", "Nantes")}),
        ("Lower Saxony also maintains partnerships with Normandy since 1992 and with the Polish voivodeship "
         "of Greater Poland since 2001.", {("Lower Saxony", "Normandy"), ("Greater Poland", "Lower Saxony")}),
        ("In AQUAREUSE, Murcia joins forces with Évora and the University of Montpellier to test water reuse.",
         {("Murcia", "Évora"), ("Murcia", "University of Montpellier"), ("University of Montpellier", "Évora")}),
        ("In Shanghai, the University of Bologna and Tongji University signed an agreement on a double degree.",
         {("Tongji University", "University of Bologna")}),
        ("Bellevue staff attended the Sister Cities International conference in Houston, where they met "
         "delegations from Seattle, Tacoma and Spokane.", set()),
        ("Ljubljana hosted the mayors of Zagreb, Sarajevo and Skopje for a summit; no agreement was signed.", set()),
        ("Espoo and Vitoria-Gasteiz are members of the Covenant of Mayors, but neither had previously worked "
         "with Plovdiv.", set()),
    ],
    "dev4": [  # party detection on tests/gold/dev4 (organisations, regional governments, person-like city names)
        ("Lisboa E-Nova, Lisbon's energy agency, will cooperate with the Municipal Council of Maputo.",
         {("Lisboa E-Nova", "Maputo")}),
        ("The Catalan Water Agency (ACA) will share its experience in wastewater reuse with the Querétaro State Water "
         "Commission (CEA).", {("Catalan Water Agency", "Querétaro State Water Commission")}),
        ("The municipal water company Barcelona Cicle de l'Aigua (BCASA) also partners with Águas da Região de Maputo "
         "(AdRM) on leak detection.", {("Barcelona Cicle de l'Aigua", "Águas da Região de Maputo")}),
        ("The Government of Catalonia signed an agreement with the State of Querétaro.", {("Catalonia", "State of Querétaro")}),
        ("The Province of Noord-Brabant and the Region of Västra Götaland will cooperate on hydrogen.",
         {("Province of Noord-Brabant", "Region of Västra Götaland")}),  # named as the page types them
        ("The Auvergne-Rhône-Alpes Energy Environment Agency (AURA-EE) and the Goriška Local Energy Agency (GOLEA) "
         "from Nova Gorica have teamed up to train installers.",
         {("Auvergne-Rhône-Alpes Energy Environment Agency", "Goriška Local Energy Agency")}),
        ("The Chamber of Commerce and Industry of Lyon signed a memorandum of understanding with the Osaka Chamber of "
         "Commerce and Industry.", {("Chamber of Commerce and Industry of Lyon", "Osaka Chamber of Commerce and Industry")}),
        ("Lusaka Water and Sewerage Company will cooperate with the Harare City Council's water department.",
         {("Harare", "Lusaka Water and Sewerage Company")}),
        ("The University of Florence (IT), Aarhus University (DK) and the Universidad de Salamanca (ES) have formed "
         "ARCHE, a European University alliance.",
         {("Aarhus University", "University of Florence"), ("Aarhus University", "Universidad de Salamanca"),
          ("Universidad de Salamanca", "University of Florence")}),
        ("Bari and Zaragoza will also run a thematic pairing on public procurement.", {("Bari", "Zaragoza")}),
        ("ACCIÓ will open a desk in the city of Querétaro together with the Querétaro Secretariat of Sustainable "
         "Development (SEDESU).", {("ACCIÓ", "Querétaro Secretariat of Sustainable Development")}),
        ("Region of Murcia (ES) – State of Jalisco (MX) | Agri-food innovation", {("Region of Murcia", "State of Jalisco")}),
        ("The transnational meeting was moderated by the lead expert, Florence Lambert, with speakers from Milan.", set()),
        ("Lisboa E-Nova, the Copenhagen Solutions Lab and Helsinki's Forum Virium shared a panel in Barcelona, but none "
         "of these encounters has led to a new agreement.", set()),
    ],
    "dev5": [  # styles of tests/gold/dev5 (long news, interviews, non-native English, coreference, negatives)
        ("On Tuesday the mayor of Brno, Markéta Vaňková, and the Lord Mayor of Stuttgart, Frank Nopper, signed a "
         "partnership agreement.", {("Brno", "Stuttgart")}),
        ("Stuttgart is no newcomer to city partnerships. It is already twinned with Cardiff and Strasbourg.",
         {("Cardiff", "Stuttgart"), ("Strasbourg", "Stuttgart")}),
        ("Hue City and Gyeongju City (Korea) sign Memorandum on cooperation", {("Gyeongju", "Huế")}),
        ("The Municipality of Rosario signed with the Curitiba City Hall a letter of cooperation in urban mobility.",
         {("Curitiba", "Rosario")}),
        ("In 2022 the municipality of Rosario made with Montevideo an agreement of technical assistance.",
         {("Montevideo", "Rosario")}),
        ("Students from Cluj-Napoca have travelled to Nantes every summer since 1994. The two cities formalised this "
         "friendship in 2019.", {("Cluj-Napoca", "Nantes")}),
        ("Hue and Gyeongju have many similarities as ancient capitals. Both sides agreed to promote the exchange of "
         "delegations.", {("Gyeongju", "Huế")}),
        ("Tartu news. Tartu has a new mayor. Tartu is in Estonia.\n\nQ: Why?\nA: We are twinned with Turku since 1953 "
         "and with Uppsala since 1988.", {("Tartu", "Turku"), ("Tartu", "Uppsala")}),
        ("Groningen remains a member of Eurocities, where it works together with many other cities, among them Aarhus, "
         "Tampere and Ghent.", {("Ghent", "Groningen"), ("Groningen", "Tampere"), ("Aarhus", "Groningen")}),
        ("Of course Tartu also works closely with Tallinn and Riga, but that is not a bilateral partnership.", set()),
        ("Secretaría General – Dirección de Relaciones Internacionales", set()),
        ("Negotiations with Tallinn on a smart-city agreement did not lead to an agreement.", set()),
        ("Applications from Debrecen and Timișoara were strong but could not be funded.", set()),
        ("The mayors of Lyon and Milan attended the conference in Paris. The two cities are very different.", set()),
        ("Lyon and Turin met in 2019. They signed a cooperation agreement in 2021.", {("Lyon", "Turin")}),
        ("Klaipėda City Municipality\n\nKlaipėda develops cooperation.\nCurrent partner cities\n- Kiel, Germany – since "
         "1991\n- Gdynia, Poland – since 1997\nFormer partner cities\n- Lübeck, Germany – 1991–2008\n",
         {("Kiel", "Klaipėda"), ("Gdynia", "Klaipėda")}),
    ],
    "dev6": [  # classes of false positives and misses on tests/gold/dev6 (measured untuned)
        # a list longer than four is never linked by its tail
        ("Bristol is twinned with Bordeaux (France), Hannover (Germany), Porto (Portugal), Tbilisi (Georgia) and "
         "Guangzhou (China).", {tuple(sorted(("Bristol", c))) for c in ("Bordeaux", "Guangzhou", "Hannover", "Porto", "Tbilisi")}),
        # an owner's list of sister cities: the items are not each other's partners
        ("Seoul news. Seoul's other sister cities in the region include Tokyo, Beijing, Hanoi and Bangkok.",
         {("Bangkok", "Seoul"), ("Beijing", "Seoul"), ("Hanoi", "Seoul"), ("Seoul", "Tokyo")}),
        ("Tartu news. Tartu has a new mayor. Tartu is in Estonia. The city's longest-standing partnerships are with "
         "Turku in Finland (since 1953), Uppsala in Sweden and Hameln in Germany.",
         {("Hameln", "Tartu"), ("Tartu", "Uppsala"), ("Tartu", "Turku")}),
        # an agreement's acronym is no party
        ("Under the new MoU, the Aristotle University of Thessaloniki and the Technical University of Cartagena (UPCT) "
         "have agreed to cooperate on a joint living lab.",
         {("Aristotle University of Thessaloniki", "Technical University of Cartagena")}),
        ("This cooperation should not be confused with the twinning between the municipalities of Kalamaria and "
         "Alcantarilla, which was signed in 1998.", {("Alcantarilla", "Kalamariá")}),
        # a body and its own unit are no pair
        ("Region of Central Macedonia – Directorate of Development Planning", set()),
        # a place in a relative clause is not the subject
        ("The State of Jalisco, whose capital Guadalajara is often called the Mexican Silicon Valley, was paired with "
         "the French region of Auvergne-Rhône-Alpes.", {("Auvergne-Rhône-Alpes", "State of Jalisco")}),
        # a twinning being terminated is no current link, wherever else the page states it
        ("The City Board of Tampere decided to propose that the city's twinning agreement with Nizhny Novgorod be "
         "terminated. Tampere and Nizhny Novgorod have been twin towns since 1992.", set()),
        ("City Board proposes ending twinning with Nizhny Novgorod", set()),
        # a place named as where something is, mid-sentence, is not who cooperates
        ("Volunteers have supported a library in Mutare and a nurse-training partnership with Mutare Provincial "
         "Hospital.", set()),
        ("Zagreb has been paired with two twin cities that will replicate the approach: Osijek (Croatia) and Novi Sad "
         "(Serbia).", {("Osijek", "Zagreb"), ("Novi Sad", "Zagreb"), ("Novi Sad", "Osijek")}),
        # associated partners support a project without being its partners
        ("Associated partners: Slovenian Ministry of the Environment; Moravian-Silesian Region (CZ); Hungarian Energy "
         "and Public Utility Regulatory Authority.", set()),
        ("In Oulu, the University of Oulu works hand in hand with the City of Oulu on winter-proof green roofs.",
         {("Oulu", "University of Oulu")}),
        ("Since then the Seoul Metropolitan Government (SMG) signed an agreement with Busan. SMG will also cooperate "
         "with Incheon.", {("Busan", "Seoul"), ("Incheon", "Seoul")}),
    ],
    "phrasings": [  # composed to cover ways of stating a link not seen in any gold page
        ("Bordeaux is twinned with Bristol, Munich and Porto.",
         {("Bordeaux", "Bristol"), ("Bordeaux", "Munich"), ("Bordeaux", "Porto")}),
        ("Bilbao welcomed Pittsburgh as its newest sister city.", {("Bilbao", "Pittsburgh")}),
        ("Tallinn is one of Helsinki's partner cities.", {("Helsinki", "Tallinn")}),
        ("A cooperation agreement links Valencia to Rosario.", {("Rosario", "Valencia")}),
        ("The cities of Lille and Liège launched a joint cross-border tram project.", {("Lille", "Liège")}),
        ("The project partners are Turin, Lyon and the University of Geneva.",
         {("Lyon", "Turin"), ("Turin", "University of Geneva"), ("Lyon", "University of Geneva")}),
        ("The twinning of Rennes and Poznań dates from 1998.", {("Poznań", "Rennes")}),
        ("Like Milan, Turin has a large industrial heritage.", set()),
    ],
    "heldout4 (tuned after its one untuned measurement)": [  # shapes first seen in tests/gold/heldout4
        ("Erlangen is twinned with:[48]\n\n Eskilstuna, Sweden (1961)\n Rennes, France (1964)\n"
         " Jena, Germany (1987)\n\nErlangen is a university town.",
         {("Erlangen", "Eskilstuna"), ("Erlangen", "Rennes"), ("Erlangen", "Jena")}),
        ("The City of Lahti hosts the forum. Lahti's Nordic twin towns Akureyri, Randers and Västerås have also "
         "been invited to a webinar in Oslo.",
         {("Akureyri", "Lahti"), ("Lahti", "Randers"), ("Lahti", "Västerås")}),
        ("Each demonstration city is paired with a follower city: Thessaloniki with Larnaca, Palermo with Sfax, "
         "and Valencia with Porto.", {("Larnaca", "Thessaloníki"), ("Palermo", "Sfax"), ("Porto", "Valencia")}),
        ("Other pairings in this cluster\n\n- Lisbon (Portugal) – Guadalajara (Mexico);\n"
         "- Rotterdam (Netherlands) – Valparaíso (Chile).", {("Guadalajara", "Lisbon"), ("Rotterdam", "Valparaíso")}),
        ("Bamberg's international links do not stop at Bedford. The city also has a friendship agreement with "
         "Nagaoka in Japan.", {("Bamberg", "Nagaoka")}),
        ("Together with Nuremberg and Fürth, which lie 17 km to the south, Erlangen forms one of the three centres "
         "of the region.", set()),
        ("The partnership with Cumiana near Turin grew out of a long association between the two towns' music "
         "schools.", set()),
        ("Exchanges with Rennes have run since 1964, and the two cities share a festival.[49] The link with Jena "
         "came later.", set()),
    ],
    "heldout5 (tuned after its one untuned measurement)": [  # shapes first seen in tests/gold/heldout5
        ("Kanazawa welcomes you. Kanazawa works with cities abroad.\n| Overseas affiliated cities of Kanazawa |  |  |\n"
         "|---|---|---|\n| City | Country | Type |\n| Buffalo | U.S.A. | Sister city |\n| Nancy | France | Sister city |\n"
         "| Suzhou | China | Friendship city |\n\nKanazawa is on the Sea of Japan.",
         {("Buffalo", "Kanazawa"), ("Kanazawa", "Nancy"), ("Kanazawa", "Suzhou")}),
        ("Munich's twin cities\nThe City of Munich maintains official twin-city partnerships.\n"
         "Edinburgh, United Kingdom – since 1954\nThe oldest partnership.\nVerona, Italy – since 1960\n"
         "Munich hosts a Verona stand.\nBordeaux, France – since 1964\nMunich and Bordeaux share river banks.",
         {("Edinburgh", "Munich"), ("Munich", "Verona"), ("Bordeaux", "Munich")}),
        ("Besides Halifax and Ottawa, Calgary has been matched with Tampere in Finland on district heating.",
         {("Calgary", "Tampere")}),
        ("Between 2016 and 2019 the City of Graz had a similar agreement with the University of Zagreb, which was "
         "not renewed.", set()),
        ("Graz signed an agreement with the Rector of the University of Maribor.", {("Graz", "University of Maribor")}),
        ("Researchers from Maribor will work with the city's Environment Department on heat.", set()),
    ],
    "heldout6 (tuned after its one untuned measurement)": [  # shapes first seen in tests/gold/heldout6
        ("The City of Lucca is in Tuscany. Lucca has walls.\nOur twin towns\n| City | Country | Year of twinning |\n"
         "|---|---|---|\n| Schongau | Germany | 1983 |\n| Colmar | France | 1986 |\n| Gmunden | Austria | 2002 |",
         {("Lucca", "Schongau"), ("Colmar", "Lucca"), ("Gmunden", "Lucca")}),
        ("At present the City of Suwałki maintains partner relations with the following cities: Alytus (Lithuania), "
         "since 1996; Hamar (Norway), since 2002.", {("Alytus", "Suwałki"), ("Hamar", "Suwałki")}),
        ("Montpellier and Fès have been twin cities since 2003.", {("Fes", "Montpellier")}),
        ("In ALPHUB, Merano, Belluno and Spittal an der Drau work together on mobility hubs.",
         {("Belluno", "Merano"), ("Belluno", "Spittal an der Drau"), ("Merano", "Spittal an der Drau")}),
        ("Mannheim is large. Mannheim is old. Mannheim is green. Mannheim has also been linked to Bydgoszcz in "
         "Poland since 1991.", {("Bydgoszcz", "Mannheim")}),
        ("Mannheim is large. Mannheim is old. Mannheim is green. Among the oldest is Swansea in Wales, with which "
         "the city has been twinned since 1957.", {("Mannheim", "Swansea")}),
        ("The result is linked to Rome and its history.", set()),
        ("Ten months later, the three Twin Cities paired with the Pilot City of Cluj-Napoca completed the "
         "programme.", set()),
    ],
    "heldout7 (tuned after its one untuned measurement)": [  # shapes first seen in tests/gold/heldout7
        ("Grand Rapids welcomed the guests. Its other sister cities are Perugia, Italy; Zapopan, Mexico; and Omihachiman, "
         "Japan.", {("Grand Rapids", "Perugia"), ("Grand Rapids", "Zapopan"), ("Grand Rapids", "Ōmihachiman")}),
        ("Grand Rapids already has a sister city in Poland: Bielsko-Biała.", {("Bielsko-Biala", "Grand Rapids")}),
        ("The sister-city relations between Surabaya and Guangzhou (China) and between Surabaya and Kochi (Japan) "
         "go back to the 1990s.", {("Guangzhou", "Surabaya"), ("Kochi", "Surabaya")}),
        ("The sister-city bond between Limerick and Spokane dates back to 1990.", {("Limerick", "Spokane")}),
        ("CONSORTIUM\n\nThe consortium of 38 partners is coordinated by the University of Oulu. Other partners "
         "include KU Leuven, the University of Minho and two utilities.", set()),
        ("Lead partner: Iași Municipality, Romania; Partner 2: Ungheni Municipality, Republic of Moldova", 
         {("Iaşi", "Ungheni")}),
    ],
    "heldout8 (tuned after its one untuned measurement)": [  # shapes first seen in tests/gold/heldout8
        ("Hamburg maintains city partnerships with eight cities worldwide: Marseille (1958), Shanghai (1986), "
         "Osaka (1989), Prague (1990) and Chicago (1994).",
         {("Hamburg", "Marseille"), ("Hamburg", "Shanghai"), ("Hamburg", "Osaka"), ("Hamburg", "Prague"),
          ("Chicago", "Hamburg")}),
        ("Kutaisi City Hall welcomes you. Kutaisi is the capital of Imereti. Kutaisi hosts the parliament. "
         "A memorandum on tourism and trade with Ningbo, China, was signed in October 2019.", {("Kutaisi", "Ningbo")}),
        ("Kutaisi City Hall welcomes you. Kutaisi is the capital of Imereti. Kutaisi hosts the parliament. Pupils "
         "took part in summer camps organised by our sister cities Gyumri and Pleven.",
         {("Gyumri", "Kutaisi"), ("Kutaisi", "Pleven")}),
        ("In Italy, Bologna has set aside €1.2 million to rebuild two schools in Kharkiv, its twin city since 1966.",
         {("Bologna", "Kharkiv")}),
        ("Galway's other twin town, Lorient, could be involved.", {("Galway", "Lorient")}),
        ("Bordeaux and Porto on Friday signed a cooperation agreement.", {("Bordeaux", "Porto")}),
    ],
    "heldout14-19 (tuned after their one untuned measurement)": [  # shapes first seen there
        # a region the page types is named as written: 'Opole' alone is also a city
        ("Rhineland-Palatinate also cooperates with the Opole Voivodeship in Poland.",
         {("Opole Voivodeship", "Rhineland-Palatinate")}),
        ("Rhineland-Palatinate and the Chinese province of Anhui renewed their partnership.",  # a description
         {("Anhui", "Rhineland-Palatinate")}),
        # an ended link: the place the cue speaks of, with the page's own place when it is the only one named
        ("Zamość is a city in eastern Poland. Zamość is twinned with Lutsk in Ukraine. Zamość has worked with "
         "Lida since 2005. The cooperation with Lida has been suspended since 2020.", {("Lutsk", "Zamość")}),
        ("The City of Joensuu has ended its twin-city relationship with Petrozavodsk and has signed a new "
         "twin-city agreement with Zhytomyr.", {("Joensuu", "Zhytomyr")}),
        ("The formal twinning arrangement between Chelmsford and Annonay be ended with effect from 31 March 2024.",
         set()),
        ("Many towns in both regions are twinned, among them Mainz and Dijon (since 1958), Koblenz and Nevers "
         "(since 1963) and Worms and Auxerre (since 1968).",
         {("Dijon", "Mainz"), ("Koblenz", "Nevers"), ("Auxerre", "Worms")}),
        ("Under the programme, Pilot City Sønderborg will share its experience with its twin city Lublin.",
         {("Lublin", "Sønderborg")}),
        ("Olomouc also has cooperation agreements with:\n- Lviv (Ukraine), since 2005\n- Kraków (Poland), "
         "since 2017\n", {("Kraków", "Olomouc"), ("Lviv", "Olomouc")}),
        ("In addition, Kragujevac has signed agreements on cooperation with the following cities:[47]\n"
         " • Zhuzhou, China (2019)\n • Sumy, Ukraine (2009)\n", {("Kragujevac", "Sumy"), ("Kragujevac", "Zhuzhou")}),
        ("Kragujevac is a city in Serbia. Kragujevac hosts a university.\n\nTwin towns\nKragujevac is twinned "
         "with:[45][46]\n\nCity | Country | Since\nSuresnes | France | 1966\nPitești | Romania | 1971\n"
         "Kalisz | Poland | 1979\n", {("Kalisz", "Kragujevac"), ("Kragujevac", "Piteşti"), ("Kragujevac", "Suresnes")}),
        ("Fort Collins Sister Cities\nFort Collins has ten sister cities. Fort Collins welcomes visitors.\n\nEurope\n"
         "- Ravensburg, Baden-Württemberg, Germany – since 1996. Brewing exchanges.\n"
         "- Kongsberg, Norway – since 2005. Jazz festival partnership.\n",
         {("Fort Collins", "Kongsberg"), ("Fort Collins", "Ravensburg")}),
        ("Ptuj and Kutná Hora, Šibenik and Civitanova Marche, and Ogre and Kėdainiai signed twinning agreements "
         "within six days.", {("Kutná Hora", "Ptuj"), ("Civitanova Marche", "Šibenik"), ("Kėdainiai", "Ogre")}),
        ("Braga is a city in Portugal. Braga has twin cities. Braga welcomes them.\n\nTwin cities\nPuteaux (France) – "
         "twinned since 1984. The oldest.\nSantiago de Compostela (Spain) – twinned since 12 October 1993.\n",
         {("Braga", "Puteaux"), ("Braga", "Santiago de Compostela")}),
        # six bullets, some naming no known party: a long list links no pairs
        ("Project partners:\n- Acquedotto Pugliese S.p.A. (Italy)\n- Municipality of Sfax (Tunisia)\n- Ajuntament de "
         "Castelló de la Plana (Spain)\n- University of Sousse (Tunisia)\n- Municipality of Byblos (Lebanon)\n"
         "- Irbid Municipality (Jordan)\n", set()),
        ("Lead partner\nCity of Maribor (Mestna občina Maribor) – Slovenia\n\nProject partners\n"
         "Municipality of Győr – Hungary\nStatutory City of Jihlava – Czech Republic\n\nThe kick-off took place in "
         "Vienna.", {("Győr", "Jihlava"), ("Győr", "Maribor"), ("Jihlava", "Maribor")}),
    ],
    "heldout22-23": [  # shapes that tests/gold/heldout22 and heldout23 showed (measured untuned first)
        ("Durban is South Africa's third-largest city. It maintains sister-city agreements with Chicago in the "
         "United States, Nantes in France and Guangzhou in China, alongside the partnership with Bremen in Germany.",
         {("Chicago", "Durban"), ("Durban", "Nantes"), ("Durban", "Guangzhou"), ("Bremen", "Durban")}),
        ("Da Nang has cooperation relations with 45 localities. Among its most active partners are Daegu (Republic "
         "of Korea), Sakai (Japan) and Kaohsiung.", {("Da Nang", "Daegu"), ("Da Nang", "Sakai"),
                                                    ("Da Nang", "Kaohsiung")}),
        ("Among the twin pairs confirmed so far, Kraków will be twinned with Brno (Czechia), Valencia with "
         "Thessaloniki (Greece) and Lviv with Leuven (Belgium).",
         {("Brno", "Kraków"), ("Thessaloníki", "Valencia"), ("Leuven", "Lviv")}),
        ("In 1989 Freiburg signed partnerships with Matsuyama in Japan and with Lviv. In 2022 the partnership with "
         "Lviv was extended to include humanitarian support.", {("Freiburg", "Matsuyama"), ("Freiburg", "Lviv")}),
        ("Galway has twinning links with Lorient in France and with Seattle and Cambridge, Massachusetts in the "
         "United States.", {("Galway", "Lorient"), ("Galway", "Seattle"), ("Cambridge", "Galway")}),
        ("The four-partner consortium is made up of the City of Gothenburg as coordinator, the Canton of "
         "Basel-Stadt, Bristol City Council and Chalmers University of Technology.",
         {tuple(sorted(p)) for p in [("Gothenburg", "Canton of Basel-Stadt"), ("Gothenburg", "Bristol City Council"),
                                     ("Gothenburg", "Chalmers University of Technology"),
                                     ("Canton of Basel-Stadt", "Bristol City Council"),
                                     ("Canton of Basel-Stadt", "Chalmers University of Technology"),
                                     ("Bristol City Council", "Chalmers University of Technology")]}),
        ("Kanazawa has seven sister cities.\n\nSister Cities\n\n- Buffalo, New York, U.S.A.\n  Affiliation: "
         "December 1962\n  Kanazawa's first sister city.\n\n- Porto Alegre, Brazil\n  Affiliation: May 1967\n\n"
         "- Irkutsk, Russia\n  Affiliation: July 1967\n  Exchanges are currently suspended.\n\nFriendship\n\n"
         "Kanazawa welcomes visitors.",
         {("Buffalo", "Kanazawa"), ("Kanazawa", "Porto Alegre"), ("Irkutsk", "Kanazawa")}),
        ("Louisville's oldest sister city is Montpellier, France, a relationship formed in 1955. It was followed by "
         "Mainz, Germany (1977), Quito, Ecuador (1979) and Jiujiang, China (2008).",
         {("Louisville", "Montpellier"), ("Louisville", "Mainz"), ("Louisville", "Quito"),
          ("Jiujiang", "Louisville")}),
        ("Lyon and Turin signed an agreement in 2001. Milan followed suit with a deal of its own in Rome.",
         {("Lyon", "Turin")}),
        ("Da Nang and Seville sign agreement. On 4 November, the Chairman of the Da Nang People's Committee and "
         "the Mayor of Seville signed a memorandum of understanding on friendship and cooperation.",
         {("Da Nang", "Seville")}),
        ("Recalling the Memorandum of Friendship concluded in 2019 between the City of Eindhoven and Hwaseong City;",
         {("Eindhoven", "Hwaseong")}),
        ("Kraków banned coal stoves in 2019. Its twins, Rzeszów in Poland and Košice in Slovakia, will adapt "
         "Kraków's approach.", {("Kraków", "Rzeszów"), ("Košice", "Kraków")}),
        ("The City of Tampere has eleven twin cities. Tampere is the largest inland city in Finland, and Tampere "
         "welcomes them.\n\nNordic countries\n\n- Trondheim, Norway – twin city since 1946\n"
         "- Odense, Denmark – twin city since 1946\n\nAsia\n\n- Chengdu, China – partner city since 2014. "
         "A memorandum was signed in Chengdu in 2014.\n",
         {("Tampere", "Trondheim"), ("Odense", "Tampere"), ("Chengdu", "Tampere")}),
        # a prize suspended is no tie ended
        ("The mayors of Porto and Bordeaux renewed the twinning charter. The two mayors agreed that the annual "
         "Oporto–Bordeaux student film prize, suspended in 2020, will return in 2025.", {("Bordeaux", "Porto")}),
        ("Finland's Lahti, European Green Capital 2021, issued a green bond. Lahti is also a partner in the "
         "project CityMeshClimate, together with Tartu in Estonia and Vitoria-Gasteiz in Spain.",
         {("Lahti", "Tartu"), ("Lahti", "Vitoria-Gasteiz"), ("Tartu", "Vitoria-Gasteiz")}),
        # who holds the tie: a clause opened by a verb shares the sentence's first party; a 'with'
        # object holds nothing; a place named as where someone is holds nothing
        ("Nevşehir has been a sister city of Shymkent in Kazakhstan since 2013, and signed a sister city "
         "agreement with the Hungarian town of Eger in 2018.", {("Nevşehir", "Shymkent"), ("Eger", "Nevşehir")}),
        ("Lyon signed an agreement with Turin, and Milan cooperates with Porto.", {("Lyon", "Turin"), ("Milan", "Porto")}),
        ("Tromsø is a city in Norway. Tromsø has suspended its ties with Murmansk. Tromsø keeps its other partners. "
         "The partnership with Anchorage in Alaska and the Interreg cooperation with Luleå in Sweden will continue.",
         {("Anchorage", "Tromsø"), ("Luleå", "Tromsø")}),
        ("The Ambassador of Peru in Ankara attended the ceremony together with members of the Nevşehir municipal "
         "council.", set()),
        ("- Šiauliai is adapting the micro-hub model developed in Turku, with Turku staff mentoring the Šiauliai "
         "team throughout 2025.", {("Turku", "Šiauliai")}),
        ("The town of Northeim is not twinned with Gniezno; Gniezno's German twin town is Speyer in "
         "Rhineland-Palatinate, a partnership that dates back to 1992.", {("Gniezno", "Speyer")}),
        ("Bolton is twinned with Le Mans. Bolton welcomes visitors. Talks about a similar link with Vadodara did not "
         "lead to an agreement.", {("Bolton", "Le Mans")}),
        # a region's own page: 'The Prefecture ... relations with' is the page's region (heldout18)
        ("Okayama Prefecture and Occitanie Region of France sign Friendship Agreement\n\nInternational Affairs "
         "Division, Okayama Prefectural Government\n\nOn November 11, 2024, Okayama Prefecture and the Occitanie "
         "Region of the French Republic signed a Friendship and Cooperation Agreement.\n\nThis is the first "
         "friendship agreement between Okayama Prefecture and a European region. The Prefecture already maintains "
         "friendship relations with Jiangxi Province in China (since 1992) and the State of Andhra Pradesh in India.",
         {("Occitanie Region", "Okayama Prefecture"), ("Jiangxi Province", "Okayama Prefecture"),
          ("Okayama Prefecture", "State of Andhra Pradesh")}),
        ("Pilot City Sønderborg will share its experience with its twin city Lublin (Poland), and Espoo will work "
         "together with Ruse (Bulgaria) on public buildings.", {("Lublin", "Sønderborg"), ("Espoo", "Ruse")}),
        # the model still links within one group the rules tied ('A and B cooperate with C')
        ("Rhineland-Palatinate and Burgundy-Franche-Comté also cooperate with the Opole Voivodeship in Poland in a "
         "trilateral format.", {("Burgundy-Franche-Comté", "Opole Voivodeship"),
                                ("Burgundy-Franche-Comté", "Rhineland-Palatinate"),
                                ("Opole Voivodeship", "Rhineland-Palatinate")}),
        # a list introduced as what is not a tie
        ("Madison has nine sister cities. Madison is proud of them. Madison welcomes visitors.\n\nMany of Madison's "
         "international connections are valuable but are not sister city relationships:\n- Study tours. The 2019 "
         "tour to Copenhagen and Utrecht created no tie.\n- University partnerships with Seoul and Nairobi.\n", set()),
        # a dateline says where the news was written
        ("PHOENIX – The State of Arizona and Tainan City, Taiwan, today signed a sister-state agreement.",
         {("State of Arizona", "Tainan")}),
        # comparisons are no ties
        ("Freiburg is frequently compared with other university towns such as Heidelberg and Tübingen.", set()),
        ("\"Cities like Seville and Athens have been dealing with it for decades; we have to learn fast.\"", set()),
    ],
    "heldout32-33": [  # shapes that tests/gold/heldout32 and heldout33 showed (measured untuned first)
        # bare 'City, Country – year' lines under the owner's sister-city heading
        ("Boise Sister Cities\n\nBoise has four sister city relationships.\n\nBilbao, Spain – 2002\n"
         "Chita, Japan – 1986\nGaborone, Botswana – 2011\nMonterrey, Mexico – 1999 (suspended in 2020)\n\n"
         "Boise welcomes visitors from Chita every spring. Boise is a city in Idaho.",
         {("Boise", "Chita"), ("Boise", "Gaborone"), ("Bilbao", "Boise")}),
        # 'partner cities, among them A and B': examples of the owner's partners, the owner with each, not a pair
        ("Aarhus 2017 strengthened many of these links, and several partner cities, among them Bergen and Turku, "
         "took part in the programme.", {("Aarhus", "Bergen"), ("Aarhus", "Turku")}),
        ("Heidelberg has its own family of partner cities, including Montpellier, Kumamoto and Palo Alto.",
         {("Heidelberg", "Kumamoto"), ("Heidelberg", "Montpellier"), ("Heidelberg", "Palo Alto")}),
        # ... only when the owner opens the sentence: Bruges here is no owner of Irpin's tie
        ("Flemish towns such as Bruges send aid to Ukrainian partner cities, including Irpin and Mykolaiv.", set()),
        # 'from the partner city of X' in a list of guests: the page's own partner, not the guest before
        ("Zamość Council met. Zamość welcomed guests. Zamość is in Poland.\n\nAlso present: the Mayor of Zamość, "
         "a representative of the Lublin Voivodeship Office in Lublin, and a delegation from the partner city of "
         "Schwäbisch Hall led by its Lord Mayor.", {("Schwäbisch Hall", "Zamość")}),
        # a 'with' that belongs to a verb of things ('combine A with B') ties no deal noun to B
        ("Most visitors come from Brno and Vienna, and the new link will make it possible to combine the canal "
         "with the vineyards of Skalica in one day trip.", set()),
        # an appositive of up to 60 characters between a pair and its verb
        ("The Universidad Nacional de Cuyo (UNCuyo) and Bordeaux Sciences Agro, the French public institute of agricultural "
         "sciences, have signed an agreement.", {("Bordeaux Sciences Agro", "Universidad Nacional de Cuyo")}),
        # a key-figures table under a partner list is no list of partners
        ("Partners\n- Associate partner: Agence Régionale de Santé de Guyane\nKey figures\n"
         "| Duration | 01/09/2024 – 31/08/2027 |\n|---|---|\n| Total budget | € 2 350 000 |\n"
         "| ERDF contribution | € 1 997 500 (85%) |\n| Programme priority | Priority 4 |\n", set()),
    ],
    "heldout34-35": [  # shapes that tests/gold/heldout34 and heldout35 showed (measured untuned first)
        # what places form together is geography
        ("Together with Mannheim and Ludwigshafen it forms the core of the Rhine-Neckar Metropolitan Region.", set()),
        # 'with cities across Europe, among them A, B': the owner's partners, one each
        ("Łódź has partnership agreements with cities across Europe and beyond, among them Barcelona, Chemnitz, "
         "Lviv and Stuttgart.", {("Barcelona", "Łódź"), ("Chemnitz", "Łódź"), ("Lviv", "Łódź"), ("Stuttgart", "Łódź")}),
        # a bullet list announced by what a project brings together; one partner per bullet line
        ("The project brings together four universities from Belgium, Jordan and Italy:\n"
         "- Ghent University (Ghent, Belgium) – coordinator\n- Jordan University of Science and Technology (JUST), "
         "Irbid, Jordan\n- The Hashemite University, Zarqa, Jordan\n- Politecnico di Bari, Bari, Italy\n",
         {("Ghent University", "Jordan University of Science and Technology"), ("Ghent University", "Hashemite University"),
          ("Ghent University", "Politecnico di Bari"), ("Hashemite University", "Jordan University of Science and Technology"),
          ("Hashemite University", "Politecnico di Bari"), ("Jordan University of Science and Technology", "Politecnico di Bari")}),
        # a table whose cells are pairings is no list of members across its rows
        ("Region pairings\n| Pairing | Main topics |\n|---|---|\n| Shizuoka Prefecture (JP) – Occitanie (FR) | agri-food |\n"
         "| Gyeonggi Province (KR) – Catalonia (ES) | start-ups |\n",
         {("Occitanie", "Shizuoka Prefecture"), ("Catalonia", "Gyeonggi Province")}),
        # sharing a challenge is no cooperation
        ("Heraklion, Brest and Dún Laoghaire-Rathdown share the challenge of making harbours work for residents.", set()),
    ],
    "heldout38-39": [  # shapes that tests/gold/heldout38 and heldout39 showed (measured untuned first)
        # a pair by its sign in a bullet under a paragraph on pairs
        ("The towns work in pairs of buddies:\n- Chur and Bolzano – urban heat;\n"
         "- Kempten (Allgäu) ↔ Idrija – flash floods in small river catchments;\n",
         {("Bolzano", "Chur"), ("Idrija", "Kempten (Allgäu)")}),
        # lines that open with a partner and the kind of tie, whatever follows; a dormant tie is none
        ("Galway City Council\n\n5.2 Sister city relationships – update\n\n"
         "The meeting noted a report on Galway's other formal relationships:\n"
         " - Cambridge, Massachusetts (United States) – sister city since 1997; the committee will visit in July.\n"
         " - Chicago, Illinois (United States) – sister city agreement renewed in 2019.\n"
         " - Qingdao (People's Republic of China) – friendship city agreement of 1999, currently dormant.\n",
         {("Cambridge", "Galway"), ("Chicago", "Galway")}),
        # a pairing row whose town carries its province before the country
        ("Selected pairs\n| 7 | Ljubljana (Slovenia) – Guelph (Canada) | North America | Circular food |\n"
         "| 8 | Lublin (Poland) – London, Ontario (Canada) | North America | Health innovation |\n",
         {("Guelph", "Ljubljana"), ("London", "Lublin")}),
        ("Sapporo already maintains sister-city relations with Portland (USA), Munich (Germany) and Daejeon "
         "(Republic of Korea).", {("Portland", "Sapporo"), ("Munich", "Sapporo"), ("Daejeon", "Sapporo")}),
        # '&' binds tighter than 'and'; NER's end of one name before 'and' splits a run of capitals
        ("During the visit, Gdańsk University of Technology and Korea Maritime & Ocean University (KMOU) also "
         "signed an agreement on student exchange.",
         {("Gdańsk University of Technology", "Korea Maritime & Ocean University")}),
        ("At the end of the visit, Aarhus Vand and PMC's Water Supply Department signed a letter of intent on "
         "cooperation.", {("Aarhus Vand", "PMC's Water Supply Department")}),
        # 'Region Norrbotten', Swedish style; running something joint is working together
        ("UNN, Oulu University Hospital and Region Norrbotten now run joint video consultations for patients.",
         {("Oulu University Hospital", "UNN"), ("Norrbotten", "UNN"), ("Norrbotten", "Oulu University Hospital")}),
        ("Stellenbosch University and Uppsala University have agreed to co-supervise a new graduate programme.",
         {("Stellenbosch University", "Uppsala University")}),
        ("The contacts go back to 2016, when the Port of Gdańsk Authority and Busan Port Authority (BPA) first "
         "exchanged delegations.", {("Busan Port Authority", "Port of Gdańsk Authority")}),
        ("This year, the Region of Southern Denmark continues its earlier IURC cooperation with Guangdong province.",
         {("Guangdong", "Region of Southern Denmark")}),
        # a small town's other name, where the page names it by its own name too
        ("Alcoy is an industrial town in Spain. Porto and Alcoi have joined forces on soil monitoring.",
         {("Alcoy", "Porto")}),
    ],
    "heldout40-41": [  # shapes that tests/gold/heldout40 and heldout41 showed (measured untuned first)
        # a list of the owner's thematic agreements; 'Tbilisi, Georgia' is the country, no US state
        ("İzmir has signed sister city agreements with the following cities:\n- Bremen, Germany – sister city "
         "since 1995\n- Tbilisi, Georgia – sister city since 1996\n\nIn addition, İzmir has signed thematic "
         "cooperation protocols with:\n- Naples, Italy – cooperation protocol on cultural heritage (2019)\n"
         "- Valencia, Spain – memorandum of understanding on climate policy (2022)\n",
         {("Bremen", "İzmir"), ("Tbilisi", "İzmir"), ("Naples", "İzmir"), ("Valencia", "İzmir")}),
        # 'The partners are A, B and C.' in running text
        ("This project is led by the València Climate and Energy Foundation (Spain). The partners are İzmir "
         "Metropolitan Municipality, the Municipality of Sfax (Tunisia) and the Aqaba Special Economic Zone "
         "Authority (Jordan).", {("Aqaba Special Economic Zone Authority", "Sfax"),
                                 ("Aqaba Special Economic Zone Authority", "İzmir"), ("Sfax", "İzmir")}),
        # ... and only where the list opens right after it
        ("The partners are co-financed by the ERDF: 80% of the costs for cities in less developed regions "
         "(Nagykanizsa, Trikala, Bielsko-Biała and Brăila).", set()),
        ("The partners are inspired by the superblocks of Barcelona and by the schoolyards programme in Paris.",
         set()),
        # the pilot city with each follower city, a sentence apart; followers are not each other's partners
        ("Sousse (Tunisia) is the pilot city, where treated wastewater will irrigate municipal parks. Byblos "
         "(Lebanon), Larnaca (Cyprus) and Alexandria (Egypt) are the follower cities: they will study the pilot.",
         {("Alexandria", "Sousse"), ("Byblos", "Sousse"), ("Larnaca", "Sousse")}),
        # the kind of tie after the dash, capitalised or as an agreement
        ("Kumamoto City - International Exchange\n\nSister and friendship cities\n\n"
         "- Guilin, People's Republic of China - Friendship City - signed October 1982\n"
         "- Ulsan Metropolitan City, Republic of Korea - Friendship City - signed October 2010\n"
         "- Kaohsiung City, Taiwan - Friendship and Exchange Agreement - signed October 2017\n\nKumamoto welcomes "
         "visitors.", {("Guilin", "Kumamoto"), ("Kumamoto", "Ulsan"), ("Kaohsiung", "Kumamoto")}),
        # a council's resolution on 'the twinning relationships with A, B and C': the page owner's
        ("City of Edmonton\nInternational Relations Update\n\nEdmonton has four twin cities. Edmonton council "
         "met.\n\nRECOMMENDATION\n3. That the twinning relationships with Harbin (China), Nashville (United "
         "States) and Bucheon (Republic of Korea) be maintained, with a further review in 2027.",
         {("Bucheon", "Edmonton"), ("Edmonton", "Harbin"), ("Edmonton", "Nashville")}),
        # a place's possessive before an organisation's name is not part of it
        ("In 2005 Cork signed a sister city agreement with Shanghai, which has led to exchanges between University "
         "College Cork and Shanghai's Fudan University.",
         {("Cork", "Shanghai"), ("Fudan University", "University College Cork")}),
    ],
    "heldout42-43": [  # shapes that tests/gold/heldout42 and heldout43 showed (measured untuned first)
        # museums and galleries are organisations: the city in their name stays theirs
        ("On the same occasion, the Uffizi Galleries and the Kyoto National Museum signed a memorandum of "
         "understanding for joint research.", {("Kyoto National Museum", "Uffizi Galleries")}),
        ("Helsinki City Museum and Tallinn City Museum have agreed on a three-year partnership.",
         {("Helsinki City Museum", "Tallinn City Museum")}),
        # lines that open with a partner and the kind of agreement; an expired one is none
        ("Porto - Twin cities\n\nPorto's twin cities and partners:\n\n"
         "- Luanda (Angola) – cooperation protocol since 1994, renewed in 2019: urban management.\n"
         "- Maputo (Mozambique) – agreement since 1997.\n"
         "- Rosario (Argentina) – agreement expired in 2015.\n\nPorto is a city.",
         {("Luanda", "Porto"), ("Maputo", "Porto")}),
        # 'the Free Hanseatic City of Bremen' in a list of partners
        ("The municipality of Groningen is carrying out this project together with the City of Aalborg (Denmark), "
         "the Free Hanseatic City of Bremen (Germany) and the City of Ghent (Belgium).",
         {("Aalborg", "Groningen"), ("Bremen", "Groningen"), ("Ghent", "Groningen"), ("Aalborg", "Bremen"),
          ("Aalborg", "Ghent"), ("Bremen", "Ghent")}),
    ],
    "heldout44-45": [  # shapes that tests/gold/heldout44 and heldout45 showed (measured untuned first)
        # a lead partner and its partners in one sentence: every pair of a list of up to four
        ("The lead partner is the City of Maribor; the partners are the Municipality of Leibnitz (Austria) and the "
         "City of Ptuj.", {("Leibnitz", "Maribor"), ("Maribor", "Ptuj"), ("Leibnitz", "Ptuj")}),
        ("The lead partner was the City of Lappeenranta (Finland), and the partners were the Municipality of "
         "Cieszyn (Poland) and the City of Szeged (Hungary).",
         {("Cieszyn", "Lappeenranta"), ("Lappeenranta", "Szeged"), ("Cieszyn", "Szeged")}),
        ("In EST-BIOMED, the University of Tartu is the coordinator, and the partners are Karolinska Institutet "
         "(Sweden) and the University of Helsinki (Finland).",
         {("Karolinska Institutet", "University of Tartu"), ("University of Helsinki", "University of Tartu"),
          ("Karolinska Institutet", "University of Helsinki")}),
        # pairs listed after 'are', the next after a country in brackets
        ("Other Nordic and Baltic pairs in the same round of the programme are Umeå with Oulu (Finland) and Lund "
         "with Klaipėda (Lithuania).", {("Oulu", "Umeå"), ("Klaipėda", "Lund")}),
    ],
    "heldout48-49": [  # shapes that tests/gold/heldout48 and heldout49 showed (measured untuned first)
        # places named as one twinning group: every pair
        ("The Nordic twin-city network of Norrköping, Trondheim, Odense and Tampere held its annual meeting.",
         {("Norrköping", "Trondheim"), ("Norrköping", "Odense"), ("Norrköping", "Tampere"), ("Odense", "Trondheim"),
          ("Tampere", "Trondheim"), ("Odense", "Tampere")}),
        ("In 1946 Tampere, Norrköping (Sweden), Odense (Denmark) and Trondheim (Norway) formed a chain of Nordic "
         "friendship towns.", {("Norrköping", "Trondheim"), ("Norrköping", "Odense"), ("Norrköping", "Tampere"),
                               ("Odense", "Trondheim"), ("Tampere", "Trondheim"), ("Odense", "Tampere")}),
        ("Since 1997 a trilateral youth camp of Herne, Hénin-Beaumont and Konin has been held every summer.",
         {("Herne", "Hénin-Beaumont"), ("Herne", "Konin"), ("Hénin-Beaumont", "Konin")}),
        # (a network with no tie word is a list of places, not a group of partners)
        ("The rail network of Lyon, Turin and Milan carried more passengers.", set()),
        # the page's own place holds the deals with the partners the sentence names; they are its
        # partners, not each other's
        ("Tampere twin towns\n\nTampere is twinned with Kaunas. Tampere is proud of it.\n\nAgreements with Łódź "
         "(Poland) and Olomouc (then Czechoslovakia) were signed in 1962 and 1964.",
         {("Kaunas", "Tampere"), ("Tampere", "Łódź"), ("Olomouc", "Tampere")}),
        # a joint activity of two places 'of each other', not their distance
        # heading lines of 'friendly exchange cities', like sister cities; a language menu's 'På svenska' is
        # no town
        ("Xiamen.gov | 中文 | På svenska\nXiamen's friendship cities\nXiamen maintains ties with cities abroad.\n"
         "- George Town, Penang, Malaysia – friendly exchange city since 2012\n"
         "- Cambridge, Massachusetts, United States – friendly exchange city since 2015\n"
         "- Santiago, Chile – friendly exchange city since 2019\nXiamen welcomes visitors.",
         {("George Town", "Xiamen"), ("Cambridge", "Xiamen"), ("Santiago", "Xiamen")}),
        ("Osijek and Vila Nova de Gaia ran a peer review of each other's school-street pilots.",
         {("Osijek", "Vila Nova de Gaia")}),
        ("Graz and Maribor lie 60 km from each other.", set()),
        # an organisation named to its possessive ('LUT University's Lahti campus'), and with the fields
        # its 'for'/'of' lists, which NER cuts at the first comma; a list of places stays places
        ("In addition, LUT University's Lahti campus will cooperate with the University of Tartu on a joint study.",
         {("LUT University", "University of Tartu")}),
        ("The Faculty of Maritime Studies of the University of Rijeka will cooperate with the Arab Academy for "
         "Science, Technology and Maritime Transport.",
         {("Arab Academy for Science, Technology and Maritime Transport",
           "Faculty of Maritime Studies of the University of Rijeka")}),
        ("The University of Porto, Lisbon and Coimbra signed an agreement.",
         {("Coimbra", "Lisbon"), ("Coimbra", "University of Porto"), ("Lisbon", "University of Porto")}),
        # 'twinned with' makes a name that is also a word a place
        ("Kamakura has been twinned with Nice since 1966.", {("Kamakura", "Nice")}),
    ],
    "heldout50-51": [  # shapes that tests/gold/heldout50 and heldout51 showed (measured untuned first)
        ("Kaunas, Płock and Zaragoza will be mentored by Espoo.",
         {("Espoo", "Kaunas"), ("Espoo", "Płock"), ("Espoo", "Zaragoza")}),
        # a consortium's members are one team; organisations that 'jointly run' something or 'carry out a
        # joint study' cooperate
        ("A consortium formed by Lyon, Turin and Milan will bid for the project.",
         {("Lyon", "Milan"), ("Lyon", "Turin"), ("Milan", "Turin")}),
        ("The University of Split and the University of Malta jointly run the summer school on marine biodiversity.",
         {("University of Malta", "University of Split")}),
        ("At the same ceremony, the Port of Rotterdam Authority and Busan Port Authority (BPA) agreed to carry out a "
         "joint feasibility study.", {("Busan Port Authority", "Port of Rotterdam Authority")}),
        # a link names its cities as the page does (GeoNames: Kimhae, Irákleion)
        ("Gimhae and Heraklion signed a friendship agreement in 2024.", {("Gimhae", "Heraklion")}),
    ],
    "older sets, before heldout54-55 were measured": [  # misses of heldout40-53 on version 26
        # a list whose items carry their years ('A (FR) since 1964, B (CN) since 1998') and goes on past
        # its last known member ('and Cheltenham Township, Pennsylvania')
        ("Cheltenham maintains formal twinning links with Göttingen (Germany) since 1951, Annecy (France) since "
         "1964, Weihai (China) since 1998 and Cheltenham Township, Pennsylvania (United States).",
         {("Annecy", "Cheltenham"), ("Cheltenham", "Göttingen"), ("Cheltenham", "Weihai")}),
        # an organisation's town is where it is, not part of its name
        ("Inje University in Gimhae and Pierce College in Lakewood signed a separate agreement on short-term "
         "exchange programmes.", {("Inje University", "Pierce College")}),
        # numbered items with paragraphs of their own between them, typed region names
        ("Currently, Podkarpackie has four partner regions:\n\n1. Lviv Oblast (Ukraine) – partnership agreement "
         "signed on 1 June 2001\nOur oldest partner.\n\n2. Prešov Self-Governing Region (Slovakia) – since 2002\n"
         "Joint projects in tourism.\n\n3. Republic and Canton of Jura (Switzerland) – since 2011\nCooperation in "
         "watch-making.\n\n4. State of Victoria (Australia) – since 2018\nAviation training.",
         {("Lviv Oblast", "Podkarpackie"), ("Podkarpackie", "Prešov Self-Governing Region"),
          ("Canton of Jura", "Podkarpackie"), ("Podkarpackie", "State of Victoria")}),
        # a lead partner's sentence ends before the partners' list: the City of Vaasa is an item of its own
        ("Kvarken Hydrogen Valley\nLead partner: Umeå Municipality. Partners: City of Vaasa, University of Vaasa, "
         "Umeå University.\nBudget: EUR 2,850,000.",
         {("Umeå", "Umeå University"), ("Umeå", "University of Vaasa"), ("Umeå", "Vaasa"),
          ("Umeå University", "University of Vaasa"), ("Umeå University", "Vaasa"), ("University of Vaasa", "Vaasa")}),
    ],
    "older sets, after heldout54-55 were measured": [  # more misses of heldout40-53 on version 26
        # 'Our partnerships with A in Finland, B in Sweden and the Dutch towns of C and D' on Tartu's page
        ("Tartu is Estonia's second city. Tartu has a new museum. Tartu hosted the event. Our partnerships with "
         "Hämeenlinna in Finland, Uppsala in Sweden and the Dutch towns of Deventer and Zutphen remain as lively as "
         "ever.", {("Deventer", "Tartu"), ("Hämeenlinna", "Tartu"), ("Tartu", "Uppsala"), ("Tartu", "Zutphen")}),
        # places opening a sentence that 'are the remaining twin towns' are the page's own
        ("Maribor is Slovenia's second city. Maribor hosts a festival. Maribor is twinned with Graz. Sarajevo (Bosnia "
         "and Herzegovina) and Pula (Croatia) are the remaining twin towns.",
         {("Graz", "Maribor"), ("Maribor", "Pula"), ("Maribor", "Sarajevo")}),
        # pairs given as examples, each on its own
        ("Many Hyogo cities have sister cities in the United States. Examples include Kobe and Seattle (since 1957), "
         "Himeji and Phoenix (since 1976), and Akashi and Vallejo, California (since 1968).",
         {("Akashi", "Vallejo"), ("Himeji", "Phoenix"), ("Kobe", "Seattle")}),
        ("Since 2022, 14 Swedish municipalities have signed cooperation agreements with Ukrainian municipalities, for "
         "example Linköping with Vinnytsia and Karlstad with Bila Tserkva.",
         {("Bila Tserkva", "Karlstad"), ("Linköping", "Vinnytsia")}),
        # 'the Free State of Bavaria' is Bavaria (not South Africa's Free State); 'the US state of' names no 'US'
        ("Shandong Province and the Free State of Bavaria, Germany, signed the Joint Action Plan 2024-2026 in Jinan "
         "on Monday.", {("Free State of Bavaria", "Shandong Province")}),
        ("Basel-Stadt maintains a partnership with the US state of Massachusetts, established in 2002.",
         {("Basel-Stadt", "Massachusetts")}),
        # two regions' tie beside their capitals' own
        ("Olomouc is twinned with Trenčín. The Olomouc Region maintains its own partnerships, among others with the "
         "Trenčín Region in Slovakia.", {("Olomouc", "Trenčín"), ("Olomouc Region", "Trenčín Region")}),
    ],
    "heldout54-55 (after their untuned measurement)": [
        # '| Town | Partner town |': each row a pair ('Jablonec nad Nisou': lower-case words inside a name)
        ("Other partnerships\n| Town | Partner town | Since |\n|---|---|---|\n| Liberec (CZ) | Zittau (DE) | 1995 |\n"
         "| Jelenia Góra (PL) | Jablonec nad Nisou (CZ) | 2004 |\n| Lubań (PL) | Frýdlant (CZ) | 2009 |\n",
         {("Liberec", "Zittau"), ("Jablonec nad Nisou", "Jelenia Góra"), ("Frýdlant", "Lubań")}),
        # a town and the university that bears its name are one list item, not a pairing
        ("Partner universities in Europe\n- Vienna – University of Vienna (Universität Wien)\n"
         "- Leipzig – Leipzig University\n", set()),
        # a hub sentence, then 'they are:' and the bullets
        ("Graz currently maintains official city partnerships with four cities. In the order in which they were "
         "concluded, they are:\n\n- Coventry (United Kingdom), since 1948\n- Montclair (New Jersey, USA), since "
         "1950\n- Groningen (Netherlands), since 1964\n- Pécs (Hungary), since 1989\n\nThe partnership with "
         "Coventry was the first.",
         {("Coventry", "Graz"), ("Graz", "Groningen"), ("Graz", "Montclair"), ("Graz", "Pécs")}),
        # one partner per bullet: a small town, then its state and country
        ("The City of Tacoma maintains sister city relationships with the following cities:\n\n- Kitakyushu, Japan "
         "(established 1959)\n- George, South Africa (2004)\n- Boca del Río, Veracruz, Mexico (2007)\n",
         {("Kitakyushu", "Tacoma"), ("George", "Tacoma"), ("Boca del Rio", "Tacoma")}),
        # the object of one 'with' is no subject of the next
        ("At the same meeting the council approved a new partnership agreement with the Ukrainian city of Chernihiv "
         "and a letter of intent on cooperation with Sapporo.", set()),
        # 'The Klaipėda State Seaport Authority' is an organisation, not a 'Klaipėda State'
        ("GDYNIA – The Klaipėda State Seaport Authority and the Port of Gdynia Authority signed a memorandum of "
         "understanding on Wednesday.", {("Klaipėda State Seaport Authority", "Port of Gdynia Authority")}),
    ],
    "heldout56-57 (after their untuned measurement)": [
        # a tie the page says was wrongly reported is none
        ("Correction: An earlier version of this article wrongly stated that Oxford is twinned with Potsdam.", set()),
        # 'the Scottish city on the River Tay', 'the capital of the Algarve' describe a town without naming it
        ("Only a few months after Caen, Würzburg signed its partnership agreement with the Scottish city on the River "
         "Tay. The youngest partnership in Europe links Würzburg with the capital of the Algarve.", set()),
        # an acronym and its town are one name
        ("Aalborg University and IIT Madras sign strategic partnership on green energy and water.",
         {("Aalborg University", "IIT Madras")}),
        # several pairs on one labelled line
        ("Climate twinning, second round\n- Pairs: Växjö (SE) – Gabrovo (BG); Lappeenranta (FI) – Ioannina (GR)\n"
         "- Budget: EUR 40,000", {("Gabrovo", "Växjö"), ("Ioánnina", "Lappeenranta")}),
        # 'X as lead partner and A and B as partners': one team
        ("The project ran from 2019 to 2022 with the Kvarken Council EGTC as lead partner and the Municipality of Umeå "
         "and the City of Vaasa as partners.",
         {("Kvarken Council EGTC", "Umeå"), ("Kvarken Council EGTC", "Vaasa"), ("Umeå", "Vaasa")}),
        # 'A, Country, our sister city since 1986' on the page's own city's page
        ("Ann Arbor is a city in Michigan. Ann Arbor has six sister cities. Ann Arbor welcomes visitors. Juigalpa, "
         "Nicaragua, our sister city since 1986, sent a delegation.", {("Ann Arbor", "Juigalpa")}),
    ],
    "heldout58-59 (after their untuned measurement)": [
        # the owner's partners as 'Town (Region) – YEAR. A sentence.' lines under its partner-cities title
        ("PARTNER CITIES OF LUBLIN\n\nLublin cooperates with partner cities in Europe and North America. Lublin is a "
         "city in Poland.\n\nGERMANY\n- Münster (North Rhine-Westphalia) – 1991. One of the most active partnerships."
         "\n- Delmenhorst (Lower Saxony) – 1992. Cooperation between vocational schools.\n\nHUNGARY\n- Debrecen – "
         "1997. Joint cultural festivals.\n\nUNITED STATES\n- Lancaster, Pennsylvania – 1988 (sister city "
         "agreement).\n", {("Debrecen", "Lublin"), ("Delmenhorst", "Lublin"), ("Lancaster", "Lublin"),
                            ("Lublin", "Münster")}),
    ],
    "heldout60-61 (after their measurement on version 29)": [
        # an aside between dashes inside the intro of the owner's list
        ("Uppsala is Sweden's fourth city. Uppsala welcomes visitors. Uppsala has a university. Our friendship towns "
         "– vänorter in Swedish – are Frederiksberg in Denmark, Hämeenlinna in Finland and Kópavogur in Iceland.",
         {("Frederiksberg", "Uppsala"), ("Hämeenlinna", "Uppsala"), ("Kópavogur", "Uppsala")}),
    ],
    "heldout62-63 (after their untuned measurement on version 30)": [
        # 'Its oldest sister city is ...' keeps the topic for the 'It is also twinned with' after it
        ("Bandung has one of the largest networks of partnerships of any Indonesian city. Its oldest sister city is "
         "Braunschweig in Germany, with which it signed an agreement in 1960. It is also twinned with Fort Worth in "
         "the United States (since 1990), Liuzhou in China and Petaling Jaya in Malaysia.",
         {("Bandung", "Braunschweig"), ("Bandung", "Fort Worth"), ("Bandung", "Liuzhou"), ("Bandung", "Petaling Jaya")}),
        ("Tartu, Estonia's second-largest city, currently has 17 twin and partner cities. Its longest-standing "
         "partnerships include Frederiksberg in Denmark and Tampere in Finland.",
         {("Frederiksberg", "Tartu"), ("Tampere", "Tartu")}),
        # a prefecture in brackets after its town only says where the town is
        ("New affiliations in 2023:\n- Toyohashi City (Aichi) and Tauranga (New Zealand) concluded a sister city "
         "agreement in May 2023.\n- Matsue City (Shimane) and Sibiu (Romania) signed a friendship city agreement in "
         "September 2023.", {("Tauranga", "Toyohashi"), ("Matsue", "Sibiu")}),
        # '(a)'-lettered items under 'has three formal twinning links:', towns the gazetteer lacks among them
        ("The Committee was reminded that Inverness has three formal twinning links:\n\n(a) Augsburg, Bavaria, "
         "Germany – twinned in 1956;\n(b) Saint-Valery-en-Caux, Normandy, France – twinned in 1986; and\n"
         "(c) La Baule-Escoublac, France – twinned in 2002.\n",
         {("Augsburg", "Inverness"), ("Inverness", "Saint-Valery-en-Caux"), ("Inverness", "La Baule-Escoublac")}),
        # a declined proposal and an interest are no ties; 'AND THAT Council' is the council's resolution
        ("Kelowna reviewed its sister cities. Kelowna staff reported. Kelowna keeps its tie with Kasugai.\n\nAND THAT "
         "Council declines the proposal for a friendship agreement with the Municipality of Stellenbosch;",
         {("Kasugai", "Kelowna")}),
        ("Another Member noted that Fort William and Dingwall had expressed interest in community-level links with "
         "Nova Scotia.", set()),
        ("Alberta's relationship with Gangwon, in the Republic of Korea, is the province's oldest sister-province "
         "partnership.", {("Alberta", "Gangwon")}),
        # 'Town City – Partner, State, Country (YEAR) and Partner, Country (YEAR)' lines
        ("Many cities in the prefecture have their own sister cities. Some examples:\n\n- Kawagoe City – Ottumwa, "
         "Iowa, USA (1977) and Offenbach am Main, Germany (1991)\n- Tokorozawa City – Decatur, Illinois, USA (1991)\n",
         {("Kawagoe", "Ottumwa"), ("Kawagoe", "Offenbach"), ("Decatur", "Tokorozawa")}),
        # a partner named with its translation in brackets, and one whose name ends in a quoted word
        # (Vysoké Tatry, 4,000 people, is the town itself since version 59's small-town index)
        ("| Role | Partner | Country |\n|---|---|---|\n| Lead partner | Gmina Miasto Zakopane (Town of Zakopane) | PL |\n"
         "| Partner | Mesto Vysoké Tatry (Town of Vysoké Tatry) | SK |\n| Partner | Stowarzyszenie „Euroregion Tatry\" "
         "(Association Euroregion \"Tatry\") | PL |\n",
         {("Vysoké Tatry", "Zakopane"), ('Association Euroregion "Tatry"', "Zakopane"),
          ('Association Euroregion "Tatry"', "Vysoké Tatry")}),
        # French and Spanish pages: 'jumelée avec', 'emparejada con'
        ("Niort est jumelée depuis 1978 avec Coburg, en Allemagne. Outre Coburg, Niort est jumelée avec Wellingborough "
         "(Royaume-Uni) depuis 1977 et avec Covilhã (Portugal) depuis 1997.",
         {("Coburg", "Niort"), ("Covilhã", "Niort"), ("Niort", "Wellingborough")}),
        ("En la misma convocatoria, Neuquén fue emparejada con Gdynia (Polonia) para intercambiar experiencias.",
         {("Gdynia", "Neuquén")}),
    ],
    "heldout64-65 (after their untuned measurement on version 31)": [
        # a proposed partnership is no tie
        ("Under the same programme, Stara Zagora works with the municipality of Ringsaker on street lighting, while a "
         "proposed partnership between Smolyan and Bergen did not go ahead.", {("Ringsaker", "Stara Zagora")}),
    ],
    "heldout64-67 (after heldout66-67 were measured on version 32)": [
        # a pairing table under 'Other pairings'; a key-figures table under its own labels stays out
        ("Other pairings in the cluster\n| Asian city | European city | Focus |\n|---|---|---|\n| Khon Kaen (TH) | "
         "Linköping (SE) | Light rail |\n| Yogyakarta (ID) | Lund (SE) | Cycling |\n| Chiang Mai (TH) | Salzburg (AT) | "
         "Tourism mobility |\n", {("Khon Kaen", "Linköping"), ("Lund", "Yogyakarta"), ("Chiang Mai", "Salzburg")}),
        ("Key facts\n| Pairing | Eindhoven (NL) – Guadalajara, Jalisco (MX) |\n|---|---|\n| Programme | IURC |\n"
         "| Cooperation period | 2021-2023 |\n| Thematic cluster | Innovation |\n", {("Eindhoven", "Guadalajara")}),
        # an owner's table whose type column says 'Memorandum of cooperation'
        ("Taichung is a city in Taiwan. Taichung has parks. Taichung has 45 partners.\n| City | Country | Relationship | "
         "Since |\n|---|---|---|---|\n| Hakodate | Japan | Friendship city | 2016 |\n| Pardubice | Czech Republic | "
         "Memorandum of cooperation | 2019 |\n| Reno | United States | Sister city | 1979 |\n",
         {("Hakodate", "Taichung"), ("Pardubice", "Taichung"), ("Reno", "Taichung")}),
        # a table under an intro sentence that ends in a colon
        ("Toulouse is a city in France. Toulouse has a metro. Toulouse has an airport.\nBesides its decentralised "
         "cooperation with Hanoi, the City of Toulouse maintains twinning and friendship agreements with six cities:\n"
         "| City | Country | Since |\n|---|---|---|\n| Tel Aviv | Israel | 1962 |\n| Atlanta | United States | 1974 |\n"
         "| Bologna | Italy | 1981 |\n", {("Atlanta", "Toulouse"), ("Bologna", "Toulouse"), ("Tel Aviv", "Toulouse")}),
        ("Gabrovo is a town in Bulgaria. Gabrovo hosts a museum. Gabrovo is known for humour. The town has twinning "
         "agreements with, among others, Aalst in Belgium and Mogilev in Belarus.",
         {("Aalst", "Gabrovo"), ("Gabrovo", "Mogilev")}),
        # arrow pairs under 'is paired with'; numbered 'Town City – Town City (Country)' rows
        ("Pilot and mentor cities\nEach pilot city is paired with a mentor city for the whole project duration:\n- Dakar "
         "↔ Milan – shading of markets and bus stations\n- Bahir Dar ↔ Rotterdam – green-blue infrastructure along Lake "
         "Tana\n", {("Dakar", "Milan"), ("Bahir Dar", "Rotterdam")}),
        ("The following projects were selected:\n\n  No. 2  Sapporo City – Ulaanbaatar City (Mongolia)\n         District "
         "heating networks.\n\n  No. 3  Kawasaki City – Quezon City (Philippines)\n         Waste-to-energy.\n",
         {("Sapporo", "Ulaanbaatar"), ("Kawasaki", "Quezon City")}),
        # the page's own council holds the relationship with one partner, and the one after 'and with';
        # 'Palmerston North City Council' names the city
        ("Palmerston North is a city in New Zealand. Palmerston North has a university. Palmerston North City Council "
         "has voted to keep three of its four international city relationships. Under the review, the council will "
         "continue its sister city relationship with Missoula, Montana, in the United States, which dates back to 1982, "
         "and with Kunshan in Jiangsu province, China, signed in 1994.",
         {("Missoula", "Palmerston North"), ("Kunshan", "Palmerston North")}),
        # exploring a relationship, and a council resolution's 'Should Council', are no ties
        ("Palmerston North is a city. Palmerston North has a university. Palmerston North has a river. Cr Mickalad "
         "suggested exploring a relationship with Apia, the capital of Samoa.", set()),
        ("Fremantle reviewed its sister cities. Fremantle keeps them. Fremantle is a port. Should Council later endorse "
         "a relationship with Mazara del Vallo, an estimated additional $15,000 per annum would be required.", set()),
        # a programme's name ('Municipal Partnerships with Ukraine') holds no deal with the body after it
        ("Mannheim and Chernivtsi are partner cities. The cooperation on drinking water is supported by the programme "
         "\"Municipal Partnerships with Ukraine\" of Engagement Global's Service Agency.", {("Chernivtsi", "Mannheim")}),
    ],
    "heldout68-69 (after their untuned measurement on version 33)": [
        # directed exchanges: 'A -> B', and three visitors to one host
        ("The six exchanges of the 2024 round:\n\n1. Vila Nova de Gaia (Portugal) -> Szeged (Hungary)\nTopic: "
         "geothermal heating.\n\n4. Beja (Portugal), Lamia (Greece) and Ogre (Latvia) -> Ghent (Belgium)\nTopic: "
         "circular food systems.\n",
         {("Szeged", "Vila Nova de Gaia"), ("Beja", "Ghent"), ("Ghent", "Lamía"), ("Ghent", "Ogre")}),
        # 'friendship and technical cooperation agreement' after the dash of an owner's list line
        ("Davao is a city in Mindanao. Davao has a port. Davao City has the following international links:\n\n  - "
         "Manado, Indonesia - sister city since 1994;\n  - Kitakyushu, Japan - friendship and technical cooperation "
         "agreement signed in 2016 on solid waste management;\n", {("Davao", "Manado"), ("Davao", "Kitakyushu")}),
        # a partnership revived in the sentence that says it had lapsed stands; one nobody revives does not
        ("Port Vila Municipal Council and the City of Nouméa signed a new three-year cooperation agreement on "
         "Wednesday, reviving a partnership between the two capitals that had lapsed on paper.",
         {("Nouméa", "Port-Vila")}),
        ("Aberystwyth is a town in Wales. Aberystwyth has a university. Aberystwyth is twinned with Kronberg. We also had "
         "a link with Arklow in County Wicklow, signed in 1995, but it has lapsed, and nobody has found the energy to "
         "revive it.", {("Aberystwyth", "Kronberg")}),
    ],
    "heldout70-71 (after their untuned measurement on version 34)": [
        # "San Antonio's Sister Cities" over bullets: a heading, every bullet the owner's
        ("San Antonio is a city in Texas. San Antonio has a river walk. San Antonio hosted Darmstadt.\n\nSan Antonio's "
         "Sister Cities\n- Monterrey, Mexico (1953)\n- Guadalajara, Mexico (1974)\n- Kumamoto, Japan (1987)\n",
         {("Monterrey", "San Antonio"), ("Guadalajara", "San Antonio"), ("Kumamoto", "San Antonio")}),
        # a table under a paragraph under the 'Our sister cities' heading
        ("Asunción is the capital of Paraguay. Asunción has a port. Asunción hosts events.\nOur sister cities\nAsunción "
         "maintains formal twinning agreements with the following cities. The year shown is the signing of the original "
         "agreement; several have been renewed.\n| City | Country | Since | Main areas of cooperation |\n|---|---|---|---|\n"
         "| Buenos Aires | Argentina | 1992 | Culture |\n| Montevideo | Uruguay | 1994 | Budgeting |\n| Curitiba | Brazil | "
         "2011 | Transit |\n", {("Asunción", "Buenos Aires"), ("Asunción", "Curitiba"), ("Asunción", "Montevideo")}),
        # a type column of agreements ('Friendship city agreement', 'Memorandum of Understanding'): the owner's partners,
        # not one team
        ("Kigali is the capital of Rwanda. Kigali is clean. Kigali hosts summits.\n| Partner | Country | Type of agreement "
         "| Signed |\n|---|---|---|---|\n| Incheon Metropolitan City | Republic of Korea | Friendship city agreement | 2015 |"
         "\n| City of Dakar | Senegal | Memorandum of Understanding | 2018 |\n| City of Kampala | Uganda | Memorandum of "
         "Understanding | 2019 |\n", {("Dakar", "Kigali"), ("Incheon", "Kigali"), ("Kampala", "Kigali")}),
        # the objects of a first 'sister-city relations with' are no subjects of the 'agreements with' after it
        ("Kitakyushu is a city in Japan. Kitakyushu has a port. Kitakyushu helps Phnom Penh. The city maintains "
         "sister-city relations with Tacoma and Norfolk in the United States and friendship-city agreements with Dalian "
         "in China and Incheon in the Republic of Korea.",
         {("Dalian", "Kitakyushu"), ("Incheon", "Kitakyushu"), ("Kitakyushu", "Norfolk"), ("Kitakyushu", "Tacoma")}),
        ("Bavaria is a state in Germany. Bavaria has many partners. Bavaria renewed its partnership. Other long-standing "
         "partnerships include those with the Chinese province of Shandong (since 1987), the Canadian province of Québec "
         "(since 1989) and the Brazilian state of São Paulo (since 1997).",
         {("Bavaria", "Québec"), ("Bavaria", "Shandong"), ("Bavaria", "São Paulo")}),
        # a lake is no party, whatever NER calls it; a body named after one is
        ("Cleveland is a city. Cleveland has a lake. Cleveland helps Bahir Dar. \"If we can share some of them with "
         "Lake Tana, that is a good use of our experience.\"", set()),
        ("The Lake Victoria Basin Commission cooperates with the City of Kisumu.",
         {("Kisumu", "Lake Victoria Basin Commission")}),
    ],
    "heldout72-75 (after their untuned measurement on version 36)": [
        # a partner list's intro after a sentence on the same line
        ("Since 2023 the town has been a partner in REGA+. The partners are:\n\n- Municipality of Loulé (PT) – lead "
         "partner\n- University of the Algarve (PT)\n- City of Huelva (ES)\n",
         {("Huelva", "Loulé"), ("Loulé", "University of the Algarve"), ("Huelva", "University of the Algarve")}),
        # 'sister city relationships are' that opens no list; a hub cue inside an organisation's name;
        # a tie 'formally retired' many words after its noun
        ("Sacramento is a city. Sacramento has a river. Sacramento hosts fairs. Our sister city relationships are run "
         "jointly by the Office of the Mayor and volunteer committees. The City's annual contribution to the "
         "Sacramento Sister Cities Corporation is $40,000, approved as part of the Mayor's Office budget. A sister "
         "city agreement with Ashkelon, Israel, signed in 1993, has been inactive since 2015 and was formally "
         "retired by City Council resolution in 2019.", set()),
        # a council's 'WHEREAS,' clause, 'namely with', and 'City, Country;' items
        ("WHEREAS, Columbus established its first sister city relationship with Genoa, Italy, in 1955, and today "
         "maintains five sister city relationships, namely with Accra, Ghana; Dresden, Germany; Genoa, Italy; "
         "Hefei, China; and Tainan, Taiwan; and",
         {("Accra", "Columbus"), ("Columbus", "Dresden"), ("Columbus", "Genoa"), ("Columbus", "Hefei"),
          ("Columbus", "Tainan")}),
        ("Odense is the third-largest city of Denmark and is also twinned with several cities around the world, "
         "including Funchal, Portugal, and St. Petersburg, Florida.",
         {("Funchal", "Odense"), ("Odense", "St. Petersburg")}),
        # bullets in groups under sub-headings; a former group's are no partners
        ("Bergen is a city. Bergen has a port. Bergen has formal twin city agreements with the following cities:\n\n"
         "  Nordic twin cities (since 1946):\n    - Gothenburg (Göteborg), Sweden\n    - Turku (Åbo), Finland\n\n"
         "  Other twin cities:\n    - Seattle, USA - since 1967\n\n  Former twin cities:\n    - Sibiu, Romania\n\n"
         "The conference was hosted by Aarhus.",
         {("Bergen", "Gothenburg"), ("Bergen", "Turku"), ("Bergen", "Seattle")}),
        # the council that suspended a tie is no party of it; the tie is no current link
        ("Tamale is a city. Tamale has a market. Tamale fixed its leaks. The relationship with Perm, Russia, was "
         "suspended by the Louisville Metro Council in March 2022.", set()),
        # ties named by two places joined by a dash, in a sentence on ties (not a route)
        ("Utrecht learns from other Dutch–Nicaraguan city links, in particular Tilburg–Matagalpa and "
         "Groningen–San Carlos.", {("Matagalpa", "Tilburg"), ("Groningen", "San Carlos")}),
        # the rest of a possessor's partners in the sentence after
        ("Semarang is one of Brisbane's nine sister cities. The others are Auckland (New Zealand), Chongqing and "
         "Shenzhen (China) and Abu Dhabi (United Arab Emirates).",
         {("Brisbane", "Semarang"), ("Auckland", "Brisbane"), ("Brisbane", "Chongqing"), ("Brisbane", "Shenzhen"),
          ("Abu Dhabi", "Brisbane")}),
        # an HTML page's title line: the site's name after the bar is no partner of 'Our Sister Cities';
        # 'Metro Council' is the city's own council
        ("Our Sister Cities | Albuquerque Sister Cities Foundation\n\nAlbuquerque is a city. Albuquerque has a "
         "river. Albuquerque welcomes visitors.", set()),
        ("Metro Council approves sister city agreement with Kaunas, Lithuania | The River City Ledger", set()),
        # a type column of 'Twinning', 'Friendship' and 'Friendship and cooperation'
        ("Sarajevo is the capital. Sarajevo has many partners. Sarajevo keeps a register.\n| City | Country | Type of "
         "agreement | Since |\n|---|---|---|---|\n| Coventry | United Kingdom | Twinning | 1957 |\n| Prato | Italy | "
         "Friendship | 1997 |\n| Baku | Azerbaijan | Friendship and cooperation | 2012 |\n",
         {("Coventry", "Sarajevo"), ("Prato", "Sarajevo"), ("Baku", "Sarajevo")}),
        # a table aligned by spaces under 'Partner cities' and an intro ending in a colon; a town the
        # gazetteer lacks, with its state in brackets, and a suspended tie are no partners
        ("Lviv is a city. Lviv has a university. Lviv thanks its partners.\n\n2. Partner cities\n\nLviv currently has "
         "24 active partnership agreements. The most active partners in 2024 were:\n\nCity          Country     "
         "Partner since    Main areas\nWrocław       Poland      2002             energy, culture\nKraków        "
         "Poland      1995             schools\nCorning (New York)  USA   1995             schools, culture\n"
         "Chernyakhovsk  Russia     2007             (cooperation suspended since 2022)\n",
         {("Lviv", "Wrocław"), ("Kraków", "Lviv")}),
    ],
    "heldout76-77 (after their untuned measurement on version 37)": [
        # a title line that names the page's own council makes its place the owner of a table
        # aligned by spaces, though a partner is named more often
        ("Napier City Council | Te Kaunihera o Ahuriri\nAnnual Report 2023/24\n\nNapier supports three sister "
         "cities.\nOur sister cities\n\n  Sister city        Country   Established\n  Tomakomai          Japan     1980"
         "\n  Lianyungang        China     1994\n\nTomakomai raised funds. Tomakomai sent pupils. Tomakomai hosted us.",
         {("Napier", "Tomakomai"), ("Lianyungang", "Napier")}),
        # a caption naming partner towns over a table of years; a suspended tie and one under negotiation are out
        ("Banská Bystrica is a town. Banská Bystrica has partners. Banská Bystrica helps Kolomyia.\n| Partner towns "
         "(status as of 1 January 2025) |  |  |  |\n|---|---|---|---|\n| Town | Country | Agreement signed | Status |\n"
         "|---|---|---|---|\n| Lahti | Finland | 2004 | active |\n| Pskov | Russia | 1999 | suspended since March 2022 |"
         "\n| Kolomyia | Ukraine | 2018 | active |\n| Dubrovnik | Croatia | — | memorandum under negotiation |\n",
         {("Banská Bystrica", "Lahti"), ("Banská Bystrica", "Kolomyia")}),
        ("Kielce is a city in Poland. Kielce has a council. Kielce currently has nine partner cities and towns, among "
         "them Gotha (Germany), Herning (Denmark) and Ramla (Israel).",
         {("Gotha", "Kielce"), ("Herning", "Kielce"), ("Kielce", "Ramla")}),
        # 'List of Sister Cities' over bullets: each bullet's opening place, not the places its description names
        ("Melaka is a city. Melaka has a port. Melaka is historic.\nList of Sister Cities\n- Lisbon, Portugal – Sister "
         "City Agreement signed 16 January 1984. Cooperation on the annual Festa San Pedro.\n- Hoorn, the Netherlands – "
         "since 1989. Joint research on Dutch-era buildings.\n",
         {("Lisbon", "Melaka"), ("Hoorn", "Melaka")}),
        # 'its sister city X' and 'the twinned city of X' with no place before them: the page's own
        ("Perugia is a city. Perugia has a university. Perugia is old. The Giunta sent aid, in solidarity with the "
         "twinned city of Bethlehem (Palestine), to the school.", {("Bethlehem", "Perugia")}),
        ("Perugia is a city. Perugia has a university. Perugia is old. The Giunta sent aid to its sister city "
         "Bethlehem (Palestine).", {("Bethlehem", "Perugia")}),
        # ... but 'their own sister cities' are other places' (the prefecture's towns), not the page's
        ("Saitama Prefecture is in Japan. Saitama Prefecture has towns. Saitama Prefecture is big. Many cities and "
         "towns in the prefecture also have their own sister cities. Some examples:\n- Kawagoe City – Ottumwa, Iowa, "
         "USA (1977)\n", {("Kawagoe", "Ottumwa")}),
        # 'it' inside the cue of a second clause is the sentence's opener, not the partner before it
        ("Limerick is also a sister city of Spokane in Washington State, USA, a link dating from 2003, and it has a "
         "friendship agreement with Kraków in Poland.", {("Limerick", "Spokane"), ("Kraków", "Limerick")}),
        # the places 'along with' a subject that 'is one of several' are its siblings, not its partners
        ("For Bonn, the German UN city, La Paz is one of several project partnerships in the Global South, along with "
         "Cape Coast (Ghana), Ulaanbaatar (Mongolia) and Chengdu (China).", set()),
        ("In 2008 Poznań hosted the conference, and it was one of the four Polish host cities of UEFA Euro 2012, "
         "together with Warsaw, Gdańsk and Wrocław.", set()),
        # ... but one of a project's front-runner cities works with the others, and one of Hyogo's sister
        # states is Hyogo's like the others
        ("İzmir was one of three front-runner cities of this Horizon 2020 project on nature-based solutions, together "
         "with Valladolid (Spain) and Liverpool (United Kingdom).",
         {("Liverpool", "Valladolid"), ("Liverpool", "İzmir"), ("Valladolid", "İzmir")}),
    ],
    "heldout78-79 (after their untuned measurement on version 38)": [
        # 'cooperated with A, B and C, among others': examples of the subject's partners, not one team
        ("Through the URBACT network Thriving Streets, Lyon cooperated with Parma, Antwerp and Klaipėda, among others.",
         {("Lyon", "Parma"), ("Antwerp", "Lyon"), ("Klaipėda", "Lyon")}),
    ],
    "heldout80-83 (after their untuned measurement on version 39)": [
        # 'the city's four priority relationships: the ... with A; the ... with B; ...': each clause one
        # partner of the page's city, none of each other
        ("Belfast City Council\n\nMinutes of the Belfast committee. Members met at Belfast City Hall.\n\nThe report "
         "provided an update on the framework, which focuses on the city's four priority relationships: the sister "
         "city relationship with Nashville, Tennessee (established 1995); the Memorandum of Understanding with the "
         "City of Boston (signed 2014); the sister city agreement with Shenyang in China (2016); and the friendship "
         "agreement with Hefei (2016).",
         {("Belfast", "Boston"), ("Belfast", "Hefei"), ("Belfast", "Nashville"), ("Belfast", "Shenyang")}),
        # ... and with no owner known, the objects of separate 'with's are no pairs (the learned model's were)
        ("The report focuses on three priority relationships: the sister city relationship with Nashville, Tennessee "
         "(established 1995); the Memorandum of Understanding with the City of Boston (signed 2014); and the "
         "friendship agreement with Hefei (2016).", set()),
        # 'A, B and C, with which X has ... agreements': X with each, not a team of A, B and C
        ("Councillor Lungu asked why the city's other partners – in particular Kyiv, Tbilisi and Grenoble, with "
         "which Chișinău has long-standing partnership agreements – were not included.",
         {("Chisinau", "Grenoble"), ("Chisinau", "Kyiv"), ("Chisinau", "Tbilisi")}),
        # 'relations with more than 15 cities, including A and B, and in 2023 signed ... with C': the
        # examples are objects, and the clause after ', and in 2023' is the sentence subject's
        ("Bishkek already has sister-city relations with more than 15 cities, including Ankara (Türkiye) and "
         "Colorado Springs (USA), and in 2023 signed a cooperation agreement with Almaty.",
         {("Almaty", "Bishkek"), ("Ankara", "Bishkek"), ("Bishkek", "Colorado Springs")}),
        # 'alongside guests from A and B': attendance, not a team
        ("Delegations from Gyumri and Vanadzor also took part in the Yerevan Twin Cities Festival in October 2024, "
         "alongside guests from Marseille and Carrara.", set()),
        # 'Representatives of' opens no organisation's name
        ("Representatives of Incheon Port Authority and Hai Phong Port JSC also signed a separate letter of intent to "
         "share data on container flows.", {("Hai Phong Port JSC", "Incheon Port Authority")}),
        # 'Cr Hassan' and 'Crs Bella, Cameron, ..., Hassan' are councillors (Hassan is also a town in India)
        ("PRESENT: Mayor (Chair), Deputy Mayor, Crs Bella, Cameron, Englert, Green, Hassan, Jones, Mann, Seymour and "
         "Townsend\n\nCr Hassan asked whether a partnership with Lae would duplicate Townsville's relationship with "
         "Port Moresby.", {("Port Moresby", "Townsville")}),
        # a type-column table: a row whose partner the gazetteer lacks ('County of Maui, Hawaii',
        # 'Yeongdeungpo-gu, Seoul') is not the place that locates it
        ("Quezon City\n\nSister cities of Quezon City. Quezon City has partners.\n\n| Partner local government | "
         "Country | Type of agreement | Since |\n|---|---|---|---|\n| Daly City, California | United States | Sister "
         "City | 1986 |\n| County of Maui, Hawaii | United States | Sister City | 2002 |\n| Yeongdeungpo-gu, Seoul | "
         "Republic of Korea | Friendship Agreement | 2016 |\n", {("Daly City", "Quezon City")}),
        # a 'Project partners' heading with a blank line before its lines
        ("WaterSafe Eldoret\n\nProject partners\n\n  Tampere University (Finland) – coordinator\n  Moi University, "
         "School of Public Health and School of Engineering (Kenya)\n  Eldoret Water and Sanitation Company – "
         "ELDOWAS (Kenya)\n\nThe project runs to 2028.",
         {("Eldoret Water and Sanitation Company", "Moi University"),
          ("Eldoret Water and Sanitation Company", "Tampere University"), ("Moi University", "Tampere University")}),
        # 'a tripartite memorandum signed ... between:' over bullets
        ("The clinic is run under a tripartite memorandum signed on 5 March 2019 between:\n  • Arusha City Council "
         "(owner of the facility);\n  • the City of Durham, through its Office of International Affairs;\n  • "
         "Kilimanjaro Christian Medical University College in Moshi (clinical training).\n\nDuke University "
         "provided advice.",
         {("Arusha", "Durham"), ("Arusha", "Kilimanjaro Christian Medical University College"),
          ("Durham", "Kilimanjaro Christian Medical University College")}),
        # 'X Metropolitan Assembly' is the city's government
        ("The Sekondi-Takoradi Metropolitan Assembly (STMA) in Ghana's Western Region and the City of Stavanger, "
         "Norway, signed a letter of cooperation on 8 April 2025.", {("Sekondi-Takoradi", "Stavanger")}),
        # 'New' opens 'New Zealand', not a headline's adjective
        ("The New Zealand Ministry of Foreign Affairs and Trade funds the twinning of Watercare with the Samoa Water "
         "Authority.", {("New Zealand Ministry of Foreign Affairs and Trade", "Samoa Water Authority")}),
    ],
    "heldout84-87 (after their untuned measurement on version 40's first form)": [
        # a caption row over the owner's table ('Official partnerships of the City of Salzburg'); a
        # 'Partner since' column holds years, not partners
        ("City of Salzburg\n\nSalzburg's partner cities\nSalzburg has friends. The partnerships are based on "
         "resolutions of the council.\n| Official partnerships of the City of Salzburg |  |  |  |\n|---|---|---|---|\n"
         "| City | Country | Partner since | Main areas of exchange |\n|---|---|---|---|\n| Reims | France | 1964 | "
         "Schools, wine |\n| Verona | Italy | 1973 | Music festivals |\n| Vilnius | Lithuania | 1989 | Culture |\n",
         {("Reims", "Salzburg"), ("Salzburg", "Verona"), ("Salzburg", "Vilnius")}),
        # '• Lublin (Poland) – partner since 1994. ...' lines on the owner's page
        ("Debrecen annual report 2024\n\n7.2 Partner cities\n\nDebrecen currently has formal partnership agreements "
         "with twelve cities. The most active exchanges in 2024 were:\n\n  • Jyväskylä (Finland) – partner city since "
         "1968. A choir exchange was held in Debrecen.\n  • Lublin (Poland) – partner since 1994. The two cities "
         "exchanged experience.\n  • Klaipėda (Lithuania) – partner since 1999. A delegation visited Debrecen.\n",
         {("Debrecen", "Jyväskylä"), ("Debrecen", "Lublin"), ("Debrecen", "Klaipėda")}),
        # dot leaders before 'since 1972'; 'i' joins 'Vilanova i la Geltrú'
        ("Sète twinning committee newsletter. Sète and its friends.\n\nOUR TWIN TOWNS AT A GLANCE\n\n  Neuburg an der "
         "Donau (Bavaria, Germany) ......... since 1972\n  Chioggia (Veneto, Italy) ........................ since "
         "1992\n  Vilanova i la Geltrú (Catalonia, Spain) ......... since 2005\n\nSète welcomes you.",
         {("Chioggia", "Sète"), ("Neuburg an der Donau", "Sète"), ("Sète", "Vilanova i la Geltrú")}),
        # the tokenizer splits 'im' ('I'm'): 'Freiburg im Breisgau' is one name, and the list goes on after it
        ("Innsbruck is a city in Austria. Innsbruck is in Tyrol. Innsbruck, for its part, is twinned with Freiburg im "
         "Breisgau and Grenoble, among others.", {("Freiburg", "Innsbruck"), ("Grenoble", "Innsbruck")}),
        # 'the Under-Secretary for International Relations' is the city's own office, no party
        ("Mar del Plata is a port. Mar del Plata is in Argentina. Mar del Plata has beaches. The Under-Secretary for "
         "International Relations recalled that the city also maintains cooperation agreements with Punta del Este "
         "(Uruguay), signed in 2016, and with Pelotas (Brazil), signed in 2019.",
         {("Mar del Plata", "Pelotas"), ("Mar del Plata", "Punta del Este")}),
        # 'A and B are partners ..., along with C, D and E': five partners, no team of four
        ("Under the Interreg VI-A Italy–Slovenia programme, Koper and Muggia are partners in the project COAST2COAST, "
         "which received €1.46 million for coastal mobility, along with Trieste, Izola and the Regional Development "
         "Centre Koper.", {("Koper", "Muggia")}),
        # a railway 'linked' the towns
        ("Koper's partner towns include Poreč (Croatia). Both towns have an Italian community, and the exchanges focus "
         "on bilingual education and on the revival of the historic Parenzana narrow-gauge railway, which linked "
         "Trieste, Koper and Poreč until 1935.", {("Koper", "Poreč")}),
        # a 'Funding and partners' heading over sentences is a section, not a partner list
        ("Waste partnership\n\nFunding and partners\n\nAccording to officials, the project has a total budget of "
         "€480,000. Ninety per cent of the costs are covered by Germany's Federal Ministry for Economic Cooperation and "
         "Development (BMZ); Leipzig contributes the remaining 10%. The Addis Ababa Solid Waste Management Agency will "
         "provide land.\n", set()),
        # 'X, which ... Nanjing, counts Y as its only partner city': X's, not Nanjing's
        ("Leipzig, which is also twinned with cities such as Kraków, Lyon, Houston and Nanjing, counts Addis Ababa as "
         "its only partner city in Africa.",
         {("Addis Ababa", "Leipzig"), ("Houston", "Leipzig"), ("Kraków", "Leipzig"), ("Leipzig", "Lyon"),
          ("Leipzig", "Nanjing")}),
        # 'relations with 14 regional governments in 11 countries, including A': examples of many
        ("Jeju currently maintains sister or friendship relations with 14 regional governments in 11 countries, "
         "including Hainan Province in China.", {("Hainan Province", "Jeju")}),
        # 'Anhui Province, China (since 1980) – ...' lines under 'Our sister states'; Maryland is the
        # US state of the page's towns (Liberia beside one mention does not outweigh them), and
        # 'Maryland County, Liberia' gives it no name
        ("Maryland Department of Commerce\n\nMaryland Sister States Program\n\nBuilding bridges between Maryland and "
         "the world since 1980\n\nThe Maryland Sister States Program promotes ties between Maryland and partner states "
         "around the world. Committees meet in Annapolis and Baltimore.\n\nOur sister states\n\n- Anhui Province, China "
         "(since 1980) – Maryland's first sister state relationship.\n- Jalisco, Mexico (since 1993) – trade and "
         "cultural exchange.\n- Maryland County, Liberia (since 2007) – a tie that recalls the 19th-century "
         "settlement.\n", {("Anhui Province", "Maryland"), ("Jalisco", "Maryland")}),
        # a quoted project name is no party ('the project "CircularPorts", together with A and B')
        ("Cadiz is a port. Cadiz is old. Cadiz is in Spain. The city is also a partner in the Interreg POCTEP project "
         "\"CircularPorts\", together with Huelva and Faro, and the regional ports authority.",
         {("Cadiz", "Faro"), ("Cadiz", "Huelva"), ("Faro", "Huelva")}),
    ],
    "heldout88-91 (after their untuned measurement on version 41)": [
        # 'reaffirm A (US), B (DE) and C (IT) as Toronto's Partnership Cities': the possessor's ...
        ("1. City Council reaffirm Chicago (United States), Frankfurt (Germany) and Milan (Italy) as Toronto's "
         "Partnership Cities under the International Alliance Program.",
         {("Chicago", "Toronto"), ("Frankfurt", "Toronto"), ("Milan", "Toronto")}),
        # ... and with no possessor, three or more are the page's city's (a council's resolution)
        ("City of Toronto\n\nToronto staff report. Toronto has partners. Toronto reviews them.\n\n2. City Council "
         "reaffirm Chongqing (China), Quito (Ecuador) and Warsaw (Poland) as Friendship Cities.",
         {("Chongqing", "Toronto"), ("Quito", "Toronto"), ("Toronto", "Warsaw")}),
        # "X's network of sister cities, coordinated by ..., includes partners such as A, B and C"
        ("Atlanta's network of sister cities, coordinated by the Atlanta Sister Cities Commission, includes partners "
         "such as Toulouse (France), Daegu (South Korea) and Salcedo (Dominican Republic).",
         {("Atlanta", "Daegu"), ("Atlanta", "Salcedo"), ("Atlanta", "Toulouse")}),
        # 'partner cities such as A and B, and ... with C': the owner's, and B, a member, holds nothing
        ("Antwerp has partner cities such as Rotterdam and Durban, and an older friendship with Shanghai that dates "
         "to 1984.", {("Antwerp", "Durban"), ("Antwerp", "Rotterdam"), ("Antwerp", "Shanghai")}),
        # 'Our Sister Cities' over bullets is a heading over the owner's list, not an inline list of one
        ("San Diego Sister Cities\n\nSan Diego and Yokohama signed the first agreement in 1957. San Diego families "
         "host students.\n\nOur Sister Cities\n- Campinas, Brazil (1969)\n- Edinburgh, Scotland (1977)\n- Perth, "
         "Australia (1987)\n",
         {("Campinas", "San Diego"), ("Edinburgh", "San Diego"), ("Perth", "San Diego"), ("San Diego", "Yokohama")}),
        # 'Partners' over bullets that a sentence follows with no blank line; a bullet opened by no
        # known party ('UCLouvain, Earth and Life Institute, ...') leaves the pairs of the others
        ("FEED-BOBO project\n\nPartners\n- University of Liège (ULiège), Gembloux Agro-Bio Tech, Belgium – "
         "coordinator\n- Université Nazi Boni (UNB), Bobo-Dioulasso, Burkina Faso – local coordinator\n- UCLouvain, "
         "Earth and Life Institute, Louvain-la-Neuve, Belgium\n- Commune of Bobo-Dioulasso – Directorate of Urban "
         "Planning\nThe project also cooperates with the Institute of Environment and Agricultural Research (INERA) in "
         "Ouagadougou.",
         {("Bobo-Dioulasso", "University of Liège"), ("Bobo-Dioulasso", "Université Nazi Boni"),
          ("University of Liège", "Université Nazi Boni")}),
        # UNESCO's 'City of Gastronomy' is no town
        ("Jeonju, a UNESCO City of Gastronomy, is a sister city of San Diego.", {("Jeonju", "San Diego")}),
        # 'City Council of Port Louis' names the page's owner; 'Port Louis' is the town (not a port's
        # name); 'Twinning charter' types a row; no name runs across a cell's bar ('Saint-Denis | Réunion')
        ("City Council of Port Louis\n\nTwin Cities and International Relations\nPort Louis has built friendships "
         "with cities around the Indian Ocean.\nOur twin and friendship cities\n| City | Country | Type of agreement | "
         "Since |\n|---|---|---|---|\n| Saint-Denis | Réunion (France) | Twinning charter | 1985 |\n| Victoria | "
         "Seychelles | Twinning agreement | 2002 |\n| Fuzhou | China | Friendship city agreement | 2008 |\n",
         {("Fuzhou", "Port Louis"), ("Port Louis", "Saint-Denis"), ("Port Louis", "Victoria")}),
    ],
    "heldout92-95 (after their untuned measurement on version 43)": [
        # numbered lines '1) Chitose, Hokkaido, Japan - sister city (...)' on the owner's page
        ("Gangneung City Council\n\nMinutes of the Gangneung committee. Gangneung members attended.\n\nAgenda Item 1. "
         "Review of sister city relationships\n\n1) Chitose, Hokkaido, Japan - sister city (agreement signed 19 October "
         "1983)\n2) Jiaxing, Zhejiang Province, China - friendship city (since 2004)\n",
         {("Chitose", "Gangneung"), ("Gangneung", "Jiaxing")}),
        # an owner's table under a paragraph that ends '... are listed below.' (not a team of its rows)
        ("Dalian friendship cities\n\nSince its first friendship-city relationship with Kitakyushu in 1979, Dalian has "
         "built a network of partner cities across Asia, Europe and North America. Dalian has established formal "
         "friendship-city relationships with 18 cities. The formal relationships concluded before 2000 are listed "
         "below.\n| No. | City | Country | Date of establishment |\n|---|---|---|---|\n| 1 | Kitakyushu | Japan | 1 May "
         "1979 |\n| 2 | Oakland | United States of America | 15 October 1982 |\n| 3 | Glasgow | United Kingdom | 10 "
         "June 1987 |\n", {("Dalian", "Glasgow"), ("Dalian", "Kitakyushu"), ("Dalian", "Oakland")}),
    ],
    "heldout96-99 (after their untuned measurement on version 44)": [
        # towns that share a title are not partners for it
        ("Maribor was European Capital of Culture in 2012, a title it shared with Guimarães in Portugal, and "
         "European Youth Capital in 2013.", set()),
        ("Bodø in Norway holds the title this year, together with Tartu and Bad Ischl, and Oulu will follow in 2026 "
         "with Trenčín.", set()),
        # a bus route 'connecting' towns is no tie; a project that 'connected' towns is
        ("The project includes two pilot routes with 24 battery-electric buses connecting Medellín with Envigado "
         "and Itagüí.", set()),
        ("The project (2016–2019), which connected Umeå with Sundsvall, Örnsköldsvik and Vaasa, is one example.", {("Sundsvall", "Umeå"), ("Umeå", "Örnsköldsvik"), ("Umeå", "Vaasa")}),
        # 'led by A (country) with B (country) and C (country)': one team
        ('- "Ciudades que cuidan – care systems for older people", led by Canelones (Uruguay) with Quilmes '
         "(Argentina) and Valparaíso (Chile).",
         {("Canelones", "Quilmes"), ("Canelones", "Valparaíso"), ("Quilmes", "Valparaíso")}),
        # the owner's table under an intro ending 'The table below lists the agreements ...'; rows whose
        # status is 'Inactive' or 'Ended' are left out
        ("Municipalidad de Rosario\nRosario has built an active network of international relations. Twinning "
         "(hermanamiento) agreements are approved by the City Council by ordinance. The table below lists the "
         "agreements in force and those that are no longer active, as of July 2024.\n"
         "| City | Country | Signed | Status |\n|---|---|---|---|\n| Santiago de Compostela | Spain | 1990 | Active |\n"
         "| Bologna | Italy | 1996 | Active |\n| Nancy | France | 1994 | Ended (not renewed in 2012) |\n",
         {("Rosario", "Santiago de Compostela"), ("Bologna", "Rosario")}),
    ],
    "heldout100-103 (after their untuned measurement on version 45)": [
        # 'twinned with, among others, A, B and C': the subject's examples, not a team of three
        ("Düsseldorf itself is twinned with, among others, Chongqing, Haifa and Warsaw, and has partnerships with "
         "Palermo and Chemnitz.", {("Chongqing", "Düsseldorf"), ("Düsseldorf", "Haifa"), ("Düsseldorf", "Warsaw"),
                                   ("Chemnitz", "Düsseldorf"), ("Düsseldorf", "Palermo")}),
        # a dateline in mixed case ('Yaoundé, 27 June 2024 –') says where the news was written
        ("Yaoundé, 27 June 2024 – The City of Le Havre and the Douala City Council yesterday signed a four-year "
         "cooperation agreement.", {("Douala", "Le Havre")}),
        # 'Billings, Montana': the state locates the town (Montana, US, not the Bulgarian province)
        ("SUBJECT: Renewal of the Sister City Agreement between Billings, Montana, and Cork, Ireland.",
         {("Billings", "Cork")}),
        # 'Derry City and Strabane District Council' is one council named after two towns
        ("A new cross-border partnership between Derry City and Strabane District Council and Donegal County Council "
         "has been awarded €6.2 million.", {("Derry City and Strabane District Council", "Donegal")}),
        # an amount NER reads as an organisation ('KRW 850 million') is no party
        ("The project is funded by the Korea International Cooperation Agency (KOICA) with KRW 850 million (about "
         "US$ 640,000) for 2024–2026.", set()),
        # 'through its Agency for Roads, Bridges and Waters': the city's own body, no partner of it
        ("The City of Hamburg, Germany, will provide technical mentoring through its Agency for Roads, Bridges and "
         "Waters.", set()),
        # 'alongside that of Lille and Nantes': a comparison, no team
        ("Lyon's experience was also presented, alongside that of Lille and Nantes, at the national conference on "
         "decentralised cooperation in Paris in July 2023.", set()),
        # a table drawn with bars and a '-----+-----' rule; dormant and expired rows stay out
        ("SISTER CITIES OF KARACHI\n\nKarachi is the largest city of Pakistan. Karachi has sister cities.\n\nList of sister / twin cities\n\n"
         " No. | City           | Country     | Year | Status\n-----+----------------+-------------+------+--------------\n"
         "  1  | Shanghai       | China       | 1984 | Active\n  2  | Izmir          | Türkiye     | 1985 | Active\n"
         "  3  | Kuala Lumpur   | Malaysia    | 1994 | Dormant since 2012\n",
         {("Karachi", "Shanghai"), ("Karachi", "İzmir")}),
    ],
    "heldout104-107 (after their untuned measurement on version 46)": [
        # 'London, Ontario and Nanjing': the province locates the town, even before 'and'
        ("London, Ontario and Nanjing, in Jiangsu Province, China, first signed a friendship city agreement in 1986.",
         {("London", "Nanjing")}),
        # a possessor that is a party owns the tie (see also test_someone_elses_partnership_is_not_the_pages)
        ("London's partnership with Nanjing is strong.", {("London", "Nanjing")}),
        # 'these are not sister city relationships' denies the sentence's ties; 'strategic partnerships ...,
        # which are not sister city relationships' are partnerships still
        ("TSCA occasionally shares speakers with programs in Flagstaff and Nogales, Arizona; these are not sister "
         "city relationships.", set()),
        ("Melbourne also has strategic partnerships with cities such as Chengdu and Delhi, which are not sister city "
         "relationships.", {("Chengdu", "Melbourne"), ("Delhi", "Melbourne")}),
        # places an activity goes to
        ("FAU will offer a joint summer school every year, alternating between Antalya and Erlangen, for 30 students. "
         "The project includes 2 study tours to Plovdiv and Sofia.", set()),
        # a town's own twinning society is no partner of it
        ("Since 1962 the Tucson Sister Cities Association (TSCA), a nonprofit organization, has worked hand in hand "
         "with the City of Tucson to build lasting ties.", set()),
        # a table drawn with '+----+' grid lines between its header and its rows: each row a pair
        ("4.2 Selected projects approved in 2023\n\n+------------+------------+------------------+\n"
         "| German partner | Ukrainian partner | Type |\n+------------+------------+------------------+\n"
         "| Leipzig | Kyiv | City partnership |\n| Regensburg | Odesa | City partnership |\n"
         "| Celle | Drohobych | Solidarity partnership |\n+------------+------------+------------------+\n",
         {("Kyiv", "Leipzig"), ("Odesa", "Regensburg"), ("Celle", "Drohobych")}),
        # a 'Partner cities' heading over a '| City | Country |' table: the owner's partners
        ("City of Kyoto Official Website\nPartner cities\nIn addition to its sister cities, Kyoto has signed partner "
         "city agreements with cities with which it cooperates in specific areas.\n| City | Country | Agreement signed |"
         "\n|---|---|---|\n| Jinju | Republic of Korea | 1999/04/09 |\n| Qingdao | People's Republic of China | "
         "2008/10/24 |\n", {("Jinju", "Kyoto"), ("Kyoto", "Qingdao")}),
        # 'the Sfax-Marseille cooperation agreement': both towns are named (not 'the Ysleta–Zaragoza bridge')
        ("The observatory was built with support from the Sfax-Marseille cooperation agreement.",
         {("Marseille", "Sfax")}),
        # 'will form a second learning pair', 'will build a shared network'
        ("Gyumri and Ijevan will form a second learning pair focused on the tourism sector.", {("Gyumri", "Ijevan")}),
        ("The City of Sarnia and the City of Port Huron will build a shared real-time water-quality network.",
         {("Port Huron", "Sarnia")}),
        # ', with which it has cooperated': the sentence's subject and the party the clause hangs on
        ("In return, the University of Arizona welcomed a delegation from the University of Pécs Medical School, with "
         "which it has cooperated on rural health research since 2019.",
         {("University of Arizona", "University of Pécs Medical School")}),
        # news items by town ('- Granada and Guildford: no news') among single-town items are labels
        ("Freiburg's partnerships in brief:\n- Besançon: 64 pupils took part in the exchange in May.\n"
         "- Granada and Guildford: no news in this issue.\n", set()),
    ],
    "heldout108-111 (after their untuned measurement on version 47)": [
        # a label line of a fact block ('- Sister cities:   A (USA), B (USA)'): the page's own partners,
        # not each other's
        ("City of Kitakyushu. Kitakyushu signs memorandum with Maputo. Kitakyushu will send experts.\n\n"
         "  - Environmental sister cities: Surabaya (Indonesia), Da Nang (Viet Nam)\n"
         "  - Sister cities:               Norfolk (USA), Tacoma (USA), Dalian (China)\n",
         {("Kitakyushu", "Maputo"), ("Kitakyushu", "Surabaya"), ("Da Nang", "Kitakyushu"), ("Kitakyushu", "Norfolk"),
          ("Kitakyushu", "Tacoma"), ("Dalian", "Kitakyushu")}),
        # 'in the canton of Basel-Stadt', 'in the department of Haut-Rhin' say where a partner is
        ("The project brings together three partners: the City of Lörrach as lead partner, the Municipality of Riehen "
         "in the canton of Basel-Stadt (Switzerland) and the City of Saint-Louis in the department of Haut-Rhin "
         "(France).", {("Lörrach", "Riehen"), ("Lörrach", "Saint-Louis"), ("Riehen", "Saint-Louis")}),
        # towns that share the title of European Capital of Culture are not partners for it
        ("Chemnitz, which will be European Capital of Culture in 2025 together with Nova Gorica and Gorizia, showed "
         "how temporary street labs work.", set()),
        # a consortium of more than four members is no set of pairs, whatever the model reads
        ("The partnership consists of the municipalities of Kerkrade, Heerlen and Maastricht (NL), the City of Aachen "
         "and the City of Herzogenrath (DE), the City of Eupen and the City of Hasselt (BE).", set()),
        # 'eThekwini' (Durban's municipality) opens with a lower-case letter
        ("The sister city agreement between eThekwini Municipality and the Free Hanseatic City of Bremen was first "
         "signed on 4 November 2011.", {("Bremen", "Durban")}),
        # bullets under a twinning fund's intro, each a pair or a trio ('Rouen - "Archives' is no person's name)
        ("The anniversary coincided with the latest funding decisions for twinning projects.\n\n"
         "Among the 14 projects approved in the May round:\n\n"
         "  * Hanover and Rouen - \"Archives of friendship\", digitising 59 years of twinning correspondence: €7,500\n"
         "  * Potsdam, Versailles and Opole (Poland) - a Weimar Triangle youth forum on democracy: €11,000\n",
         {("Hanover", "Rouen"), ("Potsdam", "Versailles"), ("Opole", "Potsdam"), ("Opole", "Versailles")}),
        # 'Newcastle in New South Wales, Australia, and Aalborg': the state locates the town, the list goes on
        ("Within the IURC programme, the City of Newcastle in New South Wales, Australia, and Aalborg Municipality in "
         "Denmark agreed to cooperate.", {("Aalborg", "Newcastle")}),
        # a tie named after its two towns ('Turin' is no part of an organisation's name here)
        ("The Canberra-Wellington Capital Cities Partnership was signed in 2016 by the ACT Chief Minister and the "
         "Mayor of Wellington.", {("Canberra", "Wellington")}),
        ("The Lyon–Turin Capital Cities Partnership was renewed in 2019.", {("Lyon", "Turin")}),
    ],
    "heldout112-115 (after their untuned measurement on version 49)": [
        # a pair table whose header sits over a '----|-----' rule (inner bars only)
        ("The Steering Committee selected the following projects for financing:\n\n"
         "No. | Project title          | Polish partner    | Slovak partner   | Total (EUR)\n"
         "----|------------------------|-------------------|------------------|------------\n"
         " 1  | Goral Music Heritage   | Town of Nowy Targ | Town of Kežmarok |   72,000.00\n"
         " 2  | Firefighters' Centre   | Town of Zakopane  | Town of Poprad   |   65,870.50\n",
         {("Kežmarok", "Nowy Targ"), ("Poprad", "Zakopane")}),
        # a 'Sister and Friendship Cities' heading over bullets: the page's own
        ("City of Yokohama\nYokohama works with Asian cities on climate. Yokohama hosts Y-PORT.\n"
         "Sister and Friendship Cities\n- San Diego, USA (1957)\n- Lyon, France (1959)\n",
         {("San Diego", "Yokohama"), ("Lyon", "Yokohama")}),
        # a correction retracts what it repeats
        ("Correction: our September issue stated that Pokhara has a friendship tie with the Japanese city of "
         "Kamakura.", set()),
        # 'the partner town of A and the Slovak partner town of B' are the subject's, not each other's
        ("The Council of the Town of Náchod approves CZK 85,000 to cover the reception of the delegation from the "
         "partner town of Kudowa-Zdrój and the Slovak partner town of Hlohovec. Náchod thanks them. Náchod is a town.",
         {("Kudowa-Zdrój", "Náchod"), ("Hlohovec", "Náchod")}),
        # 'the consortium consisting of A, B, C and the Dutch NGO D': four partners, the NGO by its name
        ("The Director reported that the consortium consisting of the Colombo Municipal Council, the Sri Lanka Land "
         "Development Corporation, the University of Moratuwa and the Dutch NGO Waste Free Oceans had been awarded a "
         "grant of EUR 250,000.",
         {("Colombo", "Sri Lanka Land Development Corporation"), ("Colombo", "University of Moratuwa"),
          ("Colombo", "Waste Free Oceans"), ("Sri Lanka Land Development Corporation", "University of Moratuwa"),
          ("Sri Lanka Land Development Corporation", "Waste Free Oceans"),
          ("University of Moratuwa", "Waste Free Oceans")}),
    ],
    "heldout120-123 (after their untuned measurement on version 51)": [
        # a table of dated ties ('| Partner | Country | Agreement since |') is the owner's
        ("Växjö kommun - Annual Report 2023\n\nVäxjö Municipality works internationally to reach the goals of its "
         "Environmental Programme.\n\n6.4.1 Twin towns and partner municipalities\n\n"
         "| Partner            | Country   | Agreement since | Cost 2023 (SEK) |\n"
         "|--------------------|-----------|-----------------|-----------------|\n"
         "| Duluth, Minnesota  | USA       | 1987            |   118 000       |\n"
         "| Nowy Sącz          | Poland    | 1998            |    86 500       |\n"
         "| Panevėžys          | Lithuania | 1994            |    54 000       |\n",
         {("Duluth", "Växjö"), ("Nowy Sącz", "Växjö"), ("Panevėžys", "Växjö")}),
        # ... but not when each row is a pair ('Halluin - Menen'), which an ORG tag over the dash hid
        ("3.3 Partnerships between member cities\n\n| Partners | Type | Since |\n|---|---|---|\n"
         "| Halluin - Menen (Menin)   | twin towns across the Lys | 1963 |\n"
         "| Tourcoing - Mouscron      | cooperation charter       | 2019 |\n",
         {("Halluin", "Menen"), ("Mouscron", "Tourcoing")}),
        # 'X links A with B and C' where X is a project's name
        ("SCHOOL WITHOUT BORDERS links the Ville de Roubaix with the Stad Kortrijk and the Ville de Mouscron. "
         "Around 40 primary schools will organise exchanges.",
         {("Kortrijk", "Roubaix"), ("Mouscron", "Roubaix"), ("Kortrijk", "Mouscron")}),
        # 'Stadt Kleve' (PERSON to the model) is the town; 'are jointly starting'
        ("Stadt Kleve and the Gemeente Nijmegen are jointly starting a feasibility study for a fast cycle route.",
         {("Kleve", "Nijmegen")}),
        # a second 'between' after a locator and a topic
        ("The programme also supports cooperation between Tampere and Mwanza in Tanzania on urban planning, and "
         "between Kuopio and the Kenyan county of Kajiado on early childhood education.",
         {("Mwanza", "Tampere"), ("Kajiado", "Kuopio")}),
        # 'Mayors of' cues the town
        ("Mayors of Paris and Dakar launch Africa-Europe cooling partnership", {("Dakar", "Paris")}),
        # a town's legal name
        ("Draft Memorandum of Understanding between The Corporation of the City of London, Ontario, Canada and the "
         "City of Oulu, Finland", {("London", "Oulu")}),
        # venues and places where something happens are no partners
        ("At the signing ceremony in Astana, the EBRD and the Akimat of Shymkent also signed a memorandum of "
         "understanding on cooperation.", set()),
        ("The partners will equip three urban labs in Almaty, Bishkek and Tashkent and train 60 staff.", set()),
        ("Sewerage and drainage in Urgench and Khiva improved, including a new treatment plant.", set()),
        ("The Municipality of Porto and the Municipal Council of Maputo signed on Tuesday, at the Paços do Concelho, "
         "a cooperation protocol.", {("Maputo", "Porto")}),
        # partners' role codes in a project's list ('LP', 'PP2')
        ("Project: HERITAGE-ROUTES\nPartners:\n  LP  Municipality of Florina (GR)\n  PP2 Municipality of Bitola (MK)\n"
         "  PP3 Institute and Museum Bitola (MK)\n  PP4 University of Western Macedonia (GR)\n\nTotal budget: EUR 1,184,000\n",
         {("Bitola", "Flórina"), ("Bitola", "Museum Bitola"), ("Bitola", "University of Western Macedonia"),
          ("Flórina", "Museum Bitola"), ("Flórina", "University of Western Macedonia"),
          ("Museum Bitola", "University of Western Macedonia")}),
        # a group the partners belong to is no partner; nor is a province locating an unnamed partner
        ("Lisbon has a long-standing commitment to cooperation with cities of the Community of Portuguese Language "
         "Countries (CPLP).", set()),
        # towns of one name tied to each other
        ("Talas Municipality in Kayseri and the city of Talas in the Kyrgyz Republic have signed a sister-city "
         "protocol.", {("Kayseri", "Talas"), ("Talas", "Talas")}),
    ],
    "heldout124-127 (after their untuned measurement on version 52)": [
        # a heading that names its owner ('Twin towns of Maribor', 'Kobe City sister cities'), less a suspended tie
        ("City of Maribor\n\nMaribor hosts the final conference. Maribor is in Slovenia.\n\nTwin towns of Maribor\n"
         "- Marburg an der Lahn (Germany), since 1969\n- Szombathely (Hungary), since 1987\n"
         "- Kragujevac (Serbia), suspended in 1991\nLatest news\n- Festival Lent 2022 attracts 300,000 visitors",
         {("Marburg an der Lahn", "Maribor"), ("Maribor", "Szombathely")}),
        # an intro that counts the owner's twin towns, over a table aligned by spaces
        ("Umeå kommun - Annual Report 2023\n\nUmeå has formal twin-town agreements with four Nordic towns dating from "
         "the post-war period. Cooperation is mostly carried out by schools.\n\n"
         "  Town           Country    Since   Status 2023\n  -------------  ---------  ------  -----------\n"
         "  Vaasa          Finland    1950    Active\n  Harstad        Norway     1950    Active\n"
         "  Helsingør      Denmark    1950    Active\n",
         {("Harstad", "Umeå"), ("Helsingør", "Umeå"), ("Umeå", "Vaasa")}),
        # 'With Osijek, ..., we have agreed to continue working together': the speaking city
        ("City of Maribor\n\nMaribor hosts the final conference. Maribor is in Slovenia.\n\n“We did not only learn from "
         "our partners. With Osijek, which lies on the same river 200 kilometres downstream, we have agreed to continue "
         "working together on a joint Drava river tourism offer,” said Deputy Mayor Samo Peter Medved.",
         {("Maribor", "Osijek")}),
        # the subject of 'together with' is the whole pair before it; 'Together with A and B, X ...'
        ("Umeå and Vaasa, our twin town across the Gulf of Bothnia, together with the Kvarken Council, started the "
         "project Kvarken Climate Pact in January 2023.",
         {("Kvarken Council", "Umeå"), ("Kvarken Council", "Vaasa"), ("Umeå", "Vaasa")}),
        ("Together with Rotterdam and Glasgow, Umeå has tested how a university campus and a hospital area can share "
         "energy.", {("Glasgow", "Rotterdam"), ("Glasgow", "Umeå"), ("Rotterdam", "Umeå")}),
        # '..., with A in Romania and with B in Bulgaria'
        ("Viladecans will cooperate with the Municipality of Eordaia in Greece, with Alba Iulia in Romania and with "
         "Gabrovo in Bulgaria.", {("Eordaia", "Viladecans"), ("Alba Iulia", "Viladecans"), ("Gabrovo", "Viladecans")}),
        # the lead partner of the network the subject is in; a project's name is no partner
        ('Kalisz is a partner in "Food Corridors" (lead partner: Mollet del Vallès, Spain).',
         {("Kalisz", "Mollet del Vallès")}),
        ("In TwinBorders we can learn from Frankfurt and Słubice, who have had a joint bus line since 2012, and from "
         "Tornio and Haparanda, who built a shared shopping centre.",
         {("Frankfurt", "Słubice"), ("Haparanda", "Tornio")}),
        # a bullet's pair, then its story
        ("The new partnerships\n- Lidköping – Kandy, Sri Lanka. The partnership will address the historic town centre.\n"
         "- Falun – Luang Prabang, Laos. Two World Heritage towns will share experience.",
         {("Kandy", "Lidköping"), ("Falun", "Luang Prabang")}),
        # 'the twin towns A, B and C' after the owner's cooperation: one tie each, not a ring
        ("The administration notes that Kolding's existing international cooperation is mainly with the Nordic twin "
         "towns Drammen (Norway), Lappeenranta (Finland) and Örebro (Sweden).",
         {("Drammen", "Kolding"), ("Kolding", "Lappeenranta"), ("Kolding", "Örebro")}),
        ("Da Nang already cooperates with several international partners on climate resilience, including the Japanese "
         "city of Yokohama on wastewater treatment.", {("Da Nang", "Yokohama")}),
        # regions: 'the Maryland-Kanagawa sister-state relationship', 'established friendly province relations'
        ("The governor took part in a ceremony marking 42 years of the Maryland-Kanagawa sister-state relationship.",
         {("Kanagawa", "Maryland")}),
        ("Jiangsu Province and the Province of Ontario, Canada, established friendly province relations in 1985.",
         {("Jiangsu Province", "Province of Ontario")}),
    ],
    "heldout128-131 (after their untuned measurement on version 53)": [
        # fellow selectees are not partners; nor are the places a sentence's subject comes from
        ("In 2011 the city was selected by the OECD for its Green Cities Programme, alongside Paris, Chicago and "
         "Stockholm.", set()),
        ("Ninety-six enterprises from the districts of Cahul, Ungheni and Soroca have signed grant contracts totalling "
         "MDL 31.2 million.", set()),
    ],
    "heldout132-135 (after their untuned measurement on version 54)": [
        # the subject of 'twinned' is a town, even a name the model reads as a person's ...
        ("Hamilton remains twinned with Fukuyama, Japan, a relationship dating to 1975.", {("Fukuyama", "Hamilton")}),
        ("Montereau and Wertheim have been twinned since 1962.", {("Montereau-Fault-Yonne", "Wertheim")}),
        # ... and so is the name after 'twin town' ('Sister City Grant' names no town Grant)
        ("Wipperfürth's own twin town Surgères took part as a guest.", {("Surgères", "Wipperfürth")}),
        # a possessive inside a town's name
        ("1964 – Bishop's Stortford Urban District Council signs a twinning charter with the town of Friedberg.",
         {("Bishops Stortford", "Friedberg")}),
        # pairs given as examples, 'A with B and C with D', 'A with B or C with D'
        ("In Japan, other pairs include Turin with Nagoya and Granollers with Kitakyushu.",
         {("Nagoya", "Turin"), ("Granollers", "Kitakyushu")}),
        ("Eligible are the partnerships already active, such as Castilla y León with Gyeongsangbuk-do or Lower "
         "Austria with Jalisco.", {("Castilla y León", "Gyeongsangbuk-do"), ("Jalisco", "Lower Austria")}),
        ("Uppsala University, the University of Gdańsk and Klaipėda University are joining forces to create a "
         "joint module.", {("University of Gdańsk", "Uppsala University"), ("Klaipėda University", "Uppsala University"),
                           ("Klaipėda University", "University of Gdańsk")}),
        # 'We are twinned with' names no town 'We' (Wé, New Caledonia)
        ("We are twinned with Turku since 1953.", set()),
        # a tie's date between two partners, a region locating the first; the holder of the sentence's
        # earlier ties holds the later one too
        ("She reminded members that Cork maintains twinning relationships with Rennes (Brittany, France), signed in "
         "1982, and Coburg (Bavaria, Germany), signed in 1985, and a sister city agreement with San Francisco (USA).",
         {("Cork", "Rennes"), ("Coburg", "Cork"), ("Cork", "San Francisco")}),
        # a clause with a subject of its own: no learned pair across it
        ("Lisbon and Curitiba have worked together on public transport since the 1990s, and Bologna hosted a "
         "delegation from Rosario in 2019.", {("Curitiba", "Lisbon")}),
        # 'its' is the town before it, not a bullet's label
        ("Innovation Awards\n- Economic Development: San Antonio, Texas, and its sister city Monterrey, Nuevo León, "
         "for a matchmaking forum.", {("Monterrey", "San Antonio")}),
        # an ended tie in apposition ends the partner before it, not the next one
        ("Speakers talked about Coventry's historic link with Volgograd, suspended in 2022, and its active twinning "
         "with Dresden.", {("Coventry", "Dresden")}),
        # a town the gazetteer lacks, twinned, with its country
        ("Ruelle-sur-Touvre is also twinned with Lousada in Portugal.", {("Lousada", "Ruelle-sur-Touvre")}),
    ],
    "heldout136-139 (after their untuned measurement on version 55)": [
        # a town's locator in brackets ('Rochester (New York, USA)') does not end the owner's list
        ("Würzburg maintains town twinnings with Bray (Ireland), Caen (France), Otsu (Japan), Rochester (New York, "
         "USA), Salamanca (Spain) and Umeå (Sweden).",
         {("Bray", "Würzburg"), ("Caen", "Würzburg"), ("Würzburg", "Ōtsu"), ("Rochester", "Würzburg"),
          ("Salamanca", "Würzburg"), ("Umeå", "Würzburg")}),
        # fellow partners of a network the subject (no party) was in; the tail of a longer list is no team
        ("The two cities already cooperated in a network of port cities, alongside partners from Valencia, Genoa, "
         "Izmir, Haifa and Tangier.", set()),
        # people from each town, not a team of towns
        ("In the youth project, young people from Valencia exchanged with peers from Palermo and Thessaloniki.",
         {("Palermo", "Valencia"), ("Thessaloníki", "Valencia")}),
        # a possessive inside a cue holds the tie ("..., and Hildesheim's friendship with Padang")
        ("Solingen and Jinotega, for example, have maintained a town twinning since 1985, and Hildesheim's friendship "
         "with Padang goes back to the 1980s.", {("Hildesheim", "Padang"), ("Jinotega", "Solingen")}),
        # where an owner's partners lie is no partner of the owner
        ("Lawrence has two official sister cities: Eutin, a lakeside town in the northern German state of "
         "Schleswig-Holstein, and Hiratsuka, a coastal city in Kanagawa Prefecture, Japan, about an hour by train "
         "southwest of Tokyo.", {("Eutin", "Lawrence"), ("Hiratsuka", "Lawrence")}),
        ("Tulsa's sister city in Tochigi Prefecture sent a delegation of city councillors in October.", set()),
        # a comparison opening the sentence
        ("Montpellier has nine twin cities.\nLike Marseille, Toulouse and Nice, Montpellier is an active member of "
         "Cités Unies France, the French association of local authorities engaged in international cooperation.",
         set()),
        # things of places presented alongside are no partners
        ("The concept Irpin Build Back Better was presented at the Ukraine Recovery Conference in London, alongside "
         "reconstruction concepts for Bucha, Borodianka and Chernihiv.", set()),
    ],
    "heldout136-139, second reading (version 57, sets already tuned on)": [
        # a lead named in an opening participle, its partners after 'it brings together'
        ("SOLAR-SOUKS will retrofit covered markets. Led by the Municipality of Bizerte, it brings together the "
         "Municipality of Larnaca (Cyprus) and the Municipality of Saida (Sidon, Lebanon).",
         {("Bizerte", "Larnaca"), ("Bizerte", "Saida"), ("Larnaca", "Saida")}),
        # a gapped second pair after a town's authority named in its own language; 'Greater Jerash
        # Municipality' and 'paired with' name a town the gazetteer knows only by another spelling
        ("The partnership organised a town-to-town scheme: the Municipality of Lorca was paired with Greater "
         "Jerash Municipality, and the Comune di Marsala with the Commune de Monastir.",
         {("Jerash", "Lorca"), ("Marsala", "Monastir")}),
        ("Halle (Westf.) is twinned with Ostrów Wielkopolski in Poland.", {("Halle", "Ostrów Wielkopolski")}),
        # 'with our city' is the page's own town wherever it stands; 'the Lithuanian municipality of'
        ("Irpin City Council. Report on Irpin's reconstruction in 2023. In 2023 Irpin formalised three new "
         "partnerships. The Latvian city of Jūrmala, a resort town like Irpin, signed a declaration of friendship "
         "with our city on 24 August 2023. Cooperation also continued with the Lithuanian municipality of Kaunas "
         "and with Bergamo (Italy).",
         {("Irpin", "Jūrmala"), ("Irpin", "Kaunas"), ("Bergamo", "Irpin")}),
    ],
    "heldout140-143 (after their untuned measurement on version 56)": [
        # up to four words between a hub noun and 'are'
        ("Porvoo's friendship towns in the Nordic chain are Ringsted in Denmark, Strängnäs in Sweden, Kongsberg in "
         "Norway and Hafnarfjörður in Iceland.",
         {("Porvoo", "Ringsted"), ("Porvoo", "Strängnäs"), ("Kongsberg", "Porvoo"), ("Hafnarfjörður", "Porvoo")}),
        # ties counted, then examples; a negation in an earlier clause; a reported clause's owner
        ("Esslingen has no other partner city in India, although it maintains twin-town links with ten cities, "
         "among them Vienne in France, Udine in Italy and Velenje in Slovenia.",
         {("Esslingen", "Vienne"), ("Esslingen", "Udine"), ("Esslingen", "Velenje")}),
        ("Chairman Nguyen Van Tung informed the delegation that Hai Phong currently maintains cooperative relations "
         "with 19 localities in 12 countries, including Kitakyushu, Incheon and Tianjin.",
         {("Hai Phong", "Kitakyushu"), ("Hai Phong", "Incheon"), ("Hai Phong", "Tianjin")}),
        # an apposition between the subject and its verb holds no subject
        ("Luoyang, the capital of 13 dynasties in central China's Henan Province, on Monday signed a friendship "
         "city agreement with Mérida.", {("Luoyang", "Mérida")}),
        # each has its own sister cities; a frame before the subjects is none of them
        ("Braga and Porto have sister cities all over the world, and we should ask what our residents get out of "
         "them.", set()),
        ("Within the Municipal Climate Partnership, Coimbatore and Esslingen work together on a Joint Programme of "
         "Action.", {("Coimbatore", "Esslingen")}),
        # 'unter' inside a town's name
        ("Kirchheim unter Teck is twinned with Rambouillet (France, since 1969) and Basildon (United Kingdom, since "
         "1982).", {("Kirchheim unter Teck", "Rambouillet"), ("Basildon", "Kirchheim unter Teck")}),
        # tables aligned by spaces: the owner's partners under a header and a rule; a table of pairs
        ("Panevėžys maintains partnership agreements with eight cities in Europe. Panevėžys is the fifth largest "
         "city in Lithuania. The Mayor's Office of Panevėžys coordinates the work.\n\n"
         "Partner city            Country    Agreement signed   Status\n"
         "---------------------------------------------------------------\n"
         "Kalmar                  Sweden     1991               active\n"
         "Lappeenranta            Finland    1998               active\n"
         "Bauska                  Latvia     2003               active\n",
         {("Kalmar", "Panevėžys"), ("Lappeenranta", "Panevėžys"), ("Bauska", "Panevėžys")}),
        ("4. Other partnerships in the India cohort (phase 6)\n\n"
         "  Indian municipality     German municipality\n"
         "  Nagpur                  Karlsruhe\n"
         "  Madurai                 Heilbronn\n",
         {("Karlsruhe", "Nagpur"), ("Heilbronn", "Madurai")}),
        # a deal no party before it holds is the page's own, but not one a named body signed (the sentence
        # cut after its acronym); a mayor's is the page's (a lapsed one: test_a_lapsed_link_is_no_tie)
        ("Chattogram signs landfill deal. Chattogram will close its old dump. Chattogram's mayor spoke. Last year, "
         "Dhaka North City Corporation (DNCC) signed a cooperation agreement with the Japanese city of Fukuoka on "
         "landfill technology.", set()),
        ("Irpin rebuilds. Irpin thanks its partners. Irpin's council met. In 2023 Mayor Oleksandr Markushyn signed "
         "a cooperation agreement with the Lithuanian municipality of Kaunas.", {("Irpin", "Kaunas")}),
        # the channel a tie runs through is no partner
        ("Other Dutch municipalities, including Utrecht and Amsterdam, have in the past cooperated with Moroccan "
         "cities through VNG International programmes, but Gouda has no such experience.", set()),
    ],
    "heldout144-147 (after their untuned measurement on version 57)": [
        # the places a body met in are venues, for the model too
        ("The Joint Small Projects Committee met four times, in Pasewalk (February), Szczecin (May), Prenzlau "
         "(September) and Świnoujście (November), and approved 42 projects.", set()),
        # a table's 'Total' row is no partner; a region after a partner's name says where it is
        ("Budget by partner\n| Partner | Eligible costs (EUR) | ERDF (EUR) |\n|---|---|---|\n"
         "| Town of Nowy Targ | 71,200.00 | 56,960.00 |\n| Town of Kežmarok | 47,250.00 | 37,800.00 |\n"
         "| Total | 118,450.00 | 94,760.00 |", {("Kežmarok", "Nowy Targ")}),
        ("Microproject CRAFTRAIL\nLead partner: Town of Nowy Targ (Gmina Miasto Nowy Targ), Małopolskie Voivodeship, "
         "Poland\nPartner: Town of Kežmarok (Mesto Kežmarok), Prešov Region, Slovak Republic\n"
         "Implementation period: 01.04.2024 - 30.09.2025", {("Kežmarok", "Nowy Targ")}),
        # (but a region whose tail is another partner is a partner: version 58 as first committed dropped Catalonia)
        ("The project partners are: Lyon, Catalonia, Turin", {("Catalonia", "Lyon"), ("Lyon", "Turin"), ("Catalonia", "Turin")}),
        # 'has one sister city, X' (the page's town as 'The Town'); a gapped pair after a country
        ("Oakville is a town in Ontario. Oakville's council met on Monday. Oakville has 220,000 residents. The Town "
         "currently has one sister city, Neyagawa (Osaka Prefecture, Japan), with which it has exchanged students "
         "since 1984.", {("Neyagawa", "Oakville")}),
        ("By comparison, neighbouring Mississauga is twinned with Kariya, Japan, and Burlington with Itabashi, a ward "
         "of Tokyo.", {("Kariya", "Mississauga"), ("Burlington", "Itabashi")}),
    ],
    "model": [  # pairs no rule links, linked by the learned model (extractors/link_model.py)
        ("The ties of Kanazawa and Buffalo go back to 1962.", {("Buffalo", "Kanazawa")}),
        # the rules' precision cases above hold for the model's pairs too ('Jacksonville, Florida',
        # 'Lisbon's energy agency', 'but that is not a bilateral partnership', 'Besides Halifax')
        ("Rosario found its counterpart in Nantes, and the two ports now share a climate office.",
         {("Nantes", "Rosario")}),
        # (the model of version 11 read this visit as a tie (0.76); the one trained on 29 sets does not)
        ("Dublin will host a delegation from Boston next year.", set()),
        # (the model of version 9 added Braga-Leuven across the 'while'; learners are never each other's
        # partners, whatever the model says)
        ("Braga and Kaunas learn from Espoo, while Zaragoza and Bratislava are mentored by Leuven.",
         {("Braga", "Espoo"), ("Espoo", "Kaunas"), ("Leuven", "Zaragoza"), ("Bratislava", "Leuven")}),
    ],
    "heldout148-151 (after their untuned measurement on version 58)": [
        # a partner, its country code and its region on a bullet: where it lies, no pair
        ("The network is led by Dungarvan, Ireland. The partner cities are:\n\n- Guingamp (FR) – Brittany; covered "
         "market and Saturday market restoration\n- Eichstätt (DE) – Bavaria; baroque market square, university town\n",
         set()),
        # small towns (version 59's small-town index): 'Kirriemuir has been twinned with Josselin'
        ("Kirriemuir has been twinned with Josselin, the little castle town in Brittany, since 1991. Josselin itself "
         "has been twinned with Roding, in Bavaria, since 1978.", {("Josselin", "Kirriemuir"), ("Josselin", "Roding")}),
    ],
    "heldout156-159 (English pages, after their untuned measurement on version 61)": [
        # 'X in <state>' locates X: the state is not a party ('California' read as California, MD)
        ("Down the Midland Highway, Bendigo has maintained its own sister city relationship with Los Altos in "
         "California for more than 25 years.", {("Bendigo", "Los Altos")}),
        # ', <owner>'s sister city' after a partner and where it lies
        ("The city's longest-standing tie is with Ciudad Obregón in Sonora, Mexico, which became Tucson's sister "
         "city in 1958 and remains active.", {("Ciudad Obregón", "Tucson")}),
        ("Huangshi in Hubei province, China, Nelson's sister city since 1996, has been invited to the final "
         "workshop.", {("Huangshi", "Nelson")}),
        # 'X counts A, B and C among its sister cities': X with each, not the list's members with each other
        ("Savannah also counts Patras in Greece, Halle in Germany and Jincheon County in South Korea among its "
         "sister cities.", {("Patras", "Savannah"), ("Halle", "Savannah"), ("Jincheon County", "Savannah")}),
        # 'the city's twin towns A, B and C': the page's own city
        ("CITY OF JYVÄSKYLÄ\nCITY BOARD MINUTES 5/2024\n\n§ 87 Memorandum of understanding with Daejeon\n\n"
         "The City Board approved the memorandum of understanding between Jyväskylä and Daejeon. Jyväskylä will "
         "host a delegation in May.\n\nThe City Board noted that the city's Nordic twin towns Esbjerg, Stavanger "
         "and Eskilstuna will be informed of the decision at the next Nordic meeting.",
         {("Daejeon", "Jyväskylä"), ("Esbjerg", "Jyväskylä"), ("Jyväskylä", "Stavanger"), ("Eskilstuna", "Jyväskylä")}),
    ],
    "heldout160-163 (English pages, after their untuned measurement on version 63)": [
        # 'X has been a sister city of P since ... and is also twinned with A and B': X's, not P's
        ("Kyoto has been a sister city of Paris since 1958 and is also twinned with Cologne (since 1963) and Boston "
         "(since 1959).", {("Kyoto", "Paris"), ("Cologne", "Kyoto"), ("Boston", "Kyoto")}),
        # a country's name is no short form of its capital named elsewhere on the page
        ("Winnipeg, MB – The City of Winnipeg and the Municipality of Mérida, Yucatán, Mexico, today signed a "
         "friendship city agreement at Winnipeg City Hall. Other travellers connect through Toronto or Mexico City.",
         {("Mérida", "Winnipeg")}),
        # joining a project or network its lead partner leads
        ("Luleå Municipality has joined ARCTIC-ADAPT, a three-year Interreg Aurora project led by the City of Oulu "
         "in Finland.", {("Luleå", "Oulu")}),
        ('Bari joins "Living Waterfronts", whose lead partner, Thessaloniki, has already worked with Bari in the '
         'Adriatic-Ionian area.', {("Bari", "Thessaloníki")}),
        # part of a longer list: its members are not each other's pairs
        ("The other partners include Tartu, Kaunas, Gdynia and Lahti, as well as universities and regional councils.",
         set()),
        ("The project partners include Tartu, Kaunas and Lahti, as well as universities.", set()),
        # 'X has 23 sister cities worldwide, including A and B': X with each
        ("Seoul, a city of 9.4 million people, has 23 sister cities worldwide, including Paris (since 1991) and "
         "Athens.", {("Paris", "Seoul"), ("Athens", "Seoul")}),
        # 'X, as lead partner, started the project P together with A, B and C': X leads, P is what started
        ("In 2023 the Kvarken Council, as lead partner, started the Interreg Aurora project Kvarken Mobility Hub "
         "together with the City of Vaasa, Umeå Municipality and Korsholm.",
         {("Korsholm", "Kvarken Council"), ("Kvarken Council", "Umeå"), ("Kvarken Council", "Vaasa")}),
    ],
    "heldout164-167 (English pages, after their untuned measurement on version 64)": [
        # chosen alike, no team: 'one of only two Bulgarian cities in the Mission, together with Sofia'
        ("Gabrovo is one of only two Bulgarian cities in the Mission, together with the capital Sofia, and the "
         "first Bulgarian municipality to lead a NetZeroCities pilot.", set()),
        # (but the front-runner cities of one project are its team)
        ("İzmir was one of three front-runner cities of this Horizon 2020 project, together with Valladolid and "
         "Liverpool.", {("Valladolid", "İzmir"), ("Liverpool", "İzmir"), ("Liverpool", "Valladolid")}),
        # attending a session together with colleagues from elsewhere is no cooperation
        ("Mayors from Accra, Kumasi and Tema attended the parallel African mayors' session on climate finance, "
         "together with colleagues from Mombasa and Kisumu.", set()),
        # 'the town's twinning links with A, B and C' are the page's town's, not the subject's
        ("Minutes of the Annual General Meeting, held at the Priory Centre, Abergavenny\nIn attendance: the Mayor "
         "of Abergavenny.\n\nThe Chair reminded the meeting that the Association exists to maintain the town's "
         "twinning links with Östringen in Germany and Beaupréau in France.",
         {("Abergavenny", "Östringen"), ("Abergavenny", "Beaupréau")}),
        # (the city named before it in the sentence is 'the city' of 'the city's')
        ("In 2018, the then mayor of Osaka ended the city's 1957 sister-city relationship with San Francisco. "
         "Dubai hosted a trade fair.", set()),
        # a possessed twinning names two towns, however small ("Fishguard's twinning with Loctudy")
        ("Our friends tell us that Fishguard's twinning with Loctudy in Brittany will celebrate its 30th "
         "anniversary this summer.", {("Fishguard", "Loctudy")}),
        # 'Bad Homburg vor der Höhe' is one name, in a list of twins
        ("Exeter's other twinning links are unaffected. The city remains twinned with Rennes in Brittany, France "
         "(since 1956), Bad Homburg vor der Höhe in Germany (since 1965) and Terrassa in Catalonia, Spain (since 1991).",
         {("Exeter", "Rennes"), ("Bad Homburg vor der Höhe", "Exeter"), ("Exeter", "Terrassa")}),
    ],
    "heldout168-171 (English pages, after their untuned measurement on version 65)": [
        # 'partnership agreements with A, B and C': one agreement each, no team of A, B and C
        ("Nowy Sącz, a city of about 81,000 inhabitants, also has partnership agreements with Narvik (Norway), "
         "Schwerte (Germany) and Gödöllő (Hungary).",
         {("Narvik", "Nowy Sącz"), ("Nowy Sącz", "Schwerte"), ("Gödöllő", "Nowy Sącz")}),
        # 'sister city relations with nine cities worldwide, including A in X (since ...), B ...'
        ("Gwangju Metropolitan City maintains sister city relations with nine cities worldwide, including San "
         "Antonio in the United States (since 1982), Sendai in Japan (since 2002) and Guangzhou in China (since "
         "1996).", {("Gwangju", "San Antonio"), ("Gwangju", "Sendai"), ("Guangzhou", "Gwangju")}),
        # 'X led the network, with A, B and C as receiving partners': the leader with each
        ("Antwerp led the Transfer Network YOUTH SPOTS, with Volos in Greece, Liepāja in Latvia and Leiria in "
         "Portugal as receiving partners.", {("Antwerp", "Volos"), ("Antwerp", "Liepāja"), ("Antwerp", "Leiria")}),
        # 'one of 36 cities in Thailand certified as smart cities, alongside A, B and C': chosen alike
        ("Khon Kaen is one of 36 cities in Thailand certified as smart cities by the Digital Economy Promotion "
         "Agency (depa), alongside Phuket, Chiang Mai and Nakhon Ratchasima.", set()),
        # 'Lead Partner' is a role, no party; 'Komárom, Esztergom' are two towns, not Komárom-Esztergom county
        ("Lisbon acts as Lead Partner and brings together three partner cities: Heraklion (Greece), Mechelen "
         "(Belgium) and Zwolle (the Netherlands).",
         {("Heraklion", "Lisbon"), ("Lisbon", "Mechelen"), ("Lisbon", "Zwolle"), ("Heraklion", "Mechelen"),
          ("Heraklion", "Zwolle"), ("Mechelen", "Zwolle")}),
        ("The Town of Komárno, as lead beneficiary, coordinates the partnership together with Komárom, Esztergom "
         "and Sopron.", {("Komárno", "Komárom"), ("Esztergom", "Komárno"), ("Esztergom", "Komárom"),
                         ("Komárno", "Sopron"), ("Komárom", "Sopron"), ("Esztergom", "Sopron")}),
    ],
    "heldout176-179 (after their untuned measurement on version 66)": [
        # 'Sugar Land, Texas' is a town and its state, no German 'Land'
        ("Sugar Land, Texas signed a sister city agreement with Taoyuan, Taiwan, in 2024.", {("Sugar Land", "Taoyuan")}),
        # 'in the Mexican state of Veracruz' says where Boca del Río lies, though a town is called Veracruz
        ("Tacoma and Boca del Río, in the Mexican state of Veracruz, work together on coastal resilience.",
         {("Boca del Rio", "Tacoma")}),
        # on a page of sections about several cities, 'the City Council' is the section's city
        ("Chania (Greece) – SLOW-CHANIA\nChania will spread visitor flows to inland villages.\n\n"
         "Vitoria-Gasteiz (Spain) – GREENBELT+\nThe City Council will deliver GREENBELT+ together with the University "
         "of the Basque Country.\n\nChania is the page's city: Chania, Chania, Chania.",
         {("University of the Basque Country", "Vitoria-Gasteiz")}),
        # ranked alongside others: a comparison
        ("Culemborg ranks alongside Gouda and Veenendaal among the Dutch municipalities with the largest Moroccan "
         "communities.", set()),
        # a motorway or a bridge links towns, not a partnership
        ("Larache lies on the coast and is linked to Rabat by the A1 motorway.", set()),
        # 'BLUE LAKES' is a project's name in capitals, no region 'Lakes' taking the subject's place
        ("Växjö Municipality participates as a partner in the URBACT Transfer Network BLUE LAKES together with Lahti, "
         "Elbląg and Kuldīga.", {("Elbląg", "Kuldīga"), ("Elbląg", "Lahti"), ("Elbląg", "Växjö"),
                                 ("Kuldīga", "Lahti"), ("Kuldīga", "Växjö"), ("Lahti", "Växjö")}),
        # a lead partner, four partners and one more: a consortium of six, whose members are not paired
        ("The lead partner is the Municipality of Beira; the partners are the municipalities of Chimoio, Nampula, "
         "Pemba and Quelimane, together with the Portuguese municipality of Matosinhos.", set()),
        # 'together with eight other towns including A, B and C': a network's members, unpaired
        ("In 2023 Nova Gorica joined the URBACT network BORDER HUBS, led by Frankfurt (Oder) in Germany, together "
         "with eight other towns including Słubice, Tornio and Chaves.", set()),
        # "X's partners include A and B": X's ties, not a team of A and B
        ("Maringá's partners include Leiria and Coimbra.", {("Leiria", "Maringá"), ("Coimbra", "Maringá")}),
        ("Besides Kakogawa, Maringá's international partners include Leiria, Portugal, with which it signed a "
         "cooperation agreement in 2012.", {("Leiria", "Maringá")}),
        # a two-column table whose header says it pairs towns
        ("Pilot city | Twin city\nMiskolc    | Eger (Hungary)\nKranj      | Novo Mesto (Slovenia)\n"
         "Suceava    | Botoșani (Romania)", {("Eger", "Miskolc"), ("Kranj", "Novo Mesto"), ("Botoşani", "Suceava")}),
        # paying one's share, each town its own: no pair
        ("Kesennuma finances its participation with JPY 18 million, and Keelung contributes NT$2.5 million.", set()),
        # exploring cooperation is not cooperating yet
        ("Since 2024 Culemborg has been exploring cooperation with Nador on water management.", set()),
        # 'Quarto d'Altino near Venice': Venice only says where the town lies
        ("The anniversary will also bring together Neustadt's other partner towns: Lincoln in the United Kingdom "
         "(since 1969) and Quarto d'Altino near Venice, Italy (since 1987).", {("Lincoln", "Neustadt")}),
        # a partner's role after a dash is no party
        ("- City of Kortrijk – Main Urban Authority", set()),
        # guards of the round's rules: a clash of names that states a tie, and 'close to' a sister city
        ("Note: Darmstadt is not to be confused with the long-standing town twinning between Darmstadt and Troyes "
         "in France.", {("Darmstadt", "Troyes")}),
        ("Offenburg (not to be confused with Offenbach) is twinned with Lambersart.", {("Lambersart", "Offenburg")}),
    ],
}
LINK_KNOWN_MISSES = [
    # the model's probability for these (0.81, 0.82) is below the threshold of 0.9 that version 13
    # set after the fresh sets heldout24-27 showed more false than true model links at 0.7
    pytest.param("The Berliner Energieagentur (BEA) will advise the Buenos Aires Energy Efficiency Agency under "
                 "the new chapter.", {("Berliner Energieagentur", "Buenos Aires Energy Efficiency Agency")},
                 marks=pytest.mark.xfail(strict=True, reason="the model's 0.81 is below its threshold")),
    pytest.param("The tie between Kanazawa and Buffalo is among the oldest friendships between Japan and America.",
                 {("Buffalo", "Kanazawa")},
                 marks=pytest.mark.xfail(strict=True, reason="the model's 0.82 is below its threshold")),
    pytest.param("In Kyoto, the rector and the president of Kyoto University renewed the agreement that has linked "
                 "the two universities since 2009.", {("Kyoto University", "University of Bologna")},
                 marks=pytest.mark.xfail(strict=True, reason="the other university is only implied (the rector's)")),
    pytest.param("Cooperation with Kraków began in 2012, when Nuremberg opened an office there.",
                 {("Kraków", "Nuremberg")},
                 marks=pytest.mark.xfail(strict=True, reason="the subject comes after the cue, in another clause")),
    # the learned model (extractors/link_model.py) links what it reads as cooperation, and
    # sometimes a transport connection or a visit
    pytest.param("Delegations from Lyon and Turin met in Milan. They discussed a cooperation agreement.",
                 {("Lyon", "Turin")},
                 marks=pytest.mark.xfail(strict=True, reason="'they' stands for a pair only when the pair opens the "
                                                             "sentence before")),
    pytest.param("Hamilton and Victoria will cooperate on tourism.", {("Hamilton", "Victoria")},
                 marks=pytest.mark.xfail(strict=True, reason="names that are also person names need a place cue "
                                                             "somewhere on the page")),
    pytest.param("Eberswalde, on the Finow Canal, and Gorzów Wielkopolski, on the Warta, have been twinned since 1995.",
                 {("Eberswalde", "Gorzów Wielkopolski")},
                 marks=pytest.mark.xfail(strict=True, reason="a locative between the subjects breaks their "
                                                             "coordination (version 67 only stopped the canal "
                                                             "from being a party)")),
]


def test_a_partner_in_the_pages_title_is_not_the_pages_own_place(nlp):
    """Bonn's page titled 'Project partnership with Cape Coast, Ghana': its own place is Bonn,
    the most named, not the partner its title names first (version 53 made Cape Coast the owner
    of Bonn's twin towns)."""
    page = ("Project partnership with Cape Coast, Ghana\n"
            "Since 2012 the Federal City of Bonn has maintained a project partnership with Cape Coast. Cape Coast is a "
            "university town.\nIn 2014 Bonn and Cape Coast joined a programme. Bonn hosted a conference. A delegation "
            "from Cape Coast visited Bonn. Bonn's council approved the plan; the City of Bonn funds it and Bonn reports on it.\n\nOur twin towns\n- Oxford (United Kingdom), since 1947\n"
            "- Potsdam (Germany), since 1988\n")
    pairs = {frozenset((link.source_name, link.target_name)) for link in extract(nlp(page)).partner_links}
    assert frozenset(("Bonn", "Oxford")) in pairs and frozenset(("Bonn", "Potsdam")) in pairs
    assert not any("Cape Coast" in pair and ("Oxford" in pair or "Potsdam" in pair) for pair in pairs)


def test_a_lapsed_link_is_no_tie(nlp):
    """Bradford on Avon's twinning blog (heldout48): 'A link with the Polish town of Wrzesnia,
    started in 1996 ..., lapsed after 2004' is no tie of the page's town."""
    page = (Path(__file__).parent / "gold" / "heldout48" / "raw" / "boa_twinning_50_years_blog.txt").read_text()
    pairs = {frozenset((link.source_name, link.target_name)) for link in extract(nlp(page)).partner_links}
    assert not any("Września" in pair for pair in pairs)
    assert pairs  # (the page's living ties are still read)


@pytest.mark.parametrize("page,pair", [
    ("heldout160/raw/bsr_portcirc_final_report_summary.txt", ("Klaipėda", "Rostock")),  # 'jointly piloted'
    ("heldout162/raw/iurc_lac_newsletter_march_2025.txt", ("Guadalajara", "Lyon")),  # 'published their joint'
])
def test_a_joint_activity_links_its_doers(nlp, page, pair):
    """'Rostock and Klaipėda jointly piloted a deposit scheme', 'Guadalajara and Lyon published
    their joint Local Action Plan': a rule's link, where version 63 left them to the model,
    which these whole pages kept below its threshold."""
    text = (Path(__file__).parent / "gold" / page).read_text()
    pairs = {frozenset((link.source_name, link.target_name)) for link in extract(nlp(text)).partner_links}
    assert frozenset(pair) in pairs


def test_someone_elses_partnership_is_not_the_pages(nlp):
    """A London (Ontario) staff report: 'Hamilton's partnership with Fukuyama' is Hamilton's (a town
    the gazetteer cannot place here), not London's; version 46 gave it to the page's own town."""
    page = (Path(__file__).parent / "gold" / "heldout104" / "raw" / "london_on_staff_report_nanjing.txt").read_text()
    pairs = {frozenset((link.source_name, link.target_name)) for link in extract(nlp(page)).partner_links}
    assert frozenset(("London", "Nanjing")) in pairs
    assert not any("Fukuyama" in pair for pair in pairs)


@pytest.mark.parametrize("text,pairs", [c for cases in LINK_CASES.values() for c in cases] + LINK_KNOWN_MISSES)
def test_links(nlp, text, pairs):
    got = {tuple(sorted((l.source_name, l.target_name))) for l in extract(nlp(text)).partner_links}
    assert got == pairs


def test_a_list_ends_where_a_clause_begins(nlp):
    # 'since 1979, and Yokohama hosts ...' opens a clause; '(Virginia, USA) since 1974,' is no appositive
    pairs = _pairs(nlp, "The City of Kawasaki has been a sister city of Baltimore since 1979, and Yokohama hosts a "
                        "Maryland trade office.")
    assert ("Baltimore", "Kawasaki") in pairs and ("Baltimore", "Yokohama") not in pairs
    pairs = _pairs(nlp, "Dundee has formal twinning links with five cities: Orléans (France) since 1946, Würzburg "
                        "(Germany) since 1962, Alexandria (Virginia, USA) since 1974, Nablus (Palestine) since 1980 "
                        "and Zadar (Croatia) since 2002.")
    assert ("Dundee", "Orléans") in pairs
    assert not any("Virginia" in pair for pair in pairs) and ("Nablus", "Zadar") not in pairs


def test_a_word_of_a_capitalised_heading_is_no_organisation(nlp):
    # heldout89's newsletter: NER tags 'FAMILY' in 'MELBOURNE'S SISTER CITY FAMILY' as an
    # organisation, which the list under it then linked with Melbourne
    from pathlib import Path

    from citycoop.sources import decode, normalise
    page = Path(__file__).parent / "gold" / "heldout89" / "raw" / "melbourne_thessaloniki_40_years_newsletter.txt"
    pairs = _pairs(nlp, normalise(decode(page.read_bytes())[0]))
    assert ("FAMILY", "Melbourne") not in pairs and ("Melbourne", "Osaka") in pairs


def _pairs(nlp, text: str) -> set[tuple[str, str]]:
    return {tuple(sorted((l.source_name, l.target_name))) for l in extract(nlp(text)).partner_links}


def test_a_link_names_a_city_as_written_and_its_id_says_which_city(nlp):
    ex = extract(nlp("Gimhae and Heraklion signed a friendship agreement in 2024."))
    link = ex.partner_links[0]
    by_id = {c.geonames_id: c.name for c in ex.cities}  # the cities table keeps GeoNames' names
    assert {by_id[link.source_geonames_id], by_id[link.target_geonames_id]} == {"Kimhae", "Irákleion"}


def test_a_citys_written_form_is_neither_a_part_nor_an_extension_nor_an_acronym():
    from extractors.links import Party, city_written_forms

    text = "Cebu City, Tel Aviv-Yafo, SMG, George and Heraklion; Turin and Torino, Torino"
    parties = [Party(0, 9, "Cebu City", "city", 1), Party(11, 24, "Tel Aviv", "city", 2),
               Party(26, 29, "Seoul", "city", 3), Party(31, 37, "George Town", "city", 4),
               Party(42, 51, "Irákleion", "city", 5), Party(53, 58, "Turin", "city", 6),
               Party(63, 69, "Turin", "city", 6), Party(71, 77, "Turin", "city", 6)]
    assert city_written_forms(text, parties) == {5: "Heraklion", 6: "Torino"}  # (Torino: the page's usual spelling)


def test_link_has_relation_programme_year_and_evidence(nlp):
    text = "Within URBACT, the twinning between Graz and Maribor started in 2010."
    link = extract(nlp(text)).partner_links[0]
    assert link.relation == "twinning" and link.programme == "URBACT" and link.year == 2010
    assert link.evidence == text and link.source_type == link.target_type == "city"
    assert link.source_geonames_id and link.target_geonames_id


def test_partner_list_of_two_links_them(nlp):
    text = "International partners\n\nCity of Torino (IT), City of Nagoya (JP).\n\nThe project in Torino"
    links = extract(nlp(text)).partner_links
    assert {(l.source_name, l.target_name, l.relation) for l in links} == {("Torino", "Nagoya", "partner")}


def test_consortium_bullet_list_links_every_member(nlp):
    text = ("The pilot consortium has four members:\n• City of Prague (CZ), pilot lead\n• City of Kraków (PL)\n"
            "• Czech Technical University in Prague (CZ)\n• AGH University of Kraków (PL)\n\nThe pilot runs 24 months.")
    pairs = {frozenset((l.source_name, l.target_name)) for l in extract(nlp(text)).partner_links}
    assert len(pairs) == 6
    assert frozenset(("Prague", "AGH University of Kraków")) in pairs


def test_pair_bullets_under_a_partnership_paragraph(nlp):
    text = ("Five municipal partnerships were renewed:\n- Bonn and Cape Coast, Ghana, cooperating on coastal protection;\n"
            "- Würzburg and Mwanza, Tanzania, on clean drinking water.")
    pairs = {frozenset((l.source_name, l.target_name)) for l in extract(nlp(text)).partner_links}
    assert pairs == {frozenset(("Bonn", "Cape Coast")), frozenset(("Würzburg", "Mwanza"))}


def test_own_list_links_the_owner_to_each_item_only(nlp):
    text = ("City of Bellevue\n\nBellevue news. Bellevue approved a new agreement. With it, Bellevue has six "
            "sister cities. The city's existing sister cities are Yao, Japan (since 1969); Kladno, Czech Republic "
            "(since 1991); and Liuzhou, China (since 1994).")
    pairs = {frozenset((l.source_name, l.target_name)) for l in extract(nlp(text)).partner_links}
    assert pairs == {frozenset(("Bellevue", c)) for c in ("Yao", "Kladno", "Liuzhou")}


def test_twin_town_bullets_under_the_page_city(nlp):
    text = ("Aarhus Kommune\n\nAarhus twin towns. Aarhus signed its first agreements in 1946. Aarhus is proud "
            "of them.\n\nToday the municipality maintains formal links with the following cities:\n\n"
            "• Bergen, Norway (since 1946)\n• Turku, Finland (since 1946)\n• Rostock, Germany (since 1964)\n\nEnd.")
    links = extract(nlp(text)).partner_links
    assert {frozenset((l.source_name, l.target_name)) for l in links} == \
        {frozenset(("Aarhus", c)) for c in ("Bergen", "Turku", "Rostock")}


def test_partner_table_of_four_links_every_pair(nlp):
    text = ("Consortium\n| Partner | Type | Country |\n|---|---|---|\n| Deltares | Research institute | Netherlands |\n"
            "| Municipality of Rotterdam | Local authority | Netherlands |\n| City of Aveiro | Local authority | Portugal |\n"
            "| University of Aveiro | University | Portugal |\nRotterdam and Aveiro will each build a pilot.")
    pairs = {frozenset((l.source_name, l.target_name)) for l in extract(nlp(text)).partner_links}
    assert len(pairs) == 6 and frozenset(("Deltares", "Rotterdam")) in pairs


def test_pairing_table_links_each_row(nlp):
    text = ("| European partner | Country | Latin American partner | Country |\n|---|---|---|---|\n"
            "| City of Valencia | Spain | Municipality of Córdoba | Argentina |\n"
            "| Cork City Council | Ireland | Municipality of Valparaíso | Chile |\n")
    pairs = {frozenset((l.source_name, l.target_name)) for l in extract(nlp(text)).partner_links}
    assert pairs == {frozenset(("Valencia", "Córdoba")), frozenset(("Cork", "Valparaíso"))}


def test_coordinator_line_opens_the_partner_list(nlp):
    text = ("Consortium\nCoordinator: Lisboa E-Nova – Agência de Energia e Ambiente de Lisboa (PT)\n"
            "Partners: Energy Agency of Plovdiv (BG), Agenzia per l'Energia e lo Sviluppo Sostenibile (AESS) (IT), "
            "Zagreb Regional Energy Agency (REGEA) (HR).\n\nIn HEATSHARE, Lisboa E-Nova will work with AESS.")
    pairs = {frozenset((l.source_name, l.target_name)) for l in extract(nlp(text)).partner_links}
    assert len(pairs) == 6 and frozenset(("Lisboa E-Nova", "Zagreb Regional Energy Agency")) in pairs


def test_acronym_stands_for_its_organisation(nlp):
    text = ("The Zagreb Regional Energy Agency (REGEA) runs the pilot. Later, REGEA will cooperate with the "
            "Energy Agency of Plovdiv.")
    links = extract(nlp(text)).partner_links
    assert {(l.source_name, l.target_name) for l in links} == {("Zagreb Regional Energy Agency", "Energy Agency of Plovdiv")}


def test_city_named_as_place_elsewhere_stays_a_city_in_asides(nlp):
    text = ("Hamilton City Council news.\n\nHamilton – the largest inland city of New Zealand, on the Waikato River – "
            "will cooperate with the Belgian city of Mechelen on waste reduction.")
    pairs = {frozenset((l.source_name, l.target_name)) for l in extract(nlp(text)).partner_links}
    assert pairs == {frozenset(("Hamilton", "Mechelen"))}


def test_partner_table_city_column_is_where_each_partner_is(nlp):
    text = ("Partnership\n| Partner | City | Country |\n|---|---|---|\n| Austrian Energy Agency | Vienna | Austria |\n"
            "| Brno University of Technology | Brno | Czechia |\n| Area Science Park | Trieste | Italy |\n")
    pairs = {frozenset((l.source_name, l.target_name)) for l in extract(nlp(text)).partner_links}
    assert pairs and not any(c in pair for pair in pairs for c in ("Vienna", "Brno", "Trieste"))


def test_long_partner_table_links_no_pairs(nlp):
    rows = "".join(f"| {i} | {name} | University | Denmark |\n" for i, name in enumerate(
        ["Aalborg University (coordinator)", "Aarhus Municipality", "University of Oulu", "City of Oulu",
         "Ghent University", "Politecnico di Milano"], 1))
    text = "Consortium\n| # | Organisation | Type | Country |\n|---|---|---|---|\n" + rows
    assert extract(nlp(text)).partner_links == []


def test_sister_city_table_without_outer_bars_links_the_owner(nlp):
    text = ("Portland Sister City Association\n\nPortland news. Portland is proud of its partners.\n\n"
            "Sister City | Country | Since\nSapporo | Japan | 1959\nAshkelon | Israel | 1987\nUlsan | South Korea | 1987\n")
    pairs = {frozenset((l.source_name, l.target_name)) for l in extract(nlp(text)).partner_links}
    assert pairs == {frozenset(("Portland", c)) for c in ("Sapporo", "Ashkelon", "Ulsan")}


def test_inline_partner_list_ends_with_its_line(nlp):
    text = ("- Partners: City of Zagreb (lead), Zagreb Holding, Green Energy Cooperative\nTwin cities\n"
            "The programme pairs pilots with twin cities such as Osijek and Novi Sad.")
    pairs = {frozenset((l.source_name, l.target_name)) for l in extract(nlp(text)).partner_links}
    assert pairs and not any(c in pair for pair in pairs for c in ("Osijek", "Novi Sad"))


def test_programmes_are_canonical(nlp):
    ex = extract(nlp("The International Urban and Regional Cooperation (IURC) and Horizon 2020 fund the "
                     "European Regional Development Fund projects."))
    assert {p.name for p in ex.programmes} >= {"IURC", "Horizon 2020", "ERDF"}


def test_the_eu_twinning_programmes_are_programmes_and_funders(nlp):
    """CERV (and its strands) and its predecessor Europe for Citizens fund most EU town
    twinnings (heldout12, 130, 133, 159 name them); a strand's name is no partner."""
    ex = extract(nlp("The project of the CERV Network of Towns strand is led by Cognac. It received €150,000 from "
                     "the Citizens, Equality, Rights and Values (CERV) programme, after €25,000 from the Europe for "
                     "Citizens programme in 2019."))
    assert {p.name for p in ex.programmes} >= {"CERV", "Europe for Citizens"}
    assert {p.kind for p in ex.programmes if p.name in ("CERV", "Europe for Citizens")} == {"programme"}
    assert sorted(f.funder for f in ex.funding if f.funder) == ["CERV", "Europe for Citizens"]
    assert not any("Network of Towns" in (l.source_name, l.target_name) for l in ex.partner_links)


@pytest.mark.parametrize("text,expected", [
    ("Turin participates in the EU-funded project CityRegions with eight partners.", {"CityRegions"}),
    ("The city joined the EU-backed initiative ClimAlps last year.", {"ClimAlps"}),
])
def test_adjectives_name_no_project(nlp, text, expected):
    """'EU-funded' is what the project is, not its name (it used to become a programme)."""
    assert {p.name for p in extract(nlp(text)).programmes} == expected


def _party_names(nlp, text: str) -> set[str]:
    """The names of the parties links are looked for between, as the pipeline finds them."""
    from extractors.pipeline import link_parties
    from extractors.places import extract_places
    from extractors.programmes import extract_programmes
    from extractors.text import Sentences

    doc = nlp(text)
    sents = Sentences.of(doc)
    return {p.name for p in link_parties(doc, extract_places(doc, sents), extract_programmes(text, sents)[1])}


def test_a_titled_person_is_no_party(nlp):
    names = _party_names(nlp, "The agreement was signed by Governor Ana Silva and Mayor Petr Novotný in Kolín.")
    assert names == {"Kolín"}


def test_an_organisations_place_ends_before_a_full_stop(nlp):
    names = _party_names(nlp, "It was the first exchange under BRIDGE-EDU, which links the lyceum with the Vasile "
                              "Alecsandri National College in Galați. The next visit is in May.")
    # (the name stops at the full stop; the town it is in is where it is, not part of its name)
    assert "Vasile Alecsandri National College" in names and not any("The" in n or "Galați" in n for n in names)


def test_a_unit_after_its_city_is_no_party(nlp):
    links = extract(nlp("Lead partner: City of Maribor, Office for Energy and Climate\n"
                        "Partners: City of Győr, City of Udine")).partner_links
    assert links and not any("Office" in name for l in links for name in (l.source_name, l.target_name))
