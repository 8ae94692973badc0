"""Which translated fields of an entry have Spanish text but no English yet."""

from django.conf import settings
from django.db.models import Model, Q
from modeltranslation.translator import translator

from cooperation.i18n import DEFAULT_LANGUAGE, missing

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
