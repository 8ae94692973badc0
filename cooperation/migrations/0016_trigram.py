"""pg_trgm on PostgreSQL, for the search's "Did you mean…?" (``search.suggest``).

``TrigramExtension`` does nothing on another database: SQLite offers no suggestion.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("cooperation", "0015_contact_details"),
    ]

    operations = [TrigramExtension()]
