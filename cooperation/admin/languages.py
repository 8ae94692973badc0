"""Each translated field's languages side by side in the admin's forms.

modeltranslation gives every language its own form field (``title_es``, ``title_en``), one
under the other. Here each such form field learns what it translates and in which language,
and the fieldsets put a field's languages on one line; ``templates/admin/includes/
fieldset.html`` renders that line as one column per language, under the field's name, and
``static/css/admin.css`` lays the columns out (stacked on narrow screens).
"""

from collections.abc import Iterable

from django.conf import settings
from django.utils.text import capfirst
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname

LANGUAGE_NAMES = dict(settings.LANGUAGES)


def mark_translation(db_field, formfield) -> None:
    """Tell the form field of one language's column what it translates, and the language."""
    original = getattr(db_field, "translated_field", None)
    if original is None or formfield is None:
        return
    formfield.translation_of = capfirst(original.verbose_name)
    formfield.language_name = capfirst(LANGUAGE_NAMES[db_field.language])


def side_by_side(fieldsets: Iterable, model) -> list:
    """The fieldsets with each translated field's language columns on one line."""
    columns = {
        build_localized_fieldname(name, code): name
        for name in translator.get_options_for_model(model).all_fields
        for code in LANGUAGE_NAMES
    }

    def pair(fields) -> list:
        lines: list = []
        for field in fields:
            original = columns.get(field) if isinstance(field, str) else None
            previous = lines[-1] if lines else None
            if original and isinstance(previous, list) and columns.get(previous[0]) == original:
                previous.append(field)
            else:
                lines.append([field] if original else field)
        return [
            (tuple(line) if len(line) > 1 else line[0]) if isinstance(line, list) else line
            for line in lines
        ]

    return [
        (name, {**options, "fields": pair(options.get("fields", ()))})
        for name, options in fieldsets
    ]
