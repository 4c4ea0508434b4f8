"""Property: any text, however odd, goes through the extractors without an error, and
every span they report lies inside the text."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extractors import extract

WORDS = ["Torino", "City of", "Nagoya", "(IT)", "€", "EUR", "32", "million", "2,000,000", "%", "co-funded",
         "between", "and", "together with", "2021-2023", "9 September 2022", "Georgia", "Latina", "Lazio",
         "County", "Region of", "partners:", "\n", "\n\n", "•", "-", "'s", "Horizon 2020", ",", ".", "ERDF"]
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=60).map(" ".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_extractors_never_crash_and_spans_stay_inside(nlp, text):
    found = extract(nlp(text))
    for kind in ("cities", "countries", "regions", "years", "funding", "programmes", "partner_links", "mentions"):
        for record in getattr(found, kind):
            assert 0 <= record.start <= record.end <= len(text), (kind, record)
    for m in found.mentions:
        assert text[m.start:m.end] == m.text


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.text(alphabet="ab -é", min_size=1, max_size=5), min_size=1, max_size=8),
       text=st.text(alphabet="ab -éx", max_size=60))
def test_trie_alternation_matches_the_longest_first_alternation(words, text):
    """The look-up regexes (countries, demonyms, programmes, currencies) are tries:
    same matches as the plain alternation, longest word first, with the same guards."""
    import re

    from extractors.text import literal_alternation

    plain = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    expected = [m.span() for m in re.finditer(rf"(?<![\w-])(?:{plain})(?![\w-])", text)]
    assert [m.span() for m in re.finditer(rf"(?<![\w-]){literal_alternation(words)}(?![\w-])", text)] == expected
