"""The staff's admin: both languages side by side, drafts, roles, history and no lost edits.

Every content admin is a ``ContentAdmin``: django-reversion's ``VersionAdmin`` (history,
restore, recovery of deleted entries) mixed into modeltranslation's ``TranslationAdmin``
(each language's column as its own field; the plain one, not the tabbed one, whose jQuery
UI tabs are loaded from a CDN that the Content-Security-Policy blocks). ``VersionAdmin``
comes first so that its views wrap the translation admin's.
"""

import contextvars

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import ImageField, Max, Min, Q, URLField
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)
from modeltranslation.translator import translator
from reversion import add_to_revision, create_revision, register, set_comment, set_user
from reversion.admin import VersionAdmin
from reversion.models import Version

from . import models
from .forms_admin import HISTORY_LOOKBACK, ContentAdminForm
from .i18n import DEFAULT_LANGUAGE, missing
from .services import EditConflict, version_claim
from .validators import NOT_AN_IMAGE

TRANSLATION_LANGUAGE = next(code for code, _name in settings.LANGUAGES if code != DEFAULT_LANGUAGE)

# History: a program's or project's participations, milestones and documents are kept in
# the same revision, so that restoring the entry (or recovering it once deleted) brings
# them back as they were.
ENTRY_PARTS = ("participations", "milestones", "documents")
HISTORY_FOLLOWS = {
    models.Program: ENTRY_PARTS,
    models.Project: ENTRY_PARTS,
    models.Participation: (),
    models.Milestone: (),
    models.Document: (),
    models.Theme: (),
    models.SustainableDevelopmentGoal: (),
    models.Partner: (),
    models.Network: (),
    models.SectionText: (),
    models.CollaborationWay: (),
    models.ContactSettings: (),
}
for versioned_model, follow in HISTORY_FOLLOWS.items():
    register(versioned_model, follow=follow)


# Translation status ----------------------------------------------------------------------


def translated_fields(model) -> list[str]:
    return list(translator.get_options_for_model(model).all_fields)


def english_missing(obj) -> list[str]:
    """The translated fields that are written in Spanish but not in English."""
    return [
        name
        for name in translated_fields(type(obj))
        if getattr(obj, f"{name}_{DEFAULT_LANGUAGE}", None)
        and not getattr(obj, f"{name}_{TRANSLATION_LANGUAGE}", None)
    ]


def english_missing_q(model) -> Q:
    condition = Q(pk__in=[])
    for name in translated_fields(model):
        # A translation column is empty when it is NULL or "".
        condition |= ~missing(name, DEFAULT_LANGUAGE) & missing(name, TRANSLATION_LANGUAGE)
    return condition


class EnglishTranslationFilter(admin.SimpleListFilter):
    title = _("English translation")
    parameter_name = "english"

    def lookups(self, request, model_admin):
        return [("missing", _("Missing English")), ("complete", _("English complete"))]

    def queryset(self, request, queryset):
        if self.value() == "missing":
            return queryset.filter(english_missing_q(queryset.model))
        if self.value() == "complete":
            return queryset.exclude(pk__in=queryset.filter(english_missing_q(queryset.model)))
        return queryset


# Other filters ---------------------------------------------------------------------------


class YearFilter(admin.SimpleListFilter):
    """Entries active in a year: begun by then and not ended before it."""

    title = _("year")
    parameter_name = "year"

    def lookups(self, request, model_admin):
        bounds = model_admin.get_queryset(request).aggregate(
            first=Min("start_year"), last=Max("end_year")
        )
        if bounds["first"] is None:
            return []
        last = max(bounds["last"] or 0, timezone.localdate().year)
        return [(str(year), str(year)) for year in range(last, bounds["first"] - 1, -1)]

    def queryset(self, request, queryset):
        if not (self.value() or "").isdigit():
            return queryset
        year = int(self.value())
        return queryset.filter(
            Q(start_year__lte=year), Q(end_year__isnull=True) | Q(end_year__gte=year)
        )


class PartnerKindFilter(admin.SimpleListFilter):
    """Programs or projects in which a kind of partner takes part."""

    title = _("kind of partner")
    parameter_name = "partner_kind"

    def lookups(self, request, model_admin):
        return models.PartnerKind.choices

    def queryset(self, request, queryset):
        if self.value() not in models.PartnerKind.values:
            return queryset
        entry = queryset.model._meta.model_name
        participations = models.Participation.objects.filter(partner__kind=self.value())
        return queryset.filter(pk__in=participations.values(entry))


