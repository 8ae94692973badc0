"""The admins every content model builds on: history, no lost edits, translation status,
drafts and who may publish them.

Every content admin is a ``ContentAdmin``: django-reversion's ``VersionAdmin`` (history,
restore, recovery of deleted entries) mixed into modeltranslation's ``TranslationAdmin``
(each language's column as its own field; the plain one, not the tabbed one, whose jQuery
UI tabs are loaded from a CDN that the Content-Security-Policy blocks). ``VersionAdmin``
comes first so that its views wrap the translation admin's. What they write, they write
through ``cooperation.services``.
"""

from contextlib import nullcontext

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import ImageField, ProtectedError, SlugField, URLField
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.forms.models import BaseInlineFormSet
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.formats import date_format, localize
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.timezone import template_localtime
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin
from reversion import add_to_revision, is_active, set_comment
from reversion.admin import VersionAdmin
from reversion.errors import RevertError
from reversion.models import Version
from reversion.utils import mute_signals

from cooperation import models, services
from cooperation.validators import NOT_AN_IMAGE

from .conflicts import last_change, stored_changes
from .forms import ContentAdminForm
from .history import change_message_text, versions_compared
from .languages import mark_translation, side_by_side
from .rows import without_vanished_rows
from .translation_status import (
    MISSING_IN_ENGLISH,
    TRANSLATION_LANGUAGE,
    english_missing,
    english_missing_summary,
)

# What staff call the slug: the part of the page's address that names the entry.
SLUG_HELP = _(
    "The last part of the page's address in this language, made from the title: lowercase "
    "letters without accents, numbers and hyphens. Changing it changes the address."
)


class _RenderedForm(Exception):
    """Carries a rendered restore form out of the transaction that is then rolled back."""

    def __init__(self, response):
        self.response = response


