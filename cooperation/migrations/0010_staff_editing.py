"""Staff editing: editors and publishers may delete the rows of an entry (participations,
milestones, documents) they added by mistake; a deleted row can be recovered on its own.
Deleting programs, projects and everything else stays with the superuser."""

from django.db import migrations

ROW_DELETE_CODENAMES = ["delete_participation", "delete_milestone", "delete_document"]
GROUPS = ("editors", "publishers")


def allow_deleting_rows(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="cooperation", codename__in=ROW_DELETE_CODENAMES
    )
    assert permissions.count() == len(ROW_DELETE_CODENAMES), "missing delete permissions"
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def forbid_deleting_rows(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="cooperation", codename__in=ROW_DELETE_CODENAMES
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0009_scheduled_publication"),
    ]

    operations = [
        migrations.RunPython(allow_deleting_rows, forbid_deleting_rows),
    ]
