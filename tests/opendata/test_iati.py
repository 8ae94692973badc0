"""The IATI 2.03 export: valid against the official schema, and every mapping one by one."""

from pathlib import Path

import pytest
from django.test import RequestFactory
from django.utils import translation
from lxml import etree

from cooperation import models
from cooperation.opendata import iati, selectors
from tests import factories
from tests.helpers import url_in

pytestmark = pytest.mark.django_db

# The official schema files, copied unchanged into the repository (see their README).
SCHEMAS = Path(__file__).parent / "iati-schemas"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "iati-activities-schema.xsd")))


def assert_valid(schema, content: bytes) -> etree._Element:
    document = etree.fromstring(content)
    if not schema.validate(document):
        errors = "\n".join(f"line {e.line}: {e.message}" for e in schema.error_log)
        pytest.fail(f"not valid IATI 2.03:\n{errors}\n\n{content.decode()}")
    return document


def publication() -> iati.Publication:
    programs, projects = selectors.iati_activity_list()
    request = RequestFactory().get("/")
    return iati.Publication(programs, projects, absolute_url=request.build_absolute_uri)


def activity_of(schema, entry) -> etree._Element:
    """The entry's activity, built alone and checked against the schema."""
    built = publication()
    assert built.includes(entry), built.omitted
    document = assert_valid(schema, built.document([entry]))
    (activity,) = document.findall("iati-activity")
    return activity


def narratives(element) -> dict[str, str]:
    return {n.get(XML_LANG): n.text for n in element.findall("narrative")}


def participating(activity, name: str) -> list[etree._Element]:
    return [
        org for org in activity.findall("participating-org") if name in narratives(org).values()
    ]


# The whole seed portfolio and each entry.


