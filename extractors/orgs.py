"""Organisation names, one test for places and links.

Places asks whether a city name is part of an organisation's name ('Torino Social
Impact', 'AGH University of Kraków'); links asks whether a party is an organisation
or a place ('Lisboa E-Nova', 'the City Council of Velletri' = Velletri). Both rest on
the same two word lists: administrative words, which leave a place a place, and
organisation head words (extractors/data/org_heads.txt).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from .lexicons import org_heads

# Words that may stand next to a city name without making it an organisation name.
ADMIN_WORDS = frozenset("""city town municipality municipal council councillor councilor mayor
metropolitan metropolis area region province county district borough government hall
administration comune commune ayuntamiento gemeinde stadt ville ciudad cidade capital
metro urban centre center agglomeration greater community of the and de di del della
municipalidad municipio prefeitura concello gemeente kommune kommun stad miasto gmina
mesto město obec varos város mairie citta città intendencia alcaldia alcaldía""".split())

_WORD = re.compile(r"[\w’'-]+")


def is_admin_word(word: str) -> bool:
    return word.lower() in ADMIN_WORDS


def names_organisation(words: Iterable[str]) -> bool:
    """Capitalised words next to a place name that are not all administrative: the
    place is part of an organisation's or a programme's name ('Social Impact')."""
    return any(not is_admin_word(w) for w in words)


def has_org_head(name: str) -> bool:
    """The name holds an organisation head word that is not also an administrative
    word: 'University of Porto', 'Lisbon Energy Agency' yes; 'City Council of
    Velletri', 'Region of Murcia' no (those name the place's own administration)."""
    heads = org_heads()
    return any(w in heads and not is_admin_word(w) for w in _WORD.findall(name))
