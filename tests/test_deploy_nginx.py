"""deploy/nginx/: the TLS proxy as shipped, with Debian's nginx in front of two gunicorn instances.

Everything runs on loopback: a scratch PostgreSQL database on the server at 127.0.0.1:5432 (the
one ``DATABASE_URL`` names for the PostgreSQL pass of the suite), Redis database 13 as the
shared cache, the static files collected into a temporary folder, a self-signed certificate
made here. Clients are told apart by their source address (127.0.0.2, 127.0.0.3...), as
nginx and the login lockout see them.

Runs in the PostgreSQL pass only (two instances need one shared database); without nginx it is
skipped, and on CI, where .ci/run installs nginx, it fails instead.
"""

import concurrent.futures
import gzip
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

import psycopg
import pytest
import redis
from django.conf import settings

from tests.helpers import missing_tool, server_environ

BASE_DIR = Path(settings.BASE_DIR)
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
DATABASE_URL = os.environ.get("DATABASE_URL", "")
REDIS_DB = 13
HOST = "localhost"
# How long nginx leaves a failed app server alone: 10 s in deploy/nginx/, 2 s here.
SHIPPED_FAIL_TIMEOUT = 10
FAIL_TIMEOUT = 2

pytestmark = pytest.mark.skipif(
    not DATABASE_URL.startswith("postgres"),
    reason="the proxy tests run in the PostgreSQL pass (two instances share one database)",
)

SETTINGS_MODULE = """\
from rosario_intl.settings.prod import *  # noqa: F403

STATIC_ROOT = {static!r}
"""

