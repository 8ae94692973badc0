"""The partner map as a visitor sees it: one layout per screen, labels to tap and to tab to.

Axe and sideways scrolling are checked for every page, this one included, in test_pages.py.
"""

import pytest

from tests.browser.pages import DESKTOP, LANGUAGES, PAGES, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

MAP_PAGE = next(page for page in PAGES if page.name == "partner_map")
PLACED = 10  # the seed's 5 cities and 5 organizations known by their country only

# For each label: its box on the screen, and whether its text fits the box drawn for it
# (the server guesses text widths; the browser measures them).
LABELS_SCRIPT = """(svg) => [...svg.querySelectorAll("a.map-label")].map((link) => {
  const box = link.getBoundingClientRect();
  const rect = link.querySelector("rect").getBBox();
  const text = link.querySelector("text").getBBox();
  return {
    name: link.getAttribute("aria-label"),
    x: box.x, y: box.y, width: box.width, height: box.height,
    fits: text.x >= rect.x - 0.5 && text.x + text.width <= rect.x + rect.width + 0.5,
  };
})"""


@pytest.mark.parametrize(
    ("viewport", "layout"), [(DESKTOP, "wide"), (PHONE, "narrow")], ids=["desktop", "375px"]
)
@pytest.mark.parametrize("language", LANGUAGES)
def test_labels_are_tap_targets_that_fit_their_text_and_do_not_overlap(
    open_page, language, viewport, layout
):
    page = open_page(MAP_PAGE.path(language), viewport=viewport)
    maps = page.locator("svg.world-map")
    assert [m.is_visible() for m in maps.all()] == [layout == "wide", layout == "narrow"]
    labels = page.locator(f"svg.world-map--{layout}").evaluate(LABELS_SCRIPT)
    assert len(labels) == PLACED
    for label in labels:
        assert label["width"] >= 24 and label["height"] >= 24, label
        assert label["fits"], label
        assert label["x"] >= 0 and label["x"] + label["width"] <= viewport["width"], label
    for i, a in enumerate(labels):
        for b in labels[i + 1 :]:
            apart = (
                a["x"] + a["width"] <= b["x"] + 0.5
                or b["x"] + b["width"] <= a["x"] + 0.5
                or a["y"] + a["height"] <= b["y"] + 0.5
                or b["y"] + b["height"] <= a["y"] + 0.5
            )
            assert apart, (a, b)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "375px"])
def test_map_labels_are_reached_with_the_keyboard_and_show_their_focus(open_page, viewport):
    page = open_page(MAP_PAGE.path("es"), viewport=viewport)
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.map-label')"):
            break
    else:
        pytest.fail("no map label reached with the Tab key")
    focused = page.locator("a.map-label:focus")
    assert focused.is_visible()
    fill = focused.locator("rect").evaluate("(rect) => getComputedStyle(rect).fill")
    assert fill == "rgb(255, 210, 63)"  # the site's focus colour
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").count() == 1 and "/socios/" in page.url
