"""common/pagination.py: a page and the total in one statement, as Django's paginator
gives them in two."""

import pytest
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator

from common.pagination import OneQueryPaginator
from cooperation.models import SustainableDevelopmentGoal

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_seed")]


def goals():
    return SustainableDevelopmentGoal.objects.order_by("number")


@pytest.mark.parametrize("number", [1, 2, 4])
def test_each_page_is_djangos_and_costs_one_statement(django_assert_num_queries, number):
    expected = Paginator(goals(), 5).page(number)
    paginator = OneQueryPaginator(goals(), 5)
    with django_assert_num_queries(1):
        page = paginator.page(number)
        assert paginator.count == 17
        assert paginator.num_pages == 4
    assert [goal.number for goal in page] == [goal.number for goal in expected]
    assert (page.has_next(), page.has_previous()) == (expected.has_next(), expected.has_previous())


def test_an_empty_list_has_its_first_page_and_no_other(django_assert_num_queries):
    with django_assert_num_queries(1):
        page = OneQueryPaginator(goals().none() | goals().filter(number=0), 5).page(1)
    assert list(page) == []
    assert page.paginator.count == 0
    with pytest.raises(EmptyPage):
        OneQueryPaginator(goals().filter(number=0), 5).page(2)


@pytest.mark.parametrize("number", [5, 0, -1, 10**20])
def test_a_page_out_of_range_is_empty_page(number):
    with pytest.raises(EmptyPage):
        OneQueryPaginator(goals(), 5).page(number)


@pytest.mark.parametrize("number", ["abc", "1.5", None])
def test_a_page_that_is_no_number_is_page_not_an_integer(number):
    with pytest.raises(PageNotAnInteger):
        OneQueryPaginator(goals(), 5).page(number)


def test_a_total_already_read_is_not_read_again(django_assert_num_queries):
    paginator = OneQueryPaginator(goals(), 5)
    paginator.page(1)
    with django_assert_num_queries(1):
        assert [goal.number for goal in paginator.page(4)] == [16, 17]


def test_orphans_are_refused():
    with pytest.raises(ValueError):
        OneQueryPaginator(goals(), 5, orphans=2)


def test_a_page_of_values_carries_the_total_too(django_assert_num_queries):
    paginator = OneQueryPaginator(goals().values("pk", "number"), 5)
    with django_assert_num_queries(1):
        page = paginator.page(2)
        assert paginator.count == 17
    assert [row["number"] for row in page] == [6, 7, 8, 9, 10]
