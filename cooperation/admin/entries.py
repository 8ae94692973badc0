"""Programs and projects, with the participations, milestones and documents attached to them,
and the themes and goals that classify them."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from cooperation import models

from .base import (
    PUBLICATION_FIELDSET,
    REVIEW_FIELDSET,
    ContentAdmin,
    ContentInlineMixin,
    PublishableAdmin,
)
from .filters import (
    AwaitingPublicationFilter,
    EnglishTranslationFilter,
    NeedsReviewFilter,
    PartnerKindFilter,
    YearFilter,
)
from .sources import SourceInline


class ParticipationInline(ContentInlineMixin, TranslationTabularInline):
    model = models.Participation
    extra = 0
    autocomplete_fields = ["partner"]
    fields = ["partner", "role", "note", "order"]


class MilestoneInline(ContentInlineMixin, TranslationStackedInline):
    model = models.Milestone
    extra = 0
    fields = [("date", "date_precision"), "title", "description"]


class DocumentInline(ContentInlineMixin, TranslationStackedInline):
    model = models.Document
    extra = 0
    fields = ["title", "kind", ("date", "date_precision"), "file", "url", "description"]


ENTRY_FILTERS = [
    AwaitingPublicationFilter,
    "publication",
    EnglishTranslationFilter,
    NeedsReviewFilter,
    "status",
    YearFilter,
    PartnerKindFilter,
    "themes",
    "sdgs",
    "rosario_role",
]


def entry_fieldsets(*relations: str) -> list:
    # Translated fields are named once: modeltranslation puts each language's column there.
    return [
        (None, {"fields": ["title", "slug", "summary", "body", "version"]}),
        # Right after the main fields: whether it is public, and whether it waits for that.
        PUBLICATION_FIELDSET,
        (
            _("Classification"),
            {
                "fields": [
                    *relations,
                    ("status", "status_confirmed_on", "keep_status"),
                    "rosario_role",
                    ("start_year", "end_year"),
                    "themes",
                    "sdgs",
                ]
            },
        ),
        (_("Image"), {"fields": ["image", "image_alt"]}),
        REVIEW_FIELDSET,
    ]


class EntryAdmin(PublishableAdmin):
    # Narrow enough for a 1366 px screen with the filters beside it: the English title is
    # searched and its status shown, the period is one column.
    list_display = [
        "title_es",
        "status",
        "period",
        "publication",
        "english_complete",
        "review_state",
        "public_links",
    ]
    search_fields = ["title_es", "title_en", "summary_es", "summary_en", "body_es", "body_en"]
    prepopulated_fields = {"slug_es": ["title_es"], "slug_en": ["title_en"]}
    filter_horizontal = ["themes", "sdgs"]
    inlines = [ParticipationInline, MilestoneInline, DocumentInline, SourceInline]

    @admin.display(description=_("period"), ordering="start_year")
    def period(self, obj):
        return obj.period or "—"


@admin.register(models.Program)
class ProgramAdmin(EntryAdmin):
    fieldsets = entry_fieldsets("parent", "network")
    list_filter = [*ENTRY_FILTERS[:4], "network", *ENTRY_FILTERS[4:]]
    autocomplete_fields = ["parent", "network"]


@admin.register(models.Project)
class ProjectAdmin(EntryAdmin):
    fieldsets = entry_fieldsets("program")
    list_display = ["title_es", "program_title", *EntryAdmin.list_display[1:]]
    list_filter = [*ENTRY_FILTERS[:4], "program", "program__network", *ENTRY_FILTERS[4:]]
    list_select_related = ["program"]
    autocomplete_fields = ["program"]

    @admin.display(description=_("program"), ordering="program__title_es")
    def program_title(self, obj):
        # Not the relation itself: the admin keeps a relation's cell on one line, and a long
        # program title would push the list off a 1366 px screen.
        return obj.program.title


@admin.register(models.Theme)
class ThemeAdmin(ContentAdmin):
    list_display = ["name_es", "name_en", "english_complete"]
    list_filter = [EnglishTranslationFilter]
    search_fields = ["name_es", "name_en"]
    prepopulated_fields = {"slug_es": ["name_es"], "slug_en": ["name_en"]}


@admin.register(models.SustainableDevelopmentGoal)
class SustainableDevelopmentGoalAdmin(ContentAdmin):
    list_display = ["number", "name_es", "name_en", "english_complete"]
    list_filter = [EnglishTranslationFilter]
    search_fields = ["name_es", "name_en"]


@admin.register(models.Participation)
class ParticipationAdmin(ContentAdmin):
    list_display = ["partner", "role", "program", "project", "english_complete"]
    list_filter = ["role", EnglishTranslationFilter, "partner__kind"]
    list_select_related = ["partner", "program", "project"]
    autocomplete_fields = ["partner", "program", "project"]
    search_fields = ["partner__name_es", "partner__name_en", "note_es", "note_en"]


@admin.register(models.Milestone)
class MilestoneAdmin(ContentAdmin):
    list_display = ["title_es", "title_en", "date", "program", "project", "english_complete"]
    list_filter = [EnglishTranslationFilter]
    list_select_related = ["program", "project"]
    search_fields = ["title_es", "title_en"]
    date_hierarchy = "date"
    autocomplete_fields = ["program", "project"]


@admin.register(models.Document)
class DocumentAdmin(ContentAdmin):
    list_display = [
        "title_es",
        "title_en",
        "kind",
        "date",
        "program",
        "project",
        "english_complete",
    ]
    list_filter = ["kind", EnglishTranslationFilter]
    list_select_related = ["program", "project"]
    search_fields = ["title_es", "title_en"]
    autocomplete_fields = ["program", "project"]
