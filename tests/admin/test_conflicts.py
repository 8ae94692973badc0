"""What a second editor is told (cooperation/admin/conflicts.py)."""

import pytest

from tests import factories
from tests.admin.helpers import (
    change_url,
    load_form,
)

pytestmark = pytest.mark.django_db


def test_second_editor_is_refused_and_told_what_changed(client, editor, publisher):
    program = factories.ProgramFactory(title_en="Global Compact", summary_es="Resumen")
    first, second = client, type(client)()
    first.force_login(editor)
    second.force_login(publisher)
    first_form = load_form(first, program)
    second_form = load_form(second, program)

    first_form.update(title_en=["UN Global Compact"])
    assert first.post(change_url(program), first_form).status_code == 302
    second_form.update(summary_es=["Otro resumen"])
    response = second.post(change_url(program, "en"), second_form)

    assert response.status_code == 200
    message = " ".join(response.context["adminform"].form.non_field_errors())
    assert "Edith Ramos" in message
    assert "“Global Compact” → “UN Global Compact”" in message
    assert "[en]" in message  # the changed field is named with its language
    program.refresh_from_db()
    assert program.title_en == "UN Global Compact"
    assert program.summary_es == "Resumen"
    assert program.version == 2
