"""Two editors on one entry: who saved it since the second one's form was loaded, when, what
each changed (from the history django-reversion keeps), and what becomes of the second save.

- They changed different fields: the second save is merged, its changed fields applied on
  top of the stored entry, and the editor is told so (``reconcile``).
- They changed a same field: the second save is refused; the editor sees both values side by
  side, keeps what they typed, and finds the other editor's other changes already in the
  form, so that saving again keeps both.
- The form's version is not in the history: refused as before, with what changed.
"""

import datetime

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.forms import MultiWidget
from django.utils import formats
from django.utils.text import Truncator
from django.utils.timezone import template_localtime
from django.utils.translation import gettext
from modeltranslation.translator import NotRegistered, translator
from reversion import is_registered
from reversion.models import Version

from cooperation.history import HISTORY_LOOKBACK

# Bookkeeping fields that change with every save: not what an editor changed.
NOT_COMPARED = {"version", "created_at", "updated_at"}
VALUE_LENGTH = 80


def conflict_messages(obj: models.Model, loaded: int) -> list[str]:
    """Who saved ``obj`` since version ``loaded``, when, and what they changed."""
    who, when = last_change(obj)
    messages = [
        gettext(
            "%(who)s saved this entry on %(when)s, after you opened it. Your changes have not "
            "been saved, so that theirs are not lost."
        )
        % {"who": who, "when": when}
    ]
    changes = changes_since(obj, loaded)
    if changes is None:
        messages.append(gettext("The entry as you opened it is not in its history."))
    elif changes:
        messages.append(gettext("What changed since you opened it:"))
        messages.extend(
            gettext("%(field)s: “%(before)s” → “%(after)s”")
            % {"field": label, "before": before, "after": after}
            for label, before, after in changes
        )
    else:
        messages.append(
            gettext("Its own fields are unchanged; the changes were to the entries listed in it.")
        )
    messages.append(
        gettext(
            "Copy what you wrote, open the entry again to see the saved version, "
            "and make your change there."
        )
    )
    return messages


def last_change(obj: models.Model) -> tuple[str, str]:
    """The name of who last saved ``obj`` (per its history, else the admin log) and when."""
    user, moment = None, getattr(obj, "updated_at", None)
    version = (
        Version.objects.get_for_object(obj).select_related("revision__user").first()
        if is_registered(type(obj))
        else None
    )
    if version is not None:
        user, moment = version.revision.user, version.revision.date_created
    else:
        entry = (
            LogEntry.objects.filter(
                content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk)
            )
            .select_related("user")
            .order_by("-action_time")
            .first()
        )
        if entry is not None:
            user, moment = entry.user, entry.action_time
    who = (user.get_full_name() or user.get_username()) if user else gettext("Someone")
    when = formats.date_format(template_localtime(moment), "DATETIME_FORMAT") if moment else "?"
    return who, when


def compared_fields(model: type[models.Model]) -> list[models.Field]:
    """The fields an editor changes, each language's column apart."""
    try:
        # The untranslated column of a translated field holds an undetermined value.
        untranslated = set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        untranslated = set()
    skipped = NOT_COMPARED | untranslated
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    fields += list(model._meta.many_to_many)
    return [f for f in fields if f.name not in skipped]


def version_at(obj: models.Model, loaded: int) -> Version | None:
    """The recorded version of ``obj`` whose number was ``loaded``."""
    if not is_registered(type(obj)):
        return None
    history = Version.objects.get_for_object(obj)[:HISTORY_LOOKBACK]
    return next((v for v in history if v.field_dict.get("version") == loaded), None)


def stored_changes(obj: models.Model, started: Version) -> list[tuple[models.Field, object]]:
    """(field, value then) for each field of the stored ``obj`` changed since ``started``."""
    changes = []
    for field in compared_fields(type(obj)):
        before = started.field_dict.get(field.attname)
        if field.many_to_many:
            now = [related.pk for related in getattr(obj, field.name).all()]
        else:
            now = getattr(obj, field.attname)
        if differs(field, before, now):
            changes.append((field, before))
    return changes


def changes_since(obj: models.Model, loaded: int) -> list[tuple[str, str, str]] | None:
    """(field label, value then, value now) for each field changed since version ``loaded``.

    None when that version is not in the entry's history.
    """
    started = version_at(obj, loaded)
    if started is None:
        return None
    return [
        (
            str(field.verbose_name),
            display_value(field, before),
            display_value(field, _current(obj, field)),
        )
        for field, before in stored_changes(obj, started)
    ]


def _current(obj: models.Model, field: models.Field):
    if field.many_to_many:
        return [related.pk for related in getattr(obj, field.name).all()]
    return getattr(obj, field.attname)


def form_changes(form, started: Version) -> set[str]:
    """The fields whose value in ``form`` differs from the version the form was loaded as."""
    model = type(form.instance)
    changed = set()
    for name, value in form.cleaned_data.items():
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        skipped = field.primary_key or name in NOT_COMPARED or not field.concrete
        if skipped and not field.many_to_many:
            continue
        before = started.field_dict.get(field.attname)
        if isinstance(field, models.FileField):
            if isinstance(value, UploadedFile) or value is False:
                changed.add(name)
        elif field.many_to_many:
            if {str(pk) for pk in before or []} != {str(o.pk) for o in value or []}:
                changed.add(name)
        elif field.is_relation:
            if not same_value(before, value.pk if value is not None else None):
                changed.add(name)
        elif not same_value(before, value):
            changed.add(name)
    return changed


