"""The CSV and JSON tables: every published entry, no draft, both languages, stable columns."""

import csv
import io
import json

import pytest

from cooperation import models
from cooperation.opendata import datasets, selectors
from tests import factories
from tests.helpers import url_in

pytestmark = pytest.mark.django_db

DATASETS = ["programs", "projects", "partners", "networks", "participations"]


def get_csv(client, dataset: str, language: str = "es") -> list[dict]:
    response = client.get(url_in(language, "cooperation:open_data_csv", dataset=dataset))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="rosario-cooperation-{dataset}.csv"'
    )
    assert not response.content.startswith(b"\xef\xbb\xbf"), "no byte order mark"
    reader = csv.DictReader(io.StringIO(response.content.decode("utf-8"), newline=""))
    assert reader.fieldnames == datasets.DATASETS[dataset].column_names
    return list(reader)


def get_json(client, dataset: str, language: str = "es") -> dict:
    response = client.get(url_in(language, "cooperation:open_data_json", dataset=dataset))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == (
        f'attachment; filename="rosario-cooperation-{dataset}.json"'
    )
    data = json.loads(response.content.decode("utf-8"))
    assert data["dataset"] == dataset
    assert data["columns"] == datasets.DATASETS[dataset].column_names
    assert all(list(item) == data["columns"] for item in data["items"])
    return data


def published_ids(dataset: str) -> set[int]:
    querysets = {
        "programs": models.Program.objects.published(),
        "projects": models.Project.objects.published(),
        "partners": models.Partner.objects.published(),
        "networks": models.Network.objects.published(),
        "participations": selectors.open_data_participation_list(),
    }
    return set(querysets[dataset].values_list("pk", flat=True))


def make_drafts() -> dict[str, object]:
    """One draft (or an entry hidden by a draft) of each kind, next to published ones."""
    published_program = factories.ProgramFactory(title_es="Programa publicado")
    draft_program = factories.ProgramFactory(
        title_es="Programa borrador", publication=models.PublicationStatus.DRAFT
    )
    draft_partner = factories.PartnerFactory(
        name_es="Socio borrador", publication=models.PublicationStatus.DRAFT
    )
    return {
        "programs": draft_program,
        "projects": factories.ProjectFactory(
            title_es="Proyecto borrador", publication=models.PublicationStatus.DRAFT
        ),
        "project of a draft program": factories.ProjectFactory(
            title_es="Proyecto de un programa borrador", program=draft_program
        ),
        "partners": draft_partner,
        "networks": factories.NetworkFactory(publication=models.PublicationStatus.DRAFT),
        "participations": factories.ParticipationFactory(
            partner=draft_partner, project__program=published_program
        ),
        "participation in a draft project": factories.ParticipationFactory(
            project__publication=models.PublicationStatus.DRAFT
        ),
    }


@pytest.mark.parametrize("dataset", DATASETS)
def test_csv_round_trip_has_every_published_entry(client, seeded, dataset):
    rows = get_csv(client, dataset)
    assert {int(row["id"]) for row in rows} == published_ids(dataset)
    assert len(rows) == len(published_ids(dataset))


@pytest.mark.parametrize("dataset", DATASETS)
def test_json_round_trip_has_every_published_entry(client, seeded, dataset):
    data = get_json(client, dataset)
    assert {item["id"] for item in data["items"]} == published_ids(dataset)
    assert data["license"] == {
        "name": "CC BY 4.0",
        "url": "https://creativecommons.org/licenses/by/4.0/",
    }
    assert data["documentation"] == "http://testserver" + url_in("es", "cooperation:open_data")


@pytest.mark.parametrize("dataset", DATASETS)
def test_drafts_are_in_no_download(client, db, dataset):
    # "projects" also names the project of a draft program, and so on.
    hidden = {obj.pk for key, obj in make_drafts().items() if key.startswith(dataset[:-1])}
    csv_ids = {int(row["id"]) for row in get_csv(client, dataset)}
    json_ids = {item["id"] for item in get_json(client, dataset)["items"]}
    assert csv_ids == json_ids == published_ids(dataset)
    assert hidden and not hidden & csv_ids
    for language in ("es", "en"):
        content = client.get(
            url_in(language, "cooperation:open_data_csv", dataset=dataset)
        ).content.decode()
        assert "borrador" not in content


def test_both_languages_in_stable_columns(client, seeded):
    (row,) = [row for row in get_csv(client, "programs", "en") if row["slug_es"] == "pacto-global"]
    assert row["title_es"] == "Pacto Global"
    assert row["title_en"] == "Global Compact"
    assert row["url_es"] == "http://testserver/es/programas/pacto-global/"
    assert row["url_en"] == "http://testserver/en/programs/global-compact/"
    assert row["status"] == ""  # not published: the seed states no status
    assert row["sdgs"] == "8|13|16|17"
    assert row["iati_identifier"] == f"AR-ROSARIO-program-{row['id']}"
    # The same file, whichever language prefix it is downloaded under.
    assert get_csv(client, "programs", "es") == get_csv(client, "programs", "en")


def test_json_keeps_types_and_lists(client, seeded):
    items = get_json(client, "projects")["items"]
    (project,) = [
        item for item in items if item["slug_en"] == "metropolitan-solid-waste-management"
    ]
    assert project["start_year"] == 2021
    assert project["sdgs"] == [7, 11, 12]
    assert "Waste management" in project["themes_en"]
    assert project["description_en"].startswith("The proposal presented and led by")
    (trama,) = [item for item in items if item["slug_es"] == "trama"]
    assert trama["start_year"] is None


