"""Load the city's cooperation page (``seed/content.py``) into the database, and revise what
an earlier version of the seed stated where staff have not changed it since."""

import datetime
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.text import slugify

from cooperation import models

from . import content

PUBLISHED = {"publication": models.PublicationStatus.PUBLISHED}
PLACE_TEXT_FIELDS = ("city_es", "city_en")
# What any record may hold besides its model's fields: where its facts come from, and the
# values an earlier seed gave (see ``SeedReviser``).
NOTES = {"source", "was"}
# What a program or project record holds besides its own fields.
ENTRY_REFERENCES = {"key", "program", "parent", "network", "themes", "sdgs", "participations",
                    "milestones", "documents", *NOTES}  # fmt: skip


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _fields(record: dict, *, without: Collection[str] = ("key", *NOTES)) -> dict:
    """The record's model fields: all but its key and its references to other records."""
    return {name: value for name, value in record.items() if name not in without}


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
            if isinstance(obj, models.Sourced):
                obj.sources.create(**content.SOURCE)
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
        """Load whatever is missing; the number of rows created."""
        self.ensure_singleton("section", models.SectionText, _fields(content.SECTION))
        self.ensure_singleton("contact", models.ContactSettings, content.CONTACT)
        # Empty: the licence set for the server, until staff choose one.
        self.ensure_singleton("open-data", models.OpenDataSettings, {})
        for way in content.WAYS:
            self.ensure(
                f"way:{way['key']}", models.CollaborationWay, way, adopt={"key": way["key"]}
            )
        sdgs = {
            sdg["number"]: self.ensure(
                f"sdg:{sdg['number']}",
                models.SustainableDevelopmentGoal,
                sdg,
                adopt={"number": sdg["number"]},
            )
            for sdg in content.SDGS
        }
        themes = {
            theme["key"]: self.ensure(
                f"theme:{theme['key']}",
                models.Theme,
                _fields(theme),
                adopt={"slug_es": theme["slug_es"]},
            )
            for theme in content.THEMES
        }
        partners = {}
        for item in content.PARTNERS:
            key = f"partner:{item['key']}"
            loaded_before = key in self.records
            partners[item["key"]] = partner = self.ensure(
                key,
                models.Partner,
                {**PUBLISHED, **_fields(item)},
                adopt={"slug_es": item["slug_es"]},
            )
            if loaded_before and partner is not None:
                self.fill_place(partner, item)
        networks = {}
        for item in content.NETWORKS:
            organization = partners[item["organization"]]
            if organization is None:
                continue
            fields = _fields(item, without={"key", "organization", *NOTES})
            fields["member_since"] = _date(fields.get("member_since"))
            networks[item["key"]] = self.ensure(
                f"network:{item['key']}",
                models.Network,
                {**PUBLISHED, **fields, "organization": organization},
                adopt={"organization": organization},
            )
        programs = {}
        for item in content.PROGRAMS:
            fields = {**PUBLISHED, **_fields(item, without=ENTRY_REFERENCES)}
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
        for item in content.PROJECTS:
            program = programs.get(item["program"])
            if program is None:
                continue
            fields = {**PUBLISHED, **_fields(item, without=ENTRY_REFERENCES), "program": program}
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
    def _tags(item: dict, themes: dict, sdgs: dict) -> dict:
        return {
            "themes": [themes[key] for key in item.get("themes", []) if themes.get(key)],
            "sdgs": [sdgs[number] for number in item.get("sdgs", []) if sdgs.get(number)],
        }

    def _children(self, owner: str, item: dict, entry: dict, partners: dict) -> None:
        """The entry's participations, milestones and documents (none if it was deleted)."""
        if None in entry.values():
            return
        for order, participation in enumerate(item.get("participations", [])):
            partner_key, role = participation["partner"], participation["role"]
            partner = partners.get(partner_key)
            if partner is None:
                continue
            self.ensure(
                participation_key(owner, participation),
                models.Participation,
                {
                    **entry,
                    "partner": partner,
                    "role": role,
                    "order": order,
                    "note_es": participation["note_es"],
                    "note_en": participation["note_en"],
                },
            )
        for milestone in item.get("milestones", []):
            self.ensure(
                milestone_key(owner, milestone),
                models.Milestone,
                {
                    **entry,
                    "date": _date(milestone["date"]),
                    "date_precision": milestone["date_precision"],
                    "title_es": milestone["title_es"],
                    "title_en": milestone["title_en"],
                },
            )
        for document in item.get("documents", []):
            self.ensure(
                f"document:{owner}:{slugify(document['title_en'])[:60]}",
                models.Document,
                {
                    **entry,
                    "kind": models.DocumentKind.REPORT,
                    "date": _date(document["date"]),
                    "date_precision": document["date_precision"] or models.DatePrecision.DAY,
                    "title_es": document["title_es"],
                    "title_en": document["title_en"],
                },
            )


