"""The content version: raised by every change of content, and when a scheduled entry comes due.

The public page cache (``rosario_intl.page_cache``) keys every page on one number, the
``ContentVersion`` row. The receivers here raise it in the same transaction as the change
itself, so that an edit shows at once on every worker; once it has committed, the page cache
renders its most visited pages again in the background (``content_committed``). They are
connected, sender by sender, in ``CooperationConfig.ready()``: content changes through the
admin, its inlines, reversion's restores, the seed commands and the shell, and every one of
them must invalidate the pages, in every process, not only in a web worker that loaded the
middleware.

An entry scheduled to go public later ("publish from") changes the pages at that moment
without anyone saving anything: the version row also holds the next such moment, and the
page cache calls ``scheduled_publication_due`` (``settings.PAGE_CACHE_SCHEDULED_CHANGE``) at
the first request after it.

Entries with a page of their own (``ADDRESSED``) also keep the addresses they leave behind
when a slug changes (``on_addressed_save``), so that every address they ever had leads to
them.
"""

import time
from dataclasses import dataclass
from datetime import datetime

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models import F, Min, Value
from django.db.models.functions import Coalesce, Greatest, Least
from django.utils import timezone
from django.utils.module_loading import import_string

from . import services
from .i18n import addresses_in_each_language
from .models import (
    AttachedToEntry,
    ContentVersion,
    Network,
    Partner,
    Program,
    Project,
    PublicationStatus,
    Publishable,
    SeedRecord,
    SlugHistory,
)

# Rows that are not content: the version itself, the seed command's bookkeeping, and the
# former addresses (written only within the save of their entry, which raises the version).
NOT_CONTENT = frozenset({ContentVersion, SeedRecord, SlugHistory})

# The entries with a page of their own, whose slugs make their addresses.
ADDRESSED = (Program, Project, Partner, Network)

# What a many-to-many change announces before it happens: the change has not been made yet,
# and the matching post_* action follows (``themes.set()`` would otherwise count twice).
M2M_ANNOUNCEMENTS = frozenset({"pre_add", "pre_remove", "pre_clear"})


def on_content_change(sender, instance, raw=False, **kwargs) -> None:
    """post_save and post_delete of a content model."""
    if raw:  # loaddata: the fixture's own rows, nothing to invalidate yet
        return
    content_changed(instance)


def on_addressed_save(sender, instance, update_fields=None, **kwargs) -> None:
    """pre_save of an entry with a page of its own: keep the addresses it leaves behind.

    A raw save too: django-reversion restores an old version with one, and a restored slug
    leaves the current one behind.
    """
    if update_fields is not None and not any(name.startswith("slug") for name in update_fields):
        return
    services.former_slugs_record(obj=instance)


def on_relations_change(sender, instance, action, **kwargs) -> None:
    """m2m_changed of a content model's many-to-many field (themes, SDGs, ...)."""
    if action in M2M_ANNOUNCEMENTS:
        return
    content_changed(instance)


def content_changed(instance=None) -> None:
    """Raise the content version, in the same transaction as the change itself, and once it
    has committed let the page cache render its most visited pages again."""
    changes = {"version": _raised_version()}
    # An entry published from a later moment: its pages change then, note when.
    scheduled = getattr(instance, "publish_at", None)
    if (
        isinstance(instance, Publishable)
        and instance.publication == PublicationStatus.PUBLISHED
        and scheduled
        and scheduled > timezone.now()
    ):
        # NULL-safe on every database (SQLite's LEAST is NULL if any argument is).
        changes["next_publication_at"] = Coalesce(
            Least("next_publication_at", Value(scheduled)), Value(scheduled)
        )
    if not ContentVersion.objects.filter(pk=1).update(**changes):
        ContentVersion.objects.get_or_create(
            pk=1,
            defaults={
                "version": time.time_ns() // 1000,
                "next_publication_at": next_publication(timezone.now()),
            },
        )
    # Robust: whatever goes wrong there is logged, and the save has committed anyway.
    # A function, not a partial: Django names the callback with its __qualname__ when it fails.
    transaction.on_commit(lambda: content_committed(instance), robust=True)


def content_committed(instance=None) -> None:
    """A change of content has committed: ``PAGE_CACHE_WARM_AFTER_COMMIT`` (the page cache's
    warm-up, ``rosario_intl/page_cache_warm.py``; named in the settings so that the app never
    imports the project), with what names the pages of the changed entry."""
    entries = entries_of(instance)
    import_string(settings.PAGE_CACHE_WARM_AFTER_COMMIT)(PagesOf(entries) if entries else None)


@dataclass(frozen=True)
class PagesOf:
    """The public pages of some entries, named when called: the paths, in every language, of
    each entry that is public then (one deleted, or a draft, has none). What the page cache
    warms after a change besides its usual pages; called in its thread, so the save waits for
    none of the queries. Equal for the same entries: a save and its inline rows, which all
    name their entry, are named once."""

    entries: tuple[tuple[type, int], ...]

    def __call__(self) -> list[str]:
        paths = []
        for model, pk in self.entries:
            entry = model.objects.published().filter(pk=pk).first()
            if entry is not None:
                paths += addresses_in_each_language(entry).values()
        return paths


def entries_of(instance) -> tuple[tuple[type, int], ...]:
    """The model and key of each entry whose page is ``instance``'s: a program, project or
    partner itself (a network: its organization), the program or project of a milestone,
    document or participation, and a participation's partner. Read from ``instance``'s own
    columns: a related row may be gone with it, and a deleted entry has no key left."""
    if isinstance(instance, Network):
        pairs = [(Partner, instance.organization_id)]
    elif isinstance(instance, Program | Project | Partner):
        pairs = [(type(instance), instance.pk)]
    elif isinstance(instance, AttachedToEntry):
        pairs = [
            (Program, instance.program_id),
            (Project, instance.project_id),
            (Partner, getattr(instance, "partner_id", None)),
        ]
    else:
        pairs = []
    return tuple((model, pk) for model, pk in pairs if pk is not None)


def scheduled_publication_due() -> None:
    """A scheduled entry has just gone public: its pages change although nobody saved
    anything. Raise the version (once, whichever worker sees it first) and note the next
    scheduled moment."""
    now = timezone.now()
    ContentVersion.objects.filter(pk=1, next_publication_at__lte=now).update(
        version=_raised_version(), next_publication_at=next_publication(now)
    )


def next_publication(after: datetime) -> datetime | None:
    """The next moment after ``after`` when a scheduled entry goes public."""
    moments = [
        model.objects.filter(publication=PublicationStatus.PUBLISHED, publish_at__gt=after)
        .aggregate(first=Min("publish_at"))["first"]
        for model in _publishable_models()
    ]  # fmt: skip
    return min((moment for moment in moments if moment), default=None)


def _publishable_models() -> list[type[Publishable]]:
    return [
        model
        for model in apps.get_app_config("cooperation").get_models()
        if issubclass(model, Publishable)
    ]


def _raised_version():
    """One more than the version, and at least the current time in microseconds: a database
    restored from a backup goes back to an older number, and counting up from there would
    reuse numbers whose pages, rendered from other content, may still be in a shared cache."""
    return Greatest(F("version") + 1, Value(time.time_ns() // 1000))
