"""A database outage against a real PostgreSQL server, and the recovery, with no restart.

The test starts a throwaway PostgreSQL cluster of its own (initdb into a temporary folder,
on a free port) and gunicorn with the production settings and gunicorn.conf.py in front of
it, then stops the server under the running portal and starts it again. It needs the
PostgreSQL server programs (Debian's postgresql package); as root it runs them as the
``postgres`` user, since initdb refuses to run as root.
"""

import contextlib
import json
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

from tests.helpers import server_environ

BASE_DIR = Path(settings.BASE_DIR)
# The newest installed major version's programs (/usr/lib/postgresql/15/bin/initdb on Debian 12).
POSTGRES_BINARIES = sorted(
    Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda path: path.parts[-3].zfill(4)
)
AS_ROOT = os.geteuid() == 0


def missing_tools() -> str:
    if not POSTGRES_BINARIES:
        return "the PostgreSQL server programs (/usr/lib/postgresql/*/bin/initdb) are missing"
    if AS_ROOT:
        if not shutil.which("runuser"):
            return "runuser is missing (initdb refuses to run as root)"
        try:
            pwd.getpwnam("postgres")
        except KeyError:
            return "there is no postgres user to run initdb as (it refuses to run as root)"
    return ""


pytestmark = pytest.mark.skipif(bool(missing_tools()), reason=missing_tools() or "-")

# Production settings as they are, except that the static files are not collected first:
# their hashed names have nothing to do with an outage, and collecting takes seconds.
SETTINGS_MODULE = """\
from rosario_intl.settings.prod import *  # noqa: F403
from rosario_intl.settings.prod import STORAGES

STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
"""

