"""A covering index for the project list (``selectors.project_list``): newest first, with every
column the list's statement reads, so that PostgreSQL counts and sorts the published projects
from the index alone instead of their wide rows. SQLite creates it too (without ``INCLUDE``)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0016_trigram"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="project",
            index=models.Index(
                fields=["-start_year"],
                include=("id", "publication", "publish_at", "program", "title_es", "title_en"),
                name="project_list_covering",
            ),
        ),
    ]
