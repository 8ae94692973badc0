"""`make backup` and `make restore` (scripts/backup.sh, scripts/restore.sh).

The round trip runs on a scratch database of the PostgreSQL server the suite uses and a
scratch media folder: content and files in, backup, database dropped and created empty and
media folder deleted, restore, content and files identical.
"""

import hashlib
import os
import secrets
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.conf import settings
from django.db import connection

BASE_DIR = Path(settings.BASE_DIR)
ON_POSTGRESQL = connection.vendor == "postgresql"


def environ(**variables: str) -> dict[str, str]:
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("DJANGO_") and key not in {"DATABASE_URL", "BACKUP_DIR"}
    }
    return {**clean, "DJANGO_SETTINGS_MODULE": "rosario_intl.settings.test", **variables}


def run(command: list[str], **variables: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        command,
        cwd=BASE_DIR,
        env=environ(**variables),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )


# One Django process: fill the database with the seed content if asked, then dump the
# content that a restore must bring back.
CONTENT = """
import sys

import django

django.setup()
from django.core.management import call_command

if sys.argv[2] == "fill":
    call_command("migrate", verbosity=0)
    call_command("load_seed", verbosity=0)
call_command(
    "dumpdata", "cooperation", "auth.group", natural_foreign=True, indent=1, output=sys.argv[1]
)
"""


def content(database_url: str, folder: Path, *, fill: bool = False) -> str:
    output = folder / "content.json"
    result = run(
        [sys.executable, "-c", CONTENT, str(output), "fill" if fill else "dump"],
        DATABASE_URL=database_url,
    )
    assert result.returncode == 0, result.stderr
    return output.read_text()


def query(database_url: str, sql: str):
    with psycopg.connect(database_url, autocommit=True) as connection:
        cursor = connection.execute(sql)
        return cursor.fetchall() if cursor.description else cursor.rowcount


@pytest.mark.parametrize("script", ["scripts/backup.sh", "scripts/restore.sh"])
@pytest.mark.parametrize("database_url", ["", "sqlite:////tmp/rosario.sqlite3"])
def test_the_scripts_refuse_anything_but_postgresql(tmp_path, script, database_url):
    dump = tmp_path / "some.dump"
    dump.write_bytes(b"PGDMP")

    result = run(["bash", script, str(dump)], DATABASE_URL=database_url, BACKUP_DIR=str(tmp_path))

    assert result.returncode == 2
    assert "DATABASE_URL must name a PostgreSQL database" in result.stderr
    assert list(tmp_path.iterdir()) == [dump]


def test_restore_asks_for_the_file(tmp_path):
    for args in ([], [str(tmp_path / "missing.dump")]):
        result = run(["bash", "scripts/restore.sh", *args], DATABASE_URL="postgres://x@h/db")

        assert result.returncode == 2
        assert "make restore FILE=" in result.stderr


@pytest.fixture
def scratch_database():
    """The URL of an empty database, dropped at the end, and a way to empty it again."""
    server = urlsplit(settings.DATABASE_URL)
    name = f"rosario_backup_{secrets.token_hex(4)}"
    maintenance = urlunsplit(server._replace(path="/postgres", query=""))

    def execute(statement: str):
        with psycopg.connect(maintenance, autocommit=True) as connection:
            connection.execute(statement)

    def recreate():
        execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        execute(f'CREATE DATABASE "{name}"')

    recreate()
    try:
        yield urlunsplit(server._replace(path=f"/{name}")), recreate
    finally:
        execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


needs_postgresql = pytest.mark.skipif(
    not ON_POSTGRESQL or not shutil.which("pg_dump") or not shutil.which("pg_restore"),
    reason="needs a PostgreSQL DATABASE_URL and pg_dump/pg_restore (postgresql-client)",
)


def checksums(folder: Path) -> dict[str, str]:
    """The sha256 of every file under ``folder``, by path inside it."""
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in folder.rglob("*")
        if path.is_file()
    }


def uploaded_files(media: Path) -> None:
    files = {
        "documents/2026/Xb3-kQ9_a1b2c3d4e5f6g7/Informe anual 2025.pdf": b"%PDF-1.7\n"
        + os.urandom(50_000),
        "entries/2026/Zq8_mN2-b1c2d3e4f5g6h7/foto.png": os.urandom(20_000),
        "partners/Lk4_pQ7-c1d2e3f4g5h6i7/logo.webp": os.urandom(3_000),
        "documents/2020/old.doc": b"",
    }
    for name, data in files.items():
        (media / name).parent.mkdir(parents=True, exist_ok=True)
        (media / name).write_bytes(data)
    media.chmod(0o755)


