"""cooperation/forms.py: the directory filters' form and the search box."""

import copy
import re

import pytest
from django.http import QueryDict
from django.utils import translation

from cooperation.forms import ERRORS_ID, Choices, DirectoryFilterForm, SearchForm, input_html
from cooperation.selectors import FilterChoices

KEPT = FilterChoices(
    themes=[("gestion-de-residuos", "Gestión de residuos")],
    sdgs=[("11", "11 · Ciudades y comunidades sostenibles")],
    partners=[("turin", "Turín"), ("metropolis", "Metropolis")],
    networks=[("mercociudades", "Mercociudades")],
    slugs={},
)


@pytest.fixture(autouse=True)
def english():
    with translation.override("en"):
        yield


def form(query: str) -> DirectoryFilterForm:
    return DirectoryFilterForm(QueryDict(query), choices=KEPT)


def test_kept_choices_are_taken_as_they_are_and_shared_by_each_form():
    first, second = form(""), form("")
    partner = first.fields["partner"]
    assert isinstance(partner.choices, Choices)
    assert [(value, str(label)) for value, label in partner.choices] == [
        ("", "Any"),
        *KEPT.partners,
    ]
    # The status and kind choices are the class's own, not a copy per form.
    assert first.fields["status"].choices is second.fields["status"].choices
    assert copy.deepcopy(partner).choices is partner.choices


def test_a_kept_value_is_valid_and_named_and_any_other_is_an_error():
    valid = form("partner=turin&sdg=11&status=active&kind=city")
    assert valid.is_valid()
    # A goal as its number, as the selectors compare it; named by its choice all the same.
    assert valid.filters() == {"partner": "turin", "sdg": 11, "status": "active", "kind": "city"}
    assert ("partner", "Partner", "Turín") in valid.applied_filters()
    assert ("sdg", "Goal (SDG)", "11 · Ciudades y comunidades sostenibles") in (
        valid.applied_filters()
    )
    for query in ("partner=roma", "theme=<script>", "status=other", "kind=x"):
        assert not form(query).is_valid(), query


def test_the_chosen_option_is_selected_in_the_written_options():
    html = form("partner=turin").options_html("partner")
    assert '<option value="turin" selected>Turín</option>' in html
    assert '<option value="metropolis">Metropolis</option>' in html


@pytest.mark.parametrize(
    "query",
    ["", "year=2022", "year=1900&partner=turin", "year=", "year=abc&theme=nope", "year=20000"],
)
def test_each_control_is_written_as_django_writes_its_widget(query):
    """Byte for byte what Django's templates write from the same bound field, values not
    understood included (the form's bound field class and the year's widget say how)."""
    bound = form(query)
    html = bound.fields_html()
    year = bound["year"]
    assert input_html(year) == year.as_widget()
    assert f'<label for="id_year">Year</label>\n        {year.as_widget()}' in html
    for field in bound:
        if field.name != "year":
            opening = field.as_widget().partition(">")[0] + ">"
            assert opening in html, opening


def test_a_value_not_understood_is_marked_and_points_to_the_message_that_says_why():
    bad = form("year=abc&theme=nope&partner=turin&sdg=%22%3E%3Cb%3E")
    assert not bad.is_valid()
    html = bad.fields_html()
    for name in ("year", "theme", "sdg"):
        control = re.search(rf'<(?:select|input[^>]*) name="{name}"[^>]*>', html).group()
        assert f' aria-invalid="true" aria-describedby="{ERRORS_ID}"' in control, control
    for name in ("status", "partner", "kind", "network"):
        control = re.search(rf'<select name="{name}"[^>]*>', html).group()
        assert "aria-" not in control, control
    # A number input holds a number or nothing: what is not one is left out (it would not be
    # valid HTML), a number out of range is kept; Django's own reference to an error list
    # the filters do not show is gone.
    assert "value=" not in re.search(r"<input[^>]*>", html).group()
    assert "<b>" not in form("year=%22%3E%3Cb%3E").fields_html()
    assert 'value="20000"' in form("year=20000").fields_html()
    assert "_error" not in html


@pytest.mark.parametrize("query", ["", "page=2", "utm_source=x&page=last"])
def test_a_form_given_no_filter_writes_the_kept_blank_html(query):
    """The unfiltered list's controls are written once per version and language
    (``views.DirectoryMixin``): what is kept must be what the form would write."""
    blank = form("").fields_html()
    kept = DirectoryFilterForm(QueryDict(query), choices=KEPT, blank_html="kept")
    assert form(query).fields_html() == blank
    assert kept.fields_html() == "kept"


@pytest.mark.parametrize("query", ["theme=", "year=2022", "partner=turin", "year=abc"])
def test_a_form_given_a_filter_writes_its_own_html(query):
    """Even an empty value is a choice made (its "Any" selected): not the blank form."""
    given = DirectoryFilterForm(QueryDict(query), choices=KEPT, blank_html="kept")
    assert given.fields_html() == form(query).fields_html() != form("").fields_html()


def test_the_search_box_cleans_what_no_database_takes():
    search = SearchForm(QueryDict("q=agua%00%20%20potable" + "x" * 300))
    assert search.is_valid()
    assert "\x00" not in search.cleaned_data["q"]
    assert len(search.cleaned_data["q"]) == 200
