"""An entry's history as staff read it: each change in their language, and two versions
compared field by field.

The admin log stores what a save changed as JSON, with the form's labels in no language
("Title [en]"): Django translates only the words around them. The history shows them as the
admin's forms would in the reader's language ("Título [inglés]"), whenever it is read.
"""

import json
from functools import cache

from django.apps import apps
from django.conf import settings
from django.contrib.admin.models import LogEntry
from django.db import models
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext, pgettext
from reversion.models import Version

from .conflicts import compared_fields, differs, display_value


def field_label(field: models.Field) -> str:
    """The field's name in the active language, with the language of a translated column
    spelt out: "Título [inglés]"."""
    original = getattr(field, "translated_field", None)
    if original is None:
        return capfirst(str(field.verbose_name))
    return gettext("%(field)s [%(language)s]") % {
        "field": capfirst(str(original.verbose_name)),
        "language": _language_name(field.language),
    }


def _language_name(code: str) -> str:
    """The language's name as it reads inside a label ("inglés", lower case in Spanish)."""
    name = dict(settings.LANGUAGES)[code]
    with translation.override(None):
        english = str(name)
    return pgettext("inside a field label", english)


@cache
def _stored_labels(model: type[models.Model]) -> dict[str, models.Field]:
    """The labels the admin log stores for ``model``'s fields (untranslated), to the field."""
    fields = [*model._meta.concrete_fields, *model._meta.many_to_many]
    with translation.override(None):
        return {capfirst(str(field.verbose_name)): field for field in fields}


@cache
def _model_named(name: str) -> type[models.Model] | None:
    """The cooperation model whose untranslated verbose name is ``name`` (an inline's)."""
    with translation.override(None):
        return next(
            (
                model
                for model in apps.get_app_config("cooperation").get_models()
                if str(model._meta.verbose_name) == name
            ),
            None,
        )


def change_message_text(message: str, model: type[models.Model]) -> str:
    """A change as the history shows it, in the active language: the admin log's JSON with
    each field named as in the forms; any other text (an older comment, a restore) as is."""
    if not message.startswith("["):
        return message
    try:
        parts = json.loads(message)
    except ValueError:
        return message
    for part in parts:
        details = part.get("changed") if isinstance(part, dict) else None
        if not details or "fields" not in details:
            continue
        subject = _model_named(details["name"]) if "name" in details else model
        labels = _stored_labels(subject) if subject is not None else {}
        details["fields"] = [
            field_label(labels[label]) if label in labels else label for label in details["fields"]
        ]
    return LogEntry(change_message=json.dumps(parts)).get_change_message()


def versions_compared(older: Version, newer: Version) -> list[tuple[str, str, str]]:
    """(field, value in ``older``, value in ``newer``) for each field of the entry that
    differs between the two versions, each language's column apart."""
    model = older._model
    rows = []
    for field in compared_fields(model):
        before = older.field_dict.get(field.attname)
        after = newer.field_dict.get(field.attname)
        if not differs(field, before, after):
            continue
        rows.append((field_label(field), display_value(field, before), display_value(field, after)))
    return rows
