import re

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from common.pagination import OneQueryPaginator
from cooperation import models, selectors
from tests import factories

pytestmark = pytest.mark.django_db


def filtered_projects(**filters) -> set[str]:
    return {p.slug_es for p in selectors.project_filter(filters=filters)}


def test_each_filter_and_their_combination(seeded):
    with translation.override("es"):
        # The seed states no status but Ecologistics' (ongoing as of 2022): nothing is
        # completed, however far its end year.
        assert filtered_projects(status="completed") == set()
        assert filtered_projects(status="active") == {"ecologistics"}
        assert filtered_projects(status=models.UNKNOWN_STATUS_FILTER) == {
            "islas-de-calor-urbano",
            "100-renovables",
            "trama",
            "gestion-metropolitana-de-residuos-solidos",
            "capacitaciones-kccp-en-japon",
            "voluntarios-expertos-en-gestion-de-riesgos",
        }
        assert filtered_projects(theme="gestion-de-residuos") == {
            "gestion-metropolitana-de-residuos-solidos",
            "capacitaciones-kccp-en-japon",
        }
        assert filtered_projects(sdg=7) == {
            "100-renovables",
            "gestion-metropolitana-de-residuos-solidos",
        }
        assert filtered_projects(partner="turin") == {"gestion-metropolitana-de-residuos-solidos"}
        assert filtered_projects(kind="foundation") == {"trama"}
        assert filtered_projects(network="iclei") == {"ecologistics", "100-renovables"}
        assert filtered_projects(year=2019) == {"islas-de-calor-urbano", "ecologistics"}
        assert filtered_projects(network="iclei", status="unknown") == {"100-renovables"}
        assert filtered_projects(network="iclei", sdg=7, year=2022) == {"100-renovables"}
        assert filtered_projects(partner="turin", theme="gestion-de-riesgos") == set()
    with translation.override("en"):
        assert filtered_projects(theme="waste-management", partner="turin") == {
            "gestion-metropolitana-de-residuos-solidos"
        }


def test_program_filters(seeded):
    with translation.override("es"):
        programs = selectors.program_filter(filters={"network": "mercociudades"})
        assert [p.slug_es for p in programs] == ["programa-de-cooperacion-sur-sur-de-mercociudades"]
        # The BMU is a national government; JICA a cooperation agency; IKI a funding program.
        programs = selectors.program_filter(filters={"kind": "national"})
        assert {p.slug_es for p in programs} == {"proyectos-iclei-iki"}
        programs = selectors.program_filter(filters={"kind": "agency"})
        assert {p.slug_es for p in programs} == {
            "cooperacion-tecnica-jica",
            "programa-de-co-creacion-de-conocimientos-kccp",
            "programa-de-voluntarios-expertos",
        }


def test_filters_ignore_participations_of_draft_partners(db):
    participation = factories.ParticipationFactory(partner__publication="draft")
    with translation.override("es"):
        assert filtered_projects(partner=participation.partner.slug_es) == set()


def test_program_list_counts_projects_once_whatever_the_joins(seeded):
    with translation.override("es"):
        program = selectors.program_filter(filters={"kind": "city"}).get(
            slug_es="convocatoria-de-proyectos-piloto-de-metropolis"
        )
    assert program.project_count == 1


def test_partner_page_hides_participations_in_drafts(db):
    participation = factories.ParticipationFactory(project__publication="draft")
    with translation.override("es"):
        partner = selectors.partner_get(slug=participation.partner.slug_es).partner
    assert list(partner.participations.all()) == []


def test_get_by_slug_raises_404_for_drafts(db):
    from django.http import Http404

    program = factories.ProgramFactory(publication=models.PublicationStatus.DRAFT)
    with translation.override("es"), pytest.raises(Http404):
        selectors.program_get(slug=program.slug_es)


def test_status_filter_uses_the_effective_status(db):
    from django.utils import timezone

    last_year = timezone.localdate().year - 1
    program = factories.ProgramFactory(start_year=2019)
    ended = factories.ProjectFactory(program=program, start_year=2019, end_year=last_year)
    kept = factories.ProjectFactory(
        program=program, start_year=2019, end_year=last_year, keep_status=True
    )
    ongoing = factories.ProjectFactory(program=program, end_year=last_year + 1)
    open_ended = factories.ProjectFactory(program=program)
    completed = factories.ProjectFactory(program=program, status=models.CooperationStatus.COMPLETED)
    planned = factories.ProjectFactory(
        program=program, status=models.CooperationStatus.PLANNED, end_year=last_year
    )

    unknown = factories.ProjectFactory(
        program=program, status=models.CooperationStatus.UNKNOWN, end_year=last_year
    )

    def matching(status):
        return set(selectors.project_filter(filters={"status": status}))

    assert matching("completed") == {ended, completed}
    assert matching("active") == {kept, ongoing, open_ended}
    assert matching("planned") == {planned}
    # Not published, even with an end year past: never completed, found as unknown.
    assert matching(models.UNKNOWN_STATUS_FILTER) == {unknown}
    ended_program = factories.ProgramFactory(start_year=2019, end_year=last_year)
    assert ended_program in selectors.program_filter(filters={"status": "completed"})
    assert ended_program not in selectors.program_filter(filters={"status": "active"})


