import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import Q

from cooperation import models, seed_data

pytestmark = pytest.mark.django_db

TRANSLATED = {
    models.Partner: ["name"],
    models.Network: ["slug"],
    models.Program: ["title", "slug", "summary"],
    models.Project: ["title", "slug", "summary", "body"],
    models.Milestone: ["title"],
    models.Document: ["title"],
    models.Theme: ["name", "slug"],
    models.SustainableDevelopmentGoal: ["name"],
    models.CollaborationWay: ["title"],
}


def counts():
    return {model: model.objects.count() for model in [*TRANSLATED, models.Participation]}


def test_loads_everything_the_seed_page_names(seeded):
    assert models.Partner.objects.published().count() == len(seed_data.PARTNERS)
    assert models.Network.objects.count() == 5
    assert models.Program.objects.count() == len(seed_data.PROGRAMS)
    assert models.Project.objects.count() == len(seed_data.PROJECTS)
    assert models.SustainableDevelopmentGoal.objects.count() == 17
    assert models.CollaborationWay.objects.count() == 3
    for name in [
        "Pacto Global de las Naciones Unidas",
        "Red Argentina del Pacto Global",
        "Mercociudades",
        "Metropolis",
        "Unión Europea",
        "Comisión Europea",
        "Agencia de Cooperación Internacional del Japón",
        "Fundación Sol Naciente",
        "Universidad Nacional de Rosario",
        "Turín",
        "Río de Janeiro",
        "Belo Horizonte",
        "Santa Fe",
        "Pacto Global de Intendentes por el Clima y la Energía",
    ]:
        assert models.Partner.objects.filter(name_es=name).exists(), name


def test_every_entry_is_in_both_languages(seeded):
    for model, fields in TRANSLATED.items():
        for field in fields:
            for language in ("es", "en"):
                column = f"{field}_{language}"
                empty = model.objects.filter(Q(**{f"{column}__isnull": True}) | Q(**{column: ""}))
                assert not empty.exists(), f"{model.__name__}.{column} empty"


def test_metropolis_project_roles(seeded):
    project = models.Project.objects.get(slug_en="metropolitan-solid-waste-management")
    roles = {p.partner.name_en: p.role for p in project.participations.select_related("partner")}
    assert project.rosario_role == models.RosarioRole.LEAD
    assert roles == {
        "Metropolis": "funder",
        "Turin": "partner",
        "Rio de Janeiro": "partner",
        "Belo Horizonte": "partner",
        "Santa Fe": "collaborator",
        "National University of Rosario": "supporter",
    }
    assert (project.start_year, project.end_year) == (2021, 2023)


def test_facts_and_figures_of_the_page_are_in_both_languages(seeded):
    program = models.Program.objects.get(slug_es="pacto-global")
    for fragment in ["800", "20 provincias", "47 empresas", "2015-2017", "2017-2020",
                     "Pablo Javkin", "octubre de 2021"]:  # fmt: skip
        assert fragment in program.body_es, fragment
    for fragment in ["800", "20 provinces", "47 companies", "2015-2017", "2017-2020",
                     "Pablo Javkin", "October 2021"]:  # fmt: skip
        assert fragment in program.body_en, fragment
    milestone_years = sorted(set(models.Milestone.objects.values_list("date__year", flat=True)))
    assert milestone_years == [2014, 2015, 2018, 2020, 2021]
    kccp = models.Project.objects.get(slug_en="kccp-trainings-in-japan")
    assert "Gestión Integral de Residuos" in kccp.body_es
    assert "Urban Management for a Sustainable Urban Development" in kccp.body_en
    volunteers = models.Project.objects.get(slug_en="expert-volunteers-in-risk-management")
    assert "Defensa Civil" in volunteers.body_es


def test_spanish_texts_contain_no_english_sentences(seeded):
    english_words = re.compile(r"\b(the|and|with|of|for|Program|Network|Project)\b")
    for model, fields in TRANSLATED.items():
        for obj in model.objects.all():
            for field in fields:
                if field == "slug":
                    continue
                text = getattr(obj, f"{field}_es")
                match = english_words.search(text)
                assert match is None, f"{model.__name__} {obj.pk} {field}_es: {text}"


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


def test_an_existing_row_with_the_same_slug_is_adopted_not_duplicated(db):
    models.Partner.objects.create(
        name_es="Turín (cargada a mano)", slug_es="turin", kind="city", publication="published"
    )
    call_command("load_seed", verbosity=0)
    assert models.Partner.objects.filter(slug_es="turin").get().name_es == "Turín (cargada a mano)"


def test_contact_settings_default_to_munibot(seeded):
    contact = models.ContactSettings.load()
    assert contact.whatsapp_number == "5493415440147"
    assert "{page}" in contact.whatsapp_message_es
    assert "{page}" in contact.whatsapp_message_en


# Places for the map ----------------------------------------------------------------------

PLACED = {
    "turin": ("Turín", "Turin", "45.0703", "7.6869"),
    "rio-de-janeiro": ("Río de Janeiro", "Rio de Janeiro", "-22.9068", "-43.1729"),
    "belo-horizonte": ("Belo Horizonte", "Belo Horizonte", "-19.9167", "-43.9345"),
    "santa-fe": ("Santa Fe", "Santa Fe", "-31.6333", "-60.7000"),
    "universidad-nacional-de-rosario": ("Rosario", "Rosario", "-32.9468", "-60.6393"),
}


def place_of(partner) -> tuple:
    return (partner.city_es, partner.city_en, str(partner.latitude), str(partner.longitude))


def test_only_the_places_the_seed_page_names_get_coordinates(seeded):
    located = models.Partner.objects.exclude(latitude=None)
    assert {partner.slug_es: place_of(partner) for partner in located} == {
        slug: (city_es, city_en, f"{Decimal(lat):.6f}", f"{Decimal(lon):.6f}")
        for slug, (city_es, city_en, lat, lon) in PLACED.items()
    }
    assert not [p for p in models.Partner.objects.filter(latitude=None) if p.city_es or p.city_en]


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
