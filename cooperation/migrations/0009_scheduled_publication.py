"""The next scheduled publication, so that the page cache sees it come (cooperation.page_cache).

Entries already scheduled when this runs are taken into account.
"""

from django.db import migrations, models
from django.db.models import Min
from django.utils import timezone

PUBLISHABLE = ("Partner", "Network", "Program", "Project")


def note_scheduled_publications(apps, schema_editor):
    now = timezone.now()
    moments = [
        apps.get_model("cooperation", name)
        .objects.filter(publication="published", publish_at__gt=now)
        .aggregate(first=Min("publish_at"))["first"]
        for name in PUBLISHABLE
    ]
    first = min((moment for moment in moments if moment), default=None)
    if first is not None:
        apps.get_model("cooperation", "ContentVersion").objects.filter(pk=1).update(
            next_publication_at=first
        )


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0008_stored_search_vectors"),
    ]

    operations = [
        migrations.AddField(
            model_name="contentversion",
            name="next_publication_at",
            field=models.DateTimeField(null=True, verbose_name="next scheduled publication"),
        ),
        migrations.RunPython(note_scheduled_publications, migrations.RunPython.noop),
    ]
