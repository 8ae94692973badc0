"""`make bench`: the production stack under load, with and without the page cache.

Starts gunicorn (production settings, 3 sync workers) on a port of its own over a scratch
PostgreSQL database holding the seed content plus a thousand demo projects, then measures
with wrk (32 connections, 2 threads) the home page, a list, a detail page, a search and a
static file, in interleaved rounds. Prints a table and prepends it to bench/results.md.
"""

import os
import re
import shutil
import statistics
import subprocess
import sys
import urllib.request
from datetime import UTC, datetime

from stack import (
    PG,
    PYTHON,
    create_database,
    environment,
    machine,
    manage,
    prepend_report,
    run,
    start_server,
)

DATABASE = "rosario_bench"
PORT = int(os.environ.get("BENCH_PORT", "8765"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = 32
# As in production (compose.yaml): the page cache shared through Redis, in a database of its
# own that the benchmark empties first.
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/3")
# The pages issue 16 names: home, both lists, a program, a project, a partner, a search.
PAGES = {
    "home": "/es/",
    "programs": "/es/programas/",
    "list": "/es/proyectos/",
    "detail": "/es/proyectos/gestion-metropolitana-de-residuos-solidos/",
    "program": "/es/programas/pacto-global/",
    "partner": "/es/socios/turin/",
    "search": "/es/buscar/?q=residuos",
}
# Issue 16's targets, against the static file in the same run: cached pages at least half
# its throughput with p99 under 50 ms; uncached pages at least a tenth.
TARGETS = {True: (0.5, 50.0), False: (0.1, None)}

ENV = environment(database=DATABASE, port=PORT, workers=3, REDIS_URL=REDIS)


def prepare_database() -> str:
    create_database(ENV, DATABASE)
    manage(ENV, "seed_demo", "--projects", "1000", "--force")
    # Statistics for the planner, as autovacuum would have gathered them on a live site.
    run(ENV, "psql", f"{PG}/{DATABASE}", "-q", "-c", "VACUUM ANALYZE")
    run(ENV, PYTHON, "-c", f"import redis; redis.Redis.from_url({REDIS!r}).flushdb()")
    manage(ENV, "collectstatic", "--no-input", "--verbosity", "0")
    # The hashed name of the stylesheet, as the pages link it.
    code = "from django.templatetags.static import static; print(static('css/site.css'))"
    out = run(ENV, PYTHON, "manage.py", "shell", "-c", code, capture_output=True, text=True)
    return out.stdout.strip().splitlines()[-1]


# Statements on every connection: the page cache reads its version through its own.
COUNT_QUERIES = """
import contextlib, json
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
pages = json.loads({pages!r})
client = Client(HTTP_HOST="127.0.0.1")
counts = {{}}
for name, path in pages.items():
    client.get(path)
    with contextlib.ExitStack() as stack:
        captured = [stack.enter_context(CaptureQueriesContext(c)) for c in connections.all()]
        status = client.get(path).status_code
    assert status == 200, (path, status)
    counts[name] = sum(len(queries) for queries in captured)
print(json.dumps(counts))
"""


def count_queries(cache: bool) -> dict[str, int]:
    import json

    env = {**ENV, "DJANGO_PAGE_CACHE": "True" if cache else "False"}
    code = COUNT_QUERIES.format(pages=json.dumps(PAGES))
    out = run(env, PYTHON, "manage.py", "shell", "-c", code, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


DURATION = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(path: str) -> dict:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency",
         f"http://127.0.0.1:{PORT}{path}"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip

    def latency(label):
        value, unit = re.search(rf"{label}%\s+([\d.]+)(us|ms|s)\b", out).groups()
        return float(value) * DURATION[unit]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency("50"),
        "p99": latency("99"),
        "errors": int(errors.group(1)) if errors else 0,
    }


def measure(cache: bool, static_path: str) -> dict[str, list[dict]]:
    targets = {**PAGES, "static": static_path}
    server = start_server({**ENV, "DJANGO_PAGE_CACHE": str(cache)})
    try:
        for path in targets.values():  # warm the workers and the page cache
            for _ in range(5):
                urllib.request.urlopen(f"http://127.0.0.1:{PORT}{path}").read()
        results = {name: [] for name in targets}
        for _ in range(ROUNDS):
            for name, path in targets.items():
                results[name].append(wrk(path))
        return results
    finally:
        server.terminate()
        server.wait(timeout=30)


def verdict(cache: bool, name: str, ratio: float, p99: float) -> str:
    """Issue 16's target for the row, and whether this run met it."""
    if name == "static":
        return ""
    least, p99_under = TARGETS[cache]
    wanted = f"≥ {least:.2f}×" + (f", p99 < {p99_under:.0f} ms" if p99_under else "")
    met = ratio >= least and (p99_under is None or p99 < p99_under)
    return f"{wanted}: {'met' if met else 'not met'}"


def table(measurements: dict, queries: dict) -> str:
    lines = [
        "| page | page cache | req/s median | req/s min–max | p50 ms | p99 ms | × static | SQL "
        "| target |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for cache in (True, False):
        runs = measurements[cache]
        static = statistics.median(r["rps"] for r in runs["static"])
        for name, results in runs.items():
            rps = [r["rps"] for r in results]
            median = statistics.median(rps)
            sql = "0" if name == "static" else str(queries[cache][name])
            errors = sum(r["errors"] for r in results)
            flag = f" ({errors} non-2xx)" if errors else ""
            p99 = statistics.median(r["p99"] for r in results)
            lines.append(
                f"| {name}{flag} | {'on' if cache else 'off'} | {median:,.0f} | "
                f"{min(rps):,.0f}–{max(rps):,.0f} | "
                f"{statistics.median(r['p50'] for r in results):.1f} | {p99:.1f} | "
                f"{median / static:.2f} | {sql} | {verdict(cache, name, median / static, p99)} |"
            )
    return "\n".join(lines)


def main():
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    static_path = prepare_database()
    queries = {cache: count_queries(cache) for cache in (True, False)}
    measurements = {cache: measure(cache, static_path) for cache in (True, False)}
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    report = (
        f"## {stamp}\n\n{machine()}. gunicorn 3 sync workers, PostgreSQL, seed + 1,000 demo "
        f"projects; wrk {CONNECTIONS} connections, {ROUNDS} rounds of {SECONDS} s per page.\n\n"
        f"{table(measurements, queries)}\n"
    )
    print(report)
    prepend_report("results.md", "Benchmark results", "make bench", report)


if __name__ == "__main__":
    sys.exit(main())