def test_untranslated_text_is_empty_not_spanish(client, db):
    factories.ProjectFactory(title_en="", slug_en=None, summary_en="", title_es="Solo en español")
    (row,) = get_csv(client, "projects")
    assert (row["title_es"], row["title_en"], row["slug_en"]) == ("Solo en español", "", "")
    (item,) = get_json(client, "projects")["items"]
    assert (item["title_en"], item["slug_en"], item["summary_en"]) == (None, None, None)


def test_links_to_drafts_are_left_empty(client, db):
    draft_parent = factories.ProgramFactory(publication=models.PublicationStatus.DRAFT)
    draft_network = factories.NetworkFactory(publication=models.PublicationStatus.DRAFT)
    factories.ProgramFactory(parent=draft_parent, network=draft_network)
    (item,) = get_json(client, "programs")["items"]
    assert (item["parent_id"], item["network_id"]) == (None, None)
    parent = factories.ProgramFactory()
    network = factories.NetworkFactory()
    child = factories.ProgramFactory(parent=parent, network=network)
    (item,) = [i for i in get_json(client, "programs")["items"] if i["id"] == child.pk]
    assert (item["parent_id"], item["network_id"]) == (parent.pk, network.pk)


def test_network_member_since_keeps_only_the_known_part(client, db):
    factories.NetworkFactory(
        member_since="2015-12-01", member_since_precision=models.DatePrecision.MONTH
    )
    (item,) = get_json(client, "networks")["items"]
    assert item["member_since"] == "2015-12"


def test_participation_roles_with_their_iati_codes(client, db):
    factories.ParticipationFactory(role=models.ParticipationRole.FUNDER, note_es="Nota")
    (row,) = get_csv(client, "participations")
    assert (row["role"], row["iati_role"], row["note_es"], row["note_en"]) == (
        "funder",
        "1",
        "Nota",
        "",
    )


@pytest.mark.parametrize("dataset", ["programs", "projects"])
def test_effective_status_column_next_to_the_staffs_status(client, db, dataset):
    from django.utils import timezone

    last_year = timezone.localdate().year - 1
    ended = factories.ProjectFactory(
        start_year=2019, end_year=last_year, program__start_year=2019, program__end_year=2019
    )
    kept = factories.ProjectFactory(
        program=ended.program, start_year=2019, end_year=last_year, keep_status=True
    )
    rows = {row["slug_es"]: row for row in get_csv(client, dataset)}
    items = {item["slug_es"]: item for item in get_json(client, dataset)["items"]}
    expected = (
        {ended.program.slug_es: "completed"}
        if dataset == "programs"
        else {ended.slug_es: "completed", kept.slug_es: "active"}
    )
    for slug, effective in expected.items():
        for row in (rows[slug], items[slug]):
            assert row["status"] == "active"
            assert row["effective_status"] == effective


def test_partners_carry_their_place(client, seeded):
    (turin,) = [
        item for item in get_json(client, "partners")["items"] if item["slug_es"] == "turin"
    ]
    assert (turin["city_es"], turin["city_en"]) == ("Turín", "Turin")
    assert (turin["latitude"], turin["longitude"]) == (45.0703, 7.6869)
    (jica,) = [row for row in get_csv(client, "partners") if row["slug_es"] == "jica"]
    assert (jica["latitude"], jica["longitude"]) == ("", "")


@pytest.mark.parametrize("title", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx"])
def test_csv_text_cannot_run_as_a_spreadsheet_formula_and_json_stays_exact(client, db, title):
    factories.ProgramFactory(title_es=title, slug_es="formula", summary_es="-60 grados")
    partner = factories.PartnerFactory(latitude="-32.950000", longitude="-60.650000")
    [row] = get_csv(client, "programs")
    assert row["title_es"] == f"'{title}"
    assert row["summary_es"] == "'-60 grados"
    [partner_row] = [
        row for row in get_csv(client, "partners") if row["name_es"] == partner.name_es
    ]
    assert partner_row["longitude"].startswith("-60.65")  # a number, not text: unchanged
    response = client.get(url_in("es", "cooperation:open_data_json", dataset="programs"))
    [item] = json.loads(response.content)["items"]
    assert item["title_es"] == title


def test_sources_are_published_with_what_cites_them(client, db):
    project = factories.ProjectFactory()
    draft = factories.ProjectFactory(publication=models.PublicationStatus.DRAFT)
    partner = factories.PartnerFactory()
    project.sources.create(
        title_es="Página", title_en="Page", url="https://example.org/a", consulted_on="2024-05-02"
    )
    project.sources.create(title_es="Sin dirección", title_en="No address")
    partner.sources.create(title_es="Sitio del socio", url="https://example.org/b")
    draft.sources.create(title_es="Fuente borrador", url="https://example.org/draft")
    (row,) = [row for row in get_json(client, "projects")["items"] if row["id"] == project.pk]
    assert row["source_urls"] == ["https://example.org/a"]
    (row,) = [row for row in get_csv(client, "partners") if row["id"] == str(partner.pk)]
    assert row["source_urls"] == "https://example.org/b"
    items = get_json(client, "sources")["items"]
    assert [(item["content"], item["object_id"], item["title_es"], item["title_en"],
             item["url"], item["consulted_on"]) for item in items] == [
        ("project", project.pk, "Página", "Page", "https://example.org/a", "2024-05-02"),
        ("project", project.pk, "Sin dirección", "No address", None, None),
        ("partner", partner.pk, "Sitio del socio", None, "https://example.org/b", None),
    ]  # fmt: skip