def participation_key(owner: str, row: dict) -> str:
    # Keyed by the role it was first loaded with: a revised role is the same participation.
    role = row.get("was", {}).get("role", row["role"])
    return f"participation:{owner}:{row['partner']}:{role}"


def milestone_key(owner: str, row: dict) -> str:
    title = row.get("was", {}).get("title_en", row["title_en"])
    return f"milestone:{owner}:{row['date']}:{slugify(title)[:50]}"


def _revised_records() -> Iterator[tuple[str, dict]]:
    """Every seed record with the key it is remembered by, rows of entries included."""
    yield "section", content.SECTION
    for item in content.PARTNERS:
        yield f"partner:{item['key']}", item
    for item in content.NETWORKS:
        yield f"network:{item['key']}", item
    for kind, items in (("program", content.PROGRAMS), ("project", content.PROJECTS)):
        for item in items:
            owner = f"{kind}:{item['key']}"
            yield owner, item
            for row in item.get("participations", []):
                yield participation_key(owner, row), row
            for row in item.get("milestones", []):
                yield milestone_key(owner, row), row


@dataclass
class SeedReviser:
    """Applies the seed's corrections to what an earlier seed loaded, where staff have not
    changed it since: a field is revised only while it still holds the value the earlier
    seed gave (the record's ``was``). Anything else is staff's and is reported as skipped.

    It also gives each loaded program, project, partner and network that cites no source
    the city's page as its source.
    """

    changed: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    sourced: int = 0

    def run(self) -> "SeedReviser":
        loader = SeedLoader()
        for key, item in _revised_records():
            was = item.get("was")
            if not was or key not in loader.records:
                continue
            obj = loader.get(key)
            if obj is None:
                self.skipped.append(f"{key}: deleted by staff")
                continue
            self._revise(key, obj, item, was)
        for key in loader.records:
            obj = loader.get(key)
            if isinstance(obj, models.Sourced) and not obj.sources.exists():
                obj.sources.create(**content.SOURCE)
                self.sourced += 1
        return self

    def _revise(self, key: str, obj, item: dict, was: dict) -> None:
        updates = []
        for name, old in was.items():
            new = obj._meta.get_field(name).to_python(item.get(name, _EMPTY.get(name, "")))
            current = getattr(obj, name)
            if current == new:
                continue
            if current == old:
                setattr(obj, name, new)
                updates.append(name)
                self.changed.append(f"{key}: {name} {old!r} -> {new!r}")
            else:
                self.skipped.append(f"{key}: {name} changed by staff ({current!r}), kept")
        if updates:
            if isinstance(obj, models.Versioned):
                # An editor with the entry open is told it changed, rather than undoing this.
                obj.version += 1
                updates.append("version")
            obj.save(update_fields=updates)


# What a field left out of a revised record holds.
_EMPTY = {"end_year": None, "start_year": None, "status_confirmed_on": None}


def seed_revise() -> SeedReviser:
    """Revise in one transaction; the reviser returned lists what it changed and skipped."""
    with transaction.atomic():
        return SeedReviser().run()


def seed_load() -> SeedLoader:
    """Load the seed in one transaction; the loader returned counts what it created and filled."""
    with transaction.atomic():
        loader = SeedLoader()
        loader.run()
    return loader
