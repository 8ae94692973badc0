"""``manage.py load_seed``: the city's cooperation page into the database (see ``seed/``)."""

from django.core.management.base import BaseCommand

from cooperation.seed.loader import seed_load, seed_revise


class Command(BaseCommand):
    help = (
        "Load the city's international cooperation page into the database, in Spanish and "
        "English. Safe to run again: it only adds what is missing and never changes or "
        "brings back what staff have edited or deleted. With --revise it also corrects what "
        "an earlier seed stated, where staff have not changed it since."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--revise",
            action="store_true",
            help=(
                "Apply the seed's corrections to entries loaded before, field by field, only "
                "where the stored value is still the earlier seed's; report what changed and "
                "what was skipped."
            ),
        )

    def handle(self, *args, **options):
        if options["revise"]:
            reviser = seed_revise()
            for line in reviser.changed:
                self.stdout.write(f"Changed {line}")
            for line in reviser.skipped:
                self.stdout.write(f"Skipped {line}")
            self.stdout.write(
                self.style.SUCCESS(
                    f"Seed revised: {len(reviser.changed)} fields changed, "
                    f"{len(reviser.skipped)} skipped; the city's page cited by "
                    f"{reviser.sourced} more entries."
                )
            )
        loader = seed_load()
        message = f"Seed content loaded: {loader.created} new entries."
        if loader.filled:
            message += f" Places added to {loader.filled} partners loaded before."
        self.stdout.write(self.style.SUCCESS(message))
