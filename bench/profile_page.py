"""Where the time of one page goes: `python bench/profile_page.py PATH [--cache] [-n N]`.

Calls the WSGI application directly, in this process, with the production settings and the
benchmark's database (run `make bench` first: it creates `rosario_bench`), one request at a
time: no server, no load, so the figures compare code, not machines under load. Prints the
time per request, then the functions where it goes (cProfile, by cumulative time).
The page cache is off unless `--cache` (then it measures a cache hit).
"""

import argparse
import cProfile
import io
import os
import pstats
import sys
import time

from run import ENV
from stack import ROOT


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", help="e.g. /es/proyectos/")
    parser.add_argument("--cache", action="store_true", help="measure a page cache hit")
    parser.add_argument("-n", type=int, default=50, help="requests (default 50)")
    parser.add_argument("--lines", type=int, default=40, help="profile lines shown")
    args = parser.parse_args()

    os.environ.update(ENV)
    os.environ["DJANGO_PAGE_CACHE"] = str(args.cache)
    sys.path.insert(0, str(ROOT))
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    path, _, query = args.path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": ENV["PORT"],
        "HTTP_HOST": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
    }
    statuses = []

    def request():
        response = application(
            {**environ, "wsgi.input": io.BytesIO()},
            lambda status, headers, exc_info=None: statuses.append(status),
        )
        b"".join(response)
        response.close()

    for _ in range(10):  # warm up: connections, templates, the cache
        request()
    if not all(status.startswith("200") for status in statuses):
        raise SystemExit(f"{args.path}: {statuses[-1]}")
    start = time.perf_counter()
    for _ in range(args.n):
        request()
    per_request = (time.perf_counter() - start) / args.n
    print(f"{args.path} (page cache {'hit' if args.cache else 'off'}): "
          f"{per_request * 1000:.2f} ms per request, {args.n} requests")  # fmt: skip
    profile = cProfile.Profile()
    profile.enable()
    for _ in range(args.n):
        request()
    profile.disable()
    pstats.Stats(profile).sort_stats("cumulative").print_stats(args.lines)


if __name__ == "__main__":
    main()
