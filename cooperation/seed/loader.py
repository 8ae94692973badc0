"""Load the city's cooperation page (``cooperation/seed_data.py``) into the database."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.text import slugify

from cooperation import models, seed_data

PUBLISHED = {"publication": models.PublicationStatus.PUBLISHED}
PLACE_TEXT_FIELDS = ("city_es", "city_en")


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


class SeedLoader:
    """Creates each seed item once, remembered by key in ``SeedRecord``.

    An item already recorded is never touched again, so staff edits stay and an item
    staff deleted is not brought back. An unrecorded row that already holds the item's
    natural key (a slug, an SDG number) is adopted as it is rather than duplicated.
    """

    def __init__(self):
        self.records = {record.key: record for record in models.SeedRecord.objects.all()}
        self.created = 0
        self.filled = 0

    def get(self, key: str):
        """The object created for ``key``, or None if staff have since deleted it."""
        record = self.records.get(key)
        if record is None:
            return None
        model = record.content_type.model_class()
        return model.objects.filter(pk=record.object_id).first()

    def _remember(self, key: str, obj) -> None:
        self.records[key] = models.SeedRecord.objects.create(
            key=key,
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
        )

    def ensure(self, key: str, model, fields: dict, *, adopt: dict | None = None, m2m=None):
        if key in self.records:
            return self.get(key)
        obj = model.objects.filter(**adopt).first() if adopt else None
        if obj is None:
            obj = model(**fields)
            obj.full_clean()
            obj.save()
            for name, values in (m2m or {}).items():
                getattr(obj, name).set(values)
            self.created += 1
        self._remember(key, obj)
        return obj

    def ensure_singleton(self, key: str, model, fields: dict) -> None:
        """Fill the single row's empty fields; a value staff have written is kept."""
        if key in self.records:
            return
        obj = model.load()
        for name, value in fields.items():
            if not getattr(obj, name):
                setattr(obj, name, value)
        obj.full_clean()
        obj.save()
        self.created += 1
        self._remember(key, obj)

    def fill_place(self, partner: models.Partner, item: dict) -> None:
        """Give a partner loaded by an earlier run the place the seed now knows (the city and
        its coordinates came later), where its fields are still empty: a value staff have
        written is kept, and coordinates are set only as a pair.
        """
        changed = []
        for name in PLACE_TEXT_FIELDS:
            if item.get(name) and not getattr(partner, name):
                setattr(partner, name, item[name])
                changed.append(name)
        if (
            item.get("latitude") is not None
            and partner.latitude is None
            and partner.longitude is None
        ):
            partner.latitude, partner.longitude = item["latitude"], item["longitude"]
            changed += ["latitude", "longitude"]
        if changed:
            partner.save(update_fields=changed)
            self.filled += 1

    def run(self) -> int:
        self.ensure_singleton("section", models.SectionText, seed_data.SECTION)
        self.ensure_singleton("contact", models.ContactSettings, seed_data.CONTACT)
        for way in seed_data.WAYS:
            self.ensure(
                f"way:{way['key']}", models.CollaborationWay, way, adopt={"key": way["key"]}
            )
        sdgs = {
            number: self.ensure(
                f"sdg:{number}",
                models.SustainableDevelopmentGoal,
                {"number": number, "name_es": name_es, "name_en": name_en},
                adopt={"number": number},
            )
            for number, name_es, name_en in seed_data.SDGS
        }
        themes = {
            key: self.ensure(
                f"theme:{key}",
                models.Theme,
                {"name_es": name_es, "slug_es": slug_es, "name_en": name_en, "slug_en": slug_en},
                adopt={"slug_es": slug_es},
            )
            for key, name_es, slug_es, name_en, slug_en in seed_data.THEMES
        }
        partners = {}
        for item in seed_data.PARTNERS:
            key = f"partner:{item['key']}"
            loaded_before = key in self.records
            partners[item["key"]] = partner = self.ensure(
                key,
                models.Partner,
                {**PUBLISHED, **{k: v for k, v in item.items() if k != "key"}},
                adopt={"slug_es": item["slug_es"]},
            )
            if loaded_before and partner is not None:
                self.fill_place(partner, item)
        networks = {}
        for item in seed_data.NETWORKS:
            organization = partners[item["organization"]]
            if organization is None:
                continue
            fields = {k: v for k, v in item.items() if k not in {"key", "organization"}}
            fields["member_since"] = _date(fields.get("member_since"))
            networks[item["key"]] = self.ensure(
                f"network:{item['key']}",
                models.Network,
                {**PUBLISHED, **fields, "organization": organization},
                adopt={"organization": organization},
            )
        programs = {}
        for item in seed_data.PROGRAMS:
            fields = self._entry_fields(item)
            fields["parent"] = programs.get(item.get("parent"))
            fields["network"] = networks.get(item.get("network"))
            programs[item["key"]] = program = self.ensure(
                f"program:{item['key']}",
                models.Program,
                fields,
                adopt={"slug_es": item["slug_es"]},
                m2m=self._tags(item, themes, sdgs),
            )
            self._children(f"program:{item['key']}", item, {"program": program}, partners)
        for item in seed_data.PROJECTS:
            program = programs.get(item["program"])
            if program is None:
                continue
            fields = {**self._entry_fields(item), "program": program}
            project = self.ensure(
                f"project:{item['key']}",
                models.Project,
                fields,
                adopt={"slug_es": item["slug_es"]},
                m2m=self._tags(item, themes, sdgs),
            )
            self._children(f"project:{item['key']}", item, {"project": project}, partners)
        return self.created

    @staticmethod
    def _entry_fields(item: dict) -> dict:
        skip = {"key", "program", "parent", "network", "themes", "sdgs", "participations",
                "milestones", "documents"}  # fmt: skip
        return {**PUBLISHED, **{k: v for k, v in item.items() if k not in skip}}

    @staticmethod
    def _tags(item: dict, themes: dict, sdgs: dict) -> dict:
        return {
            "themes": [themes[key] for key in item.get("themes", []) if themes.get(key)],
            "sdgs": [sdgs[number] for number in item.get("sdgs", []) if sdgs.get(number)],
        }

    def _children(self, owner: str, item: dict, entry: dict, partners: dict) -> None:
        if None in entry.values():
            return
        for order, (partner_key, role, note_es, note_en) in enumerate(
            item.get("participations", [])
        ):
            partner = partners.get(partner_key)
            if partner is None:
                continue
            self.ensure(
                f"participation:{owner}:{partner_key}:{role}",
                models.Participation,
                {
                    **entry,
                    "partner": partner,
                    "role": role,
                    "order": order,
                    "note_es": note_es,
                    "note_en": note_en,
                },
            )
        for date, precision, title_es, title_en in item.get("milestones", []):
            self.ensure(
                f"milestone:{owner}:{date}:{slugify(title_en)[:50]}",
                models.Milestone,
                {
                    **entry,
                    "date": _date(date),
                    "date_precision": precision,
                    "title_es": title_es,
                    "title_en": title_en,
                },
            )
        for date, precision, title_es, title_en in item.get("documents", []):
            self.ensure(
                f"document:{owner}:{slugify(title_en)[:60]}",
                models.Document,
                {
                    **entry,
                    "kind": models.DocumentKind.REPORT,
                    "date": _date(date),
                    "date_precision": precision or models.DatePrecision.DAY,
                    "title_es": title_es,
                    "title_en": title_en,
                },
            )


class Command(BaseCommand):
    help = (
        "Load the city's international cooperation page into the database, in Spanish and "
        "English. Safe to run again: it only adds what is missing and never changes or "
        "brings back what staff have edited or deleted."
    )

    def handle(self, *args, **options):
        loader = SeedLoader()
        with transaction.atomic():
            created = loader.run()
        message = f"Seed content loaded: {created} new entries."
        if loader.filled:
            message += f" Places added to {loader.filled} partners loaded before."
        self.stdout.write(self.style.SUCCESS(message))
