"""The rows of an open form that someone else deleted meanwhile.

An entry's form lists its participations, milestones and documents as they were when it was
loaded. A row deleted since (from its own page, by someone else) would fail the formset's
hidden ``id`` check, an error with nothing to show: the save would be refused again and
again. Instead the row is taken out of the submitted form, the rest is saved, and the editor
is told which row went and what they had typed in it.
"""

from django.db import models
from django.http import QueryDict
from django.utils.translation import gettext
from reversion.models import Version

# Submitted with every row, not typed by the editor.
BOOKKEEPING = {"id", "version", "DELETE", "program", "project"}


def without_vanished_rows(
    data: QueryDict, files, prefix: str, model: type[models.Model]
) -> tuple[QueryDict, object, list[str]]:
    """``data`` and ``files`` less the rows of ``prefix`` whose object no longer exists (the
    rows after them renumbered), and a message for each such row the editor did not mean to
    delete."""
    try:
        total = int(data.get(f"{prefix}-TOTAL_FORMS", ""))
        initial = int(data.get(f"{prefix}-INITIAL_FORMS", ""))
    except ValueError:
        return data, files, []  # The formset reports a broken management form itself.
    posted = {i: data.get(f"{prefix}-{i}-id") for i in range(initial)}
    pks = [pk for pk in posted.values() if pk and pk.isdigit()]
    existing = {
        str(pk) for pk in model._base_manager.filter(pk__in=pks).values_list("pk", flat=True)
    }
    vanished = [i for i, pk in posted.items() if pk and pk.isdigit() and pk not in existing]
    if not vanished:
        return data, files, []

    notes = [
        _vanished_note(model, posted[i], _row_values(data, prefix, i))
        for i in vanished
        if not data.get(f"{prefix}-{i}-DELETE")
    ]
    kept = [i for i in range(total) if i not in vanished]
    data = _renumbered(data, prefix, kept)
    data[f"{prefix}-TOTAL_FORMS"] = str(len(kept))
    data[f"{prefix}-INITIAL_FORMS"] = str(initial - len(vanished))
    if files:
        files = _renumbered(files, prefix, kept)
    return data, files, notes


def _row_values(data: QueryDict, prefix: str, index: int) -> dict[str, str]:
    start = f"{prefix}-{index}-"
    return {key.removeprefix(start): data.get(key) for key in data if key.startswith(start)}


def _renumbered(data, prefix: str, kept: list[int]):
    """A copy of ``data`` keeping the rows ``kept`` of ``prefix``, numbered from 0."""
    renumbered = QueryDict(mutable=True) if isinstance(data, QueryDict) else type(data)()
    new_index = {old: new for new, old in enumerate(kept)}
    for key in data:
        values = data.getlist(key)
        parts = key.split("-", 2)
        if len(parts) == 3 and parts[0] == prefix and parts[1].isdigit():
            old = int(parts[1])
            if old not in new_index:
                continue
            key = f"{prefix}-{new_index[old]}-{parts[2]}"
        renumbered.setlist(key, values)
    return renumbered


def _vanished_note(model: type[models.Model], pk: str, typed: dict[str, str]) -> str:
    last = Version.objects.get_deleted(model).filter(object_id=pk).first()
    name = last.object_repr if last is not None else f"#{pk}"
    message = gettext(
        "Someone else deleted the %(kind)s “%(row)s” while you were editing: it is no longer "
        "in the form and was not saved; everything else was. It can be brought back from "
        "“Recover deleted %(kinds)s”."
    ) % {
        "kind": model._meta.verbose_name,
        "row": name,
        "kinds": model._meta.verbose_name_plural,
    }
    stored = last.field_dict if last is not None else {}
    changed = [
        (field, value)
        for field, value in typed.items()
        if field not in BOOKKEEPING and value and _differs(model, field, value, stored)
    ]
    if changed:
        message += " " + gettext("What you had typed in it: %(values)s.") % {
            "values": "; ".join(f"{_label(model, field)}: “{value}”" for field, value in changed)
        }
    return message


def _differs(model: type[models.Model], name: str, typed: str, stored: dict) -> bool:
    """Whether what was typed differs from the stored value (compared as the field's values:
    a date typed as 01/03/2021 is the stored 2021-03-01)."""
    try:
        field = model._meta.get_field(name)
        return field.formfield().clean(typed) != field.to_python(stored.get(field.attname))
    except Exception:  # not a field of its own, or not valid: shown as typed
        return str(stored.get(name, "")) != typed


def _label(model: type[models.Model], name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:  # a language column (title_en) or a widget's part (date_0)
        base = name.rsplit("_", 1)[0]
        try:
            return f"{model._meta.get_field(base).verbose_name} [{name.rsplit('_', 1)[1]}]"
        except Exception:
            return name
