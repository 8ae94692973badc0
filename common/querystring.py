"""Query strings reduced to the parameters a page depends on."""

from urllib.parse import urlencode

from django.http import QueryDict


def only_parameters(query: QueryDict, names) -> str:
    """``query`` reduced to the parameters ``names``, in order of name (each name's values
    in their own order: the last one counts), URL-encoded.

    A public page depends on its own parameters only; any other (a campaign's utm_source, a
    typo, random ones sent to get past the page cache) changes nothing on it. The pagination
    and language links carry this (``cooperation/views.py``), and the page cache reduces its
    key the same way (``rosario_intl/page_cache.py``, with ``settings.PAGE_CACHE_PARAMETERS``).
    """
    return urlencode(
        [(name, value) for name in sorted(set(names) & set(query)) for value in query.getlist(name)]
    )
