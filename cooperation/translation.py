"""Which fields are translated. Spanish is required; English may lag behind and says so."""

from modeltranslation.translator import TranslationOptions, register

from . import models


class RequiredSpanish(TranslationOptions):
    required_languages = ("es",)


class WithSlug(RequiredSpanish):
    # An empty slug is stored as NULL so that the unique index per language holds.
    empty_values = {"slug": None}


@register(models.Theme)
class ThemeTranslation(WithSlug):
    fields = ("name", "slug", "description")


@register(models.SustainableDevelopmentGoal)
class SustainableDevelopmentGoalTranslation(RequiredSpanish):
    fields = ("name",)


@register(models.Partner)
class PartnerTranslation(WithSlug):
    fields = ("name", "acronym", "slug", "country", "city", "description", "logo_alt")


@register(models.Network)
class NetworkTranslation(WithSlug):
    fields = ("slug", "description", "rosario_role")


@register(models.Program)
class ProgramTranslation(WithSlug):
    fields = ("title", "slug", "summary", "body", "image_alt")


@register(models.Project)
class ProjectTranslation(WithSlug):
    fields = ("title", "slug", "summary", "body", "image_alt")


@register(models.Participation)
class ParticipationTranslation(RequiredSpanish):
    fields = ("note",)


@register(models.Milestone)
class MilestoneTranslation(RequiredSpanish):
    fields = ("title", "description")


@register(models.Document)
class DocumentTranslation(RequiredSpanish):
    fields = ("title", "description")


@register(models.SectionText)
class SectionTextTranslation(RequiredSpanish):
    fields = ("title", "introduction", "ways_heading", "meta_description")


@register(models.CollaborationWay)
class CollaborationWayTranslation(RequiredSpanish):
    fields = ("title", "description")


@register(models.ContactSettings)
class ContactSettingsTranslation(TranslationOptions):
    fields = ("whatsapp_message", "office_name", "postal_address", "opening_hours")


@register(models.Source)
class SourceTranslation(RequiredSpanish):
    fields = ("title",)


@register(models.OpenDataSettings)
class OpenDataSettingsTranslation(TranslationOptions):
    # Nothing to translate: registered because the admin of single entries expects it.
    fields = ()
