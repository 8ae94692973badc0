"""The seed loader: idempotent, keeps staff edits and deletions, adopts natural keys, fills
places on partners loaded before."""

import datetime
from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import call_command

from cooperation import models
from cooperation.seed.loader import SeedLoader, _revised_records
from tests.seed.test_content import PLACED, TRANSLATED

pytestmark = pytest.mark.django_db


def counts():
    return {model: model.objects.count() for model in [*TRANSLATED, models.Participation]}


def test_running_twice_changes_nothing(seeded):
    before = counts()
    call_command("load_seed", verbosity=0)
    assert counts() == before


def test_staff_edits_and_deletions_survive_a_second_run(seeded):
    program = models.Program.objects.get(slug_es="pacto-global")
    program.title_en = "Global Compact (edited by staff)"
    program.save()
    contact = models.ContactSettings.load()
    contact.whatsapp_number = "5493410000000"
    contact.save()
    models.Milestone.objects.filter(title_en__startswith="Rosario is selected").delete()
    call_command("load_seed", verbosity=0)
    program.refresh_from_db()
    assert program.title_en == "Global Compact (edited by staff)"
    assert models.ContactSettings.load().whatsapp_number == "5493410000000"
    assert not models.Milestone.objects.filter(title_en__startswith="Rosario is selected").exists()


def test_the_command_says_what_it_added(seeded):
    output = StringIO()
    call_command("load_seed", stdout=output)
    assert "Seed content loaded: 0 new entries." in output.getvalue()
    models.Partner.objects.filter(slug_es="turin").update(city_en="")
    output = StringIO()
    call_command("load_seed", stdout=output)
    assert "Places added to 1 partners loaded before." in output.getvalue()


def test_an_existing_row_with_the_same_slug_is_adopted_not_duplicated(db):
    models.Partner.objects.create(
        name_es="Turín (cargada a mano)", slug_es="turin", kind="city", publication="published"
    )
    call_command("load_seed", verbosity=0)
    assert models.Partner.objects.filter(slug_es="turin").get().name_es == "Turín (cargada a mano)"


def forget_places(**kwargs):
    """As a database loaded before the places were added to the seed."""
    models.Partner.objects.update(city_es="", city_en="", latitude=None, longitude=None, **kwargs)


def test_places_are_filled_on_partners_loaded_before(seeded):
    forget_places()
    call_command("load_seed", verbosity=0)
    located = models.Partner.objects.exclude(latitude=None)
    assert sorted(located.values_list("slug_es", flat=True)) == sorted(PLACED)
    assert located.get(slug_es="turin").city_en == "Turin"
    # Idempotent: a third run changes nothing.
    before = list(models.Partner.objects.values().order_by("pk"))
    call_command("load_seed", verbosity=0)
    assert list(models.Partner.objects.values().order_by("pk")) == before


def test_places_never_overwrite_what_staff_wrote(seeded):
    forget_places()
    turin = models.Partner.objects.get(slug_es="turin")
    turin.city_es, turin.latitude, turin.longitude = "Torino", Decimal("45.1"), Decimal("7.7")
    turin.save()
    rio = models.Partner.objects.get(slug_es="rio-de-janeiro")
    rio.city_en = "Rio"
    rio.save()
    call_command("load_seed", verbosity=0)
    turin.refresh_from_db()
    rio.refresh_from_db()
    assert (turin.city_es, turin.city_en) == ("Torino", "Turin")
    assert (turin.latitude, turin.longitude) == (Decimal("45.1"), Decimal("7.7"))
    assert (rio.city_es, rio.city_en) == ("Río de Janeiro", "Rio")
    assert rio.latitude == Decimal("-22.9068")


# Revising what an earlier seed stated ---------------------------------------------------------


def as_loaded_by_the_earlier_seed() -> None:
    """Put back what the earlier seed stated (each record's ``was``), without sources."""
    loader = SeedLoader()
    for key, item in _revised_records():
        obj = loader.get(key)
        if item.get("was") and obj is not None:
            for name, old in item["was"].items():
                setattr(obj, name, old)
            obj.save()
    models.Source.objects.all().delete()


def revise() -> str:
    output = StringIO()
    call_command("load_seed", "--revise", stdout=output)
    return output.getvalue()


def test_revise_applies_the_corrections_staff_have_not_made_or_undone(seeded):
    as_loaded_by_the_earlier_seed()
    waste = models.Project.objects.get(slug_es="gestion-metropolitana-de-residuos-solidos")
    assert (waste.end_year, waste.status) == (2023, "completed")
    version = waste.version
    output = revise()
    waste.refresh_from_db()
    assert (waste.end_year, waste.status, waste.version) == (None, "", version + 1)
    assert "Changed project:metropolis-waste: end_year 2023 -> None" in output
    assert "Skipped" not in output
    jica = models.Partner.objects.get(slug_es="jica")
    assert jica.kind == models.PartnerKind.AGENCY
    ecologistics = models.Project.objects.get(slug_es="ecologistics")
    assert ecologistics.status_confirmed_on == datetime.date(2022, 1, 1)
    assert not models.Participation.objects.filter(role="lead").exists()
    assert (
        models.Network.objects.get(slug_es="iclei").rosario_role_es == "Participa en dos proyectos"
    )
    # Every loaded entry cites the city's page again, and nothing was duplicated.
    assert "the city's page cited by" in output
    for model in (models.Program, models.Project, models.Partner, models.Network):
        assert all(obj.sources.count() == 1 for obj in model.objects.all())
    before = counts()
    assert "Seed revised: 0 fields changed, 0 skipped" in revise()
    assert counts() == before


def test_revise_keeps_what_staff_changed_and_says_so(seeded):
    as_loaded_by_the_earlier_seed()
    heat = models.Project.objects.get(slug_es="islas-de-calor-urbano")
    heat.status = models.CooperationStatus.COMPLETED  # staff know better than the seed
    heat.save()
    models.Network.objects.filter(slug_es="mercociudades").update(rosario_role_es="Miembro pleno")
    output = revise()
    heat.refresh_from_db()
    assert heat.status == models.CooperationStatus.COMPLETED
    assert (
        "Skipped project:urban-heat-islands: status changed by staff ('completed'), kept" in output
    )
    assert "Skipped network:mercocities: rosario_role_es changed by staff" in output
    mercocities = models.Network.objects.get(slug_es="mercociudades")
    assert mercocities.rosario_role_es == "Miembro pleno"
    # The English field staff did not touch is revised on its own.
    assert mercocities.rosario_role_en == (
        "Coordinates a project of the South-South Cooperation Program"
    )


def test_a_fresh_load_needs_no_revision(seeded):
    assert "Seed revised: 0 fields changed, 0 skipped" in revise()
