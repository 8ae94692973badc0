"""Staff editing.

- Editors and publishers may delete the rows of an entry (participations, milestones,
  documents) they added by mistake; a deleted row can be recovered on its own. Deleting
  programs, projects and everything else stays with the superuser.
- An editor can say an entry is ready for a publisher to review (who and since when).
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

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
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(allow_deleting_rows, forbid_deleting_rows),
        migrations.AddField(
            model_name="network",
            name="review_requested_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="ready for review since"
            ),
        ),
        migrations.AddField(
            model_name="network",
            name="review_requested_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="ready for review, said by",
            ),
        ),
        migrations.AddField(
            model_name="partner",
            name="review_requested_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="ready for review since"
            ),
        ),
        migrations.AddField(
            model_name="partner",
            name="review_requested_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="ready for review, said by",
            ),
        ),
        migrations.AddField(
            model_name="program",
            name="review_requested_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="ready for review since"
            ),
        ),
        migrations.AddField(
            model_name="program",
            name="review_requested_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="ready for review, said by",
            ),
        ),
        migrations.AddField(
            model_name="project",
            name="review_requested_at",
            field=models.DateTimeField(
                blank=True, editable=False, null=True, verbose_name="ready for review since"
            ),
        ),
        migrations.AddField(
            model_name="project",
            name="review_requested_by",
            field=models.ForeignKey(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
                verbose_name="ready for review, said by",
            ),
        ),
    ]
