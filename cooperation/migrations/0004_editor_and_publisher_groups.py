"""The two staff roles: editors write and change content; publishers also publish it.

Neither group may touch users, groups or permissions (no ``auth`` permissions), and
neither may delete: that stays with the superuser, and deleted entries can be recovered.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

CONTENT_MODELS = [
    "theme",
    "sustainabledevelopmentgoal",
    "partner",
    "network",
    "program",
    "project",
    "participation",
    "milestone",
    "document",
    "sectiontext",
    "collaborationway",
    "contactsettings",
]
PUBLISHABLE_MODELS = ["partner", "network", "program", "project"]
EDIT_CODENAMES = [
    f"{action}_{model}" for action in ("add", "change", "view") for model in CONTENT_MODELS
]
PUBLISH_CODENAMES = [f"publish_{model}" for model in PUBLISHABLE_MODELS]
GROUPS = {"editors": EDIT_CODENAMES, "publishers": EDIT_CODENAMES + PUBLISH_CODENAMES}


def create_groups(apps, schema_editor):
    # Django creates permissions after the last migration (post_migrate); a fresh database
    # has none yet, so this app's are created here first. (create_permissions skips an app
    # without a models module, which the migration state's app configs lack.)
    app_config = apps.get_app_config("cooperation")
    models_module = getattr(app_config, "models_module", None)
    app_config.models_module = models_module or True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = models_module

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        permissions = Permission.objects.filter(
            content_type__app_label="cooperation", codename__in=codenames
        )
        assert permissions.count() == len(codenames), f"missing permissions for {name}"
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("cooperation", "0003_images_versions_publish_permission"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
