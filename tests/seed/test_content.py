"""The seed content: what the city's page names, in both languages, as keyed records.

The records themselves are checked first (no database); then what the loader makes of them.
"""

import re
from decimal import Decimal

import pytest
from django.db.models import Q

from cooperation import models
from cooperation.seed import content

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


# The records ------------------------------------------------------------------------------

MODELS = {
    "WAYS": models.CollaborationWay,
    "SDGS": models.SustainableDevelopmentGoal,
    "THEMES": models.Theme,
    "PARTNERS": models.Partner,
    "NETWORKS": models.Network,
    "PROGRAMS": models.Program,
    "PROJECTS": models.Project,
}
# What identifies each record: an SDG its number, every other record a key of its own.
IDENTIFIERS = {name: "number" if name == "SDGS" else "key" for name in MODELS}
# The names a record may hold besides its model's fields: its key and references by key.
# Besides, any record may say where its facts come from ("source") and what an earlier seed
# stated ("was", for ``load_seed --revise``).
NOTES = {"source", "was"}
ENTRY_NAMES = {"key", "themes", "sdgs", "participations", "milestones", "documents", *NOTES}
OTHER_NAMES = {
    "SDGS": set(),
    "NETWORKS": {"key", "organization", *NOTES},
    "PROGRAMS": ENTRY_NAMES | {"parent", "network"},
    "PROJECTS": ENTRY_NAMES | {"program"},
}
ROWS = {
    "participations": {"partner", "role", "note_es", "note_en"},
    "milestones": {"date", "date_precision", "title_es", "title_en"},
    "documents": {"date", "date_precision", "title_es", "title_en"},
}


def identifiers(name: str) -> list:
    return [record[IDENTIFIERS[name]] for record in getattr(content, name)]


@pytest.mark.parametrize("name", list(MODELS))
def test_every_record_names_its_fields(name):
    """Keyed records, not positional tuples: each name is a model field or a reference."""
    fields = {field.name for field in MODELS[name]._meta.get_fields() if field.concrete}
    allowed = fields | OTHER_NAMES.get(name, {"key", *NOTES})
    for record in getattr(content, name):
        assert isinstance(record, dict), record
        assert set(record) <= allowed, set(record) - allowed


@pytest.mark.parametrize("name", list(MODELS))
def test_every_record_is_identified_once(name):
    assert len(set(identifiers(name))) == len(getattr(content, name))


def test_references_name_records_that_exist():
    known = {
        "network": set(identifiers("NETWORKS")),
        "parent": set(identifiers("PROGRAMS")),
        "program": set(identifiers("PROGRAMS")),
    }
    partners, themes, sdgs = (set(identifiers(name)) for name in ("PARTNERS", "THEMES", "SDGS"))
    assert sdgs == set(range(1, 18))
    assert {network["organization"] for network in content.NETWORKS} <= partners
    for entry in [*content.PROGRAMS, *content.PROJECTS]:
        for name, records in known.items():
            if name in entry:
                assert entry[name] in records, (entry["key"], name)
        assert set(entry.get("themes", [])) <= themes, entry["key"]
        assert set(entry.get("sdgs", [])) <= sdgs, entry["key"]
        for kind, names in ROWS.items():
            for row in entry.get(kind, []):
                assert set(row) - NOTES == names, (entry["key"], kind, row)
        for participation in entry.get("participations", []):
            assert participation["partner"] in partners, entry["key"]


# What must say where it comes from: a status, a role, a date, a membership.
CLAIMS = {
    "PROGRAMS": ("status", "status_confirmed_on", "rosario_role", "start_year", "end_year"),
    "PROJECTS": ("status", "status_confirmed_on", "rosario_role", "start_year", "end_year"),
    "NETWORKS": ("rosario_role_es", "rosario_role_en", "member_since"),
    "participations": ("role",),
    "milestones": ("date",),
    "documents": ("date",),
}


def records_with_claims():
    for name in ("PROGRAMS", "PROJECTS", "NETWORKS"):
        for record in getattr(content, name):
            yield name, record["key"], name, record
            for kind in ("participations", "milestones", "documents"):
                for row in record.get(kind, []):
                    yield name, record["key"], kind, row


def test_every_status_role_date_and_membership_says_where_it_comes_from():
    unsourced = [
        (name, key, kind, [field for field in CLAIMS[kind] if row.get(field)])
        for name, key, kind, row in records_with_claims()
        if any(row.get(field) for field in CLAIMS[kind])
        and not str(row.get("source", "")).startswith("seed: ")
    ]
    assert unsourced == []


def test_the_checker_catches_a_claim_without_a_source(monkeypatch):
    unsourced = {"key": "x", "program": "jica", "status": "active", "slug_es": "x"}
    monkeypatch.setattr(content, "PROJECTS", [*content.PROJECTS, unsourced])
    with pytest.raises(AssertionError):
        test_every_status_role_date_and_membership_says_where_it_comes_from()


def test_no_status_is_stated_but_the_one_the_seed_gives():
    """The seed gives no current status, but that Ecologistics was part of the planning when
    the page was written: ongoing, as of 2022."""
    stated = {
        record["key"]: (record.get("status"), record.get("status_confirmed_on"))
        for record in [*content.PROGRAMS, *content.PROJECTS]
        if record.get("status")
    }
    assert stated == {"ecologistics": ("active", "2022-01-01")}


def test_what_an_earlier_seed_stated_names_fields_that_exist():
    for _name, key, kind, row in records_with_claims():
        model = {
            "PROGRAMS": models.Program,
            "PROJECTS": models.Project,
            "NETWORKS": models.Network,
            "participations": models.Participation,
            "milestones": models.Milestone,
            "documents": models.Document,
        }[kind]
        fields = {field.name for field in model._meta.get_fields() if field.concrete}
        assert set(row.get("was", {})) <= fields, (key, kind)


def test_a_subprogram_comes_after_its_parent():
    """The loader makes the programs in order: a parent must be made before its subprogram."""
    made = set()
    for program in content.PROGRAMS:
        if "parent" in program:
            assert program["parent"] in made, program["key"]
        made.add(program["key"])


# What the loader makes of them -----------------------------------------------------------


def test_loads_everything_the_seed_page_names(seeded):
    assert models.Partner.objects.published().count() == len(content.PARTNERS)
    assert models.Network.objects.count() == 5
    assert models.Program.objects.count() == len(content.PROGRAMS)
    assert models.Project.objects.count() == len(content.PROJECTS)
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
    # The seed gives only the call's period (2021-2023), not the end of the project.
    assert (project.start_year, project.end_year) == (2021, None)


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


def test_every_entry_cites_the_citys_page(seeded):
    for model in (models.Program, models.Project, models.Partner, models.Network):
        for obj in model.objects.prefetch_related("sources"):
            titles = [(s.title_es, s.title_en, s.url) for s in obj.sources.all()]
            assert titles == [
                (
                    "Cooperación internacional - Municipalidad de Rosario",
                    "International cooperation - City of Rosario",
                    # No address is given with the seed page: none is invented.
                    "",
                )
            ], obj
