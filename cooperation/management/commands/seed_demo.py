"""``manage.py seed_demo``: synthetic published projects, to measure the portal at scale."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from cooperation.seed.demo import demo_create


class Command(BaseCommand):
    help = (
        "Add N synthetic published projects (with partners, themes, SDGs and milestones), "
        "every title marked as demo data, to measure the portal at scale. Works on an empty "
        "database or beside the seed content. Refuses to run with DEBUG off unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--projects", type=int, default=1000)
        parser.add_argument("--partners", type=int, default=100)
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off.")
        parser.add_argument("--seed", type=int, default=1, help="Random seed (repeatable data).")

    def handle(self, *args, projects, partners, force, seed, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "DEBUG is off: this looks like a production database. seed_demo adds fake "
                "projects; pass --force if you really mean it."
            )
        if projects < 1 or partners < 1:
            raise CommandError("--projects and --partners must be at least 1.")
        created, run = demo_create(projects=projects, partners=partners, seed=seed)
        self.stdout.write(self.style.SUCCESS(f"Demo data added: {created} projects (run {run})."))
