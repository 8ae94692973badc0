from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from . import selectors


class LocalizedSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class StaticViewSitemap(LocalizedSitemap):
    priority = 0.8

    def items(self):
        return [
            "cooperation:home",
            "cooperation:program_list",
            "cooperation:project_list",
            "cooperation:partner_list",
            "cooperation:network_list",
            "cooperation:timeline",
        ]

    def location(self, item):
        return reverse(item)


class ProgramSitemap(LocalizedSitemap):
    def items(self):
        return selectors.program_list().order_by("pk")

    def lastmod(self, obj):
        return obj.updated_at


class ProjectSitemap(ProgramSitemap):
    def items(self):
        return selectors.project_list().order_by("pk")


class PartnerSitemap(ProgramSitemap):
    def items(self):
        return selectors.partner_list().order_by("pk")


class NetworkSitemap(ProgramSitemap):
    def items(self):
        return selectors.network_list()


SITEMAPS = {
    "pages": StaticViewSitemap,
    "programs": ProgramSitemap,
    "projects": ProjectSitemap,
    "partners": PartnerSitemap,
    "networks": NetworkSitemap,
}
