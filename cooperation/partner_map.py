"""The partner map: a world map computed here and drawn by the template as inline SVG.

Equirectangular projection (longitude and latitude straight to x and y), with a
graticule every 30 degrees and the equator. No coastlines: the site makes no
third-party request and ships no map data, and the points with their names, together
with the list beside the map, are what the page has to say.
"""

from dataclasses import dataclass
from decimal import Decimal

WIDTH = 1000  # 360 degrees of longitude
HEIGHT = 500  # 180 degrees of latitude
GRATICULE_STEP = 30
ROSARIO = (Decimal("-32.9468"), Decimal("-60.6393"))


def project(latitude: Decimal | float, longitude: Decimal | float) -> tuple[str, str]:
    """SVG coordinates of a place, as strings: the template must not localize them."""
    x = (float(longitude) + 180) / 360 * WIDTH
    y = (90 - float(latitude)) / 180 * HEIGHT
    return f"{x:.1f}", f"{y:.1f}"


@dataclass(frozen=True)
class Point:
    partner: object
    x: str
    y: str


def world_map(partners) -> dict:
    """Everything the template draws: the grid, Rosario and a point per located partner."""
    meridians = [project(0, longitude)[0] for longitude in range(-180, 181, GRATICULE_STEP)]
    parallels = [project(latitude, 0)[1] for latitude in range(-90, 91, GRATICULE_STEP) if latitude]
    rosario_x, rosario_y = project(*ROSARIO)
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "view_box": f"0 0 {WIDTH} {HEIGHT}",
        "meridians": meridians,
        "parallels": parallels,
        "equator": project(0, 0)[1],
        "rosario": {"x": rosario_x, "y": rosario_y},
        "points": [
            Point(partner, *project(partner.latitude, partner.longitude)) for partner in partners
        ],
    }
