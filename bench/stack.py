"""What the benchmark scripts share: the production stack over a scratch PostgreSQL database.

`environment()` gives the settings of a production run on a port and database of its own,
`create_database()` makes that database afresh (migrated, with the seed content), and
`start_server()` starts gunicorn on it and waits until it answers.
"""

import io
import os
import platform
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")


def environment(*, database: str, port: int, workers: int, **extra: str) -> dict[str, str]:
    """Production settings on ``database`` and ``port``; ``extra`` adds or overrides."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "rosario_intl.settings.prod",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "False",
        "DATABASE_URL": f"{PG}/{database}",
        "DJANGO_LOG_LEVEL": "WARNING",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": str(workers),
        **extra,
    }


def run(env: dict, *args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, env=env, check=True, **kwargs)


def manage(env: dict, *args: str) -> None:
    run(env, PYTHON, "manage.py", *args, stdout=subprocess.DEVNULL)


def create_database(env: dict, database: str) -> None:
    """Drop and create ``database``, migrate it and load the seed content."""
    admin = {**env, "DATABASE_URL": f"{PG}/postgres"}
    for statement in (f"DROP DATABASE IF EXISTS {database}", f"CREATE DATABASE {database}"):
        run(admin, "psql", f"{PG}/postgres", "-q", "-c", statement)
    manage(env, "migrate", "--no-input")
    manage(env, "load_seed")


def start_server(env: dict) -> subprocess.Popen:
    """gunicorn with the project's configuration, once it answers its health check."""
    server = subprocess.Popen(
        [GUNICORN, "--config", "gunicorn.conf.py", "--access-logfile", "/dev/null",
         "rosario_intl.wsgi:application"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{env['PORT']}/healthz", timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    server.wait()
    raise SystemExit("gunicorn did not start")


def machine() -> str:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")),
        platform.processor(),
    )  # fmt: skip
    return f"{platform.node()}: {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


def prepend_report(filename: str, title: str, command: str, report: str) -> None:
    """Put ``report`` at the top of bench/``filename``, under its header: newest first."""
    results = ROOT / "bench" / filename
    header = f"# {title}\n\nNewest first; `{command}` adds a section.\n\n"
    previous = results.read_text().removeprefix(header) if results.exists() else ""
    results.write_text(header + report + ("\n" + previous if previous else ""))


def wsgi_get(application, path: str, query: str = "") -> int:
    """A GET of ``path`` (with ``query``) through the WSGI ``application`` in this process, as
    a server at 127.0.0.1 passes it on; the whole response read and closed. Its status code."""
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
    }
    response = application(environ, lambda status, headers, exc_info=None: None)
    b"".join(response)
    response.close()
    return response.status_code