class ContentAdmin(VersionAdmin, TranslationAdmin):
    """History, the edit-conflict guard and the translation status, for every content model."""

    form = ContentAdminForm
    history_latest_first = True
    object_history_template = "admin/cooperation/object_history.html"

    class Media:
        # The languages side by side (languages.py), among the admin's own rules.
        css = {"all": ["css/admin.css"]}

    formfield_overrides = {
        # Django's image field checks the content first; its message should say what is allowed.
        ImageField: {"error_messages": {"invalid_image": NOT_AN_IMAGE}},
        # An address typed without a scheme is taken as https:// (Django 6's default).
        URLField: {"assume_scheme": "https"},
    }

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        if isinstance(db_field, SlugField) and field is not None:
            field.help_text = SLUG_HELP
        mark_translation(db_field, field)
        return field

    def get_fieldsets(self, request, obj=None):
        return side_by_side(super().get_fieldsets(request, obj), self.model)

    @admin.display(description=_("English complete"), boolean=True)
    def english_complete(self, obj):
        return not english_missing(obj)

    def get_exclude(self, request, obj=None):
        # The version travels in the form's own hidden field, never as the model field.
        return [*(super().get_exclude(request, obj) or ()), "version"]

    # Views.

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if self.has_view_or_change_permission(request):
            obj = self.get_object(request, object_id)
            if obj is not None:
                services.history_ensure_started(obj=obj)
        return super().change_view(request, object_id, form_url, extra_context)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except services.EditConflict:
            # Someone saved between this form's check and its save (both in the same instant):
            # nothing was written. Run it again: the check now sees their version and says so.
            return super().changeform_view(request, object_id, form_url, extra_context)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk is not None:
            form = context["adminform"].form
            for name in english_missing(obj):
                field = form.fields.get(f"{name}_{TRANSLATION_LANGUAGE}")
                if field is not None:
                    field.help_text = gettext("Missing: this text has no English translation yet.")
            # The entry's fields and its rows (milestones, documents...): all shown on this form.
            if summary := english_missing_summary(obj):
                messages.warning(request, MISSING_IN_ENGLISH % {"items": summary})
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if "data" in kwargs and obj is not None and obj.pk is not None:
            kwargs["data"], kwargs["files"], notes = without_vanished_rows(
                kwargs["data"], kwargs["files"], prefix, inline.model
            )
            for note in notes:
                messages.warning(request, note)
        return kwargs

    # The history, in the reader's language.

    def log_addition(self, request, obj, message):
        entry = super().log_addition(request, obj, message)
        self._comment_from(entry)
        return entry

    def log_change(self, request, obj, message):
        entry = super().log_change(request, obj, message)
        self._comment_from(entry)
        return entry

    def construct_change_message(self, request, form, formsets, add=False):
        message = super().construct_change_message(request, form, formsets, add)
        # Django names the rows with no language active: "Turín · Funder · …", half in
        # English. Named as the person saving reads them, like the history's object names.
        rows = [
            row
            for formset in formsets or ()
            for row in (
                *formset.new_objects,
                *(changed for changed, _fields in formset.changed_objects),
                *formset.deleted_objects,
            )
        ]
        named = [details for part in message for details in part.values() if "object" in details]
        for details, row in zip(named, rows, strict=True):
            details["object"] = str(row)
        return message

    @staticmethod
    def _comment_from(entry: LogEntry) -> None:
        """The revision keeps the log's JSON, not django-reversion's text in the saver's
        language of that moment: the history writes it out in the reader's
        (``history.change_message_text``)."""
        if is_active() and entry.change_message.startswith("["):
            set_comment(entry.change_message)

    def get_urls(self):
        opts = self.opts
        compare = path(
            "<path:object_id>/history/compare/<int:older_id>/<int:newer_id>/",
            self.admin_site.admin_view(self.compare_view),
            name=f"{opts.app_label}_{opts.model_name}_compare",
        )
        return [compare, *super().get_urls()]

    def _versions(self, object_id: str):
        return Version.objects.get_for_object_reference(self.model, object_id).select_related(
            "revision__user"
        )

    def history_view(self, request, object_id, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        object_id = unquote(object_id)
        versions = list(self._versions(object_id).order_by("-revision__date_created", "-pk"))
        opts = self.opts
        actions = []
        for newer, older in zip(versions, [*versions[1:], None], strict=True):
            actions.append(
                {
                    "revision": newer.revision,
                    "comment": change_message_text(newer.revision.comment, self.model),
                    "url": reverse(
                        f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                        args=(quote(object_id), newer.pk),
                    ),
                    "compare_url": older
                    and reverse(
                        f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_compare",
                        args=(quote(object_id), older.pk, newer.pk),
                    ),
                }
            )
        context = {**(extra_context or {}), "action_list": actions}
        # Past VersionAdmin's own history_view: it would query and list the versions again,
        # only for this list to replace its own.
        return super(VersionAdmin, self).history_view(request, quote(object_id), context)

    def compare_view(self, request, object_id, older_id, newer_id):
        """Two versions of an entry side by side: each field that differs, language by
        language, as it was in each."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        object_id = unquote(object_id)
        versions = self._versions(object_id)
        older = get_object_or_404(versions, pk=older_id)
        newer = get_object_or_404(versions, pk=newer_id)
        if older.revision.date_created > newer.revision.date_created:
            older, newer = newer, older
        opts = self.opts
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Compare two versions of “%(object)s”")
            % {"object": newer.object_repr},
            "opts": opts,
            "object_id": object_id,
            "original": self.model._base_manager.filter(pk=object_id).first(),
            "older": older,
            "newer": newer,
            "rows": versions_compared(older, newer),
            "restore_url": reverse(
                f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                args=(quote(object_id), older.pk),
            ),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/cooperation/version_compare.html", context)

    # Saving without overwriting anyone.

    def save_model(self, request, obj, form, change):
        if change:
            services.version_claim(obj=obj, expected=form.cleaned_data["version"])
            if form.merge_note:
                messages.info(request, form.merge_note)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        deleted = formset.deleted_forms
        for inline_form in formset.initial_forms:
            if inline_form in deleted or not inline_form.has_changed():
                continue
            services.version_claim(
                obj=inline_form.instance, expected=inline_form.cleaned_data["version"]
            )
            if inline_form.merge_note:
                messages.info(request, f"{inline_form.instance}: {inline_form.merge_note}")
        super().save_formset(request, form, formset, change)

    # Deleting, so that it can be recovered.

    def delete_model(self, request, obj):
        services.history_record_before_deletion(objs=[obj], user=request.user)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        services.history_record_before_deletion(objs=queryset, user=request.user)
        super().delete_queryset(request, queryset)

    # Restoring an earlier version, or a deleted entry, from the history.

    def _reversion_revisionform_view(self, request, version, template_name, extra_context=None):
        """The form of "History → restore" and "Recover deleted", showing what is restored.

        django-reversion's ``revision_view`` and ``recover_view`` check the permissions and
        call this; its own version reverts the whole revision as it was (a recovered row's
        project with it), version numbers and publication included. Here
        ``services.version_restore`` brings back only what the version is about (a row
        alone; an entry with its own rows), keeping those. The rest is django-reversion's
        (6.x): a GET, or a POST the form refuses, is rolled back once the form is rendered
        (signals muted on a GET, as nothing stays); a saved POST becomes a revision of its
        own, which a recovered row's entry joins, so that the entry's history shows it.
        """
        muted = (pre_save, post_save, pre_delete, post_delete, m2m_changed)
        signals = mute_signals(*muted) if request.method == "GET" else nullcontext()
        moment = localize(template_localtime(version.revision.date_created))
        request.cooperation_restoring = version
        # The restore form says which version it shows (and its button, what saving does).
        extra_context = {
            **(extra_context or {}),
            "version_moment": date_format(
                template_localtime(version.revision.date_created), "DATETIME_FORMAT"
            ),
        }
        if request.method == "GET":
            self._say_what_a_restore_replaces(request, version, moment)
        try:
            with transaction.atomic(using=version.db), signals:
                services.version_restore(version=version, user=request.user)
                with self.create_revision(request):
                    response = self.changeform_view(
                        request, quote(version.object_id), request.path, extra_context
                    )
                    if request.method == "POST" and response.status_code == 302:
                        set_comment(self._restore_comment(version, moment))
                        entry = getattr(
                            self.model._base_manager.filter(pk=version.object_id).first(),
                            "entry",
                            None,
                        )
                        if entry is not None:
                            add_to_revision(entry)  # Its history shows the row back.
                    elif response.status_code == 200:
                        response.template_name = template_name
                        response.render()
                        raise _RenderedForm(response)
                    else:
                        raise RevertError(
                            gettext("Could not load %(object_repr)s version - not found")
                            % {"object_repr": version.object_repr}
                        )
        except (RevertError, ProtectedError) as error:
            messages.error(request, str(error))
            return redirect(
                f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}_changelist"
            )
        except _RenderedForm as rendered:
            return rendered.response
        return response

    def _say_what_a_restore_replaces(self, request, version, moment: str) -> None:
        """Before an entry goes back to an earlier version: what of the current one (and
        whose change) saving would undo."""
        if issubclass(self.model, models.AttachedToEntry):
            return  # A row alone: nothing else is touched.
        current = self.model._base_manager.filter(pk=version.object_id).first()
        if current is None:
            return  # Recovering a deleted entry: nothing newer to lose.
        changed = [str(field.verbose_name) for field, _then in stored_changes(current, version)]
        if not changed:
            return
        who, when = last_change(current)
        messages.warning(
            request,
            gettext(
                "Saving this form replaces the current version, saved by %(who)s on %(when)s, "
                "with the one of %(moment)s: %(fields)s would go back to how they were then."
            )
            % {"who": who, "when": when, "moment": moment, "fields": ", ".join(changed)},
        )

    def _restore_comment(self, version, moment: str) -> str:
        if issubclass(self.model, models.AttachedToEntry):
            return gettext("Recovered %(kind)s “%(row)s”, as it was on %(datetime)s.") % {
                "kind": self.opts.verbose_name,
                "row": version.object_repr,
                "datetime": moment,
            }
        return gettext("Reverted to previous version, saved on %(datetime)s") % {"datetime": moment}

    def response_change(self, request, obj):
        version = getattr(request, "cooperation_restoring", None)
        if version is None or "_continue" in request.POST:
            return super().response_change(request, obj)
        # Say what came back, and show it where staff look for it: a row in its entry.
        moment = localize(template_localtime(version.revision.date_created))
        entry = getattr(obj, "entry", None) if isinstance(obj, models.AttachedToEntry) else None
        if entry is not None:
            message = gettext(
                "The %(kind)s “%(row)s” was recovered, as it was on %(datetime)s. Nothing "
                "else changed in the %(entry_kind)s “%(entry)s”."
            ) % {
                "kind": self.opts.verbose_name,
                "row": obj,
                "datetime": moment,
                "entry_kind": entry._meta.verbose_name,
                "entry": entry,
            }
            target = entry
        else:
            message = gettext("“%(obj)s” was restored as it was on %(datetime)s.") % {
                "obj": obj,
                "datetime": moment,
            }
            target = obj
        self.message_user(request, message, messages.SUCCESS)
        opts = target._meta
        return redirect(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change", quote(target.pk)
        )


class EntryRowFormSet(BaseInlineFormSet):
    """The rows of an entry, which know their entry even before it is saved: a new program
    or project is saved together with its participations, milestones and documents (each
    row's own checks see that it belongs to one entry; the entry is saved first)."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if self.instance.pk is None:
            setattr(form.instance, self.fk.name, self.instance)
        return form


class ContentInlineMixin:
    """An inline whose rows carry their version too."""

    form = ContentAdminForm
    formset = EntryRowFormSet
    formfield_overrides = {URLField: {"assume_scheme": "https"}}

    def get_exclude(self, request, obj=None):
        return [*(super().get_exclude(request, obj) or ()), "version"]

    def get_fields(self, request, obj=None):
        # Listed, or the admin would not render the form's hidden version field.
        return [*super().get_fields(request, obj), "version"]

    def get_fieldsets(self, request, obj=None):
        return side_by_side(super().get_fieldsets(request, obj), self.model)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        mark_translation(db_field, field)
        return field


PUBLICATION_FIELDSET = (
    _("Publication"),
    {"fields": ["publication", "publish_at", "review_request"]},
)
REVIEW_FIELDSET = (_("Review"), {"fields": ["reviewed_at"]})


class PublishableAdmin(ContentAdmin):
    """Draft or published: only users with the publish permission may change which."""

    actions = ["request_review", "publish_selected", "unpublish_selected", "mark_reviewed"]

    def has_publish_permission(self, request) -> bool:
        return services.user_may_publish(user=request.user, model=self.model)

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), "public_pages", "review_request"]
        if not self.has_publish_permission(request):
            readonly += services.PUBLICATION_FIELDS
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
        services.publication_keep(obj=obj, user=request.user)
        services.review_request_settle(obj=obj)
        super().save_model(request, obj, form, change)

    @admin.display(description=_("ready for review"))
    def review_request(self, obj):
        if obj is None or obj.review_requested_at is None:
            return "—"
        who = obj.review_requested_by
        return gettext("Since %(when)s, said by %(who)s.") % {
            "when": localize(template_localtime(obj.review_requested_at)),
            "who": (who.get_full_name() or who.get_username()) if who else gettext("someone"),
        }

    @admin.action(description=_("Mark as ready for review"), permissions=["change"])
    def request_review(self, request, queryset):
        count = services.entries_request_review(entries=queryset, user=request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d entry marked as ready for review: publishers will find it under "
                "“Waiting for publication”.",
                "%(count)d entries marked as ready for review: publishers will find them "
                "under “Waiting for publication”.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )

    def view_on_site(self, obj):
        """ "View on site": the public page, or the preview of one the public cannot see yet
        (a draft, or an entry under a draft)."""
        url = obj.get_absolute_url()
        return url if obj.is_public else f"{url}?preview=1"

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

    @admin.display(description=_("public pages"))
    def public_links(self, obj):
        """The list's short form of ``public_pages``: one link per language, by its code."""
        public = obj.is_public
        links = []
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                url = obj.get_absolute_url()
            links.append((url if public else f"{url}?preview=1", code, code.upper()))
        html = format_html_join(
            " · ", '<a href="{}" hreflang="{}" target="_blank" rel="noopener">{}</a>', links
        )
        return html if public else format_html("{} ({})", html, gettext("preview"))

    @admin.display(description=_("review"), ordering="reviewed_at")
    def review_state(self, obj):
        # Words, not a tick: a green tick read as "all is well" where review was needed.
        return gettext("Due") if obj.needs_review() else gettext("Up to date")

    @admin.action(description=_("Publish the selected entries"), permissions=["publish"])
    def publish_selected(self, request, queryset):
        count = services.entries_publish(entries=queryset, user=request.user)
        self.message_user(
            request,
            ngettext("%(count)d entry published.", "%(count)d entries published.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish the selected entries"), permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        count = services.entries_unpublish(entries=queryset, user=request.user)
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

    @admin.action(description=_("Mark as reviewed today"), permissions=["change"])
    def mark_reviewed(self, request, queryset):
        count = services.entries_mark_reviewed(entries=queryset, user=request.user)
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
