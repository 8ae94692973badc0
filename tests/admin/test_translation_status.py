"""Which texts lack English (cooperation/admin/translation_status.py)."""

import pytest

from cooperation import models
from cooperation.admin.translation_status import english_missing, english_missing_q
from tests import factories

pytestmark = pytest.mark.django_db


def test_english_missing_in_memory_and_in_the_database_agree():
    complete = factories.ProjectFactory()
    blank_body = factories.ProjectFactory(body_es="Texto", body_en="")
    no_spanish_either = factories.ProjectFactory(body_es="", body_en="")

    assert english_missing(complete) == []
    assert english_missing(blank_body) == ["body"]
    assert "body" not in english_missing(no_spanish_either)
    lacking = models.Project.objects.filter(english_missing_q(models.Project))
    assert set(lacking) == {
        p for p in (complete, blank_body, no_spanish_either) if english_missing(p)
    }
