"""Where uploaded files are kept: the settings of DJANGO_MEDIA_STORAGE, the random part of
their names (cooperation/models/uploads.py), and the round trip through a bucket.

The bucket is served by moto's standalone S3 server, started on loopback for this module: a
real MinIO cannot be installed here. Everything goes over real HTTP, nothing is mocked.
"""

import importlib.util
import json
import os
import re
import runpy
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.error import HTTPError

import boto3
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from storages.backends.s3 import S3Storage

from cooperation import models
from tests import factories
from tests.admin.helpers import change_url, errors_of, load_form, public_url

BASE = "rosario_intl.settings.base"
PROD = "rosario_intl.settings.prod"
PDF = b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
BUCKET = "rosario-media"
# What the README asks of the bucket: anyone may read an object whose key they know; nobody
# is allowed to list the keys.
PUBLIC_READ_POLICY = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "s3:GetObject",
            "Resource": f"arn:aws:s3:::{BUCKET}/*",
        }
    ],
}
# The portal's variables, cleared so that the machine's own cannot change what a test loads.
PORTAL_VARIABLES = {"DATABASE_URL", "REDIS_URL"}


def load_settings(monkeypatch, module: str, **environ: str) -> dict:
    """A settings module run afresh (base.py too) with only ``environ`` among the portal's
    variables; the settings this test process runs on are not touched."""
    for key in list(os.environ):
        if key.startswith("DJANGO_") or key in PORTAL_VARIABLES:
            monkeypatch.delenv(key)
    # Set, even if empty, so that a developer's .env cannot fill them in.
    for name in ("BUCKET", "ACCESS_KEY_ID", "SECRET_ACCESS_KEY", "ENDPOINT_URL", "REGION"):
        monkeypatch.setenv(f"DJANGO_S3_{name}", "")
    for key, value in environ.items():
        monkeypatch.setenv(key, value)
    spec = importlib.util.find_spec(BASE)
    base = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(base)
    if module == BASE:
        return vars(base)
    monkeypatch.setitem(sys.modules, BASE, base)
    return runpy.run_module(module)


def test_files_stay_on_the_local_disk_by_default(monkeypatch):
    storages = load_settings(monkeypatch, BASE)["STORAGES"]

    assert storages["default"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_an_unknown_media_storage_is_refused(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match='DJANGO_MEDIA_STORAGE is "S3 "'):
        load_settings(monkeypatch, BASE, DJANGO_MEDIA_STORAGE="S3 ")


def s3_environ(endpoint: str = "http://127.0.0.1:9000", bucket: str = BUCKET) -> dict:
    return {
        "DJANGO_MEDIA_STORAGE": "s3",
        "DJANGO_S3_BUCKET": bucket,
        "DJANGO_S3_ENDPOINT_URL": endpoint,
        "DJANGO_S3_REGION": "us-east-1",
        "DJANGO_S3_ACCESS_KEY_ID": "portal",
        "DJANGO_S3_SECRET_ACCESS_KEY": "portal-secret",
        "DJANGO_S3_ADDRESSING_STYLE": "path",
    }


def test_s3_storage_takes_the_bucket_and_keys_from_the_environment(monkeypatch):
    storage = load_settings(monkeypatch, BASE, **s3_environ())["STORAGES"]["default"]

    assert storage["BACKEND"] == "rosario_intl.storage.MediaStorage"
    options = storage["OPTIONS"]
    assert options["bucket_name"] == BUCKET
    assert options["endpoint_url"] == "http://127.0.0.1:9000"
    assert options["region_name"] == "us-east-1"
    assert (options["access_key"], options["secret_key"]) == ("portal", "portal-secret")
    # Stable public addresses, and no upload replaces another file.
    assert options["querystring_auth"] is False
    assert options["file_overwrite"] is False
    assert options["client_config"].s3 == {"addressing_style": "path"}


@pytest.mark.parametrize(
    "missing", ["DJANGO_S3_BUCKET", "DJANGO_S3_ACCESS_KEY_ID", "DJANGO_S3_SECRET_ACCESS_KEY"]
)
def test_production_refuses_to_start_on_s3_without_the_bucket_or_its_keys(monkeypatch, missing):
    environ = {**s3_environ(), "DJANGO_SECRET_KEY": "x" * 50, missing: ""}

    with pytest.raises(ImproperlyConfigured, match=f"s3 but {missing} is not set"):
        load_settings(monkeypatch, PROD, **environ)


def test_production_starts_on_s3_with_the_bucket_and_its_keys(monkeypatch):
    prod = load_settings(monkeypatch, PROD, **s3_environ(), DJANGO_SECRET_KEY="x" * 50)

    assert prod["STORAGES"]["default"]["BACKEND"] == "rosario_intl.storage.MediaStorage"


@pytest.mark.parametrize(
    ("model", "field", "folder"),
    [
        (models.Document, "file", r"documents/\d{4}"),
        (models.Project, "image", r"entries/\d{4}"),
        (models.Program, "image", r"entries/\d{4}"),
        (models.Partner, "logo", "partners"),
    ],
)
def test_an_uploaded_files_name_has_a_random_part(model, field, folder):
    names = {
        model._meta.get_field(field).generate_filename(None, "Informe anual.pdf") for _ in range(20)
    }

    assert len(names) == 20
    for name in names:
        # 22 URL-safe characters: 128 random bits, not to be guessed.
        assert re.fullmatch(rf"{folder}/[A-Za-z0-9_-]{{22}}/Informe_anual\.pdf", name), name


# --- The round trip through moto's S3 server --------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def s3_server(tmp_path_factory):
    """moto's S3 server on a free loopback port, with the portal's bucket (public read of
    known keys, as the README asks) and another bucket that has no policy at all."""
    port = free_port()
    endpoint = f"http://127.0.0.1:{port}"
    log = tmp_path_factory.mktemp("moto") / "server.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
            stdout=output,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert server.poll() is None, log.read_text()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "moto's server did not start:\n" + (
                    log.read_text()
                )
                time.sleep(0.2)
        client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="portal",
            aws_secret_access_key="portal-secret",
        )
        client.create_bucket(Bucket=BUCKET)
        client.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_READ_POLICY))
        client.create_bucket(Bucket="rosario-no-policy")
        yield endpoint, client
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def s3_storage(s3_server, settings, monkeypatch):
    """This test's uploads go to the bucket, with the storage the settings build from the
    environment. Returns the server's address and a client of the bucket's owner."""
    endpoint, client = s3_server
    options = load_settings(monkeypatch, BASE, **s3_environ(endpoint))["STORAGES"]["default"]
    settings.STORAGES = {**settings.STORAGES, "default": options}
    return endpoint, client