def reconcile(form) -> None:
    """Merge a stale ``form`` into the stored entry, or raise the ValidationError that shows
    both values of each field both editors changed (see the module's docstring)."""
    obj, loaded = form.instance, form.cleaned_data.get("version")
    if obj._state.adding or loaded is None or loaded == obj.version:
        return
    started = version_at(obj, loaded)
    if started is None:
        raise ValidationError(conflict_messages(obj, loaded), code="edit_conflict")
    theirs = {field.name: field for field, _before in stored_changes(obj, started)}
    mine = form_changes(form, started)
    who, when = last_change(obj)
    # Their changes to the fields this editor left alone stay, in a merge as in the form
    # shown again, and the form moves on to the stored version.
    for name, field in theirs.items():
        if name in form.cleaned_data and name not in mine:
            form.cleaned_data[name] = _stored_value(obj, field)
            _show_stored(form, name, form.cleaned_data[name])
    _show_stored(form, "version", obj.version)
    both = [theirs[name] for name in theirs if name in mine]
    if both:
        raise ValidationError(
            _both_values(obj, who, when, both, form, started), code="edit_conflict"
        )
    form.cleaned_data["version"] = obj.version
    labels = [str(field.verbose_name) for field in theirs.values()]
    form.merge_note = gettext(
        "Your changes were combined with those of %(who)s, who saved this entry on %(when)s "
        "after you opened it%(fields)s."
    ) % {
        "who": who,
        "when": when,
        "fields": (" (" + ", ".join(labels) + ")") if labels else "",
    }


def _stored_value(obj: models.Model, field: models.Field):
    if field.many_to_many:
        return list(getattr(obj, field.name).all())
    return getattr(obj, field.name)


def _show_stored(form, name: str, value) -> None:
    """Put ``value`` in the submitted data of ``form``, so that the form shown again holds it."""
    if name not in form.fields:
        return
    field = form.fields[name]
    widget = getattr(field.widget, "widget", field.widget)  # the admin's wrapper
    key = form.add_prefix(name)
    if not hasattr(form.data, "_mutable"):
        return
    if not form.data._mutable:
        form.data = form.data.copy()
    value = field.prepare_value(value)
    if isinstance(widget, MultiWidget):
        for suffix, part, sub in zip(
            widget.widgets_names, widget.decompress(value), widget.widgets, strict=False
        ):
            form.data[f"{key}{suffix}"] = sub.format_value(part) or ""
    elif getattr(widget, "allow_multiple_selected", False):
        form.data.setlist(key, [str(v) for v in value or []])
    elif getattr(widget, "input_type", None) == "checkbox":
        if value:
            form.data[key] = "on"
        else:
            form.data.pop(key, None)
    elif getattr(widget, "input_type", None) == "file":
        return
    else:
        form.data[key] = "" if value is None else str(widget.format_value(value) or "")


def _both_values(obj, who: str, when: str, fields: list, form, started: Version) -> list[str]:
    messages = [
        gettext(
            "%(who)s saved this entry on %(when)s, after you opened it, and changed the same "
            "fields as you. Nothing was saved, so that neither change is lost: compare both "
            "values, leave in the form the one to keep (yours is still there) and save again. "
            "Their changes to other fields are already in the form."
        )
        % {"who": who, "when": when}
    ]
    for field in fields:
        yours = form.cleaned_data.get(field.name)
        if field.many_to_many:
            yours = [o.pk for o in yours or []]
        elif field.is_relation and yours is not None:
            yours = yours.pk
        messages.append(
            gettext("%(field)s — saved by %(who)s: “%(theirs)s” · yours: “%(yours)s”")
            % {
                "field": field.verbose_name,
                "who": who,
                "theirs": display_value(field, _current(obj, field)),
                "yours": display_value(field, yours),
            }
        )
    return messages


def differs(field: models.Field, before, after) -> bool:
    """Whether a field's two stored values differ: a many-to-many one by the set of related
    ids (as strings, as django-reversion keeps them), any other by ``same_value``."""
    if field.many_to_many:
        return {str(pk) for pk in before or []} != {str(pk) for pk in after or []}
    return not same_value(before, after)


def same_value(before, after) -> bool:
    empty = (None, "")
    if before in empty and after in empty:
        return True
    if isinstance(before, str) and isinstance(after, str):
        # A browser sends a text's line breaks as \r\n: no change for that.
        return before.replace("\r\n", "\n") == after.replace("\r\n", "\n")
    return before == after


def display_value(field: models.Field, value) -> str:
    if value in (None, "", []):
        return "—"
    if field.many_to_many:
        return ", ".join(str(o) for o in field.related_model._base_manager.filter(pk__in=value))
    if field.is_relation:
        related = field.related_model._base_manager.filter(pk=value).first()
        return str(related) if related is not None else str(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, datetime.datetime):
        return formats.date_format(template_localtime(value), "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    return Truncator(str(value)).chars(VALUE_LENGTH)
