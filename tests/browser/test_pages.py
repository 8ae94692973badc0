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
    axe = Axe()
    failures = []
    for name, viewport in (("1280px", DESKTOP), ("375px", PHONE)):
        page.set_viewport_size(viewport)
        violations = axe.run(page, options=AXE_OPTIONS).response["violations"]
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
