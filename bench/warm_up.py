"""The page cache's warm-up after a save: `python bench/warm_up.py [--database NAME] [-n N]`.

In this process, as in a worker: production settings, the page cache on and shared through
Redis, the benchmark's database (or another, e.g. `rosario_perf`). Each round commits a change
of content (the version raised, as every save does) twice, once with the warm-up off and once
on, and prints the medians of:

- the commit, its on_commit callbacks included: what the warm-up adds to the save's request;
- an uncached page requested at once after the commit (a project page, not one of the warmed
  ones): what the thread costs a request the worker answers meanwhile (they share its
  interpreter);
- the warm-up itself, from the commit to the end of its thread (`PAGE_CACHE_WARM`, each page
  in both languages, all of them misses with their fragments cold);
- then the same pages rendered alone in this thread after a commit, wall and CPU time: the
  warm-up's own cost, without the page requested meanwhile.

Only the version row changes: no content is edited.
"""

import argparse
import os
import statistics
import sys
import time

from run import ENV
from stack import PG, ROOT, wsgi_get

OTHER_PAGE = "/es/proyectos/gestion-metropolitana-de-residuos-solidos/"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=5, help="rounds (default 5)")
    parser.add_argument("--database", help="another database than the benchmark's")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/11", help="the shared cache")
    args = parser.parse_args()

    os.environ.update(ENV)
    if args.database:
        os.environ["DATABASE_URL"] = f"{PG}/{args.database}"
    os.environ["DJANGO_PAGE_CACHE"] = "True"
    os.environ["REDIS_URL"] = args.redis
    sys.path.insert(0, str(ROOT))
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()

    from django.conf import settings
    from django.db import transaction

    from cooperation.signals import content_changed
    from rosario_intl.page_cache_warm import WARMER, pages_warm

    warm_pages = settings.PAGE_CACHE_WARM

    def get(path):
        if (status := wsgi_get(application, path)) != 200:
            raise SystemExit(f"{path}: {status}")

    get(OTHER_PAGE)  # connections, templates, imports
    figures = {True: {"commit": [], "other": [], "warm": []}, False: {"commit": [], "other": []}}
    for _round in range(args.n):
        for warm in (False, True):
            settings.PAGE_CACHE_WARM = warm_pages if warm else []
            start = time.perf_counter()
            with transaction.atomic():
                content_changed()
            committed = time.perf_counter()
            get(OTHER_PAGE)
            figures[warm]["commit"].append(committed - start)
            figures[warm]["other"].append(time.perf_counter() - committed)
            if warm:
                WARMER.join()
                figures[warm]["warm"].append(time.perf_counter() - committed)
            time.sleep(0.2)

    # The warm-up's own cost: the same pages rendered in this thread, alone, after a commit.
    settings.PAGE_CACHE_WARM = []
    alone = {"wall": [], "cpu": []}
    for _round in range(args.n):
        with transaction.atomic():
            content_changed()
        settings.PAGE_CACHE_WARM = warm_pages
        start, start_cpu = time.perf_counter(), time.process_time()
        pages_warm()
        alone["wall"].append(time.perf_counter() - start)
        alone["cpu"].append(time.process_time() - start_cpu)
        settings.PAGE_CACHE_WARM = []

    def median_ms(values):
        return f"{statistics.median(values) * 1000:.1f} ms"

    for warm in (False, True):
        print(
            f"warm-up {'on ' if warm else 'off'}: commit {median_ms(figures[warm]['commit'])}, "
            f"uncached page after it {median_ms(figures[warm]['other'])}"
            + (f", warm-up {median_ms(figures[warm]['warm'])}" if warm else "")
            + f" ({args.n} rounds)"
        )
    print(
        f"warm-up alone, {len(warm_pages) * len(settings.LANGUAGES)} pages: "
        f"{median_ms(alone['wall'])}, {median_ms(alone['cpu'])} of CPU ({args.n} rounds)"
    )


if __name__ == "__main__":
    main()