def test_scheduled_partners_appear_when_their_time_comes_without_a_restart(db, monkeypatch):
    # "Published" depends on the moment of the query, never on when the code was loaded.
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    partner = factories.PartnerFactory(publish_at=now + timedelta(days=1))
    project = factories.ProjectFactory()
    factories.ParticipationFactory(partner=partner, project=project)
    milestone = factories.MilestoneFactory(project=project)
    project.publish_at = now + timedelta(days=1)
    project.save()

    def shown():
        entry = selectors.project_get(slug=project.slug_es, preview=True).project
        partners = [p.partner for p in entry.participations.all()]
        milestones = list(selectors.milestone_list())
        return partner in partners, milestone in milestones

    assert shown() == (False, False)
    monkeypatch.setattr(timezone, "now", lambda: now + timedelta(days=2))
    assert shown() == (True, True)


# The directory's pages: one compiled statement per list, language and filters present.


def directory_pks(model, filters) -> list[int]:
    return [row["pk"] for row in selectors.directory_page(model, filters, offset=0, limit=500)]


def every_filter_shape():
    """A value of every filter the form offers, alone and with the others, as the form gives
    them (an SDG as its number)."""
    choices = selectors.filter_choices_get()
    one = {
        "theme": choices.themes[0][0],
        "sdg": int(choices.sdgs[6][0]),
        "partner": choices.partners[0][0],
        "kind": "city",
        "network": choices.networks[0][0],
        "year": 2020,
    }
    shapes = [{}, *({name: value} for name, value in one.items())]
    shapes += [{"status": s} for s in ["active", "completed", "planned", "unknown"]]
    shapes += [{"status": "active", "year": 2022, "network": one["network"]}, one]
    return shapes


@pytest.mark.parametrize("language", ["es", "en"])
@pytest.mark.parametrize("model", [models.Program, models.Project])
def test_a_directory_page_is_the_filtered_list_page_by_page(seeded, model, language):
    _, narrowed = selectors.DIRECTORY[model]
    with translation.override(language):
        first_page = selectors.directory_page(model, {}, offset=0, limit=500)
        assert len(first_page) > 5
        # Only the key and the total are read (not every column, nor a card's counts).
        assert set(first_page[0]) == {"pk", OneQueryPaginator.TOTAL}
        for filters in every_filter_shape():
            expected = [entry.pk for entry in narrowed(filters=filters)]
            rows = selectors.directory_page(model, filters, offset=0, limit=500)
            assert [row["pk"] for row in rows] == expected, filters
            assert {row[OneQueryPaginator.TOTAL] for row in rows} <= {len(expected)}
            page = selectors.directory_page(model, filters, offset=2, limit=3)
            assert [row["pk"] for row in page] == expected[2:5], filters
        # Run again with other values, the statements compiled: the same answers.
        for filters in every_filter_shape()[::-1]:
            assert directory_pks(model, filters) == [e.pk for e in narrowed(filters=filters)]


def test_the_directory_asks_about_the_present_moment_and_year_at_each_page(db, monkeypatch):
    """Compiled once, the statement still takes the moment and the year of each page: a
    scheduled entry appears when its time comes, an ongoing one ended last year is listed as
    completed from the new year on."""
    from datetime import timedelta

    from django.utils import timezone

    now = timezone.now()
    this_year = timezone.localdate().year
    scheduled = factories.ProgramFactory(publish_at=now + timedelta(days=1))
    ending = factories.ProgramFactory(start_year=2019, end_year=this_year)
    with translation.override("es"):
        assert scheduled.pk not in directory_pks(models.Program, {})
        assert ending.pk in directory_pks(models.Program, {"status": "active"})
        assert ending.pk not in directory_pks(models.Program, {"status": "completed"})
        later = now.replace(year=this_year + 1)
        monkeypatch.setattr(timezone, "now", lambda: later)
        monkeypatch.setattr(timezone, "localdate", lambda: later.date())
        assert scheduled.pk in directory_pks(models.Program, {})
        assert ending.pk not in directory_pks(models.Program, {"status": "active"})
        assert ending.pk in directory_pks(models.Program, {"status": "completed"})