def download(url: str) -> tuple[bytes, str]:
    """What a visitor's browser gets: a plain GET without credentials."""
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read(), response.headers["Content-Type"]


@pytest.mark.django_db
def test_a_document_uploaded_in_the_admin_is_downloaded_from_the_bucket(
    s3_storage, client, django_user_model, settings
):
    endpoint, owner = s3_storage
    project = factories.ProjectFactory()
    staff = django_user_model.objects.create_superuser("admin", "admin@example.org", "x" * 16)
    client.force_login(staff)
    data = load_form(client, project)
    data.update(
        {
            "documents-TOTAL_FORMS": ["1"],
            "documents-0-title_es": ["Informe"],
            "documents-0-kind": ["report"],
            "documents-0-date_precision": ["day"],
            "documents-0-version": ["1"],
            "documents-0-project": [str(project.pk)],
            # The browser's word on the type is not what the bucket serves.
            "documents-0-file": SimpleUploadedFile("Informe anual.pdf", PDF, "text/html"),
        }
    )

    response = client.post(change_url(project), data)

    assert response.status_code == 302, errors_of(response)
    name = project.documents.get().file.name
    assert re.fullmatch(r"documents/\d{4}/[A-Za-z0-9_-]{22}/Informe_anual\.pdf", name)
    # In the bucket, not on this machine's disk.
    stored = owner.get_object(Bucket=BUCKET, Key=name)
    assert stored["Body"].read() == PDF
    assert stored["ContentType"] == "application/pdf"
    assert stored["ContentDisposition"] == "inline"
    assert not (Path(settings.MEDIA_ROOT) / name).exists()

    # The public page links to the object's own address, which anyone can download.
    url = f"{endpoint}/{BUCKET}/{name}"
    page = Client().get(public_url(project))
    assert f'href="{url}"' in page.content.decode()
    assert download(url) == (PDF, "application/pdf")

    project.documents.get().file.delete()

    assert not default_storage.exists(name)
    with pytest.raises(HTTPError) as gone:
        download(url)
    assert gone.value.code in {403, 404}


@pytest.mark.parametrize(
    ("name", "content_type", "disposition"),
    [
        (
            "documents/2026/x/acta.docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "attachment",
        ),
        ("documents/2026/x/informe.pdf", "application/pdf", "inline"),
        ("entries/2026/x/foto.webp", "image/webp", None),
    ],
)
def test_objects_are_served_as_nginx_serves_the_local_files(
    s3_storage, name, content_type, disposition
):
    _endpoint, owner = s3_storage
    saved = default_storage.save(name, ContentFile(b"content", name="upload"))

    head = owner.head_object(Bucket=BUCKET, Key=saved)

    assert head["ContentType"] == content_type
    assert head.get("ContentDisposition") == disposition
    assert head["CacheControl"] == "public, max-age=3600"
    default_storage.delete(saved)


def test_an_object_is_public_only_by_the_buckets_policy(s3_server):
    # The test above would prove nothing if the server let anyone read anything.
    endpoint, _owner = s3_server
    storage = S3Storage(
        bucket_name="rosario-no-policy",
        endpoint_url=endpoint,
        region_name="us-east-1",
        access_key="portal",
        secret_key="portal-secret",
        querystring_auth=False,
        addressing_style="path",
    )
    name = storage.save("documents/informe.pdf", ContentFile(PDF))

    with pytest.raises(HTTPError) as refused:
        download(storage.url(name))

    assert refused.value.code == 403
    assert storage.open(name).read() == PDF  # the owner still reads it
