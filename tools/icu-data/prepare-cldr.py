#!/usr/bin/env python3
"""Downloads CLDR 48.2's JSON from npm into DIR and makes the two changes ICU4X 2.4's data
generator needs to read it (it is tested with CLDR 49, which npm does not have). Neither touches
data the bot uses:

- CLDR 49 added `intervalFormatRanges` to every calendar's interval formats; the generator
  requires the key (and does not use it). An empty one is added.
- CLDR 48 gives a few early Japanese eras start dates that do not exist in the proleptic Gregorian
  calendar (29 February of common years, 30 February); the generator rejects them. They are moved
  to the last day of their month. The bot formats Gregorian dates only.

Usage: tools/icu-data/prepare-cldr.py DIR   (then DIR/node_modules is the CLDR root)
"""
import calendar
import glob
import json
import os
import subprocess
import sys

VERSION = "48.2.0"
PACKAGES = ["cldr-core", "cldr-numbers-full", "cldr-misc-full", "cldr-bcp47",
            "cldr-localenames-full", "cldr-dates-full"]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    root = sys.argv[1]
    os.makedirs(root, exist_ok=True)
    subprocess.run(["npm", "install", "--prefix", root, "--no-audit", "--no-fund"]
                   + [f"{p}@{VERSION}" for p in PACKAGES], check=True)
    modules = os.path.join(root, "node_modules")
    added = 0
    for path in glob.glob(os.path.join(modules, "cldr-dates-full/main/*/ca-*.json")):
        with open(path, encoding="utf-8") as f:
            doc = json.load(f)
        changed = False
        for locale in doc["main"].values():
            for cal in locale["dates"]["calendars"].values():
                intervals = cal.get("dateTimeFormats", {}).get("intervalFormats")
                if intervals is not None and "intervalFormatRanges" not in intervals:
                    intervals["intervalFormatRanges"] = {}
                    changed = True
        if changed:
            added += 1
            with open(path, "w", encoding="utf-8") as f:
                json.dump(doc, f, ensure_ascii=False)
    path = os.path.join(modules, "cldr-core/supplemental/calendarData.json")
    with open(path, encoding="utf-8") as f:
        doc = json.load(f)
    moved = 0
    for era in doc["supplemental"]["calendarData"]["japanese"]["eras"].values():
        start = era.get("_start", "")
        parts = start.split("-")
        if len(parts) != 3 or not all(parts):
            continue
        year, month, day = (int(x) for x in parts)
        last = calendar.monthrange(year, month)[1]
        if day > last:
            era["_start"] = f"{year}-{month}-{last}"
            moved += 1
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)
    print(f"CLDR {VERSION} in {modules}: intervalFormatRanges added in {added} files, "
          f"{moved} Japanese era starts moved to the last day of their month")


if __name__ == "__main__":
    main()