MIGRATE_AND_SEED = """
import django

django.setup()
from django.core.management import call_command

call_command("migrate", interactive=False, verbosity=0)
call_command("load_seed", verbosity=0)
"""
# Run side by side: the migrations mostly wait on PostgreSQL, collectstatic compresses.
PREPARE = {
    "database": [sys.executable, "-c", MIGRATE_AND_SEED],
    "static files": [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
}

MAIN_CONFIG = """\
daemon off;
{user}
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {folder}/access.log;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/rosario.conf;
}}
"""

# A minimal well-formed PDF, as staff would upload one.
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"  # noqa: E501


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(check, *, what: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            if check():
                return
        except OSError:
            pass
        assert time.monotonic() < deadline, f"{what} did not come up in time"
        time.sleep(0.2)


class AppServer:
    """One gunicorn instance with the production settings."""

    def __init__(self, name: str, folder: Path, environ: dict):
        self.name = name
        self.port = free_port()
        self.log = folder / f"{name}.log"
        self.environ = {**environ, "PORT": str(self.port)}
        self.process = None

    def start(self) -> None:
        self.launch()
        self.wait_ready()

    def launch(self) -> None:
        with self.log.open("a") as log:
            self.process = subprocess.Popen(
                [str(Path(sys.executable).parent / "gunicorn"), "--config", "gunicorn.conf.py",
                 "--env", f"DJANGO_SETTINGS_MODULE={self.environ['DJANGO_SETTINGS_MODULE']}",
                 "rosario_intl.wsgi:application"],
                cwd=BASE_DIR, env=self.environ, stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True,
            )  # fmt: skip

    def wait_ready(self) -> None:
        wait_until(lambda: self.fetch("/healthz")[0] == 200, what=f"gunicorn {self.name}")

    def fetch(self, path: str) -> tuple[int, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        connection.request("GET", path, headers={"Host": HOST, "X-Forwarded-Proto": "https"})
        response = connection.getresponse()
        return response.status, response.read().decode()

    def kill(self) -> None:
        """SIGKILL to the master and its workers at once: a crash, not a shutdown."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait()

    def terminate(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)

    def wait_stopped(self) -> None:
        if self.process is not None:
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.kill()

    def access_paths(self) -> list[str]:
        paths = []
        for line in self.log.read_text().splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if record.get("logger") == "gunicorn.access":
                paths.append(record["path"])
        return paths


class TLSConnection(http.client.HTTPSConnection):
    """HTTPS to nginx on 127.0.0.1 from ``client``'s address, asking for ``server_name``."""

    def __init__(self, port: int, *, server_name: str, client: str, context: ssl.SSLContext):
        super().__init__("127.0.0.1", port, timeout=30, context=context, source_address=(client, 0))
        self.server_name = server_name

    def connect(self):
        sock = socket.create_connection((self.host, self.port), self.timeout, self.source_address)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.server_name)


class Edge:
    """nginx and the two app servers; ``request`` speaks to nginx as a given client."""

    def __init__(self, folder: Path, servers: list[AppServer], http_port: int, https_port: int):
        self.folder = folder
        self.servers = servers
        self.http_port = http_port
        self.https_port = https_port
        self.tls = ssl.create_default_context(cafile=str(folder / "tls.crt"))

    def request(
        self,
        method: str,
        path: str,
        *,
        client: str = "127.0.0.2",
        secure: bool = True,
        host: str = HOST,
        headers: dict | None = None,
        body: str | None = None,
    ) -> http.client.HTTPResponse:
        if secure:
            connection = TLSConnection(
                self.https_port, server_name=host, client=client, context=self.tls
            )
        else:
            connection = http.client.HTTPConnection(
                "127.0.0.1", self.http_port, timeout=30, source_address=(client, 0)
            )
        port = self.https_port if secure else self.http_port
        connection.request(
            method, path, body=body, headers={"Host": f"{host}:{port}", **(headers or {})}
        )
        response = connection.getresponse()
        response.body = response.read()
        connection.close()
        return response

    def get(self, path: str, **kwargs) -> http.client.HTTPResponse:
        return self.request("GET", path, **kwargs)


@pytest.fixture(scope="module")
def edge():
    if not os.access(NGINX, os.X_OK):
        missing_tool("proxy tests", "no nginx (apt-get install nginx)")
    if not shutil.which("envsubst"):
        missing_tool("proxy tests", "no envsubst (apt-get install gettext-base)")
    folder = Path(tempfile.mkdtemp(prefix="rosario-edge-"))
    database = f"rosario_edge_{secrets.token_hex(4)}"
    server_url = DATABASE_URL.rsplit("/", 1)[0]
    cache = redis.Redis.from_url(f"redis://127.0.0.1:6379/{REDIS_DB}")
    nginx = None
    servers = []
    try:
        with psycopg.connect(f"{server_url}/postgres", autocommit=True) as connection:
            connection.execute(f"CREATE DATABASE {database}")
        cache.flushdb()
        static_root = folder / "static"
        media_root = folder / "media"
        (media_root / "documents" / "2026").mkdir(parents=True)
        (media_root / "documents" / "2026" / "informe.pdf").write_bytes(PDF)
        (folder / "edge_settings.py").write_text(SETTINGS_MODULE.format(static=str(static_root)))
        https_port, http_port = free_port(), free_port()
        environ = server_environ(
            folder,
            "edge_settings",
            DJANGO_ALLOWED_HOSTS=HOST,
            DJANGO_SITE_URL=f"https://{HOST}:{https_port}",
            DJANGO_CSRF_TRUSTED_ORIGINS=f"https://{HOST}:{https_port}",
            DJANGO_TRUSTED_PROXY_COUNT="1",
            DJANGO_MEDIA_ROOT=str(media_root),
            DATABASE_URL=f"{server_url}/{database}",
            REDIS_URL=f"redis://127.0.0.1:6379/{REDIS_DB}",
            FORWARDED_ALLOW_IPS="127.0.0.1",
            HOST="127.0.0.1",
            WEB_CONCURRENCY="2",
        )
        # The database, the static files and the certificate are made at once, then the
        # servers start together: the set-up is most of this module's time.
        preparing = {
            what: subprocess.Popen(
                command, cwd=BASE_DIR, env=environ,
                stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            )
            for what, command in PREPARE.items()
        }  # fmt: skip
        subprocess.run(
            ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
             "-subj", f"/CN={HOST}", "-addext", f"subjectAltName=DNS:{HOST}",
             "-keyout", str(folder / "tls.key"), "-out", str(folder / "tls.crt")],
            check=True, capture_output=True, timeout=60,
        )  # fmt: skip
        for what, process in preparing.items():
            output, _ = process.communicate(timeout=180)
            assert process.returncode == 0, f"{what}: {output.decode()}"
        servers = [AppServer(name, folder, environ) for name in ("a", "b")]
        for server in servers:
            server.launch()
        for server in servers:
            server.wait_ready()
        rendered = subprocess.run(
            [str(BASE_DIR / "deploy" / "nginx" / "render")],
            env={
                **os.environ,
                "SITE_HOST": HOST,
                "SITE_URL": f"https://{HOST}:{https_port}",
                "HTTP_PORT": f"127.0.0.1:{http_port}",
                "HTTPS_PORT": f"127.0.0.1:{https_port}",
                "TLS_CERTIFICATE": str(folder / "tls.crt"),
                "TLS_CERTIFICATE_KEY": str(folder / "tls.key"),
                "APP_SERVER_1": f"127.0.0.1:{servers[0].port}",
                "APP_SERVER_2": f"127.0.0.1:{servers[1].port}",
                "STATIC_ROOT": str(static_root),
                "MEDIA_ROOT": str(media_root),
                "ADMIN_URL": "admin/",
            },
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        # The configuration as shipped, but for how long nginx leaves a failed app server
        # alone: a test waits that long (test_an_instance_killed_under_load_cuts_only_what_...).
        shipped = f"max_fails=1 fail_timeout={SHIPPED_FAIL_TIMEOUT}s;"
        assert rendered.count(shipped) == 2, "deploy/nginx/ changed: update the test"
        rendered = rendered.replace(shipped, f"max_fails=1 fail_timeout={FAIL_TIMEOUT}s;")
        (folder / "rosario.conf").write_text(rendered)
        user = "user root;" if os.geteuid() == 0 else ""  # the temporary folder is root's
        (folder / "nginx.conf").write_text(MAIN_CONFIG.format(folder=folder, user=user))
        subprocess.run(
            [NGINX, "-t", "-p", str(folder), "-c", str(folder / "nginx.conf")],
            check=True, capture_output=True, timeout=30,
        )  # fmt: skip
        nginx = subprocess.Popen(
            [NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        site = Edge(folder, servers, http_port, https_port)
        wait_until(lambda: site.get("/es/", client="127.0.0.1").status == 200, what="nginx")
        yield site
    finally:
        if nginx is not None:
            nginx.terminate()
            nginx.wait(timeout=15)
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait_stopped()
        cache.flushdb()
        with psycopg.connect(f"{server_url}/postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
        shutil.rmtree(folder, ignore_errors=True)


def test_plain_http_is_sent_to_https_whatever_the_client_claims(edge):
    response = edge.get("/es/proyectos/", secure=False, headers={"X-Forwarded-Proto": "https"})
    assert response.status == 301
    assert response.getheader("Location") == f"https://{HOST}:{edge.https_port}/es/proyectos/"


def test_the_scheme_django_sees_is_the_one_nginx_saw(edge):
    # A client's "http" is overwritten: were it passed on, Django would redirect to HTTPS.
    response = edge.get("/es/", headers={"X-Forwarded-Proto": "http"})
    assert response.status == 200
    assert response.getheader("Location") is None


def test_an_unknown_host_is_never_forwarded(edge):
    with pytest.raises((http.client.RemoteDisconnected, ConnectionError)):
        edge.get("/es/", secure=False, host="evil.example")
    with pytest.raises(ssl.SSLError):
        edge.get("/es/", host="evil.example")


def test_pages_come_compressed_with_hsts_once(edge):
    plain = edge.get("/es/")
    compressed = edge.get("/es/", headers={"Accept-Encoding": "gzip"})
    assert compressed.status == 200
    assert compressed.getheader("Content-Encoding") == "gzip"
    assert gzip.decompress(compressed.body) == plain.body
    assert len(compressed.body) < len(plain.body) / 3
    hsts = compressed.headers.get_all("Strict-Transport-Security")
    assert hsts == ["max-age=31536000; includeSubDomains; preload"]
    print(f"home page: {len(plain.body)} bytes, {len(compressed.body)} compressed")


def test_hashed_static_files_are_cached_for_a_year(edge):
    manifest = json.loads((edge.folder / "static" / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/site.css"]
    response = edge.get(f"/static/{hashed}", headers={"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/css"
    assert response.getheader("Cache-Control") == "public, max-age=31536000, immutable"
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("Content-Encoding") == "gzip"
    assert response.getheader("Strict-Transport-Security")
    unhashed = edge.get("/static/css/site.css")
    assert unhashed.getheader("Cache-Control") == "public, max-age=3600"


def test_an_uploaded_pdf_downloads_safely(edge):
    response = edge.get("/media/documents/2026/informe.pdf")
    assert response.status == 200
    assert response.body == PDF
    assert response.getheader("Content-Type") == "application/pdf"
    assert response.getheader("X-Content-Type-Options") == "nosniff"
    assert response.getheader("Content-Disposition") == "inline"
    assert "sandbox" in response.getheader("Content-Security-Policy")
    assert edge.get("/media/documents/2026/missing.pdf").status == 404


LOGIN = "/es/admin/login/"


def _login_form(edge, client: str):
    """Returns a function that posts a wrong password for "editora" from ``client``."""
    page = edge.get(LOGIN, client=client)
    cookie = page.getheader("Set-Cookie").split(";", 1)[0]
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.body).group(1)
    origin = f"https://{HOST}:{edge.https_port}"
    form = {"csrfmiddlewaretoken": token.decode(), "username": "editora", "password": "mal"}

    def attempt() -> http.client.HTTPResponse:
        return edge.request(
            "POST", LOGIN, client=client, body=urllib.parse.urlencode(form),
            headers={"Cookie": cookie, "Origin": origin, "Referer": origin + LOGIN,
                     "Content-Type": "application/x-www-form-urlencoded"},
        )  # fmt: skip

    return attempt


def test_the_login_lockout_counts_each_client_through_the_proxy(edge):
    attempt = _login_form(edge, "127.0.0.3")
    statuses = [attempt().status for _attempt in range(5)]
    assert statuses[:4] == [200] * 4  # the form again, with its error
    assert statuses[4] == 429  # locked: the portal's lockout page
    locked = attempt()
    assert locked.status == 429 and b"<html" in locked.body
    # Another client, the same user name: not locked.
    assert _login_form(edge, "127.0.0.4")().status == 200


def test_one_address_cannot_flood_the_login(edge):
    attempt = _login_form(edge, "127.0.0.8")
    statuses = [attempt().status for _attempt in range(15)]
    # The portal locks the user name after 5 (its page); nginx stops the address after 11.
    assert statuses[-1] == 429
    assert "probá de nuevo" in attempt().body.decode()


def test_a_burst_of_searches_is_limited_for_that_client_only(edge):
    def search(number: int) -> http.client.HTTPResponse:
        return edge.get(f"/es/buscar/?q=residuos{number}", client="127.0.0.5")

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        burst = pool.map(search, range(200))
        # Meanwhile another client browses and filters.
        others = [
            edge.get("/es/", client="127.0.0.6").status,
            edge.get("/es/proyectos/?theme=gestion-de-residuos", client="127.0.0.6").status,
        ]
        responses = list(burst)
    statuses = [response.status for response in responses]
    counts = {status: statuses.count(status) for status in set(statuses)}
    print(f"burst of 200 searches from one client: {counts}; the other client: {others}")
    assert set(counts) == {200, 429}
    # The burst (20) and 5 a second pass; the rest, most of it, is refused.
    assert counts[200] >= 20 and counts[429] >= 100
    assert others == [200, 200]
    # One of the refused (a request made after the burst may find the allowance refilled
    # when the machine is slow: 5 a second).
    refused = next(response for response in responses if response.status == 429)
    assert int(refused.getheader("Retry-After")) > 0
    assert "probá de nuevo" in refused.body.decode()


class StaffBrowser:
    """A staff member's browser speaking to one app server directly, as the proxy would."""

    def __init__(self, server: AppServer, origin: str):
        self.server = server
        self.origin = origin
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None):
        headers = {"Host": HOST, "X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.9"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form, doseq=True)
            headers.update({
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": self.origin, "Referer": self.origin + path,
            })  # fmt: skip
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        for header in response.headers.get_all("Set-Cookie") or ():
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        response.content = response.read()
        response.charset = "utf-8"
        return response

    def log_in(self, username: str, password: str) -> None:
        page = self.request("GET", LOGIN)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page.content).group(1)
        form = {"csrfmiddlewaretoken": token.decode(), "username": username, "password": password}
        assert self.request("POST", LOGIN, form).status == 302


def test_an_edit_through_one_instance_shows_at_once_through_the_other(edge):
    from cooperation.models import Program
    from tests.admin.helpers import form_data

    first, second = edge.servers
    status, before = second.fetch("/es/programas/pacto-global/")  # now in the cache
    assert status == 200 and "Título editado" not in before
    password = secrets.token_urlsafe(16)
    # An editor: a password is all they sign in with (superusers and publishers also give a
    # code from their phone, tested in tests/admin/test_two_factor.py).
    make_editor = (
        "from django.contrib.auth.models import Group, User; "
        f"user = User.objects.create_user('jefa', password={password!r}, is_staff=True); "
        "user.groups.add(Group.objects.get(name='editors'))"
    )
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", make_editor],
        cwd=BASE_DIR, env=first.environ, check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    staff = StaffBrowser(first, f"https://{HOST}:{edge.https_port}")
    staff.log_in("jefa", password)
    changelist = staff.request("GET", "/es/admin/cooperation/program/?q=Pacto")
    change = re.search(
        rb'href="(/es/admin/cooperation/program/\d+/change/)[^"]*">Pacto Global</a>',
        changelist.content,
    )
    path = change.group(1).decode()
    form = form_data(staff.request("GET", path), Program)
    form["title_es"] = ["Título editado"]
    saved = staff.request("POST", path, form)
    assert saved.status == 302, saved.content.decode()[:2000]

    assert "Título editado" in second.fetch("/es/programas/pacto-global/")[1]
    assert "Título editado" in edge.get("/es/programas/pacto-global/").body.decode()


def test_an_instance_killed_under_load_cuts_only_what_it_was_answering(edge):
    """A crash costs only the answers it cuts in the middle. nginx retries a GET on the other
    server when the first fails before its answer begins (refused, reset, no headers), but once
    it has passed a status line on to the client it cannot take it back: gunicorn writes the
    headers, then the body, and a SIGKILL between the two cuts that one response. So every
    request sent after the kill must succeed, and only one in flight at that instant may be
    cut (at most one per worker of the killed instance)."""
    first, _second = edge.servers
    paths = ["/es/", "/es/proyectos/", "/en/projects/", "/es/socios/", "/en/"]
    done = []
    cut = []  # (when the request was sent, what happened)

    def browse(number: int) -> int | None:
        sent = time.monotonic()
        try:
            status = edge.get(paths[number % len(paths)], client="127.0.0.7").status
        except (http.client.IncompleteRead, ConnectionError) as error:
            cut.append((sent, repr(error)))
            status = None
        done.append(number)
        return status

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        results = pool.map(browse, range(500))
        wait_until(lambda: len(done) >= 100, what="the first hundred requests")
        killed_at = time.monotonic()
        first.kill()
        statuses = list(results)
    failed = [status for status in statuses if status not in (200, None)]
    print(f"500 GETs, an instance killed after 100: {len(failed)} failed, {len(cut)} cut")
    assert failed == []
    assert len(cut) <= 2, cut  # WEB_CONCURRENCY: the killed instance's workers
    assert all(sent < killed_at for sent, _ in cut), cut

    # Back again, it gets requests once nginx's pause for it (fail_timeout) is over.
    first.start()
    served_before = len(first.access_paths())
    time.sleep(FAIL_TIMEOUT + 1)
    for number in range(20):
        assert edge.get(paths[number % len(paths)], client="127.0.0.7").status == 200
    assert len(first.access_paths()) > served_before


def test_the_compose_proxy_renders_a_configuration_nginx_accepts(tmp_path):
    """compose.yaml's proxy service fills the template from its environment, as the official
    image does; the result must be a configuration nginx accepts (no Docker here to run it)."""
    if not os.access(NGINX, os.X_OK):
        missing_tool("proxy tests", "no nginx (apt-get install nginx)")
    # The proxy service's environment block, read as text (no YAML parser among our packages).
    compose = (BASE_DIR / "compose.yaml").read_text()
    block = compose.split("\n  proxy:\n", 1)[1].split("    environment:\n", 1)[1]
    block = block.split("    volumes:\n", 1)[0]
    names = re.findall(r"^      ([A-Z_0-9]+): ", block, re.MULTILINE)
    template = (BASE_DIR / "deploy" / "nginx" / "rosario.conf.template").read_text()
    assert set(names) == set(re.findall(r"\$\{([A-Z_0-9]+)\}", template))
    environ = {"SITE_HOST": "cooperacion.example", "SITE_URL": "https://cooperacion.example"}
    environ.update(ADMIN_URL="admin/", STATIC_ROOT="/srv/static", MEDIA_ROOT="/srv/media")
    environ.update(HTTP_PORT=f"127.0.0.1:{free_port()}", HTTPS_PORT=f"127.0.0.1:{free_port()}")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=cooperacion.example",
         "-keyout", str(tmp_path / "privkey.pem"), "-out", str(tmp_path / "fullchain.pem")],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    environ.update(
        TLS_CERTIFICATE=str(tmp_path / "fullchain.pem"),
        TLS_CERTIFICATE_KEY=str(tmp_path / "privkey.pem"),
        # Names the compose network resolves; here, the loopback address.
        APP_SERVER_1="127.0.0.1:8000",
        APP_SERVER_2="127.0.0.1:8001",
    )
    rendered = subprocess.run(
        [str(BASE_DIR / "deploy" / "nginx" / "render")],
        env={**os.environ, **environ}, check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    assert not re.search(r"\$\{[A-Z_0-9]+\}", rendered)
    assert "$host" in rendered and "$proxy_add_x_forwarded_for" in rendered
    (tmp_path / "rosario.conf").write_text(rendered)
    user = "user root;" if os.geteuid() == 0 else ""
    (tmp_path / "nginx.conf").write_text(MAIN_CONFIG.format(folder=tmp_path, user=user))
    result = subprocess.run(
        [NGINX, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True, text=True, timeout=30, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
