"""Every kind of public page, once, with the seed entry that stands for it.

The browser tests and the HTML check both walk this table, so a new page type is added here
once. Addresses are reversed in each language, never written out: the URL words are
translated (``pgettext_lazy("url", ...)``) and so are the slugs.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from cooperation.seed import content as seed_data

LANGUAGES = [code for code, _name in settings.LANGUAGES]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}
# How long Playwright waits for a page or an element. Generous: `make test` runs two test
# processes, each with Chromium and a live server, on a machine of two cores.
TIMEOUT_MS = 30_000


def _seed_slugs(items: list[dict], key: str) -> dict[str, str]:
    item = next(item for item in items if item["key"] == key)
    return {code: item[f"slug_{code}"] for code in LANGUAGES}


@dataclass(frozen=True)
class SitePage:
    name: str
    url_name: str
    slugs: dict[str, str] = field(default_factory=dict)
    query: dict[str, str] = field(default_factory=dict)
    status: int = 200
    # The URL's arguments other than a slug (the same in both languages).
    kwargs: dict = field(default_factory=dict)

    def path(self, language: str) -> str:
        kwargs = {"slug": self.slugs[language]} if self.slugs else dict(self.kwargs)
        with translation.override(language):
            path = reverse(f"cooperation:{self.url_name}", kwargs=kwargs)
        return f"{path}?{self.query[language]}" if self.query else path


PAGES = [
    SitePage("home", "home"),
    SitePage("program_list", "program_list"),
    SitePage("program_detail", "program_detail", _seed_slugs(seed_data.PROGRAMS, "global-compact")),
    SitePage("project_list", "project_list"),
    SitePage("project_detail", "project_detail", _seed_slugs(seed_data.PROJECTS, "trama")),
    SitePage("partner_list", "partner_list"),
    SitePage("partner_detail", "partner_detail", _seed_slugs(seed_data.PARTNERS, "turin")),
    SitePage("partner_map", "partner_map"),
    SitePage("network_list", "network_list"),
    # An organization that is a network: its one page, with Rosario's membership.
    SitePage("network_partner", "partner_detail", _seed_slugs(seed_data.PARTNERS, "metropolis")),
    SitePage("timeline", "timeline"),
    SitePage("search", "search", query={"es": "q=residuos", "en": "q=waste"}),
    SitePage("filtered_projects", "project_list", query=dict.fromkeys(LANGUAGES, "status=active")),
    # Values not understood: the message, and the controls that point to it.
    SitePage(
        "unknown_filters", "project_list", query=dict.fromkeys(LANGUAGES, "year=abc&theme=nope")
    ),
    SitePage("open_data", "open_data"),
    SitePage("coverage", "coverage"),
    SitePage("theme_list", "theme_list"),
    SitePage("theme_detail", "theme_detail", _seed_slugs(seed_data.THEMES, "waste")),
    SitePage("sdg_list", "sdg_list"),
    SitePage("sdg_detail", "sdg_detail", kwargs={"number": 11}),
    SitePage(
        "not_found",
        "project_detail",
        dict.fromkeys(LANGUAGES, "no-such-project"),
        status=404,
    ),
]
