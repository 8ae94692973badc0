"""The partner map: countries, places and labels, computed here and drawn by the template as SVG.

The countries come from cooperation/data/world.json, projected and simplified once by
scripts/build_world_map.py (Natural Earth, public domain): no tiles, no third-party
request, no JavaScript. A partner with coordinates is drawn where it is; one with a
country only, at the centre of that country (said so in the legend); one with neither is
listed beside the map, never placed by guess.

The labels are links to the partners' pages, placed on the server so that they do not
cover one another: each place's labels form a block that tries positions around its
point, nearest first, with a leader line when it had to move away. The map is laid out
twice: the whole world for wide screens and a taller crop (the Americas and Europe, with
arrows to places beyond its edges) with larger labels for phones; CSS shows one.
"""

import functools
import json
import math
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.utils.translation import get_language, gettext

from .map_projection import HEIGHT, NORTH, SOUTH, WIDTH
from .map_projection import project as project_point

DATA = Path(__file__).resolve().parent / "data" / "world.json"
ROSARIO = (Decimal("-32.9468"), Decimal("-60.6393"))
# A label longer than this, with an acronym, shows the acronym (the link's name says all).
LONG_NAME = 24
# A label longer than this is broken over two lines.
WRAP = 18


def project(latitude, longitude) -> tuple[str, str]:
    """SVG coordinates of a place, as strings with one decimal: never localized."""
    x, y = project_point(latitude, longitude)
    return f"{x:.1f}", f"{y:.1f}"


@functools.cache
def world() -> dict:
    return json.loads(DATA.read_text(encoding="utf-8"))


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    letters = "".join(c if c.isalnum() else " " for c in decomposed if not unicodedata.combining(c))
    return " ".join(letters.split())


@functools.cache
def _countries_by_name() -> dict[str, dict]:
    index = {}
    for country in world()["countries"]:
        for key in ("name_es", "name_en", "name_natural_earth", "iso"):
            if country[key]:
                index.setdefault(_fold(country[key]), country)
    return index


def country_of(partner) -> dict | None:
    """The map's country for a partner's country field (Spanish or English), if it has one."""
    index = _countries_by_name()
    for value in (partner.country_es, partner.country_en):
        if value and (country := index.get(_fold(value))):
            return country
    return None


def country_name(country: dict) -> str:
    return country["name_en"] if get_language() == "en" else country["name_es"]


# Layout -------------------------------------------------------------------------------


@dataclass(frozen=True)
class View:
    """One way of laying out the map: which part of it, and how large the labels are."""

    name: str
    box: tuple[float, float, float, float]
    font: float  # label text size, in user units
    row: float  # height of a label's row (its tap target), in user units
    dot: float  # radius of a place's point

    @property
    def radius(self) -> str:
        return f"{self.dot:g}"

    @property
    def view_box(self) -> str:
        return " ".join(f"{n:g}" for n in self.box)


# The whole world at 60em and wider: the map is at least 928 px wide there, a row is 26
# units, so a tap target is at least 24 px high.
WIDE = View("wide", (0, 0, WIDTH, HEIGHT), font=13, row=26, dot=4.5)
# Phones and narrow windows: from the Pacific off Chile to the Black Sea, Cape Horn to
# Scandinavia. At 375 px the map is 343 px wide: a 34-unit row is 26 px high.
NARROW = View("narrow", (190, 22, 420, 418), font=15.5, row=34, dot=5.5)
VIEWS = (WIDE, NARROW)

PAD = 0.45  # horizontal padding in a label, in ems
# Widths of characters in ems, generous (DejaVu Sans, the widest common system sans-serif):
# the page cannot measure text, so labels are sized for the widest likely font.
_NARROW, _SLIM, _WIDE = set("ijlI.,:;'|!"), set("frtJ()-/ "), set("mwMW→←")


def text_width(text: str) -> float:
    """The width of a text in ems, accents ignored."""
    width = 0.0
    for char in unicodedata.normalize("NFKD", text):
        if unicodedata.combining(char):
            continue
        if char in _NARROW:
            width += 0.32
        elif char in _SLIM:
            width += 0.42
        elif char in _WIDE:
            width += 0.94
        elif char.isupper():
            width += 0.74
        elif char.isdigit():
            width += 0.64
        else:
            width += 0.62
    return width


