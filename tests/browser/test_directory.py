"""The program and project directory on a phone (templates/cooperation/entry_list.html and
includes/_filters.html): results first, filters folded, nothing cut."""

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from cooperation.seed import content as seed_data
from tests.browser.pages import PHONE
from tests.browser.test_pages import OVERFLOW_SCRIPT, axe_report, axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def _path(language: str, name: str = "project_list", query: str = "") -> str:
    with translation.override(language):
        return reverse(f"cooperation:{name}") + (f"?{query}" if query else "")


# Unfiltered, then one and two filters applied (the panel open, every select in it).
FIRST_SCREEN = [
    ("es", "program_list", "", "Programas"),
    ("en", "program_list", "", "Programs"),
    ("es", "project_list", "", "Proyectos"),
    ("en", "project_list", "", "Projects"),
    ("es", "project_list", "theme=gestion-de-residuos", "Proyectos · Gestión de residuos"),
    ("en", "project_list", "theme=waste-management", "Projects · Waste management"),
    ("es", "program_list", "status=unknown", "Programas · Sin información publicada"),
    (
        "es",
        "project_list",
        "theme=gestion-de-residuos&status=unknown",
        "Proyectos · Sin información publicada · Gestión de residuos",
    ),
    (
        "en",
        "project_list",
        "theme=waste-management&status=unknown",
        "Projects · No published information · Waste management",
    ),
    (
        "en",
        "program_list",
        "sdg=11&year=2022",
        "Programs · SDG 11: Sustainable Cities and Communities · 2022",
    ),
]
# The seed's longest partner name (Germany's environment ministry, about 100 characters): in
# the heading and in its select, the two places a chosen filter is shown whole.
LONGEST = max(seed_data.PARTNERS, key=lambda partner: len(partner["name_es"]))
FIRST_SCREEN += [
    (
        code,
        "project_list",
        f"partner={LONGEST[f'slug_{code}']}",
        f"{title} · {LONGEST[f'name_{code}']}",
    )
    for code, title in (("es", "Proyectos"), ("en", "Projects"))
]


@pytest.mark.parametrize(("language", "name", "query", "heading"), FIRST_SCREEN)
def test_the_count_and_the_first_results_are_on_the_first_screen(
    open_page, language, name, query, heading
):
    """At 375×812 the first result starts on the first screen, filters folded or open, with
    the page in its own order (nothing moved against the DOM) and nothing wider than it."""
    page = open_page(_path(language, name, query), viewport=PHONE)
    expect(page.locator("h1")).to_have_text(heading)
    details = page.locator("details.filters")
    if query:
        expect(details).to_have_attribute("open", "")
        # Open for real: the selects take room on the screen, none is put out of sight.
        for select in details.locator("select, input").all():
            box = select.bounding_box()
            assert box and box["width"] > 100 and 0 <= box["x"] <= PHONE["width"] - box["width"]
    else:
        expect(details).not_to_have_attribute("open", "")
    count = page.locator(".result-count").bounding_box()
    first = page.locator(".cards > .card").first.bounding_box()
    assert count["y"] < first["y"] < PHONE["height"], (
        f"the first result starts at {first['y']:.0f}px, below the first screen"
    )
    # The heading, the count, the filters and the results, down the screen in that order.
    tops = [
        page.locator(s).first.bounding_box()["y"]
        for s in ("h1", ".result-count", "details.filters", ".cards")
    ]
    assert tops == sorted(tops)
    assert page.evaluate(OVERFLOW_SCRIPT)["scrollWidth"] <= PHONE["width"]
    violations = axe_violations(page)
    assert not violations, axe_report(violations)


@pytest.mark.parametrize(
    ("language", "query", "heading"),
    [
        ("es", "theme=gestion-de-residuos", "Proyectos · Gestión de residuos"),
        ("en", "theme=waste-management&status=active", "Projects · Ongoing · Waste management"),
    ],
)
def test_a_filtered_list_names_its_filters_and_shows_them_open(open_page, language, query, heading):
    page = open_page(_path(language, query=query), viewport=PHONE)
    expect(page.locator("h1")).to_have_text(heading)
    expect(page.locator("details.filters")).to_have_attribute("open", "")
    assert page.locator(".result-count").bounding_box()["y"] < PHONE["height"]
    # The applied filter is shown whole in its select.
    theme = page.locator("select[name=theme]")
    expect(theme).to_have_value(query.split("theme=")[1].split("&")[0])


# For each select: the width of the widest option's text (in the select's own font) and the
# room the select leaves for it.
WIDEST_OPTIONS = """() => [...document.querySelectorAll('.filters select')].map((select) => {
  const style = getComputedStyle(select);
  const canvas = document.createElement('canvas').getContext('2d');
  canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const widths = [...select.options].map((option) => canvas.measureText(option.text).width);
  const widest = widths.indexOf(Math.max(...widths));
  return {
    name: select.name,
    value: select.options[widest].value,
    width: widths[widest],
    room: select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
  };
})"""


@pytest.mark.parametrize("language", ["es", "en"])
def test_no_select_cuts_its_chosen_option_at_375px(open_page, language):
    """A long goal or partner name wraps onto more lines of its select instead of being cut."""
    page = open_page(_path(language), viewport=PHONE)
    page.locator("details.filters summary").click()
    long_ones = [s for s in page.evaluate(WIDEST_OPTIONS) if s["width"] > s["room"]]
    assert {s["name"] for s in long_ones} >= {"sdg", "partner"}
    for widest in long_ones:
        select = page.locator(f"select[name={widest['name']}]")
        one_line = select.bounding_box()["height"]
        select.select_option(widest["value"])
        lines = select.bounding_box()["height"] / one_line
        assert lines > 1.5, f"{widest['name']}: {widest['value']} is cut, not wrapped"
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