def test_seed_portfolio_validates_and_holds_every_exportable_entry(client, seeded, schema):
    response = client.get(url_in("es", "cooperation:iati_activities"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    document = assert_valid(schema, response.content)
    assert document.get("version") == "2.03"
    assert document.get("generated-datetime")
    identifiers = [a.findtext("iati-identifier") for a in document.findall("iati-activity")]
    built = publication()
    assert identifiers == [iati.activity_identifier(entry) for entry in built.activities]
    assert len(identifiers) == len(set(identifiers))
    # Every published entry is either an activity or listed with its reasons.
    published = (
        models.Program.objects.published().count() + models.Project.objects.published().count()
    )
    assert len(built.activities) + len(built.omitted) == published
    assert "AR-ROSARIO-project-" in response.content.decode()


def test_every_seed_entry_has_its_own_valid_file(client, seeded, schema):
    built = publication()
    assert built.activities
    for file in built.files():
        entry, identifier = file.entry, file.identifier
        name = "iati_program" if isinstance(entry, models.Program) else "iati_project"
        for language in ("es", "en"):
            with translation.override(language):
                slug = entry.slug
            response = client.get(url_in(language, f"cooperation:{name}", slug=slug))
            assert response.status_code == 200, (entry, language)
            document = assert_valid(schema, response.content)
            assert [a.findtext("iati-identifier") for a in document] == [identifier]
            assert response["Content-Disposition"] == f'attachment; filename="{identifier}.xml"'


def test_seed_entries_without_any_year_are_left_out_and_say_why(client, seeded):
    trama = models.Project.objects.get(slug_es="trama")
    built = publication()
    assert not built.includes(trama)
    reasons = {o.entry: o.reasons for o in built.omitted}[trama]
    with translation.override("en"):
        assert "neither its start year nor its end year is recorded" in [str(r) for r in reasons]
    assert client.get(url_in("es", "cooperation:iati_project", slug="trama")).status_code == 404


def test_empty_portfolio_is_404_not_an_invalid_file(client, db):
    factories.ProjectFactory(publication=models.PublicationStatus.DRAFT)
    assert client.get(url_in("es", "cooperation:iati_activities")).status_code == 404


# Drafts.


def test_drafts_are_never_activities(client, db, schema):
    published = factories.ProjectFactory(start_year=2020)
    draft = factories.ProjectFactory(
        start_year=2020, publication=models.PublicationStatus.DRAFT, program=published.program
    )
    of_draft_program = factories.ProjectFactory(
        start_year=2020, program__publication=models.PublicationStatus.DRAFT
    )
    hidden_partner = factories.PartnerFactory(
        name_es="Socio oculto", publication=models.PublicationStatus.DRAFT
    )
    factories.ParticipationFactory(project=published, partner=hidden_partner)
    response = client.get(url_in("es", "cooperation:iati_activities"))
    document = assert_valid(schema, response.content)
    identifiers = {a.findtext("iati-identifier") for a in document}
    assert iati.activity_identifier(published) in identifiers
    assert iati.activity_identifier(draft) not in identifiers
    assert iati.activity_identifier(of_draft_program) not in identifiers
    assert iati.activity_identifier(of_draft_program.program) not in identifiers
    assert "Socio oculto" not in response.content.decode()
    assert (
        client.get(url_in("es", "cooperation:iati_project", slug=draft.slug_es)).status_code == 404
    )


# Identifier, reporting organisation, texts.


def test_identifier_and_reporting_org(db, schema, settings):
    project = factories.ProjectFactory()
    activity = activity_of(schema, project)
    assert activity.findtext("iati-identifier") == f"AR-ROSARIO-project-{project.pk}"
    reporting = activity.find("reporting-org")
    assert (reporting.get("ref"), reporting.get("type")) == ("AR-ROSARIO", "11")
    assert narratives(reporting) == {"es": "Municipalidad de Rosario", "en": "City of Rosario"}
    settings.IATI_REPORTING_ORG_REF = "XM-EXAMPLE-1"
    activity = activity_of(schema, project)
    assert activity.findtext("iati-identifier") == f"XM-EXAMPLE-1-project-{project.pk}"
    assert activity.find("reporting-org").get("ref") == "XM-EXAMPLE-1"


def test_titles_and_descriptions_in_each_language_that_has_text(db, schema):
    project = factories.ProjectFactory(
        title_es="Título", title_en="Title", body_es="Texto **largo**.", body_en=""
    )
    activity = activity_of(schema, project)
    assert narratives(activity.find("title")) == {"es": "Título", "en": "Title"}
    # The Markdown body as plain text; English falls back to its summary, never to Spanish.
    assert narratives(activity.find("description")) == {
        "es": "Texto largo.",
        "en": "Summary of the project.",
    }
    untranslated = factories.ProjectFactory(title_en="", slug_en=None, summary_en="")
    activity = activity_of(schema, untranslated)
    assert set(narratives(activity.find("title"))) == {"es"}
    assert set(narratives(activity.find("description"))) == {"es"}


def test_no_budget_transaction_or_invented_organisation_reference(db, schema):
    project = factories.ProjectFactory()
    factories.ParticipationFactory(project=project, role=models.ParticipationRole.FUNDER)
    activity = activity_of(schema, project)
    for element in ("budget", "transaction", "planned-disbursement", "default-currency"):
        assert activity.find(element) is None
    partners = [org for org in activity.findall("participating-org") if org.get("ref") is None]
    assert partners, "a partner's organisation reference must be left out"
    rosario = [org for org in activity.findall("participating-org") if org.get("ref")]
    assert [org.get("ref") for org in rosario] == ["AR-ROSARIO"]


# The mappings, one by one.


def test_every_role_and_status_has_a_mapping():
    assert set(iati.PARTICIPATION_ROLES) == set(models.ParticipationRole)
    assert set(iati.ROSARIO_ROLES) == set(models.RosarioRole)
    assert set(iati.ACTIVITY_STATUSES) == set(models.CooperationStatus)


@pytest.mark.parametrize(
    ("role", "code"),
    [
        (models.ParticipationRole.FUNDER, "1"),
        (models.ParticipationRole.LEAD, "2"),
        (models.ParticipationRole.APPLICANT, "2"),
        (models.ParticipationRole.IMPLEMENTER, "4"),
        (models.ParticipationRole.PARTNER, "4"),
        (models.ParticipationRole.COLLABORATOR, "4"),
        (models.ParticipationRole.SUPPORTER, "4"),
    ],
)
def test_participation_role_mapping(db, schema, role, code):
    project = factories.ProjectFactory()
    participation = factories.ParticipationFactory(project=project, role=role)
    (org,) = participating(activity_of(schema, project), participation.partner.name_es)
    assert org.get("role") == code
    assert narratives(org) == {
        "es": participation.partner.name_es,
        "en": participation.partner.name_en,
    }


@pytest.mark.parametrize(
    ("rosario_role", "code"),
    [
        (models.RosarioRole.LEAD, "2"),
        (models.RosarioRole.COORDINATOR, "2"),
        (models.RosarioRole.PARTNER, "4"),
        (models.RosarioRole.MEMBER, "4"),
    ],
)
def test_rosario_role_mapping(db, schema, rosario_role, code):
    project = factories.ProjectFactory(rosario_role=rosario_role)
    (org,) = participating(activity_of(schema, project), "City of Rosario")
    assert (org.get("role"), org.get("type"), org.get("ref")) == (code, "11", "AR-ROSARIO")


@pytest.mark.parametrize(
    "role", [models.ParticipationRole.PARTICIPANT, models.ParticipationRole.UNKNOWN]
)
def test_a_partner_that_only_takes_part_or_whose_role_is_unknown_is_not_listed(db, schema, role):
    project = factories.ProjectFactory()
    participation = factories.ParticipationFactory(project=project, role=role)
    assert participating(activity_of(schema, project), participation.partner.name_es) == []


def test_an_entry_whose_status_is_not_published_is_left_out_and_says_why(db, schema):
    unknown = factories.ProjectFactory(status=models.CooperationStatus.UNKNOWN, end_year=2021)
    built = publication()
    assert not built.includes(unknown)
    with translation.override("en"):
        reasons = [str(reason) for reason in {o.entry: o.reasons for o in built.omitted}[unknown]]
    assert reasons == ["its status is not published"]


@pytest.mark.parametrize(
    "rosario_role", [models.RosarioRole.BENEFICIARY, models.RosarioRole.PARTICIPANT, ""]
)
def test_rosario_is_not_a_participant_without_an_iati_role(db, schema, rosario_role):
    project = factories.ProjectFactory(rosario_role=rosario_role)
    factories.ParticipationFactory(project=project, role=models.ParticipationRole.FUNDER)
    assert participating(activity_of(schema, project), "City of Rosario") == []
    # With no other organisation the activity would be invalid: it is left out instead.
    alone = factories.ProjectFactory(rosario_role=rosario_role)
    built = publication()
    assert not built.includes(alone)
    with translation.override("en"):
        reasons = [str(reason) for reason in {o.entry: o.reasons for o in built.omitted}[alone]]
    assert "no participating organization has a role that IATI defines" in reasons


@pytest.mark.parametrize(
    ("kind", "code"),
    [
        (models.PartnerKind.CITY, "11"),
        (models.PartnerKind.NATIONAL, "10"),
        (models.PartnerKind.AGENCY, "10"),
        (models.PartnerKind.EMBASSY, "10"),
        (models.PartnerKind.INTERNATIONAL, "40"),
        (models.PartnerKind.UNIVERSITY, "80"),
        (models.PartnerKind.COMPANY, "70"),
        (models.PartnerKind.NETWORK, None),
        (models.PartnerKind.FOUNDATION, None),
        (models.PartnerKind.BUSINESS_NETWORK, None),
        (models.PartnerKind.FUNDING_PROGRAM, None),
    ],
)
def test_organisation_type_mapping(db, schema, kind, code):
    project = factories.ProjectFactory()
    participation = factories.ParticipationFactory(project=project, partner__kind=kind)
    (org,) = participating(activity_of(schema, project), participation.partner.name_es)
    assert org.get("type") == code


@pytest.mark.parametrize(
    ("status", "code"),
    [
        (models.CooperationStatus.PLANNED, "1"),
        (models.CooperationStatus.ACTIVE, "2"),
        (models.CooperationStatus.COMPLETED, "4"),
    ],
)
def test_status_mapping(db, schema, status, code):
    project = factories.ProjectFactory(status=status)
    assert activity_of(schema, project).find("activity-status").get("code") == code


@pytest.mark.parametrize(
    ("status", "start_year", "end_year", "expected"),
    [
        (models.CooperationStatus.PLANNED, 2030, None, [("1", "2030-01-01")]),
        (models.CooperationStatus.PLANNED, 2030, 2032, [("1", "2030-01-01"), ("3", "2032-12-31")]),
        (models.CooperationStatus.ACTIVE, 2021, None, [("2", "2021-01-01")]),
        (models.CooperationStatus.ACTIVE, 2021, 2026, [("2", "2021-01-01"), ("3", "2026-12-31")]),
        (
            models.CooperationStatus.COMPLETED,
            2019,
            2021,
            [("2", "2019-01-01"), ("4", "2021-12-31")],
        ),
        (models.CooperationStatus.COMPLETED, None, 2021, [("4", "2021-12-31")]),
    ],
)
def test_activity_dates_with_year_precision(db, schema, status, start_year, end_year, expected):
    project = factories.ProjectFactory(status=status, start_year=start_year, end_year=end_year)
    dates = activity_of(schema, project).findall("activity-date")
    assert [(d.get("type"), d.get("iso-date")) for d in dates] == expected
    for date in dates:
        notes = narratives(date)
        assert set(notes) == {"es", "en"}
        assert "Only the year is known" in notes["en"]
        assert "Solo se conoce el año" in notes["es"]


def test_sdg_and_theme_tags(db, schema):
    project = factories.ProjectFactory()
    project.sdgs.set([factories.SDGFactory(number=11), factories.SDGFactory(number=13)])
    theme = factories.ThemeFactory(name_es="Clima", name_en="Climate")
    project.themes.set([theme])
    tags = activity_of(schema, project).findall("tag")
    sdgs = [t for t in tags if t.get("vocabulary") == "2"]
    assert [t.get("code") for t in sdgs] == ["11", "13"]
    assert narratives(sdgs[0])["en"] == "Sustainable Cities and Communities"
    (own,) = [t for t in tags if t.get("vocabulary") == "99"]
    assert own.get("code") == str(theme.pk)
    assert own.get("vocabulary-uri").endswith(url_in("es", "cooperation:coverage") + "#theme-title")
    assert narratives(own) == {"es": "Clima", "en": "Climate"}


def test_related_activities_link_projects_and_their_program(db, schema):
    member = models.RosarioRole.MEMBER
    program = factories.ProgramFactory(start_year=2019, rosario_role=member)
    project = factories.ProjectFactory(program=program)
    subprogram = factories.ProgramFactory(parent=program, rosario_role=member)
    program_activity = activity_of(schema, program)
    related = [(r.get("type"), r.get("ref")) for r in program_activity.findall("related-activity")]
    assert related == [
        ("2", iati.activity_identifier(subprogram)),
        ("2", iati.activity_identifier(project)),
    ]
    project_activity = activity_of(schema, project)
    related = [(r.get("type"), r.get("ref")) for r in project_activity.findall("related-activity")]
    assert related == [("1", iati.activity_identifier(program))]


def test_no_related_activity_to_an_entry_outside_the_files(db, schema):
    program = factories.ProgramFactory(
        start_year=None, end_year=None, rosario_role=models.RosarioRole.MEMBER
    )
    project = factories.ProjectFactory(program=program)
    assert not publication().includes(program)
    assert activity_of(schema, project).findall("related-activity") == []


def test_document_links(db, schema):
    project = factories.ProjectFactory()
    factories.DocumentFactory(
        project=project,
        title_es="Informe final",
        url="https://example.org/files/informe.pdf",
        kind=models.DocumentKind.REPORT,
        date="2022-05-04",
        date_precision=models.DatePrecision.DAY,
    )
    factories.DocumentFactory(
        project=project,
        title_es="Convenio",
        file="documents/2022/convenio.odt",
        kind=models.DocumentKind.AGREEMENT,
        date="2022-05-01",
        date_precision=models.DatePrecision.MONTH,
    )
    factories.DocumentFactory(
        project=project,
        title_es="Sitio",
        url="https://example.org/resultados",
        kind=models.DocumentKind.PUBLICATION,
    )
    factories.DocumentFactory(project=project, title_es="Solo registrado", url="")
    factories.DocumentFactory(
        project=project,
        title_es="Otro",
        url="https://example.org/otro.pdf",
        kind=models.DocumentKind.OTHER,
    )
    links = activity_of(schema, project).findall("document-link")
    pages = [link for link in links if link.find("category").get("code") == "A12"]
    documents = [link for link in links if link not in pages]
    assert [(p.get("url"), p.find("language").get("code")) for p in pages] == [
        ("http://testserver" + url_in(code, "cooperation:project_detail", slug=slug), code)
        for code, slug in (("es", project.slug_es), ("en", project.slug_en))
    ]
    # Sorted by title: where undated documents come depends on the database.
    summary = sorted(
        (
            narratives(d.find("title"))["es"],
            d.get("url"),
            d.get("format"),
            d.find("category").get("code"),
            None if d.find("document-date") is None else d.find("document-date").get("iso-date"),
        )
        for d in documents
    )
    assert summary == [
        (
            "Convenio",
            "http://testserver/media/documents/2022/convenio.odt",
            "application/vnd.oasis.opendocument.text",
            "A09",
            None,
        ),
        (
            "Informe final",
            "https://example.org/files/informe.pdf",
            "application/pdf",
            "A07",
            "2022-05-04",
        ),
        ("Sitio", "https://example.org/resultados", "text/html", "A08", None),
    ]


@pytest.mark.parametrize(("keep_status", "code", "end_type"), [(False, "4", "4"), (True, "2", "3")])
def test_status_mapping_uses_the_effective_status(db, schema, keep_status, code, end_type):
    from django.utils import timezone

    last_year = timezone.localdate().year - 1
    project = factories.ProjectFactory(
        status=models.CooperationStatus.ACTIVE,
        start_year=2019,
        end_year=last_year,
        keep_status=keep_status,
    )
    activity = activity_of(schema, project)
    assert activity.find("activity-status").get("code") == code
    (end,) = [d for d in activity.findall("activity-date") if d.get("type") in {"3", "4"}]
    assert end.get("type") == end_type