# `manage.py migrate` and `manage.py load_seed`, in one process: one start-up fewer.
MIGRATE_AND_SEED = """
import django

django.setup()
from django.core.management import call_command

call_command("migrate", interactive=False, verbosity=0)
call_command("load_seed", verbosity=0)
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Cluster:
    """A PostgreSQL cluster in a folder of its own, started and stopped with pg_ctl."""

    def __init__(self, folder: Path):
        self.bin = POSTGRES_BINARIES[-1].parent
        self.data = folder / "data"
        self.log = folder / "postgres.log"
        self.folder = folder
        self.port = free_port()

    def run(self, program: str, *args: str) -> None:
        prefix = ["runuser", "-u", "postgres", "--"] if AS_ROOT else []
        subprocess.run(
            [*prefix, str(self.bin / program), *args],
            check=True,
            capture_output=True,
            timeout=60,
            cwd=self.folder,
        )

    def init(self) -> None:
        if AS_ROOT:
            user = pwd.getpwnam("postgres")
            os.chown(self.folder, user.pw_uid, user.pw_gid)
        self.run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust", "--no-sync")

    def start(self) -> None:
        options = (
            f"-p {self.port} -c listen_addresses=127.0.0.1 -k {self.folder} "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self.run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        self.run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    def create_database(self, name: str) -> None:
        self.run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", name)


def fetch(port: int, path: str):
    """(status, headers, body, seconds) of a GET, whatever the status."""
    start = time.monotonic()
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            status, headers, body = response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        status, headers, body = error.code, error.headers, error.read()
    return status, headers, body.decode("utf-8", errors="replace"), time.monotonic() - start


@pytest.fixture
def portal():
    """gunicorn with the production settings on a PostgreSQL cluster of its own."""
    folder = Path(tempfile.mkdtemp(prefix="rosario-outage-"))
    cluster = Cluster(folder)
    gunicorn = None
    output = folder / "gunicorn.log"  # standard output only: the JSON log lines
    try:
        cluster.init()
        cluster.start()
        cluster.create_database("rosario")
        (folder / "outage_settings.py").write_text(SETTINGS_MODULE)
        environ = server_environ(
            folder,
            "outage_settings",
            DJANGO_ALLOWED_HOSTS="127.0.0.1",
            DJANGO_SECURE_SSL_REDIRECT="False",
            DATABASE_URL=f"postgres://postgres@127.0.0.1:{cluster.port}/rosario",
            HOST="127.0.0.1",
            PORT=str(free_port()),
            WEB_CONCURRENCY="1",
        )
        subprocess.run(
            [sys.executable, "-c", MIGRATE_AND_SEED],
            cwd=BASE_DIR,
            env=environ,
            check=True,
            capture_output=True,
            timeout=120,
        )
        with output.open("w") as log, (folder / "stderr.log").open("w") as errors:
            gunicorn = subprocess.Popen(
                [
                    str(Path(sys.executable).parent / "gunicorn"),
                    "--config",
                    "gunicorn.conf.py",
                    # The configuration file names the production settings; the one above wins.
                    "--env",
                    "DJANGO_SETTINGS_MODULE=outage_settings",
                    "rosario_intl.wsgi:application",
                ],
                cwd=BASE_DIR,
                env=environ,
                stdout=log,
                stderr=errors,
            )
        port = int(environ["PORT"])
        deadline = time.monotonic() + 30
        while True:
            try:
                if fetch(port, "/healthz")[0] == 200:
                    break
            except OSError:
                pass
            assert gunicorn.poll() is None, output.read_text()
            assert time.monotonic() < deadline, "gunicorn did not answer in time"
            time.sleep(0.2)
        yield cluster, gunicorn, port, output
    finally:
        if gunicorn is not None and gunicorn.poll() is None:
            gunicorn.terminate()
            try:
                gunicorn.wait(timeout=15)
            except subprocess.TimeoutExpired:
                gunicorn.kill()
                gunicorn.wait()
        if (cluster.data / "postmaster.pid").exists():
            with contextlib.suppress(subprocess.CalledProcessError):
                cluster.stop("immediate")
        shutil.rmtree(folder, ignore_errors=True)


def test_the_portal_survives_a_postgresql_outage_and_heals_without_a_restart(portal):
    cluster, gunicorn, port, output = portal
    status, _headers, body, _seconds = fetch(port, "/es/")
    assert status == 200, body
    assert fetch(port, "/readyz")[0] == 200

    cluster.stop("fast")

    for path, language in (("/es/", "es"), ("/en/", "en"), ("/es/proyectos/", "es")):
        status, headers, body, seconds = fetch(port, path)
        assert status == 503, f"{path}: {status}"
        assert int(headers["Retry-After"]) > 0
        assert f'<html lang="{language}">' in body
        assert "Traceback" not in body
        assert seconds < 5, f"{path} took {seconds:.1f} s"
    status, headers, _body, seconds = fetch(port, "/readyz")
    assert status == 503
    assert seconds < 5
    assert fetch(port, "/healthz")[0] == 200

    cluster.start()

    status, _headers, body, _seconds = fetch(port, "/es/")
    assert status == 200, body
    assert fetch(port, "/readyz")[0] == 200
    assert fetch(port, "/es/buscar/?q=private-search-term")[0] == 200
    assert gunicorn.poll() is None

    # A restart between two requests: the worker's connections (the page cache's own, and
    # the default one with Django's health check) were dropped, and nobody notices. /es/ is
    # then a cache hit, read through the page cache's connection; the admin's login page and
    # the probe go through the default one.
    cluster.stop("fast")
    cluster.start()
    for path in ("/es/", "/es/admin/login/", "/readyz"):
        status, _headers, body, _seconds = fetch(port, path)
        assert status == 200, f"{path} after a restart: {status}\n{body[:500]}"

    # The same master and the same worker served it all: nothing was restarted.
    gunicorn.terminate()
    gunicorn.wait(timeout=15)
    lines = [json.loads(line) for line in output.read_text().splitlines()]
    messages = [line["message"] for line in lines]
    assert sum(message.startswith("Booting worker") for message in messages) == 1
    access = [line for line in lines if line["logger"] == "gunicorn.access"]
    assert [line["status"] for line in access if line["path"] == "/es/"] == [200, 503, 200, 200]
    # Logged with its request id, and without anything personal.
    outage = [line for line in lines if line["message"].startswith("Database unavailable")]
    assert outage
    assert all(line["request_id"] != "-" for line in outage)
    assert "private-search-term" not in output.read_text()
    assert not any("127.0.0.1" in json.dumps(line) for line in access)
