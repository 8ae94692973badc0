"""The committed translation catalogues: compiled files up to date, every string translated."""

from pathlib import Path

import polib
import pytest
from django.conf import settings

LOCALE = Path(settings.BASE_DIR) / "locale"


def entries(catalogue) -> dict:
    return {(entry.msgctxt, entry.msgid): entry.msgstr for entry in catalogue if entry.msgstr}


@pytest.mark.parametrize(
    ("language", "domain"), [("es", "django"), ("en", "django"), ("es", "djangojs")]
)
def test_compiled_catalogue_matches_its_po_file(language, domain):
    po = polib.pofile(str(LOCALE / language / "LC_MESSAGES" / f"{domain}.po"))
    mo = polib.mofile(str(LOCALE / language / "LC_MESSAGES" / f"{domain}.mo"))
    assert entries(po.translated_entries()) == entries(mo), "run `make messages`"


def test_every_spanish_string_is_translated():
    po = polib.pofile(str(LOCALE / "es" / "LC_MESSAGES" / "django.po"))
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert untranslated == []
    assert fuzzy == []
