"""``manage.py load_seed``: the city's cooperation page into the database (see ``seed/``)."""

from django.core.management.base import BaseCommand

from cooperation.seed.loader import seed_load


class Command(BaseCommand):
    help = (
        "Load the city's international cooperation page into the database, in Spanish and "
        "English. Safe to run again: it only adds what is missing and never changes or "
        "brings back what staff have edited or deleted."
    )

    def handle(self, *args, **options):
        loader = seed_load()
        message = f"Seed content loaded: {loader.created} new entries."
        if loader.filled:
            message += f" Places added to {loader.filled} partners loaded before."
        self.stdout.write(self.style.SUCCESS(message))
