"""Every page type in both languages at both widths: no WCAG 2.1 A/AA violations, no sideways
scrolling on a phone."""

from operator import attrgetter

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.pages import DESKTOP, LANGUAGES, PAGES, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
AXE_SCRIPT = Axe().axe_script
AXE_RUN = "options => axe.run(document, options)"


def axe_violations(page) -> list[dict]:
    """The WCAG 2.1 A/AA violations of ``page`` as it is now. axe-core is put in the page the
    first time only: a resize keeps it (``Axe.run`` would put it in again on every call), a
    navigation does not."""
    if page.evaluate("() => typeof axe === 'undefined'"):
        page.evaluate(AXE_SCRIPT)
    return page.evaluate(AXE_RUN, AXE_OPTIONS)["violations"]


# The outermost elements that stick out past the right edge of the window: the ones to fix.
OVERFLOW_SCRIPT = """() => {
  const edge = window.innerWidth;
  const sticksOut = (element) => element && element.getBoundingClientRect().right > edge + 1;
  const culprits = [...document.body.querySelectorAll("*")]
    .filter((element) => sticksOut(element) && !sticksOut(element.parentElement))
    .slice(0, 10)
    .map((element) => ({
      right: Math.round(element.getBoundingClientRect().right),
      html: element.outerHTML.replace(/\\s+/g, " ").slice(0, 160),
    }));
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth: edge, culprits};
}"""


def axe_report(violations: list[dict]) -> str:
    lines = [f"{len(violations)} WCAG 2.1 A/AA violation(s):"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']} "
            f"[{violation['helpUrl']}]"
        )
        for node in violation["nodes"]:
            lines.append(f"    at {', '.join(map(str, node['target']))}: {node['html']}")
            lines.extend(f"      {line}" for line in node["failureSummary"].splitlines())
    return "\n".join(lines)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("site_page", PAGES, ids=attrgetter("name"))
def test_page_has_no_wcag_violations_and_does_not_scroll_sideways(open_page, site_page, language):
    """Loaded once at 1280 px, checked there, then narrowed to a phone's 375 px and checked
    again: the stylesheet's media queries apply on the resize as on a load at that width (no
    script of the site looks at the width), and one load instead of three halves the time."""
    page = open_page(site_page.path(language), viewport=DESKTOP, status=site_page.status)
    failures = []
    for name, viewport in (("1280px", DESKTOP), ("375px", PHONE)):
        page.set_viewport_size(viewport)
        violations = axe_violations(page)
        if violations:
            failures.append(f"at {name}: {axe_report(violations)}")
    overflow = page.evaluate(OVERFLOW_SCRIPT)
    if overflow["scrollWidth"] > overflow["innerWidth"]:
        failures.append(
            f"the page is {overflow['scrollWidth']}px wide in a {overflow['innerWidth']}px "
            "window; sticking out:\n"
            + "\n".join(
                f"  right edge at {c['right']}px: {c['html']}" for c in overflow["culprits"]
            )
        )
    assert not failures, "\n".join(failures)


# The home page at 375×812, whole: was 5,507 px (Spanish), nearly seven screens, most of it
# seven full program cards. The programs as rows and the three latest milestones make it about
# 4,350 px; the budget leaves room for a longer introduction or a few more title lines, no more.
HOME_PHONE_HEIGHT = 4_500


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_on_a_phone_is_short_and_leaves_nothing_out(open_page, language):
    page = open_page(PAGES[0].path(language), viewport=PHONE)
    height = page.evaluate("() => document.documentElement.scrollHeight")
    assert height <= HOME_PHONE_HEIGHT, f"the home page is {height} px tall on a phone"
    # Every program is still there, its title a visible link, each row a tap target; the
    # milestones left for wider screens are one link away.
    titles = page.locator(".cards-compact .card-title a")
    assert titles.count() == 7
    for title in titles.all():
        assert title.is_visible() and title.bounding_box()["height"] >= 20
    rows = page.locator(".cards-compact .card").all()
    assert all(row.bounding_box()["height"] <= 160 for row in rows)
    assert page.locator(".timeline-recent > li:visible").count() == 3
    timeline = page.locator(".timeline-recent + .more a")
    assert timeline.is_visible()
