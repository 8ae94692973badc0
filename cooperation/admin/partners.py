"""Partners (organizations, cities, universities...) and the networks Rosario belongs to."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from cooperation import models

from .base import PUBLICATION_FIELDSET, REVIEW_FIELDSET, PublishableAdmin
from .filters import AwaitingPublicationFilter, EnglishTranslationFilter, NeedsReviewFilter
from .sources import SourceInline


@admin.register(models.Partner)
class PartnerAdmin(PublishableAdmin):
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "name",
                    "acronym",
                    "slug",
                    "kind",
                    "country",
                    "website",
                    "description",
                    "version",
                ]
            },
        ),
        PUBLICATION_FIELDSET,
        (
            _("Location"),
            {
                "fields": ["city", ("latitude", "longitude")],
                "description": _(
                    "For the map of partners: the city, or an organization's headquarters. "
                    "Without coordinates the partner is listed as location not recorded."
                ),
            },
        ),
        (_("Logo"), {"fields": ["logo", "logo_alt"]}),
        REVIEW_FIELDSET,
    ]
    list_display = [
        "name_es",
        "kind",
        "country_es",
        "city_es",
        "publication",
        "english_complete",
        "review_state",
        "public_links",
    ]
    list_filter = [
        AwaitingPublicationFilter,
        "publication",
        EnglishTranslationFilter,
        NeedsReviewFilter,
        "kind",
    ]
    search_fields = [
        "name_es",
        "name_en",
        "acronym_es",
        "acronym_en",
        "country_es",
        "country_en",
        "city_es",
        "city_en",
    ]
    prepopulated_fields = {"slug_es": ["name_es"], "slug_en": ["name_en"]}
    inlines = [SourceInline]


@admin.register(models.Network)
class NetworkAdmin(PublishableAdmin):
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "organization",
                    "slug",
                    "rosario_role",
                    ("member_since", "member_since_precision"),
                    "description",
                    "version",
                ]
            },
        ),
        PUBLICATION_FIELDSET,
        REVIEW_FIELDSET,
    ]
    list_display = [
        "organization",
        "rosario_role",
        "member_since",
        "publication",
        "english_complete",
        "review_state",
        "public_links",
    ]
    list_filter = [
        AwaitingPublicationFilter,
        "publication",
        EnglishTranslationFilter,
        NeedsReviewFilter,
    ]
    list_select_related = ["organization"]
    search_fields = [
        "organization__name_es",
        "organization__name_en",
        "rosario_role_es",
        "rosario_role_en",
    ]
    autocomplete_fields = ["organization"]
    inlines = [SourceInline]
