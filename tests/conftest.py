import copy
from importlib import import_module

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models.signals import post_migrate
from django.test import Client
from django.utils import translation
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from cooperation import models
from cooperation.signals import content_changed
from rosario_intl.two_factor import devices
from tests import factories

# Loading the seed runs ``full_clean`` and a save per row (about 0.3 s); two hundred tests
# use it. It is loaded once per session, its rows read back, and the transaction rolled
# back; each test that asks for it gets the same rows written with one INSERT per table.


class _Rollback(Exception):
    pass


def _seeded_models() -> list:
    models = []
    for model in apps.get_app_config("cooperation").get_models():
        models.append(model)
        models += [
            field.remote_field.through
            for field in model._meta.local_many_to_many
            if field.remote_field.through._meta.auto_created
        ]
    return models


@pytest.fixture(scope="session")
def seed_rows(django_db_setup, django_db_blocker) -> list[tuple[type, list]]:
    """The rows ``load_seed`` writes, per model, read once per session."""
    rows = []
    with django_db_blocker.unblock():
        try:
            with transaction.atomic():
                call_command("load_seed", verbosity=0)
                rows = [(model, list(model._base_manager.all())) for model in _seeded_models()]
                raise _Rollback
        except _Rollback:
            pass
    return [(model, objs) for model, objs in rows if objs]


def _content_type_fields(model) -> list[str]:
    return [
        field.attname
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is ContentType
    ]


@pytest.fixture(scope="session")
def seed_content_types(seed_rows, django_db_blocker) -> dict[int, tuple[str, str]]:
    """The content types the seed rows point at, by natural key: a test that empties the
    database (``transactional_db``) makes Django create them again under other ids."""
    wanted = {
        getattr(obj, name)
        for model, objs in seed_rows
        for name in _content_type_fields(model)
        for obj in objs
    }
    with django_db_blocker.unblock():
        rows = ContentType.objects.filter(pk__in=wanted).values_list("pk", "app_label", "model")
        return {pk: (app_label, model) for pk, app_label, model in rows}


def _insert(rows, content_types: dict[int, tuple[str, str]]) -> None:
    """Write ``rows`` (model, objects) with their primary keys, one INSERT per table."""
    ContentType.objects.clear_cache()
    current = {
        pk: ContentType.objects.get_by_natural_key(*key).pk for pk, key in content_types.items()
    }
    for model, objs in rows:
        if fields := _content_type_fields(model):
            objs = [copy.copy(obj) for obj in objs]
            for obj in objs:
                for name in fields:
                    setattr(obj, name, current[getattr(obj, name)])
        model._base_manager.bulk_create(objs)
    # Rows written with their primary keys leave PostgreSQL's sequences behind.
    statements = connection.ops.sequence_reset_sql(no_style(), [m for m, _objs in rows])
    if statements:
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)


@pytest.fixture(scope="module")
def module_seed(django_db_setup, django_db_blocker, seed_rows, seed_content_types, tenfold_rows):
    """The seed written once for a whole module, in a transaction open for the module's
    duration and rolled back at its end; each test's own transaction (``db``) is a savepoint
    inside it, so what a test writes is still undone after it. For modules whose tests all
    run on the seed, none of them transactional: ``pytestmark = usefixtures("module_seed")``.
    (pytest-django leaves Django's per-class transaction out precisely so that a wider one
    can wrap its tests.) The tenfold rows are built first (once per session): they are built
    on an empty database, which inside this transaction the database is not."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            _insert(seed_rows, seed_content_types)
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def seeded(request, db, seed_rows, seed_content_types):
    """The database with the city's seed content loaded (as ``load_seed`` leaves it)."""
    if "module_seed" not in request.fixturenames:
        _insert(seed_rows, seed_content_types)


def _build_tenfold() -> None:
    """Ten times the seed's projects, partners, participations and milestones."""
    programs = list(models.Program.objects.all())
    themes = list(models.Theme.objects.all())
    for index in range(70):
        project = factories.ProjectFactory(program=programs[index % len(programs)])
        project.themes.set(themes[:3])
        for _ in range(3):
            factories.ParticipationFactory(project=project)
        factories.MilestoneFactory(project=project)
        factories.DocumentFactory(project=project)


@pytest.fixture(scope="session")
def tenfold_rows(seed_rows, seed_content_types, django_db_blocker) -> list[tuple[type, list]]:
    """The rows ``_build_tenfold`` adds to the seed, built once per session like the seed."""
    rows = []
    with django_db_blocker.unblock():
        try:
            with transaction.atomic():
                _insert(seed_rows, seed_content_types)
                seeded_pks = {model: {obj.pk for obj in objs} for model, objs in seed_rows}
                _build_tenfold()
                for model in _seeded_models():
                    if model is models.ContentVersion:
                        continue
                    known = seeded_pks.get(model, set())
                    new = [obj for obj in model._base_manager.all() if obj.pk not in known]
                    rows.append((model, new))
                raise _Rollback
        except _Rollback:
            pass
    return [(model, objs) for model, objs in rows if objs]


@pytest.fixture
def make_data_tenfold(seeded, tenfold_rows, seed_content_types):
    """Call it to add ten times the seed's projects, partners, participations and milestones
    (to show that a page's query count does not grow with the data)."""

    def make() -> None:
        _insert(tenfold_rows, seed_content_types)
        content_changed()  # as the saves would have: cached pages are of the smaller data

    return make


@pytest.fixture(params=["es", "en"])
def language(request):
    with translation.override(request.param):
        yield request.param


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the page cache's keys restart with the database."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the default language: a request through LocaleMiddleware leaves its
    language active in the thread, and a later test would otherwise run in it."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


# A transactional test ends with a flush, which empties what the data migrations stored: the
# staff roles, which a later test on the same database (pytest-xdist: the same worker) needs.
# Django's flush then sends post_migrate (content types and permissions come back that way);
# the roles come back here, made as migrations 0004 and 0010 make them.
STAFF_ROLE_MIGRATIONS = (
    ("0004_editor_and_publisher_groups", "create_groups"),
    ("0010_staff_editing", "allow_deleting_rows"),
)


def restore_staff_roles(sender, using, **kwargs):
    if sender.name != "cooperation":
        return
    for migration, function in STAFF_ROLE_MIGRATIONS:
        getattr(import_module(f"cooperation.migrations.{migration}"), function)(apps, None)


post_migrate.connect(restore_staff_roles, dispatch_uid="tests-restore-staff-roles")


class VerifiedClient(Client):
    """The test client, whose ``force_login`` leaves the session as the whole login does
    (password, then the code) for an account that needs the second step: superusers and
    publishers get an authenticator device if they have none, and the session is marked as
    verified by it, as ``django_otp.login`` marks it. The login itself, with real codes, is
    tested in tests/admin/test_two_factor.py and tests/browser/test_two_factor.py."""

    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        if devices.pending_step(user) is None:
            return
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()


@pytest.fixture
def client():
    """pytest-django's ``client``, with a ``force_login`` that passes the second step."""
    return VerifiedClient()


@pytest.fixture
def admin_client(db, admin_user):
    """pytest-django's ``admin_client``, signed in with the second step passed too."""
    client = VerifiedClient()
    client.force_login(admin_user)
    return client
