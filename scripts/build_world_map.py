"""Write cooperation/data/world.json: the partner map's countries, projected and simplified once.

The page never reads a map service or a node package: it draws this committed file.
Run again only to change the projection, the crop or the simplification:

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz   # anywhere outside the repo
    python3 -m venv /tmp/babel && /tmp/babel/bin/pip install babel==2.18.0
    /tmp/babel/bin/python scripts/build_world_map.py package/countries-110m.json

Sources: Natural Earth's 1:110m Admin 0 countries (version 4.1.0, public domain) as
TopoJSON in the npm package world-atlas 2.0.2 (ISC licence, Mike Bostock); the Spanish
and English country names and the ISO 3166-1 alpha-2 codes from the Unicode CLDR
(Unicode License v3) through Babel. The projection is cooperation/map_projection.py's.
Each shared border is simplified once (Douglas-Peucker on the TopoJSON arcs), so
neighbours still meet; islands smaller than MIN_AREA vanish.
"""

import hashlib
import itertools
import json
import sys
from pathlib import Path

from babel import Locale
from babel import __version__ as babel_version
from babel.core import get_global

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cooperation import map_projection  # noqa: E402

OUTPUT = ROOT / "cooperation" / "data" / "world.json"
TOLERANCE = 1.0  # user units (the map is 1000 wide): about a pixel on a wide screen or a phone
# Whole units, like the tolerance about a pixel: half the path data of tenths, and the path data
# is most of what the browser parses and styles (twice: once per layout) on the map page.
MIN_AREA = 6.0  # square user units
ANTARCTICA = "010"
# Territories without an ISO numeric code in Natural Earth's 110m file.
UNCODED = {
    "Kosovo": ("XK", "Kosovo", "Kosovo"),
    "N. Cyprus": (None, "Northern Cyprus", "Chipre del Norte"),
    "Somaliland": (None, "Somaliland", "Somalilandia"),
}


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The arcs in longitude and latitude (TopoJSON stores quantized deltas)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iterative; the ends stay."""
    if len(points) < 3:
        return points
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        length = (dx * dx + dy * dy) ** 0.5
        farthest, index = 0.0, None
        for i in range(first + 1, last):
            px, py = points[i]
            if length:
                distance = abs(dy * (px - x1) - dx * (py - y1)) / length
            else:
                distance = ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            if distance > farthest:
                farthest, index = distance, i
        if index is not None and farthest > tolerance:
            keep.add(index)
            stack += [(first, index), (index, last)]
    return [points[i] for i in sorted(keep)]


def unwrap(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Put a ring that touches the antimeridian on one side of it (Russia's far east)."""
    east = any(lon > 90 for lon, _ in ring)
    west = any(lon < -90 for lon, _ in ring)
    if east and not any(-179.999 < lon < -90 for lon, _ in ring):
        return [(180.0 if lon <= -179.999 else lon, lat) for lon, lat in ring]
    if west and not any(90 < lon < 179.999 for lon, _ in ring):
        return [(-180.0 if lon >= 179.999 else lon, lat) for lon, lat in ring]
    return ring


def ring_lonlat(arc_indexes: list[int], arcs) -> list[tuple[float, float]]:
    ring = []
    for index in arc_indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        ring.extend(arc if not ring else arc[1:])
    return ring


def area_and_centroid(ring: list[tuple[int, int]]) -> tuple[float, tuple[float, float]]:
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    area /= 2
    if not area:
        return 0.0, ring[0]
    return area, (cx / (6 * area), cy / (6 * area))


def path_data(rings: list[list[tuple[int, int]]]) -> str:
    """Absolute move, then relative lines, in whole units."""
    parts = []
    for ring in rings:
        (x, y), *rest = ring
        commands = [f"M{x} {y}l"]
        pairs = []
        for nx, ny in rest:
            pairs.append(f"{nx - x} {ny - y}")
            x, y = nx, ny
        commands.append(" ".join(pairs).replace(" -", "-"))
        parts.append("".join(commands) + "z")
    return "".join(parts)


def main(source: Path) -> None:
    raw = source.read_bytes()
    topology = json.loads(raw)
    arcs = decode_arcs(topology)
    # Rings are put together in degrees (to mend the antimeridian), then projected; the
    # arcs are simplified in projected units, so every neighbour gets the same border.
    projected_arcs = []
    for arc in arcs:
        points = [map_projection.project(lat, lon) for lon, lat in unwrap(arc)]
        projected_arcs.append(points)
    simplified = [simplify(points, TOLERANCE) for points in projected_arcs]

    aliases = get_global("territory_aliases")
    english, spanish = Locale("en").territories, Locale("es").territories
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        numeric = geometry.get("id")
        if numeric == ANTARCTICA:
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = []
        for polygon in polygons:
            for arc_indexes in polygon:
                lonlat = unwrap(ring_lonlat(arc_indexes, arcs))
                if any(abs(a[0] - b[0]) > 180 for a, b in itertools.pairwise(lonlat)):
                    continue  # straddles the edge of the map (a Fijian island): left out
                points = []
                for index in arc_indexes:
                    arc = simplified[index] if index >= 0 else simplified[~index][::-1]
                    points.extend(arc if not points else arc[1:])
                whole = []
                for x, y in points:
                    point = (round(x), round(y))
                    if not whole or whole[-1] != point:
                        whole.append(point)
                if whole[0] == whole[-1]:
                    whole.pop()
                if len(whole) >= 3:
                    rings.append(whole)
        measured = [(abs(area_and_centroid(ring)[0]), ring) for ring in rings]
        _largest_area, largest = max(measured, key=lambda item: item[0])
        kept = [ring for area, ring in measured if area >= MIN_AREA or ring is largest]
        _area, (cx, cy) = area_and_centroid(largest)
        name = geometry["properties"]["name"]
        if numeric:
            code = aliases[numeric][0]
            name_en, name_es = english[code], spanish[code]
        else:
            code, name_en, name_es = UNCODED[name]
        countries.append(
            {
                "iso": code,
                "name_en": name_en,
                "name_es": name_es,
                "name_natural_earth": name,
                "centroid": [round(cx, 1), round(cy, 1)],
                "d": path_data(kept),
            }
        )
    countries.sort(key=lambda country: country["name_en"])
    data = {
        "source": (
            "Natural Earth 1:110m Admin 0 countries, version 4.1.0 (public domain), as "
            "TopoJSON in the npm package world-atlas 2.0.2 (countries-110m.json, ISC licence)"
        ),
        "source_sha256": hashlib.sha256(raw).hexdigest(),
        "names": f"Unicode CLDR through Babel {babel_version} (Unicode License v3)",
        "projection": (
            f"Equal Earth, centred on Greenwich, {map_projection.NORTH:g}° N to "
            f"{-map_projection.SOUTH:g}° S; Antarctica left out"
        ),
        "built_by": "scripts/build_world_map.py",
        "simplification": f"Douglas-Peucker {TOLERANCE} units; islands under {MIN_AREA} sq units",
        "width": map_projection.WIDTH,
        "height": map_projection.HEIGHT,
        "countries": countries,
    }
    OUTPUT.parent.mkdir(exist_ok=True)
    OUTPUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    size = OUTPUT.stat().st_size
    print(f"{OUTPUT.relative_to(ROOT)}: {len(countries)} countries, {size:,} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