class NeedsReviewFilter(admin.SimpleListFilter):
    """Entries never reviewed, or last reviewed longer ago than REVIEW_INTERVAL_DAYS."""

    title = _("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("needed", _("Needs review")), ("done", _("Reviewed recently"))]

    def queryset(self, request, queryset):
        needed = Q(reviewed_at__isnull=True) | Q(reviewed_at__lt=models.review_due_before())
        if self.value() == "needed":
            return queryset.filter(needed)
        if self.value() == "done":
            return queryset.exclude(needed)
        return queryset


# Content admins --------------------------------------------------------------------------


class ContentAdmin(VersionAdmin, TranslationAdmin):
    """History, the edit-conflict guard and the translation status, for every content model."""

    form = ContentAdminForm
    history_latest_first = True
    formfield_overrides = {
        # Django's image field checks the content first; its message should say what is allowed.
        ImageField: {"error_messages": {"invalid_image": NOT_AN_IMAGE}},
        # An address typed without a scheme is taken as https:// (Django 6's default).
        URLField: {"assume_scheme": "https"},
    }

    @admin.display(description=_("English complete"), boolean=True)
    def english_complete(self, obj):
        return not english_missing(obj)

    def get_exclude(self, request, obj=None):
        # The version travels in the form's own hidden field, never as the model field.
        return [*(super().get_exclude(request, obj) or ()), "version"]

    # Views.

    def change_view(self, request, object_id, form_url="", extra_context=None):
        self._ensure_history_starts(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except EditConflict:
            # Someone saved between this form's check and its save (both in the same instant):
            # nothing was written. Run it again: the check now sees their version and says so.
            return super().changeform_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk is not None and (names := english_missing(obj)):
            form = context["adminform"].form
            for name in names:
                field = form.fields.get(f"{name}_{TRANSLATION_LANGUAGE}")
                if field is not None:
                    field.help_text = gettext("Missing: this text has no English translation yet.")
            labels = [str(self.opts.get_field(name).verbose_name) for name in names]
            messages.warning(
                request,
                gettext("English is missing for: %(fields)s.") % {"fields": ", ".join(labels)},
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    def _ensure_history_starts(self, request, object_id) -> None:
        """Record the entry as it is before its first change here (seed content has no history).

        Without it, the first change could not be undone, nor explained to a second editor.
        """
        if not self.has_view_or_change_permission(request):
            return
        obj = self.get_object(request, object_id)
        if obj is None or Version.objects.get_for_object(obj).exists():
            return
        with create_revision():
            set_comment(gettext("Initial version."))
            add_to_revision(obj)  # With the participations, milestones... that it follows.

    def delete_model(self, request, obj):
        self._record_before_deleting(request, [obj])
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        self._record_before_deleting(request, queryset)
        super().delete_queryset(request, queryset)

    def _record_before_deleting(self, request, objs) -> None:
        """Keep the entries as they are, so that "Recover deleted" can bring them back
        (django-reversion recovers from the last recorded version, and an entry never
        changed in the admin has none).

        The list page's delete action runs inside that page's revision, which is saved only
        after the deletion, and django-reversion leaves out what no longer exists by then:
        so this revision is made and saved on its own, outside any revision in progress
        (django-reversion keeps the one in progress in a context variable).
        """
        comment = gettext("State before deletion.")

        def record():
            with create_revision():
                set_user(request.user)
                set_comment(comment)
                for obj in objs:
                    add_to_revision(obj)

        contextvars.Context().run(record)

    # Saving without overwriting anyone.

    def save_model(self, request, obj, form, change):
        if change:
            version_claim(obj, expected=form.cleaned_data["version"])
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        deleted = formset.deleted_forms
        for inline_form in formset.initial_forms:
            if inline_form in deleted or not inline_form.has_changed():
                continue
            version_claim(inline_form.instance, expected=inline_form.cleaned_data["version"])
        super().save_formset(request, form, formset, change)

    # Restoring an earlier version (or a deleted entry) from the history.

    def revision_view(self, request, object_id, version_id, extra_context=None):
        with transaction.atomic():
            self._keep_current_state(request, version_id)
            return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        with transaction.atomic():
            self._keep_current_state(request, version_id)
            return super().recover_view(request, version_id, extra_context)

    def _kept_fields(self, request, model) -> list[str]:
        return ["version"]

    def _keep_current_state(self, request, version_id) -> None:
        """Note what a restore must not take from the old version: the version numbers
        (an old number would let a stale form through) and, for a user who may not
        publish, whether each entry is published. ``get_object`` puts them back once
        django-reversion has restored the old version.
        """
        version = Version.objects.select_related("revision").filter(pk=version_id).first()
        if version is None:
            return
        kept = []
        for restored in version.revision.version_set.all():
            model = restored._model
            if not issubclass(model, models.Versioned):
                continue
            fields = self._kept_fields(request, model)
            current = (
                model._base_manager.select_for_update()
                .filter(pk=restored.object_id)
                .values(*fields)
                .first()
            )
            # Deleted since: it comes back under a new number (and, for those who may not
            # publish, as a draft).
            if current is None:
                history = Version.objects.get_for_object_reference(model, restored.object_id)
                numbers = [v.field_dict.get("version") or 1 for v in history[:HISTORY_LOOKBACK]]
                current = {"version": max(numbers, default=1) + 1}
                if "publication" in fields:
                    current.update(publication=models.PublicationStatus.DRAFT, publish_at=None)
            kept.append((model, restored.object_id, current))
        request._kept_before_restore = kept

    def get_object(self, request, object_id, from_field=None):
        for model, pk, values in request.__dict__.pop("_kept_before_restore", ()):
            model._base_manager.filter(pk=pk).update(**values)
        return super().get_object(request, object_id, from_field)


class ContentInlineMixin:
    """An inline whose rows carry their version too."""

    form = ContentAdminForm
    formfield_overrides = {URLField: {"assume_scheme": "https"}}

    def get_exclude(self, request, obj=None):
        return [*(super().get_exclude(request, obj) or ()), "version"]

    def get_fields(self, request, obj=None):
        # Listed, or the admin would not render the form's hidden version field.
        return [*super().get_fields(request, obj), "version"]


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


class PublishableAdmin(ContentAdmin):
    """Draft or published: only users with the publish permission may change which."""

    PUBLICATION_FIELDS = ("publication", "publish_at")
    actions = ["publish_selected", "unpublish_selected", "mark_reviewed"]

    def has_publish_permission(self, request, model=None) -> bool:
        opts = (model or self.model)._meta
        return request.user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), "public_pages"]
        if not self.has_publish_permission(request):
            readonly += self.PUBLICATION_FIELDS
        return readonly

    def get_fieldsets(self, request, obj=None):
        # The links to the public pages first, once there are pages to link to.
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f != "public_pages"]})
            for name, options in super().get_fieldsets(request, obj)
        ]
        if obj is not None:
            fieldsets[0][1]["fields"].insert(0, "public_pages")
        return fieldsets

    def save_model(self, request, obj, form, change):
        # The fields are read-only for them already; this holds against a forged form too.
        if not self.has_publish_permission(request):
            stored = (
                type(obj)._base_manager.filter(pk=obj.pk).values(*self.PUBLICATION_FIELDS).first()
                if change
                else None
            )
            obj.publication = stored["publication"] if stored else models.PublicationStatus.DRAFT
            obj.publish_at = stored["publish_at"] if stored else None
        super().save_model(request, obj, form, change)

    def _kept_fields(self, request, model) -> list[str]:
        fields = super()._kept_fields(request, model)
        if issubclass(model, models.Publishable) and not self.has_publish_permission(
            request, model
        ):
            fields += self.PUBLICATION_FIELDS
        return fields

    @admin.display(description=_("public pages"))
    def public_pages(self, obj):
        if obj is None or obj.pk is None:
            return "—"
        public = obj.is_public
        links = []
        for code, name in settings.LANGUAGES:
            with translation.override(code):
                url = obj.get_absolute_url()
            links.append((url if public else f"{url}?preview=1", code, capfirst(name)))
        html = format_html_join(
            " · ", '<a href="{}" hreflang="{}" target="_blank" rel="noopener">{}</a>', links
        )
        if not public:
            html = format_html("{} ({})", html, gettext("preview of a draft"))
        return html

    @admin.action(description=_("Publish the selected entries"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        count = self._set_publication(request, queryset, models.PublicationStatus.PUBLISHED)
        self.message_user(
            request,
            ngettext("%(count)d entry published.", "%(count)d entries published.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish the selected entries"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        count = self._set_publication(request, queryset, models.PublicationStatus.DRAFT)
        self.message_user(
            request,
            ngettext(
                "%(count)d entry turned back into a draft.",
                "%(count)d entries turned back into drafts.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.display(description=_("needs review"), boolean=True)
    def needs_review(self, obj):
        return obj.needs_review()

    @admin.action(description=_("Mark as reviewed today"), permissions=["change"])
    def mark_reviewed(self, request, queryset):
        label = str(self.opts.get_field("reviewed_at").verbose_name)
        today = timezone.localdate()
        selected = list(queryset.values_list("pk", flat=True))
        count = 0
        with transaction.atomic():
            entries = self.model._base_manager.select_for_update().filter(pk__in=selected)
            for obj in entries.order_by("pk"):
                # Saved one by one, like an edit: the version rises (an open form on it is
                # then refused, not silently overwritten) and the history records it.
                version_claim(obj, expected=obj.version)
                obj.reviewed_at = today
                obj.save()
                self.log_change(request, obj, [{"changed": {"fields": [label]}}])
                count += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d entry marked as reviewed today.",
                "%(count)d entries marked as reviewed today.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    def _set_publication(self, request, queryset, publication) -> int:
        label = str(self.opts.get_field("publication").verbose_name)
        selected = list(queryset.values_list("pk", flat=True))
        changed = 0
        with transaction.atomic():
            entries = self.model._base_manager.select_for_update().filter(pk__in=selected)
            for obj in entries.exclude(publication=publication).order_by("pk"):
                version_claim(obj, expected=obj.version)
                obj.publication = publication
                obj.save()
                self.log_change(request, obj, [{"changed": {"fields": [label]}}])
                changed += 1
        return changed


ENTRY_FILTERS = [
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


PUBLICATION_FIELDSET = (_("Publication"), {"fields": ["publication", "publish_at"]})
REVIEW_FIELDSET = (_("Review"), {"fields": ["reviewed_at"]})


def entry_fieldsets(*relations: str) -> list:
    # Translated fields are named once: modeltranslation puts each language's column there.
    return [
        (None, {"fields": ["title", "slug", "summary", "body", "version"]}),
        (
            _("Classification"),
            {
                "fields": [
                    *relations,
                    ("status", "keep_status"),
                    "rosario_role",
                    ("start_year", "end_year"),
                    "themes",
                    "sdgs",
                ]
            },
        ),
        (_("Image"), {"fields": ["image", "image_alt"]}),
        PUBLICATION_FIELDSET,
        REVIEW_FIELDSET,
    ]


class EntryAdmin(PublishableAdmin):
    list_display = [
        "title_es",
        "title_en",
        "status",
        "start_year",
        "end_year",
        "publication",
        "english_complete",
        "needs_review",
        "public_pages",
    ]
    search_fields = ["title_es", "title_en", "summary_es", "summary_en", "body_es", "body_en"]
    prepopulated_fields = {"slug_es": ["title_es"], "slug_en": ["title_en"]}
    filter_horizontal = ["themes", "sdgs"]
    inlines = [ParticipationInline, MilestoneInline, DocumentInline]


@admin.register(models.Program)
class ProgramAdmin(EntryAdmin):
    fieldsets = entry_fieldsets("parent", "network")
    list_filter = [*ENTRY_FILTERS[:3], "network", *ENTRY_FILTERS[3:]]
    autocomplete_fields = ["parent", "network"]


@admin.register(models.Project)
class ProjectAdmin(EntryAdmin):
    fieldsets = entry_fieldsets("program")
    list_display = ["title_es", "title_en", "program", *EntryAdmin.list_display[2:]]
    list_filter = [*ENTRY_FILTERS[:3], "program", "program__network", *ENTRY_FILTERS[3:]]
    list_select_related = ["program"]
    autocomplete_fields = ["program"]


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
        PUBLICATION_FIELDSET,
        REVIEW_FIELDSET,
    ]
    list_display = [
        "name_es",
        "name_en",
        "kind",
        "country_es",
        "city_es",
        "publication",
        "english_complete",
        "needs_review",
        "public_pages",
    ]
    list_filter = ["publication", EnglishTranslationFilter, NeedsReviewFilter, "kind"]
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
        "needs_review",
        "public_pages",
    ]
    list_filter = ["publication", EnglishTranslationFilter, NeedsReviewFilter]
    list_select_related = ["organization"]
    search_fields = [
        "organization__name_es",
        "organization__name_en",
        "rosario_role_es",
        "rosario_role_en",
    ]
    autocomplete_fields = ["organization"]


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


@admin.register(models.CollaborationWay)
class CollaborationWayAdmin(ContentAdmin):
    list_display = ["title_es", "title_en", "key", "order", "english_complete"]
    search_fields = ["title_es", "title_en"]


class SingletonAdmin(ContentAdmin):
    """Only one entry exists: its list is the entry itself; no second one, no deleting it."""

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not self.model.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        info = self.opts.app_label, self.opts.model_name
        obj = self.model.objects.first()
        if obj is None:
            return redirect(
                reverse("admin:{}_{}_add".format(*info), current_app=self.admin_site.name)
            )
        return redirect(
            reverse(
                "admin:{}_{}_change".format(*info), args=[obj.pk], current_app=self.admin_site.name
            )
        )


@admin.register(models.SectionText)
class SectionTextAdmin(SingletonAdmin):
    pass


@admin.register(models.ContactSettings)
class ContactSettingsAdmin(SingletonAdmin):
    pass


admin.site.site_header = _("Rosario · International cooperation")
admin.site.site_title = _("International cooperation")
