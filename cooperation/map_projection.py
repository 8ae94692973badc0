"""The partner map's projection: Equal Earth, centred on Greenwich, cropped to the inhabited world.

Shared by the page (cooperation/partner_map.py, which places the partners) and by the
script that projected the countries once (scripts/build_world_map.py, which wrote
cooperation/data/world.json): both must put a longitude and latitude at the same spot.

Equal Earth (Šavrič, Patterson and Jenny, 2018) keeps areas true and the continents'
shapes familiar. The whole width of the world is drawn; the crop keeps latitudes from
84° N (the north of Greenland) to 57° S (Cape Horn): Antarctica holds no partner.
"""

import math

WIDTH = 1000  # user units across 360 degrees of longitude
NORTH = 84.0
SOUTH = -57.0

_A1, _A2, _A3, _A4 = 1.340264, -0.081106, 0.000893, 0.003796
_M = math.sqrt(3) / 2


def _equal_earth(longitude: float, latitude: float) -> tuple[float, float]:
    """Unscaled Equal Earth coordinates, y growing northwards."""
    lam, phi = math.radians(longitude), math.radians(latitude)
    theta = math.asin(_M * math.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (_M * (_A1 + 3 * _A2 * t2 + t6 * (7 * _A3 + 9 * _A4 * t2)))
    y = theta * (_A1 + _A2 * t2 + t6 * (_A3 + _A4 * t2))
    return x, y


_SCALE = WIDTH / (2 * _equal_earth(180, 0)[0])
_TOP = _equal_earth(0, NORTH)[1] * _SCALE
HEIGHT = round(_TOP - _equal_earth(0, SOUTH)[1] * _SCALE)


def project(latitude, longitude) -> tuple[float, float]:
    """SVG user coordinates (x to the right, y downwards) of a place in decimal degrees."""
    x, y = _equal_earth(float(longitude), float(latitude))
    return WIDTH / 2 + x * _SCALE, _TOP - y * _SCALE
