"""bench/run.py: the table `make bench` prints says, row by row, whether issue 16's targets
were met in that run (the measuring itself needs gunicorn, wrk and minutes: `make bench`)."""

import importlib.util
from pathlib import Path

import pytest
from django.conf import settings

BENCH = Path(settings.BASE_DIR, "bench")
spec = importlib.util.spec_from_file_location("bench_run", BENCH / "run.py")
bench_run = importlib.util.module_from_spec(spec)
with pytest.MonkeyPatch.context() as patch:
    patch.syspath_prepend(str(BENCH))  # as when run as a script: bench/stack.py beside it
    spec.loader.exec_module(bench_run)


@pytest.mark.parametrize(
    ("cache", "ratio", "p99", "said"),
    [
        (True, 0.62, 42.5, "≥ 0.50×, p99 < 50 ms: met"),
        (True, 0.62, 56.5, "≥ 0.50×, p99 < 50 ms: not met"),
        (True, 0.45, 20.0, "≥ 0.50×, p99 < 50 ms: not met"),
        (False, 0.03, 900.0, "≥ 0.10×: not met"),
        (False, 0.12, 900.0, "≥ 0.10×: met"),
    ],
)
def test_each_row_says_whether_its_target_was_met(cache, ratio, p99, said):
    assert bench_run.verdict(cache, "home", ratio, p99) == said


def test_the_table_has_every_page_the_issue_names_and_the_static_file_has_no_target():
    run = {"rps": 100.0, "p50": 1.0, "p99": 10.0, "errors": 0}
    pages = [*bench_run.PAGES, "static"]
    measurements = {cache: {name: [run] for name in pages} for cache in (True, False)}
    queries = {cache: dict.fromkeys(bench_run.PAGES, 1) for cache in (True, False)}
    rows = bench_run.table(measurements, queries).splitlines()[2:]
    assert [row.split(" | ")[0].strip("| ") for row in rows] == pages * 2
    assert all(row.endswith("|  |") for row in rows if row.startswith("| static"))
    assert {"home", "programs", "list", "detail", "program", "partner", "search"} <= set(pages)
