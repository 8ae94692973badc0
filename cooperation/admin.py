from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from . import models


class ParticipationInline(TranslationTabularInline):
    model = models.Participation
    extra = 0
    autocomplete_fields = ["partner"]
    fields = ["partner", "role", "note", "order"]


class MilestoneInline(TranslationStackedInline):
    model = models.Milestone
    extra = 0
    fields = [("date", "date_precision"), "title", "description"]


class DocumentInline(TranslationStackedInline):
    model = models.Document
    extra = 0
    fields = ["title", "kind", ("date", "date_precision"), "file", "url", "description"]


class EntryAdmin(TranslationAdmin):
    list_display = ["title_es", "title_en", "status", "start_year", "end_year", "publication"]
    list_filter = ["publication", "status", "rosario_role", "themes", "sdgs"]
    search_fields = ["title_es", "title_en", "summary_es", "summary_en"]
    prepopulated_fields = {"slug_es": ["title_es"], "slug_en": ["title_en"]}
    filter_horizontal = ["themes", "sdgs"]
    inlines = [ParticipationInline, MilestoneInline, DocumentInline]


@admin.register(models.Program)
class ProgramAdmin(EntryAdmin):
    list_filter = ["network", *EntryAdmin.list_filter]
    autocomplete_fields = ["parent", "network"]


@admin.register(models.Project)
class ProjectAdmin(EntryAdmin):
    list_display = ["title_es", "title_en", "program", *EntryAdmin.list_display[2:]]
    list_filter = ["program", *EntryAdmin.list_filter]
    list_select_related = ["program"]
    autocomplete_fields = ["program"]


@admin.register(models.Partner)
class PartnerAdmin(TranslationAdmin):
    list_display = ["name_es", "name_en", "kind", "country_es", "publication"]
    list_filter = ["publication", "kind"]
    search_fields = ["name_es", "name_en", "acronym_es", "acronym_en"]
    prepopulated_fields = {"slug_es": ["name_es"], "slug_en": ["name_en"]}


@admin.register(models.Network)
class NetworkAdmin(TranslationAdmin):
    list_display = ["organization", "rosario_role", "member_since", "publication"]
    list_filter = ["publication"]
    list_select_related = ["organization"]
    search_fields = ["organization__name_es", "organization__name_en"]
    autocomplete_fields = ["organization"]


@admin.register(models.Theme)
class ThemeAdmin(TranslationAdmin):
    list_display = ["name_es", "name_en"]
    search_fields = ["name_es", "name_en"]
    prepopulated_fields = {"slug_es": ["name_es"], "slug_en": ["name_en"]}


@admin.register(models.SustainableDevelopmentGoal)
class SustainableDevelopmentGoalAdmin(TranslationAdmin):
    list_display = ["number", "name_es", "name_en"]
    search_fields = ["name_es", "name_en"]


@admin.register(models.Participation)
class ParticipationAdmin(TranslationAdmin):
    list_display = ["partner", "role", "program", "project"]
    list_filter = ["role"]
    list_select_related = ["partner", "program", "project"]
    autocomplete_fields = ["partner", "program", "project"]
    search_fields = ["partner__name_es", "partner__name_en"]


@admin.register(models.Milestone)
class MilestoneAdmin(TranslationAdmin):
    list_display = ["title_es", "date", "program", "project"]
    list_select_related = ["program", "project"]
    search_fields = ["title_es", "title_en"]
    date_hierarchy = "date"
    autocomplete_fields = ["program", "project"]


@admin.register(models.Document)
class DocumentAdmin(TranslationAdmin):
    list_display = ["title_es", "kind", "date", "program", "project"]
    list_filter = ["kind"]
    list_select_related = ["program", "project"]
    search_fields = ["title_es", "title_en"]
    autocomplete_fields = ["program", "project"]


@admin.register(models.CollaborationWay)
class CollaborationWayAdmin(TranslationAdmin):
    list_display = ["title_es", "title_en", "key", "order"]


class SingletonAdmin(TranslationAdmin):
    """Only one entry exists: it can be edited, never added a second time or deleted."""

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not self.model.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(models.SectionText)
class SectionTextAdmin(SingletonAdmin):
    pass


@admin.register(models.ContactSettings)
class ContactSettingsAdmin(SingletonAdmin):
    pass


admin.site.site_header = _("Rosario · International cooperation")
admin.site.site_title = _("International cooperation")
