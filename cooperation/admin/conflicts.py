"""What the second editor is told: who saved the entry since their form was loaded, when, and
what they changed (from the history django-reversion keeps), so that they can apply their own
change again on top of it. ``ContentAdminForm`` (``forms.py``) refuses the stale save.
"""

import datetime

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
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


def refuse_if_stale(obj: models.Model, loaded: int | None) -> None:
    """Raise a ValidationError telling what changed when the stored ``obj`` is no longer at
    version ``loaded``, the one the form was loaded with."""
    if obj._state.adding or loaded is None or loaded == obj.version:
        return
    raise ValidationError(conflict_messages(obj, loaded), code="edit_conflict")


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


def changes_since(obj: models.Model, loaded: int) -> list[tuple[str, str, str]] | None:
    """(field label, value then, value now) for each field changed since version ``loaded``.

    None when that version is not in the entry's history.
    """
    if not is_registered(type(obj)):
        return None
    history = Version.objects.get_for_object(obj)[:HISTORY_LOOKBACK]
    started = next((v for v in history if v.field_dict.get("version") == loaded), None)
    if started is None:
        return None
    changes = []
    for field in compared_fields(type(obj)):
        before = started.field_dict.get(field.attname)
        if field.many_to_many:
            after = [related.pk for related in getattr(obj, field.name).all()]
            if {str(pk) for pk in before or []} == {str(pk) for pk in after}:
                continue
        else:
            after = getattr(obj, field.attname)
            if _same(before, after):
                continue
        changes.append((str(field.verbose_name), _display(field, before), _display(field, after)))
    return changes


def _same(before, after) -> bool:
    empty = (None, "")
    if before in empty and after in empty:
        return True
    return before == after


def _display(field: models.Field, value) -> str:
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
