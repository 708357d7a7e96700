"""Prefix queries of the kinds autocomplete missed (issue 25): short prefixes of big cities, names
typed with a trailing space, prefixes several towns share, and prefixes of country names.

    python3 benches/data/prefix_queries.py data/gazetteer/cities15000.tsv.gz benches/data/queries.tsv

prints the new rows (`prefix`, query, expected id) that are not yet in QUERIES.tsv; they were
appended to it. Each query is labelled with what a person would expect: the most populous city
whose own name starts with it. A query is left out when another city's other name (in Latin
script) also starts with it and that city is more populous, since then the answer is debatable.
Deterministic: the same table gives the same rows.
"""

import csv
import gzip
import sys
import unicodedata

# Latin letters that NFKD does not split into a base letter and an accent.
LETTERS = str.maketrans({"ł": "l", "ø": "o", "ß": "ss", "æ": "ae", "œ": "oe", "đ": "d", "ı": "i", "þ": "th", "ð": "d", "ħ": "h"})


def fold(name):
    """The bot's folding for Latin script: accents, case, spaces and punctuation dropped."""
    return spaced(name).replace(" ", "")


def spaced(name):
    """The folded name with one space between its words ("al basrah"), or None: a prefix is
    expected to mean a name when it starts it as typed, not across a space ("alba" is not Al
    Basrah)."""
    words = unicodedata.normalize("NFKD", name.lower().translate(LETTERS))
    words = "".join(c if c.isalnum() else " " for c in words if not unicodedata.combining(c))
    return " ".join(words.split()) if words.isascii() else None


def typed(name, letters):
    """The name as typed, folded with its spaces kept, cut after `letters` letters."""
    out, n = "", 0
    for c in spaced(name):
        if n == letters:
            break
        out += c
        n += c != " "
    return out


def main(cities_path, queries_path):
    opener = gzip.open if cities_path.endswith(".gz") else open
    with opener(cities_path, "rt", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    cities = []
    for r in rows:
        key = spaced(r["name"])
        if key:
            aliases = {a for a in (spaced(x) for x in r["aliases"].split("|") if x) if a}
            cities.append((int(r["population"] or 0), int(r["id"]), r["name"], r["country"], key, aliases))
    cities.sort(key=lambda c: (-c[0], c[1]))
    by_id = {c[1]: c for c in cities}

    def expected(prefix):
        """The most populous city whose own name starts with `prefix`, if no more populous city
        has another name starting with it."""
        # A trailing space ends a word: "ho " is Ho Chi Minh City's start, not Hong Kong's.
        key = spaced(prefix) + " " * prefix.endswith(" ")
        for pop, cid, _, _, name, aliases in cities:
            if (name + " ").startswith(key):
                return cid
            if any((a + " ").startswith(key) for a in aliases):
                return None
        return None

    with open(queries_path, encoding="utf-8") as f:
        seen = {tuple(line.rstrip("\n").split("\t")[:2]) for line in f}
    out = []

    def add(query, want):
        if query and ("prefix", query) not in seen and expected(query) == want:
            seen.add(("prefix", query))
            out.append(("prefix", query, want))

    # Short prefixes of the 60 biggest cities.
    for _, cid, name, *_ in cities[:60]:
        add(typed(name, 4), cid)
    # A name of several words, typed up to its first space ("mexico ", "buenos "), and whole
    # names of big cities with a trailing space ("lagos ").
    for _, cid, name, *_ in cities[:300]:
        first = spaced(name).split(" ")[0]
        if first != spaced(name):
            add(first + " ", cid)
    for _, cid, name, *_ in cities[:25]:
        add(spaced(name) + " ", cid)
    # Prefixes shared by at least four towns, of cities of 150,000 to 2 million: the most
    # populous should come first. Every 10th such city, for a spread over countries.
    shared = [c for c in cities if 150_000 <= c[0] <= 2_000_000]
    for _, cid, name, *_ in shared[::10]:
        for n in (4, 5):
            prefix = spaced(typed(name, n))
            if sum(c[4].startswith(prefix) for c in cities) >= 4:
                add(typed(name, n), cid)
                break
    # The first four letters of a country's name, which autocomplete also matches ("indi",
    # "mexi"), when they start a city of 100,000 or more and are not the whole name ("peru" means
    # the country); and the misses of issue 25.
    with open(cities_path.rsplit("/", 1)[0] + "/countries.tsv", encoding="utf-8") as f:
        countries = [r["name"] for r in csv.DictReader(f, delimiter="\t")]
    for country in countries:
        if len(fold(country)) <= 4:
            continue
        cid = expected(typed(country, 4))
        if cid and by_id[cid][0] >= 100_000:
            add(typed(country, 4), cid)
    add("indo", 1269743)
    add("panala", 1695743)
    add("mexico", 3530597)

    w = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE)
    w.writerows(out)


if __name__ == "__main__":
    main(*sys.argv[1:])
