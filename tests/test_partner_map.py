from decimal import Decimal

import pytest

from cooperation import models, partner_map


def test_equirectangular_projection_of_the_corners_and_the_centre():
    assert partner_map.project(90, -180) == ("0.0", "0.0")
    assert partner_map.project(-90, 180) == ("1000.0", "500.0")
    assert partner_map.project(0, 0) == ("500.0", "250.0")
    # Turin: north-east of the centre.
    x, y = partner_map.project(Decimal("45.0703"), Decimal("7.6869"))
    assert (float(x), float(y)) == pytest.approx((521.4, 124.8), abs=0.1)


def test_world_map_draws_a_graticule_and_one_point_per_partner():
    partners = [models.Partner(latitude=Decimal("-22.9068"), longitude=Decimal("-43.1729"))]
    drawn = partner_map.world_map(partners)
    assert len(drawn["meridians"]) == 13
    assert len(drawn["parallels"]) == 6  # every 30 degrees but the equator, drawn apart
    assert drawn["equator"] == "250.0"
    assert [(p.x, p.y) for p in drawn["points"]] == [partner_map.project(-22.9068, -43.1729)]
