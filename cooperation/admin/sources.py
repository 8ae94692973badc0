"""The sources of programs, projects, partners and networks, edited on their own pages."""

from modeltranslation.admin import TranslationGenericTabularInline

from cooperation import models

from .base import ContentInlineMixin


class SourceInline(ContentInlineMixin, TranslationGenericTabularInline):
    model = models.Source
    extra = 0
    fields = ["title", "url", "consulted_on", "note", "order"]
