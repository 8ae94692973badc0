"""`make backup` and `make restore` (scripts/backup.sh, scripts/restore.sh).

The round trip runs on a scratch database of the PostgreSQL server the suite uses: content
in, dump, database dropped and created empty, restore, content identical.
"""

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

BASE_DIR = Path(settings.BASE_DIR)
ON_POSTGRESQL = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


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


@pytest.mark.skipif(
    not ON_POSTGRESQL or not shutil.which("pg_dump") or not shutil.which("pg_restore"),
    reason="needs a PostgreSQL DATABASE_URL and pg_dump/pg_restore (postgresql-client)",
)
def test_a_backup_restores_the_content_exactly(scratch_database, tmp_path):
    database_url, recreate = scratch_database
    before = content(database_url, tmp_path, fill=True)
    assert '"model": "cooperation.project"' in before
    backups = tmp_path / "backups"

    backup = run(["make", "--silent", "backup"], DATABASE_URL=database_url, BACKUP_DIR=str(backups))
    assert backup.returncode == 0, backup.stderr
    (dump,) = backups.glob("*.dump")
    assert backup.stdout.strip() == str(dump)
    assert dump.stat().st_mode & 0o077 == 0  # readable by its owner only
    assert not list(backups.glob("*.partial"))

    recreate()
    tables = "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
    assert query(database_url, tables) == [(0,)]

    restore = run(["make", "--silent", "restore", f"FILE={dump}"], DATABASE_URL=database_url)
    assert restore.returncode == 0, restore.stderr
    assert content(database_url, tmp_path) == before

    # A restore over a database that has content replaces it, without asking.
    titles = "SELECT slug_es, title_es FROM cooperation_project ORDER BY slug_es"
    restored = query(database_url, titles)
    edited = "UPDATE cooperation_project SET title_es = 'Edited after the backup'"
    assert query(database_url, edited) == len(restored)
    restore = run(["make", "--silent", "restore", f"FILE={dump}"], DATABASE_URL=database_url)
    assert restore.returncode == 0, restore.stderr
    assert query(database_url, titles) == restored
