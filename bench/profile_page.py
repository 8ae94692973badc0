"""Where the time of one page goes: `python bench/profile_page.py PATH [--cache] [-n N]`.

Calls the WSGI application directly, in this process, with the production settings and the
benchmark's database (run `make bench` first: it creates `rosario_bench`), one request at a
time: no server, no load, so the figures compare code, not machines under load. Prints the
time per request, then the functions where it goes (cProfile, by cumulative time).
The page cache is off unless `--cache` (then it measures a cache hit). The fragments
(`cooperation/fragments.py`: cards, filter choices, a page's data and body) are kept between
requests, as in a worker serving a version, unless `--cold` (then each request finds none:
the first view of the page after a save) or `--warmed` (none but what the warm-up after a save
renders, `rosario_intl/page_cache_warm.py`: the first view of the page once it is done).
"""

import argparse
import cProfile
import os
import pstats
import statistics
import sys
import time

from run import ENV
from stack import PG, ROOT, wsgi_get


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help="e.g. /es/proyectos/")
    parser.add_argument("--cache", action="store_true", help="measure a page cache hit")
    after_save = parser.add_mutually_exclusive_group()
    after_save.add_argument(
        "--cold",
        action="store_true",
        help="empty the fragment cache before each request: a save, and nothing rendered since",
    )
    after_save.add_argument(
        "--warmed",
        action="store_true",
        help="as --cold, then render the warm-up's pages (PAGE_CACHE_WARM) before each request: "
        "a save, and the warm-up done",
    )
    parser.add_argument("-n", type=int, default=50, help="requests (default 50)")
    parser.add_argument("--lines", type=int, default=40, help="profile lines shown (0: no profile)")
    parser.add_argument("--database", help="another database than the benchmark's")
    parser.add_argument(
        "--sort", default="cumulative", help="profile order: cumulative (default), tottime, ..."
    )
    parser.add_argument(
        "--callers", metavar="PATTERN", help="show who calls the functions matching PATTERN"
    )
    args = parser.parse_args()
    if (args.cold or args.warmed) and args.cache:
        parser.error("--cold and --warmed measure a page the caches do not hold: no --cache")

    os.environ.update(ENV)
    if args.database:
        os.environ["DATABASE_URL"] = f"{PG}/{args.database}"
    os.environ["DJANGO_PAGE_CACHE"] = str(args.cache)
    sys.path.insert(0, str(ROOT))
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    path, _, query = args.path.partition("?")
    statuses = []

    def request(address=None):
        """The page, or another address (no query) in the same way."""
        statuses.append(wsgi_get(application, address or path, "" if address else query))

    def forget():
        """What a save leaves: no fragment of the new version anywhere (this worker's copies
        and the shared cache's); with --warmed, then what the warm-up renders."""
        from django.conf import settings
        from django.core.cache import caches

        from cooperation.fragments import FRAGMENTS
        from rosario_intl.page_cache_warm import warm_addresses

        FRAGMENTS.clear_local()
        caches[settings.PAGE_CACHE_ALIAS].clear()
        if args.warmed:
            for address in warm_addresses():
                request(address)

    for _ in range(10):  # warm up: connections, templates, the cache
        request()
    if not all(status == 200 for status in statuses):
        raise SystemExit(f"{args.path}: {statuses[-1]}")
    # The median of each request's time, wall and CPU (this process's): on a busy machine
    # the wall time also counts waiting for a core; the CPU time is the code's own cost.
    wall, cpu = [], []
    for _ in range(args.n):
        if args.cold or args.warmed:
            forget()
        start, start_cpu = time.perf_counter(), time.process_time()
        request()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    kept = "cold" if args.cold else "warmed" if args.warmed else "kept"
    state = "hit" if args.cache else f"off, fragments {kept}"
    print(f"{args.path} (page cache {state}): "
          f"median {statistics.median(wall) * 1000:.2f} ms per request, "
          f"{statistics.median(cpu) * 1000:.2f} ms of CPU, {args.n} requests")  # fmt: skip
    if not args.lines:
        return
    # CPU time, as the figure above: waiting for the database or for a core is not counted.
    profile = cProfile.Profile(time.process_time)
    for _ in range(args.n):
        if args.cold or args.warmed:
            forget()
        profile.enable()
        request()
        profile.disable()
    stats = pstats.Stats(profile).sort_stats(args.sort)
    if args.callers:
        stats.print_callers(args.callers)
    else:
        stats.print_stats(args.lines)


if __name__ == "__main__":
    main()