@dataclass
class Row:
    """One line of a label block: a link to a partner, or the place's own name."""

    text: list[str]
    partner: object = None
    accessible_name: str = ""
    x: float = 0
    y: float = 0
    width: float = 0
    height: float = 0
    lines: list[tuple[str, str, str]] = field(default_factory=list)  # (x, y, text)

    @property
    def rect(self) -> dict:
        return {k: f"{getattr(self, k):.1f}" for k in ("x", "y", "width", "height")}


@dataclass
class Place:
    """A point on the map and its labels."""

    x: float
    y: float
    approximate: bool = False
    rosario: bool = False
    heading: str = ""  # Rosario's name
    partners: list = field(default_factory=list)
    # Each partner's label lines and link name, worked out once for both layouts.
    labels: list[tuple[list[str], str]] = field(default_factory=list)


@dataclass
class Drawn:
    """A place laid out in one view."""

    place: Place
    x: str
    y: str
    rows: list[Row]
    box: tuple[float, float, float, float]
    leader: dict | None = None
    # An SVG path in place of the point: Rosario's star, or an arrow at the view's edge
    # for a place beyond it.
    symbol: str = ""


def _label_text(partner) -> list[str]:
    text = partner.acronym if partner.acronym and len(partner.name) > LONG_NAME else partner.name
    if len(text) <= WRAP or " " not in text:
        return [text]
    middle = len(text) / 2
    spaces = [i for i, c in enumerate(text) if c == " "]
    cut = min(spaces, key=lambda i: abs(i - middle))
    return [text[:cut], text[cut + 1 :]]


def _accessible_name(partner, place: Place) -> str:
    """The label as shown first (WCAG's label in name), then the whole name and the place."""
    shown = " ".join(_label_text(partner))
    parts = [shown if shown == partner.name else f"{shown}: {partner.name}"]
    parts += [value for value in (partner.city, partner.country) if value and value != shown]
    if place.approximate:
        parts.append(gettext("approximate location: the centre of the country"))
    return ", ".join(parts)


def _overlaps(a, b, margin=0.0) -> bool:
    return not (
        a[0] + a[2] + margin <= b[0]
        or b[0] + b[2] + margin <= a[0]
        or a[1] + a[3] + margin <= b[1]
        or b[1] + b[3] + margin <= a[1]
    )


def _segment_hits_box(x1, y1, x2, y2, box) -> bool:
    """Whether a segment passes through a box (Liang-Barsky clipping)."""
    bx, by, bw, bh = box
    dx, dy = x2 - x1, y2 - y1
    low, high = 0.0, 1.0
    for p, q in ((-dx, x1 - bx), (dx, bx + bw - x1), (-dy, y1 - by), (dy, by + bh - y1)):
        if p == 0:
            if q < 0:
                return False
            continue
        t = q / p
        if p < 0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high:
            return False
    # Touching at the very ends (the point itself, the label it leads to) does not count.
    return high - low > 1e-6 and low < 1 - 1e-6 and high > 1e-6


def _nearest_on_box(x, y, box) -> tuple[float, float]:
    bx, by, bw, bh = box
    return min(max(x, bx), bx + bw), min(max(y, by), by + bh)


DIRECTIONS = [(1, 0), (-1, 0), (1, 1), (1, -1), (-1, 1), (-1, -1), (0, 1), (0, -1)]


def _rows(place: Place, view: View, heading: str) -> list[Row]:
    rows = [Row([heading])] if heading else []
    rows += [
        Row(list(text), partner, name)
        for partner, (text, name) in zip(place.partners, place.labels, strict=True)
    ]
    line = view.font * 1.15
    for row in rows:
        row.height = view.row + line * (len(row.text) - 1)
    # Headings are bold: a tenth wider.
    width = max(
        text_width(line) * (1.1 if row.partner is None else 1) for row in rows for line in row.text
    )
    width *= view.font
    width += 2 * PAD * view.font
    for row in rows:
        row.width = max(width, view.row)
    return rows


