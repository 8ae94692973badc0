"""Saving without overwriting anyone (cooperation/services.py)."""

import threading
import time

import pytest
from django.db import connection, connections, transaction

from cooperation import models
from cooperation.services import EditConflict, version_claim
from tests import factories


@pytest.mark.django_db
def test_version_claim_lets_one_of_two_saves_through():
    project = factories.ProjectFactory()
    first = models.Project.objects.get(pk=project.pk)
    second = models.Project.objects.get(pk=project.pk)
    version_claim(first, expected=1)
    assert first.version == 2
    with pytest.raises(EditConflict):
        version_claim(second, expected=1)
    assert models.Project.objects.get(pk=project.pk).version == 2


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs two concurrent transactions (PostgreSQL)"
)
@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_claims_cannot_both_win():
    project = factories.ProjectFactory()
    first_claimed, outcome = threading.Event(), {}

    def second_editor():
        try:
            with transaction.atomic():
                first_claimed.wait(5)
                version_claim(models.Project.objects.get(pk=project.pk), expected=1)
            outcome["second"] = "saved"
        except EditConflict:
            outcome["second"] = "refused"
        finally:
            connections.close_all()

    thread = threading.Thread(target=second_editor)
    thread.start()
    with transaction.atomic():
        version_claim(models.Project.objects.get(pk=project.pk), expected=1)
        first_claimed.set()
        time.sleep(0.3)  # the second editor's UPDATE now waits on this row's lock
    thread.join(10)

    assert outcome == {"second": "refused"}
    assert models.Project.objects.get(pk=project.pk).version == 2
