"""The cooperation app's migrations: every one reversible, none dropping content.

A release can then be rolled back with ``manage.py migrate cooperation <previous>``, and
no migration loses what staff entered. Dropping a model, a field or data on purpose must be
argued for in ``DROPS_CONTENT_ALLOWED`` below.
"""

import importlib
import json
import os
import secrets
import subprocess
import sys
from urllib.parse import urlsplit, urlunsplit

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.db.migrations import operations
from django.db.migrations.loader import MigrationLoader

APP = "cooperation"
# Operations that throw away stored content.
DROPPING = (operations.RemoveField, operations.DeleteModel)
# (migration name, operation description) -> why losing that content is acceptable.
DROPS_CONTENT_ALLOWED: dict[tuple[str, str], str] = {}


def app_migrations():
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return sorted(
        (migration for (app, _name), migration in loader.disk_migrations.items() if app == APP),
        key=lambda migration: migration.name,
    )


def test_no_migration_drops_content_without_a_stated_reason():
    dropping = {
        (migration.name, operation.describe()): operation
        for migration in app_migrations()
        for operation in migration.operations
        if isinstance(operation, DROPPING)
        or (isinstance(operation, operations.RunSQL) and "DROP" in str(operation.sql).upper())
    }

    assert set(dropping) - set(DROPS_CONTENT_ALLOWED) == set(), (
        "these operations drop stored content; if that is really intended, add them to "
        "DROPS_CONTENT_ALLOWED with the reason"
    )


def test_every_migration_can_be_reversed():
    irreversible = [
        f"{migration.name}: {operation.describe()}"
        for migration in app_migrations()
        for operation in migration.operations
        if not operation.reversible
    ]

    assert irreversible == [], "give RunPython a reverse function and RunSQL its reverse_sql"


# Run in a Django process of its own on a scratch database: going back to zero and forward
# again in the test database would leave this process's caches (content types) stale and
# lose what the migrations themselves store (groups) for the tests that come after.
ROUND_TRIP = """
import json
import sys

import django

django.setup()
from django.core.management import call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from cooperation.models import Project

app = sys.argv[1]


def state(step):
    recorder = MigrationRecorder(connection)
    applied = sorted(name for label, name in recorder.applied_migrations() if label == app)
    tables = [name for name in connection.introspection.table_names() if name.startswith(app)]
    print("STATE", json.dumps({"step": step, "applied": applied, "tables": tables}))


call_command("migrate", verbosity=0)
call_command("load_seed", verbosity=0)  # with content in the tables, as on a real server
state("forward")
call_command("migrate", app, "zero", verbosity=0)
state("zero")
call_command("migrate", verbosity=0)
call_command("load_seed", verbosity=0)
state("forward again")
print("STATE", json.dumps({"projects": Project.objects.count()}))
"""


@pytest.fixture
def scratch_database_url():
    server = urlsplit(settings.DATABASE_URL)
    name = f"rosario_migrations_{secrets.token_hex(4)}"
    maintenance = urlunsplit(server._replace(path="/postgres", query=""))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(server._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(maintenance, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="migrations are run backwards on PostgreSQL, the production database "
    "(DATABASE_URL=postgres://...)",
)
def test_migrations_run_back_to_zero_and_forward_again_on_postgresql(scratch_database_url):
    environ = {
        **{key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")},
        "DJANGO_SETTINGS_MODULE": "rosario_intl.settings.test",
        "DATABASE_URL": scratch_database_url,
    }
    result = subprocess.run(
        [sys.executable, "-c", ROUND_TRIP, APP],
        cwd=settings.BASE_DIR,
        env=environ,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stderr

    states = [
        json.loads(line.removeprefix("STATE "))
        for line in result.stdout.splitlines()
        if line.startswith("STATE ")
    ]
    forward, zero, again, content = states
    every_migration = sorted(migration.name for migration in app_migrations())
    assert forward["applied"] == every_migration
    assert zero == {"step": "zero", "applied": [], "tables": []}
    assert again["applied"] == every_migration
    assert again["tables"] == forward["tables"]
    assert content["projects"] > 0


@pytest.mark.django_db
def test_the_slugs_recorded_by_the_history_before_0014_become_former_addresses():
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection
    from reversion import create_revision

    from cooperation import models
    from tests import factories

    migration = importlib.import_module("cooperation.migrations.0014_slug_history")
    renamed = factories.ProjectFactory(slug_es="a", slug_en=None)
    left = factories.ProjectFactory(slug_es="compartido")
    for obj, changes in [
        (renamed, {}),
        (left, {}),
        (left, {"slug_es": "otro"}),
        (renamed, {"slug_es": "b"}),
        (renamed, {"slug_en": "english", "slug_es": "compartido"}),
    ]:
        for name, value in changes.items():
            setattr(obj, name, value)
        with create_revision():
            obj.save()
    # As a database migrated before the table existed has it: empty.
    models.SlugHistory.objects.all().delete()

    migration.keep_former_slugs_from_history(apps, SimpleNamespace(connection=connection))

    found = set(models.SlugHistory.objects.values_list("object_id", "language", "slug"))
    assert found == {
        (renamed.pk, "es", "a"),
        (renamed.pk, "en", "a"),
        (renamed.pk, "es", "b"),
        (renamed.pk, "en", "b"),
        # Left by ``left``, then taken by ``renamed``: the live entry wins when asked.
        (left.pk, "es", "compartido"),
    }
