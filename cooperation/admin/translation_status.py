"""Which translated fields of an entry have Spanish text but no English yet, and how many of
its rows (participations, milestones, documents) still lack English."""

from django.conf import settings
from django.db.models import Model, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.translator import translator

from cooperation.i18n import DEFAULT_LANGUAGE, missing
from cooperation.models import AttachedToEntry, Participation

TRANSLATION_LANGUAGE = next(code for code, _name in settings.LANGUAGES if code != DEFAULT_LANGUAGE)


def translated_fields(model: type[Model]) -> list[str]:
    return list(translator.get_options_for_model(model).all_fields)


def english_missing(obj: Model) -> list[str]:
    """The translated fields that are written in Spanish but not in English."""
    return [
        name
        for name in translated_fields(type(obj))
        if getattr(obj, f"{name}_{DEFAULT_LANGUAGE}", None)
        and not getattr(obj, f"{name}_{TRANSLATION_LANGUAGE}", None)
    ]


def english_missing_q(model: type[Model]) -> Q:
    """The same as ``english_missing`` as a database condition: some field lacks English."""
    condition = Q(pk__in=[])
    for name in translated_fields(model):
        # A translation column is empty when it is NULL or "".
        condition |= ~missing(name, DEFAULT_LANGUAGE) & missing(name, TRANSLATION_LANGUAGE)
    return condition


def rows_missing_english(obj: Model) -> list[tuple[type[Model], int]]:
    """The entry's own rows that lack English somewhere: each kind, with how many (one query
    per kind of row)."""
    counts = []
    for relation in obj._meta.related_objects:
        model = relation.related_model
        if not (relation.one_to_many and issubclass(model, AttachedToEntry)):
            continue
        rows = model._base_manager.filter(**{relation.field.name: obj})
        if count := rows.filter(english_missing_q(model)).count():
            counts.append((model, count))
    return counts


def english_missing_summary(obj: Model) -> str:
    """What of the entry lacks English, as one phrase: "description, 2 milestones, 1 document"
    (empty when nothing does)."""
    parts = [str(obj._meta.get_field(name).verbose_name) for name in english_missing(obj)]
    for model, count in rows_missing_english(obj):
        if model is Participation:
            # Of a participation, only its note is translated.
            phrase = ngettext("%(count)d participant note", "%(count)d participant notes", count)
            parts.append(phrase % {"count": count})
        else:
            opts = model._meta
            parts.append(f"{count} {opts.verbose_name if count == 1 else opts.verbose_name_plural}")
    return ", ".join(parts)


MISSING_IN_ENGLISH = _("Missing in English: %(items)s.")
