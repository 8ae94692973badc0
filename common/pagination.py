"""Pagination that reads a page of a queryset and the total in one statement."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Window
from django.utils.functional import cached_property


class OneQueryPaginator(Paginator):
    """Django's paginator, with the total read along with the page.

    Django's runs two statements: a ``COUNT`` of the whole list, then the page. Each row of
    the page here carries the total instead (``COUNT(*) OVER ()``, computed before the
    ``LIMIT``), so a filtered list is compiled and run once. A page past the end is empty,
    and is then a missing page (``EmptyPage``) unless it is the first: a list with nothing
    in it still has its first page. No orphans (no page merged into the one before it).

    The list is a queryset, or a function ``rows(offset=, limit=)`` that reads a page itself
    (a compiled statement, ``common/compiled.py``), each row a dictionary holding the total
    under ``TOTAL``.
    """

    TOTAL = "paginator_total"
    # Offsets are 64-bit integers in the databases: a page number past that is simply missing
    # (before the statement, which would fail), as it is with Django's own check of the total.
    LAST_OFFSET = 2**62

    def __init__(self, object_list, per_page, orphans=0, **kwargs):
        if orphans:
            raise ValueError("OneQueryPaginator does not merge orphans.")
        super().__init__(object_list, per_page, **kwargs)

    @cached_property
    def count(self):
        """The total, when asked before a page (``?page=last``): from the first row."""
        rows = self.rows(offset=0, limit=1)
        return self.total_of(rows[0]) if rows else 0

    def page(self, number):
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        bottom = (number - 1) * self.per_page
        if bottom > self.LAST_OFFSET:
            raise EmptyPage(self.error_messages["no_results"])
        rows = self.rows(offset=bottom, limit=self.per_page)
        if rows:
            self.count = self.total_of(rows[0])
        elif number == 1:
            self.count = 0
        else:
            raise EmptyPage(self.error_messages["no_results"])
        # The number is in range now that the total is known: Django checks it again.
        return self._get_page(rows, super().validate_number(number), self)

    def rows(self, *, offset: int, limit: int) -> list:
        """The rows of a page, each with the total: one statement."""
        if callable(self.object_list):
            return self.object_list(offset=offset, limit=limit)
        annotated = self.object_list.annotate(**{self.TOTAL: Window(Count("*"))})
        return list(annotated[offset : offset + limit])

    def total_of(self, row) -> int:
        """The total a row carries: a model instance, or a dictionary (``values()``)."""
        return row[self.TOTAL] if isinstance(row, dict) else getattr(row, self.TOTAL)
