"""cooperation/forms.py: the directory filters' form and the search box."""

import copy

import pytest
from django.http import QueryDict
from django.utils import translation

from cooperation.forms import Choices, DirectoryFilterForm, SearchForm
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


def test_the_search_box_cleans_what_no_database_takes():
    search = SearchForm(QueryDict("q=agua%00%20%20potable" + "x" * 300))
    assert search.is_valid()
    assert "\x00" not in search.cleaned_data["q"]
    assert len(search.cleaned_data["q"]) == 200
