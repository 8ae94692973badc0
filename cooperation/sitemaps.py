"""The sitemap: every public page in both languages, each with its alternates."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from .models import Partner, Program, Project, SustainableDevelopmentGoal, Theme
from .selectors import addressed_q


class LocalizedSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True

    def get_urls(self, page=1, site=None, protocol=None):
        # Django's x-default strips the language prefix, but every page of ours lives under
        # one: the default is the Spanish page itself.
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        for url in urls:
            by_language = {alt["lang_code"]: alt for alt in url["alternates"]}
            if "x-default" in by_language:
                default = by_language[settings.LANGUAGE_CODE]["location"]
                by_language["x-default"]["location"] = default
        return urls


class StaticViewSitemap(LocalizedSitemap):
    priority = 0.8

    def items(self):
        return [
            "cooperation:home",
            "cooperation:program_list",
            "cooperation:project_list",
            "cooperation:partner_list",
            "cooperation:partner_map",
            "cooperation:network_list",
            "cooperation:timeline",
            "cooperation:coverage",
            "cooperation:theme_list",
            "cooperation:sdg_list",
            "cooperation:open_data",
        ]

    def location(self, item):
        return reverse(item)


class ProgramSitemap(LocalizedSitemap):
    def items(self):
        return Program.objects.published().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


class ProjectSitemap(ProgramSitemap):
    def items(self):
        return Project.objects.published().order_by("pk")


class PartnerSitemap(ProgramSitemap):
    def items(self):
        return Partner.objects.published().order_by("pk")


class ThemeSitemap(LocalizedSitemap):
    priority = 0.6

    def items(self):
        return Theme.objects.filter(addressed_q("themes")).order_by("pk")


class SdgSitemap(LocalizedSitemap):
    priority = 0.6

    def items(self):
        return SustainableDevelopmentGoal.objects.filter(addressed_q("sdgs")).order_by("number")


SITEMAPS = {
    "pages": StaticViewSitemap,
    "programs": ProgramSitemap,
    "projects": ProjectSitemap,
    "partners": PartnerSitemap,
    "themes": ThemeSitemap,
    "sdgs": SdgSitemap,
}
