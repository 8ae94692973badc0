"""Pagination that reads a page of a queryset and the total in one statement."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Window


class OneQueryPaginator(Paginator):
    """Django's paginator, with the total read along with the page.

    Django's runs two statements: a ``COUNT`` of the whole list, then the page. Each row of
    the page here carries the total instead (``COUNT(*) OVER ()``, computed before the
    ``LIMIT``), so a filtered list is compiled and run once. A page past the end is empty,
    and is then a missing page (``EmptyPage``) unless it is the first: a list with nothing
    in it still has its first page. No orphans (no page merged into the one before it).
    """

    TOTAL = "paginator_total"
    # Offsets are 64-bit integers in the databases: a page number past that is simply missing
    # (before the statement, which would fail), as it is with Django's own check of the total.
    LAST_OFFSET = 2**62

    def __init__(self, object_list, per_page, orphans=0, **kwargs):
        if orphans:
            raise ValueError("OneQueryPaginator does not merge orphans.")
        super().__init__(object_list, per_page, **kwargs)

    def page(self, number):
        if "count" in self.__dict__:  # the total is known: a page is one statement anyway
            return super().page(number)
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(self.error_messages["invalid_page"]) from None
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        bottom = (number - 1) * self.per_page
        if bottom > self.LAST_OFFSET:
            raise EmptyPage(self.error_messages["no_results"])
        annotated = self.object_list.annotate(**{self.TOTAL: Window(Count("*"))})
        rows = list(annotated[bottom : bottom + self.per_page])
        if rows:  # model instances, or dictionaries (a queryset's values())
            first = rows[0]
            self.count = (
                first[self.TOTAL] if isinstance(first, dict) else getattr(first, self.TOTAL)
            )
        elif number == 1:
            self.count = 0
        else:
            raise EmptyPage(self.error_messages["no_results"])
        # The number is in range now that the total is known: Django checks it again.
        return self._get_page(rows, super().validate_number(number), self)
