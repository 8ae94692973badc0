"""The SDG and theme coverage page: counts from published entries only, an accessible chart."""

import re

import pytest
from django.utils import translation

from cooperation import models, selectors
from tests import factories
from tests.helpers import url_in
from tests.test_views import make_data_tenfold

pytestmark = pytest.mark.django_db


def row_counts(content: str, label: str) -> tuple[int, int, int]:
    """(programs, projects, total) in the table row whose header holds ``label``."""
    match = re.search(
        re.escape(label) + r"</(?:a|span)><svg[^>]*>.*?</svg></th>\s*"
        r'<td class="number">(\d+)</td>\s*<td class="number">(\d+)</td>\s*'
        r'<td class="number coverage-count">(\d+)</td>',
        content,
    )
    assert match, f"no row for {label}"
    return tuple(int(number) for number in match.groups())


@pytest.mark.parametrize("language", ["es", "en"])
def test_every_sdg_and_theme_has_a_row_with_its_counts(client, seeded, language):
    response = client.get(url_in(language, "cooperation:coverage"))
    assert response.status_code == 200
    content = response.content.decode()
    assert f'<html lang="{language}"' in content
    with translation.override(language):
        for sdg in models.SustainableDevelopmentGoal.objects.all():
            programs = models.Program.objects.published().filter(sdgs=sdg).count()
            projects = selectors.project_list().filter(sdgs=sdg).count()
            assert row_counts(content, str(sdg)) == (programs, projects, programs + projects)
        for theme in models.Theme.objects.all():
            programs = models.Program.objects.published().filter(themes=theme).count()
            projects = selectors.project_list().filter(themes=theme).count()
            assert row_counts(content, theme.name) == (programs, projects, programs + projects)
    assert models.SustainableDevelopmentGoal.objects.count() == 17
    assert content.count('<th scope="row">') == 17 + models.Theme.objects.count()


def test_each_goal_lists_the_entries_that_address_it(client, seeded):
    content = client.get(url_in("en", "cooperation:coverage")).content.decode()
    sdg = models.SustainableDevelopmentGoal.objects.get(number=11)
    section = content[content.index(f'<h3 id="sdg-{sdg.pk}"') :]
    section = section[: section.index("</section>")]
    for project in selectors.project_list().filter(sdgs=sdg):
        assert f'href="{url_in("en", "cooperation:project_detail", slug=project.slug_en)}"' in (
            section
        )
    assert "Co-Creation of a Sustainable Model" in section


def test_drafts_are_not_counted_or_listed(client, db):
    sdg = factories.SDGFactory(number=11)
    theme = factories.ThemeFactory(name_en="Waste")
    visible = factories.ProjectFactory(title_en="Visible project")
    draft = factories.ProjectFactory(
        title_en="Draft project", publication=models.PublicationStatus.DRAFT
    )
    hidden_program = factories.ProgramFactory(
        title_en="Draft program", publication=models.PublicationStatus.DRAFT
    )
    of_hidden_program = factories.ProjectFactory(
        program=hidden_program, title_en="Project of a draft program"
    )
    for entry in (visible, draft, hidden_program, of_hidden_program):
        entry.sdgs.set([sdg])
        entry.themes.set([theme])
    content = client.get(url_in("en", "cooperation:coverage")).content.decode()
    with translation.override("en"):
        assert row_counts(content, str(sdg)) == (0, 1, 1)
    assert row_counts(content, "Waste") == (0, 1, 1)
    assert "Visible project" in content
    for hidden in ("Draft project", "Draft program", "Project of a draft program"):
        assert hidden not in content


def test_bars_are_svg_attributes_scaled_to_the_largest_total(client, db):
    sdg_a, sdg_b = factories.SDGFactory(number=7), factories.SDGFactory(number=13)
    for _ in range(3):
        factories.ProjectFactory().sdgs.add(sdg_a)
    factories.ProgramFactory().sdgs.add(sdg_a)
    factories.ProjectFactory().sdgs.add(sdg_b)
    content = client.get(url_in("en", "cooperation:coverage")).content.decode()
    bars = re.findall(
        r'<rect class="bar-programs" width="(\d+)" height="20"/>'
        r'<rect class="bar-projects" x="(\d+)" width="(\d+)" height="20"/>',
        content,
    )
    # SDG 7: one program and three projects, the largest; SDG 13: one project.
    assert bars[:2] == [("250", "250", "750"), ("0", "0", "250")]
    # A strict Content-Security-Policy forbids inline styles: none on the page.
    assert "style=" not in content


def test_the_chart_is_hidden_from_screen_readers_and_the_table_is_not(client, seeded):
    content = client.get(url_in("es", "cooperation:coverage")).content.decode()
    assert content.count('<svg class="coverage-bar"') == content.count(
        'aria-hidden="true" focusable="false"><rect class="bar-track"'
    )
    assert '<caption id="sdg-caption">' in content
    assert '<th scope="col" class="number">' in content


def test_coverage_query_count_is_pinned_and_does_not_grow(
    client, seeded, django_assert_num_queries
):
    path = url_in("es", "cooperation:coverage")
    with django_assert_num_queries(8):
        assert client.get(path).status_code == 200
    make_data_tenfold()
    with django_assert_num_queries(8):
        assert client.get(path).status_code == 200
