"""Staff users for the admin's tests, in the two roles made by migrations 0004 and 0010."""

import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth.models import Group

PASSWORD = "a-long-enough-password"
ROLE_MIGRATION = importlib.import_module("cooperation.migrations.0004_editor_and_publisher_groups")
ROW_DELETE_MIGRATION = importlib.import_module("cooperation.migrations.0010_staff_editing")


@pytest.fixture(autouse=True)
def roles(db):
    """The groups made by migrations 0004 and 0010 (a flush, as after the browser tests,
    empties them)."""
    if Group.objects.filter(name__in=ROLE_MIGRATION.GROUPS).count() < len(ROLE_MIGRATION.GROUPS):
        ROLE_MIGRATION.create_groups(django_apps, schema_editor=None)
        ROW_DELETE_MIGRATION.allow_deleting_rows(django_apps, schema_editor=None)


@pytest.fixture
def make_staff(django_user_model):
    def make(username: str, *groups: str, **extra):
        user = django_user_model.objects.create_user(
            username=username, password=PASSWORD, is_staff=True, **extra
        )
        user.groups.set(Group.objects.filter(name__in=groups))
        return user

    return make


@pytest.fixture
def editor(make_staff):
    return make_staff("edith", "editors", first_name="Edith", last_name="Ramos")


@pytest.fixture
def publisher(make_staff):
    return make_staff("pablo", "publishers", first_name="Pablo", last_name="Sosa")


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("admin", "admin@example.org", PASSWORD)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path