def _layout(places: list[Place], view: View) -> list[Drawn]:
    x0, y0, w, h = view.box
    r = view.dot
    drawn = []
    for place in places:
        x, y, symbol, heading = place.x, place.y, "", place.heading
        if not (x0 + r < x < x0 + w - r and y0 + r < y < y0 + h - r):
            # Beyond the view: an arrow at the edge, pointing towards the place.
            cx, cy = x0 + w / 2, y0 + h / 2
            t = min(
                ((w / 2 - 3 * r) / abs(x - cx)) if x != cx else math.inf,
                ((h / 2 - 3 * r) / abs(y - cy)) if y != cy else math.inf,
            )
            angle = math.atan2(y - cy, x - cx)
            x, y = cx + (x - cx) * t, cy + (y - cy) * t
            symbol = _arrow(x, y, angle, 2.4 * r)
            where = place.partners[0].city or place.partners[0].country
            heading = f"{where} →" if x > cx else f"← {where}"
        if place.rosario:
            symbol = _star(x, y, 2.6 * r)
        rows = _rows(place, view, heading)
        drawn.append(Drawn(place, f"{x:.1f}", f"{y:.1f}", rows, (0, 0, 0, 0), None, symbol))
    marks = tuple(
        (
            float(item.x),
            float(item.y),
            item.rows[0].width,
            sum(row.height for row in item.rows),
            item.place.rosario,
            len(item.rows) + sum(len(row.text) for row in item.rows),
        )
        for item in drawn
    )
    for item, (box, end) in zip(drawn, _placements(view, marks), strict=True):
        item.box = box
        if end:
            item.leader = {"x2": f"{end[0]:.1f}", "y2": f"{end[1]:.1f}"}
        top = box[1]
        line = view.font * 1.15
        for row in item.rows:
            row.x, row.y = box[0], top
            first = top + (row.height - line * (len(row.text) - 1)) / 2 + view.font * 0.35
            row.lines = [
                (f"{box[0] + PAD * view.font:.1f}", f"{first + n * line:.1f}", text)
                for n, text in enumerate(row.text)
            ]
            top += row.height
    return drawn


DISTANCES = (0, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18)


@functools.lru_cache(maxsize=32)
def _placements(view: View, marks: tuple) -> tuple:
    """Where each place's label block goes: (box, end of its leader line or None).

    ``marks`` holds each place's point, its block's size, whether it is Rosario's and how
    many lines it has. Placement is greedy and depends on the order: a few orders are
    tried and the tidiest kept. The answer depends on nothing else, so it is remembered.
    """
    x0, y0, w, h = view.box
    inner = (x0 + 2, y0 + 2, w - 4, h - 4)
    r = view.dot
    dots = [(x - r, y - r, 2 * r, 2 * r) for x, y, *_rest in marks]
    crowding = [
        sum(math.hypot(x - other[0], y - other[1]) < 8 * r for other in marks)
        for x, y, *_rest in marks
    ]
    orders = [
        lambda i: (-crowding[i], marks[i][1]),
        lambda i: (marks[i][5], -crowding[i]),
        lambda i: (-marks[i][5], -crowding[i]),
        lambda i: marks[i][1],
        lambda i: -marks[i][1],
        lambda i: marks[i][0],
        lambda i: -marks[i][0],
    ]
    best = None
    for key in orders:
        order = sorted(range(len(marks)), key=lambda i: (not marks[i][4], key(i)))
        score, placed = _place(marks, order, view, inner, list(dots))
        if best is None or score < best[0]:
            best = score, placed
        if score == 0:
            break
    return tuple(best[1])