@needs_postgresql
def test_a_backup_restores_the_content_and_the_files_exactly(scratch_database, tmp_path):
    database_url, recreate = scratch_database
    before = content(database_url, tmp_path, fill=True)
    assert '"model": "cooperation.project"' in before
    media = tmp_path / "srv" / "media"
    uploaded_files(media)
    files = checksums(media)
    backups = tmp_path / "backups"
    variables = {
        "DATABASE_URL": database_url,
        "DJANGO_MEDIA_STORAGE": "local",
        "DJANGO_MEDIA_ROOT": str(media),
    }

    backup = run(["make", "--silent", "backup"], BACKUP_DIR=str(backups), **variables)
    assert backup.returncode == 0, backup.stderr
    (dump,) = backups.glob("*.dump")
    archive = dump.with_name(dump.name.replace(".dump", ".media.tar.gz"))
    assert backup.stdout.split() == [str(dump), str(archive)]
    assert sorted(backups.iterdir()) == sorted([dump, archive])  # nothing left half-written
    for written in (dump, archive):
        assert written.stat().st_mode & 0o077 == 0  # readable by its owner only

    # Everything lost: the database emptied, the media folder gone.
    recreate()
    tables = "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
    assert query(database_url, tables) == [(0,)]
    shutil.rmtree(media)

    restore = run(["make", "--silent", "restore", f"FILE={dump}"], **variables)
    assert restore.returncode == 0, restore.stderr
    assert content(database_url, tmp_path) == before
    assert checksums(media) == files
    assert media.stat().st_mode & 0o777 == 0o755
    assert [path.name for path in media.parent.iterdir()] == ["media"]

    # A restore over a database and a folder that have changed replaces both, without asking.
    titles = "SELECT slug_es, title_es FROM cooperation_project ORDER BY slug_es"
    restored = query(database_url, titles)
    edited = "UPDATE cooperation_project SET title_es = 'Edited after the backup'"
    assert query(database_url, edited) == len(restored)
    (media / "documents/2020/old.doc").write_bytes(b"changed")
    (media / "documents/2027").mkdir()
    (media / "documents/2027/new.pdf").write_bytes(b"%PDF-1.7 uploaded after the backup")
    restore = run(["make", "--silent", "restore", f"FILE={dump}"], **variables)
    assert restore.returncode == 0, restore.stderr
    assert query(database_url, titles) == restored
    assert checksums(media) == files
    assert [path.name for path in media.parent.iterdir()] == ["media"]


@needs_postgresql
def test_a_damaged_archive_changes_neither_the_database_nor_the_files(scratch_database, tmp_path):
    database_url, _recreate = scratch_database
    query(database_url, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (1)")
    media = tmp_path / "media"
    uploaded_files(media)
    files = checksums(media)
    variables = {
        "DATABASE_URL": database_url,
        "DJANGO_MEDIA_STORAGE": "local",
        "DJANGO_MEDIA_ROOT": str(media),
    }
    backup = run(["make", "--silent", "backup"], BACKUP_DIR=str(tmp_path / "b"), **variables)
    assert backup.returncode == 0, backup.stderr
    dump, archive = map(Path, backup.stdout.split())
    query(database_url, "DELETE FROM kept")
    archive.write_bytes(archive.read_bytes()[:100])

    restore = run(["make", "--silent", "restore", f"FILE={dump}"], **variables)

    assert restore.returncode != 0
    assert query(database_url, "SELECT count(*) FROM kept") == [(0,)]
    assert checksums(media) == files
    assert [path.name for path in media.parent.iterdir()] == sorted(["b", "media"])


@needs_postgresql
def test_with_object_storage_the_backup_says_it_leaves_the_bucket_out(scratch_database, tmp_path):
    database_url, _recreate = scratch_database
    media = tmp_path / "media"
    uploaded_files(media)
    files = checksums(media)
    backups = tmp_path / "backups"
    variables = {
        "DATABASE_URL": database_url,
        "DJANGO_MEDIA_STORAGE": "s3",
        "DJANGO_MEDIA_ROOT": str(media),
    }

    backup = run(["make", "--silent", "backup"], BACKUP_DIR=str(backups), **variables)

    assert backup.returncode == 0, backup.stderr
    (dump,) = backups.iterdir()
    assert backup.stdout.split() == [str(dump)]
    assert "does not archive them; the bucket's own versioning keeps them" in backup.stderr

    restore = run(["make", "--silent", "restore", f"FILE={dump}"], **variables)

    assert restore.returncode == 0, restore.stderr
    assert "the database only" in restore.stderr
    assert checksums(media) == files
