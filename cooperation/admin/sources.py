"""The sources of programs, projects, partners and networks, edited on their own pages."""

from django.contrib.contenttypes.forms import BaseGenericInlineFormSet
from modeltranslation.admin import TranslationGenericTabularInline

from cooperation import models

from .base import ContentInlineMixin


class SourceInline(ContentInlineMixin, TranslationGenericTabularInline):
    model = models.Source
    # Generic rows: the entry rows' formset (which links each row to an unsaved entry through
    # a foreign key) does not apply; the generic formset sets the link when it saves.
    formset = BaseGenericInlineFormSet
    extra = 0
    fields = ["title", "url", "consulted_on", "note", "order"]