def _place(marks: tuple, order: list[int], view: View, inner, taken) -> tuple[float, list]:
    """Each place's label block where it first fits, in this order; the layout's cost."""
    r, step = view.dot, view.row / 2
    placed: list = [None] * len(marks)
    leaders = []
    cost = 0.0
    for i in order:
        x, y, bw, bh, *_rest = marks[i]
        found = None
        for distance in DISTANCES:
            for ux, uy in DIRECTIONS:
                offset = r + 3 + distance * step * (0.75 if ux and uy else 1)
                bx = x + offset if ux > 0 else x - offset - bw if ux < 0 else x - bw / 2
                by = y + offset if uy > 0 else y - offset - bh if uy < 0 else y - bh / 2
                box = (bx, by, bw, bh)
                if not (
                    inner[0] <= bx
                    and bx + bw <= inner[0] + inner[2]
                    and inner[1] <= by
                    and by + bh <= inner[1] + inner[3]
                ):
                    continue
                if any(_overlaps(box, other, 2) for other in taken):
                    continue
                nx, ny = _nearest_on_box(x, y, box)
                far = math.hypot(nx - x, ny - y) > r + 4
                if far and (
                    any(_segment_hits_box(x, y, nx, ny, o) for o in taken if o[2] > 2 * r)
                    or any(_segment_hits_box(*segment, box) for segment in leaders)
                ):
                    continue
                found = box, (nx, ny) if far else None
                cost += distance
                break
            if found:
                break
        if found is None:  # nowhere free: to the right, over whatever is there
            found = (x + r + 3, y - bh / 2, bw, bh), None
            cost += 1000
        placed[i] = found
        taken.append(found[0])
        if found[1]:
            leaders.append((x, y, *found[1]))
    return cost, placed


def _star(x, y, size) -> str:
    points = []
    for n in range(10):
        radius = size if n % 2 == 0 else size * 0.45
        angle = math.pi * n / 5 - math.pi / 2
        points.append(f"{x + radius * math.cos(angle):.1f} {y + radius * math.sin(angle):.1f}")
    return "M" + "L".join(points) + "Z"


def _arrow(x, y, angle, size) -> str:
    points = [(size, 0), (-size * 0.6, size * 0.7), (-size * 0.6, -size * 0.7)]
    cos, sin = math.cos(angle), math.sin(angle)
    return (
        "M"
        + "L".join(
            f"{x + px * cos - py * sin:.1f} {y + px * sin + py * cos:.1f}" for px, py in points
        )
        + "Z"
    )


@functools.cache
def _outline() -> str:
    """The edge of the world: the meridians at 180° west and east, between the crop's parallels."""
    latitudes = [SOUTH + (NORTH - SOUTH) * i / 24 for i in range(25)]
    east = [project_point(lat, 180) for lat in latitudes]
    west = [project_point(lat, -180) for lat in reversed(latitudes)]
    return "M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in east + west) + "Z"


def world_map(partners) -> dict:
    """Everything the template draws: countries, Rosario, the partners' places in each view.

    ``partners`` are the published partners in the order the list shows them.
    """
    places: dict[tuple, Place] = {}
    placed, unplaced, shaded = [], [], {}
    rosario = Place(*project_point(*ROSARIO), rosario=True, heading="Rosario")
    places[("point", *project(*ROSARIO))] = rosario
    for partner in partners:
        country = country_of(partner) if partner.country else None
        if country:
            shaded[country["iso"] or country["name_en"]] = country
        if partner.has_location:
            key = ("point", *project(partner.latitude, partner.longitude))
            if key not in places:
                places[key] = Place(*project_point(partner.latitude, partner.longitude))
        elif country:
            key = ("country", country["name_en"])
            if key not in places:
                places[key] = Place(*country["centroid"], approximate=True)
        else:
            unplaced.append(partner)
            continue
        places[key].partners.append(partner)
        places[key].labels.append((_label_text(partner), _accessible_name(partner, places[key])))
        placed.append((partner, places[key]))
    ordered = list(places.values())
    data = world()
    # The countries without partners are one path (each country a subpath): the map is
    # then a handful of elements, not 170, for the browser to style and lay out; that was
    # most of the map page's main-thread time on a phone.
    shaded_paths, land = [], []
    for country in data["countries"]:
        key = country["iso"] or country["name_en"]
        (shaded_paths if key in shaded else land).append(country["d"])
    return {
        "outline": _outline(),
        "land": "".join(land),
        "shaded_paths": shaded_paths,
        "shaded": sorted((country_name(c) for c in shaded.values()), key=_fold),
        "views": [{"view": view, "places": _layout(ordered, view)} for view in VIEWS],
        "placed": [partner for partner, _place in placed],
        "approximate": [partner for partner, place in placed if place.approximate],
        "unplaced": unplaced,
    }
