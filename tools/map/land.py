#!/usr/bin/env python3
"""Converts Natural Earth's 1:110m land polygons into the outline file /map draws.

The source is `land-110m.json` from the npm package world-atlas (ISC licence; the shapes are
Natural Earth's, which are in the public domain). It is TopoJSON: quantised, delta-encoded arcs
shared between rings. This script decodes it into plain rings of longitude/latitude pairs, one
ring per line, which the bot reads without a TopoJSON or GeoJSON library.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 tools/map/land.py package/land-110m.json > data/map/land-110m.txt
"""

import json
import sys


def decode(topology):
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)
    return arcs


def ring(arcs, indices):
    out = []
    for i in indices:
        points = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        # Consecutive arcs share their end points.
        out.extend(points if not out else points[1:])
    return unwrap(out)


def unwrap(points):
    """Makes a ring that crosses the antimeridian continuous: longitudes run past 180 (or
    -180) instead of jumping across the map, which would draw a band around the world (Wrangel
    Island, and Eurasia's ring, which takes in the tip of Chukotka)."""
    out = []
    shift = 0.0
    for lon, lat in points:
        if out:
            previous = out[-1][0]
            while lon + shift - previous > 180:
                shift -= 360
            while lon + shift - previous < -180:
                shift += 360
        out.append((lon + shift, lat))
    return out


def main(path):
    with open(path, encoding="utf-8") as f:
        topology = json.load(f)
    arcs = decode(topology)
    rings = []
    for geometry in topology["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for indices in polygon:
                rings.append(ring(arcs, indices))
    print("# Land outlines: Natural Earth 1:110m land (public domain, naturalearthdata.com), from the npm")
    print("# package world-atlas 2.0.2 (ISC), converted by tools/map/land.py. One ring per line:")
    print("# longitude,latitude pairs in degrees. Outer rings and holes alike (drawn even-odd). A ring")
    print("# that crosses the antimeridian runs past 180 rather than jumping back to -180.")
    total = 0
    for r in rings:
        # Drop points that round to the previous one.
        pts = []
        for lon, lat in r:
            p = f"{lon:.2f},{lat:.2f}"
            if not pts or pts[-1] != p:
                pts.append(p)
        if len(pts) >= 4:
            print(" ".join(pts))
            total += len(pts)
    print(f"{len(rings)} rings, {total} points", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