# Typed results: the selector decides what a page may link; templates show what they get.


def test_program_page_links_only_a_public_parent_and_network(db):
    draft_parent = factories.ProgramFactory(publication=models.PublicationStatus.DRAFT)
    network_of_draft = factories.NetworkFactory(
        organization__publication=models.PublicationStatus.DRAFT
    )
    hidden = factories.ProgramFactory(parent=draft_parent, network=network_of_draft)
    parent, network = factories.ProgramFactory(), factories.NetworkFactory()
    shown = factories.ProgramFactory(parent=parent, network=network)
    subprogram = factories.ProgramFactory(parent=shown)
    factories.ProgramFactory(parent=shown, publication=models.PublicationStatus.DRAFT)
    with translation.override("es"):
        page = selectors.program_get(slug=hidden.slug_es)
        assert (page.program, page.parent, page.network, page.subprograms) == (
            hidden,
            None,
            None,
            [],
        )
        page = selectors.program_get(slug=shown.slug_es)
        assert (page.parent, page.network, page.subprograms) == (parent, network, [subprogram])
        listed = {p.pk: p for p in selectors.program_list()}
    assert (listed[hidden.pk].public_parent, listed[hidden.pk].public_network) == (None, None)
    assert (listed[shown.pk].public_parent, listed[shown.pk].public_network) == (parent, network)


def test_a_preview_reads_drafts_and_the_public_read_does_not(db):
    from django.http import Http404

    project = factories.ProjectFactory(program__publication=models.PublicationStatus.DRAFT)
    with translation.override("es"):
        assert selectors.project_get(slug=project.slug_es, preview=True).project == project
        with pytest.raises(Http404):
            selectors.project_get(slug=project.slug_es)


def test_partner_page_links_its_network_only_when_public(db):
    network = factories.NetworkFactory()
    draft = factories.NetworkFactory(publication=models.PublicationStatus.DRAFT)
    with translation.override("es"):
        assert selectors.partner_get(slug=network.organization.slug_es).network == network
        assert selectors.partner_get(slug=draft.organization.slug_es).network is None


def test_coverage_rows_count_published_entries_and_scale_the_bars(db):
    sdg = factories.SDGFactory(number=7)
    program = factories.ProgramFactory()
    program.sdgs.add(sdg)
    for _ in range(3):
        factories.ProjectFactory(program=program).sdgs.add(sdg)
    factories.ProjectFactory(publication=models.PublicationStatus.DRAFT).sdgs.add(sdg)
    with translation.override("en"):
        sdgs, themes = selectors.coverage_get()
    assert (sdgs.key, themes.key, themes.rows) == ("sdg", "theme", [])
    (row,) = sdgs.rows
    assert (row.item, row.programs, len(row.projects), row.total) == (sdg, [program], 3, 4)
    assert (row.programs_bar, row.projects_bar) == (250, 750)


def test_preview_entry_get_finds_public_entries_only(db):
    network = factories.NetworkFactory(organization__name_es="Mercociudades")
    draft = factories.ProjectFactory(publication=models.PublicationStatus.DRAFT)
    with translation.override("es"):
        found = selectors.preview_entry_get(model=models.Network, slug=network.slug_es)
        assert found == network
        with pytest.raises(Http404):
            selectors.preview_entry_get(model=models.Project, slug=draft.slug_es)
        with pytest.raises(Http404):
            selectors.preview_entry_get(model=models.Network, slug=network.slug_en)
    # The card names the organization: read with the network, no query more.
    with CaptureQueriesContext(connection) as queries:
        assert str(found) == "Mercociudades"
    assert len(queries) == 0


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_project_list_reads_only_what_its_covering_index_holds(db, language):
    """Migration 0017: PostgreSQL can count and sort the published projects from the index
    alone (an index-only scan, bench/README.md's sixth profile) only while the list's
    statement reads no project column the index leaves out."""
    index = next(i for i in models.Project._meta.indexes if i.name == "project_list_covering")
    names = [name.lstrip("-") for name in (*index.fields, *index.include)]
    covered = {models.Project._meta.get_field(name).column for name in names}
    with translation.override(language):
        selectors.directory_page(models.Project, {}, offset=0, limit=24)
        sql, _params, _places = selectors._directory_statement(models.Project, None, ()).compiled[
            language
        ]
    table = models.Project._meta.db_table
    read = set(re.findall(rf'"{table}"\."(\w+)"', sql))
    assert "start_year" in read
    assert read <= covered, read - covered
