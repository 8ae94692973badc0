"""Language helpers for translated columns (see shared/notes/modeltranslation.md, traps 4 and 5)."""

from collections.abc import Mapping

from django.conf import settings
from django.db.models import F, Q, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import translation
from django.utils.translation import get_language

DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def active_language() -> str:
    language = get_language() or DEFAULT_LANGUAGE
    codes = {code for code, _name in settings.LANGUAGES}
    return language if language in codes else DEFAULT_LANGUAGE


def localized_text(field: str):
    """The active language's column, or the Spanish one where it is empty (as pages show it)."""
    language = active_language()
    if language == DEFAULT_LANGUAGE:
        return F(f"{field}_{DEFAULT_LANGUAGE}")
    return Coalesce(
        NullIf(f"{field}_{language}", Value("")),
        f"{field}_{DEFAULT_LANGUAGE}",
        output_field=TextField(),
    )


def localized_order(field: str):
    """Order by ``localized_text(field)``."""
    return localized_text(field).asc()


def slug_lookup(slug: str, *, path: str = "") -> Q:
    """Match an entry by its slug in the active language, or its Spanish slug if it has none.

    ``path`` reaches the slug through a relation, e.g. ``"partner__"``.
    """
    language = active_language()
    if language == DEFAULT_LANGUAGE:
        return Q(**{f"{path}slug_{DEFAULT_LANGUAGE}": slug})
    return Q(**{f"{path}slug_{language}": slug}) | Q(
        **{f"{path}slug_{language}__isnull": True, f"{path}slug_{DEFAULT_LANGUAGE}": slug}
    )


def address_slugs(slugs: Mapping[str, str | None]) -> dict[str, str]:
    """The slug of an entry's address in each language, from its slug columns (``slug_es``,
    ``slug_en``): its own, or the Spanish one while it has none, as ``slug_lookup`` finds it."""
    default = slugs[f"slug_{DEFAULT_LANGUAGE}"]
    return {code: slugs[f"slug_{code}"] or default for code, _name in settings.LANGUAGES}


def missing(field: str, language: str) -> Q:
    column = f"{field}_{language}"
    return Q(**{f"{column}__isnull": True}) | Q(**{column: ""})


def text_language(obj, field: str) -> str:
    """The language in which ``obj.<field>`` is actually shown: the active one, or Spanish."""
    language = active_language()
    if language != DEFAULT_LANGUAGE and not getattr(obj, f"{field}_{language}", None):
        return DEFAULT_LANGUAGE
    return language


def addresses_in_each_language(obj) -> dict[str, str]:
    """``obj``'s page address in each language, by language code."""
    urls = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls[code] = obj.get_absolute_url()
    return urls
