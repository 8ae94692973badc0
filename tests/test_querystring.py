"""common/querystring.py: the parameters a page depends on, for its links and its cache key."""

import ast
from pathlib import Path

from django.conf import settings
from django.http import QueryDict

from common.querystring import only_parameters

BASE_DIR = Path(settings.BASE_DIR)


def test_only_the_named_parameters_in_order_of_name_each_in_its_own_order():
    query = QueryDict("year=2020&utm_source=x&status=b&status=a&q=r%C3%ADo")
    reduced = only_parameters(query, {"status", "year", "q"})
    assert reduced == "q=r%C3%ADo&status=b&status=a&year=2020"
    assert only_parameters(query, ["page"]) == ""


def imported_modules(folder: str) -> set[str]:
    names = set()
    for path in (BASE_DIR / folder).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module)
    return {name.split(".")[0] for name in names}


def test_the_shared_helpers_import_neither_the_project_nor_the_app():
    # Their home is neutral so that both may use them without a dependency between the two:
    # the app never imports the project, and the page cache imports no app.
    assert not imported_modules("common") & {"rosario_intl", "cooperation"}
    assert "rosario_intl" not in imported_modules("cooperation")
