"""Every write staff make, apart from the admin form's own save.

Each service runs in one transaction and leaves the same trail as an edit in the admin: the
stored version number rises (an open form on the entry is then refused, not silently
overwritten), the admin log names who did it, and django-reversion keeps the entry as it
now is. The admin (``cooperation.admin``) only calls these.

``former_slugs_record`` is the exception: what any save of an entry writes on the side (the
addresses it leaves behind), called by a signal inside that save.
"""

import contextvars
import datetime
from collections.abc import Iterable

from django.conf import settings
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.db import models as db_models
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext
from reversion import add_to_revision, create_revision, is_active, set_comment, set_user
from reversion.errors import RevertError
from reversion.models import Version

from . import models
from .history import HISTORY_LOOKBACK
from .i18n import address_slugs

PUBLICATION_FIELDS = ("publication", "publish_at")


# The edit lock ---------------------------------------------------------------------------


class EditConflict(Exception):
    """The entry was saved by someone else after this editor loaded it."""


def version_claim(*, obj: db_models.Model, expected: int) -> None:
    """Move the stored row from version ``expected`` to the next one, or raise EditConflict.

    One filtered UPDATE (``... WHERE pk = %s AND version = %s``): when two saves start from
    the same version, the database lets exactly one of them through; the other changes no
    row. Call it inside the transaction that then saves ``obj``.
    """
    claimed = (
        type(obj)._base_manager.filter(pk=obj.pk, version=expected).update(version=expected + 1)
    )
    if not claimed:
        raise EditConflict(f"{obj._meta.label} {obj.pk} is no longer at version {expected}")
    obj.version = expected + 1


# Publication -----------------------------------------------------------------------------


def user_may_publish(*, user: User, model: type[db_models.Model]) -> bool:
    """Whether ``user`` may publish and unpublish entries of ``model`` (publishers may)."""
    opts = model._meta
    return user.has_perm(f"{opts.app_label}.publish_{opts.model_name}")


def publication_keep(*, obj: models.Publishable, user: User) -> None:
    """For a user who may not publish, put back on ``obj`` the stored publication (a draft
    for a new entry), whatever a form said: the admin shows them the fields read-only, and
    this holds against a forged form too."""
    if user_may_publish(user=user, model=type(obj)):
        return
    stored = None
    if obj.pk is not None:
        stored = type(obj)._base_manager.filter(pk=obj.pk).values(*PUBLICATION_FIELDS).first()
    obj.publication = stored["publication"] if stored else models.PublicationStatus.DRAFT
    obj.publish_at = stored["publish_at"] if stored else None


def entries_publish(*, entries: db_models.QuerySet, user: User) -> int:
    """Publish the selected entries not yet published; the number published."""
    return _entries_set_publication(
        entries=entries, user=user, publication=models.PublicationStatus.PUBLISHED
    )


def entries_unpublish(*, entries: db_models.QuerySet, user: User) -> int:
    """Turn the selected published entries back into drafts; the number changed."""
    return _entries_set_publication(
        entries=entries, user=user, publication=models.PublicationStatus.DRAFT
    )


def _entries_set_publication(
    *, entries: db_models.QuerySet, user: User, publication: models.PublicationStatus
) -> int:
    def change(obj):
        if obj.publication == publication:
            return False
        obj.publication = publication
        review_request_settle(obj=obj)
        return True

    return _entries_change(entries=entries, user=user, field="publication", change=change)


# Review ----------------------------------------------------------------------------------


def entries_request_review(*, entries: db_models.QuerySet, user: User) -> int:
    """Say the selected drafts are ready for a publisher to review and publish; the number
    newly marked (a published entry, or one already marked, is left as it is)."""
    now = timezone.now()

    def change(obj):
        if obj.publication == models.PublicationStatus.PUBLISHED or obj.review_requested_at:
            return False
        obj.review_requested_at, obj.review_requested_by = now, user
        return True

    return _entries_change(entries=entries, user=user, field="review_requested_at", change=change)


def review_request_settle(*, obj: models.Publishable) -> None:
    """Publishing an entry answers its request for review."""
    if obj.publication == models.PublicationStatus.PUBLISHED:
        obj.review_requested_at = obj.review_requested_by = None


def entries_mark_reviewed(
    *, entries: db_models.QuerySet, user: User, today: datetime.date | None = None
) -> int:
    """Mark the selected entries as reviewed today (even those already reviewed today)."""
    reviewed = today or timezone.localdate()

    def change(obj):
        obj.reviewed_at = reviewed
        return True

    return _entries_change(entries=entries, user=user, field="reviewed_at", change=change)


def _entries_change(*, entries: db_models.QuerySet, user: User, field: str, change) -> int:
    """Apply ``change`` to each selected entry, saved one by one like an edit.

    Each saved entry has its version claimed, a "changed <field>" line in the admin log and
    its place in one revision by ``user`` (or in the revision already in progress, such as
    the admin's list page's). ``change`` returns whether it changed the entry.
    """
    model = entries.model
    # Stored untranslated, as the admin's own log lines: each reader sees it in their language.
    with translation.override(None):
        label = capfirst(str(model._meta.get_field(field).verbose_name))
    selected = list(entries.values_list("pk", flat=True))
    changed = 0
    with transaction.atomic(), create_revision():
        set_user(user)
        locked = model._base_manager.select_for_update().filter(pk__in=selected)
        for obj in locked.order_by("pk"):
            if not change(obj):
                continue
            version_claim(obj=obj, expected=obj.version)
            obj.save()
            _log_change(obj=obj, user=user, message=[{"changed": {"fields": [label]}}])
            changed += 1
    return changed


def _log_change(*, obj: db_models.Model, user: User, message: list) -> None:
    """The admin log's line for a change, which is also the revision's comment (as the
    admin's own ``log_change`` does under django-reversion)."""
    entry = LogEntry.objects.log_actions(
        user_id=user.pk,
        queryset=[obj],
        action_flag=CHANGE,
        change_message=message,
        single_object=True,
    )
    if is_active():
        set_comment(entry.change_message)  # Written out in the reader's language when read.


# Former addresses ------------------------------------------------------------------------


def former_slugs_record(*, obj: db_models.Model) -> None:
    """Keep the slugs ``obj`` is leaving behind, in each language, as addresses of ``obj``.

    Called just before ``obj`` is saved (``signals.on_addressed_save``: the admin, a restore
    from the history, the seed and the shell all save), its new slugs set but not stored
    yet. What counts is each language's address: the English page of an entry without an
    English slug answers at its Spanish slug, so giving it an English slug, or changing its
    Spanish one meanwhile, leaves that English address behind too.
    """
    model = type(obj)
    columns = [f"slug_{code}" for code, _name in settings.LANGUAGES]
    if obj.pk is None:
        return
    stored = model._base_manager.filter(pk=obj.pk).values(*columns).first()
    if stored is None:  # Created with a primary key of its own: nothing was published yet.
        return
    before = address_slugs(stored)
    after = address_slugs({column: getattr(obj, column) for column in columns})
    content_type = ContentType.objects.get_for_model(model)
    for language, slug in before.items():
        if not slug or slug == after[language]:
            continue
        # The row follows the entry that left the slug last.
        models.SlugHistory.objects.update_or_create(
            content_type=content_type, language=language, slug=slug, defaults={"object_id": obj.pk}
        )
        # A rename undone: that address is the entry's own again, no longer a former one.
        models.SlugHistory.objects.filter(
            content_type=content_type, language=language, slug=after[language], object_id=obj.pk
        ).delete()


# History ---------------------------------------------------------------------------------


def history_ensure_started(*, obj: db_models.Model) -> None:
    """Record ``obj`` as it is when it has no history yet (seed content has none).

    Without it, the first change could not be undone, nor explained to a second editor.
    """
    if Version.objects.get_for_object(obj).exists():
        return
    with create_revision():
        set_comment(gettext("Initial version."))
        add_to_revision(obj)  # With the participations, milestones... that it follows.


def history_record_before_deletion(*, objs: Iterable[db_models.Model], user: User) -> None:
    """Keep the entries as they are, so that "Recover deleted" can bring them back
    (django-reversion recovers from the last recorded version, and an entry never changed
    in the admin has none).

    The revision is made and saved on its own, outside any revision in progress: the admin's
    list page runs its delete action inside that page's revision, which is saved only after
    the deletion, and django-reversion leaves out what no longer exists by then. (It keeps
    the revision in progress in a context variable, so a fresh context escapes it.)
    """
    comment = gettext("State before deletion.")

    def record():
        with create_revision():
            set_user(user)
            set_comment(comment)
            for obj in objs:
                add_to_revision(obj)

    contextvars.Context().run(record)


def version_restore(*, version: Version, user: User) -> list[db_models.Model]:
    """Bring back what ``version`` recorded ("Recover deleted" and "History → restore"), and
    nothing else; the objects restored, the one asked for first.

    - A row of an entry (a participation, milestone or document): that row alone, as it was
      (a deleted one recreated). Its program or project and their other rows are left as
      they are now; a row whose entry no longer exists is refused (recover the entry first).
    - An entry (or any other content): the entry and its own rows as they were then. Its
      rows added since are deleted (and recorded first, so that they can be recovered);
      other entries saved in the same revision (a list action on several) are left alone.

    What is not taken from the old version: the version numbers (an old number would let a
    stale form through; an object deleted since comes back under a number above any it had)
    and, for a user who may not publish, whether each entry is published (one deleted since
    comes back as a draft). One transaction, the current rows locked while it runs.
    """
    with transaction.atomic(using=version.db):
        if issubclass(version._model, models.AttachedToEntry):
            _refuse_without_entry(version)
            versions = [version]
        else:
            versions = [version, *_rows_recorded_with(version)]
        kept = [
            _kept_state(restored=restored, user=user)
            for restored in versions
            if issubclass(restored._model, models.Versioned)
        ]
        _delete_rows_added_since(version=version, restored=versions, user=user)
        for restored in versions:
            restored.revert()
        for model, pk, values in kept:
            model._base_manager.filter(pk=pk).update(**values)
        return [restored._model._base_manager.get(pk=restored.object_id) for restored in versions]


def _entry_link(model: type[db_models.Model]) -> str | None:
    """The name of a row's foreign key to entries of ``model`` (``"project"``), if any."""
    if issubclass(model, models.CooperationEntry):
        return model._meta.model_name
    return None


def _rows_recorded_with(version: Version) -> list[Version]:
    """The versions of the entry's own rows, recorded in the same revision as the entry."""
    link = _entry_link(version._model)
    if link is None:
        return []
    return [
        other
        for other in version.revision.version_set.all()
        if issubclass(other._model, models.AttachedToEntry)
        and str(other.field_dict.get(f"{link}_id")) == str(version.object_id)
    ]


def _delete_rows_added_since(*, version: Version, restored: list[Version], user: User) -> None:
    """Delete the entry's rows that were not there then (recorded first, to be recoverable)."""
    link = _entry_link(version._model)
    if link is None:
        return
    then = {(other._model, str(other.object_id)) for other in restored}
    added = [
        row
        for row_model in (models.Participation, models.Milestone, models.Document)
        for row in row_model._base_manager.filter(**{f"{link}_id": version.object_id})
        if (row_model, str(row.pk)) not in then
    ]
    if added:
        history_record_before_deletion(objs=added, user=user)
        for row in added:
            row.delete()


def _refuse_without_entry(version: Version) -> None:
    """A row cannot come back without the program or project it belongs to."""
    for name in ("program", "project"):
        entry_model = version._model._meta.get_field(name).related_model
        pk = version.field_dict.get(f"{name}_id")
        if pk is None or entry_model._base_manager.filter(pk=pk).exists():
            continue
        gone = Version.objects.get_deleted(entry_model).filter(object_id=str(pk)).first()
        raise RevertError(
            gettext(
                "“%(row)s” cannot be recovered on its own: its %(kind)s “%(entry)s” was "
                "deleted. Recover the %(kind)s first; its rows come back with it."
            )
            % {
                "row": version.object_repr,
                "kind": entry_model._meta.verbose_name,
                "entry": gone.object_repr if gone is not None else pk,
            }
        )


def _kept_state(*, restored: Version, user: User) -> tuple[type, str, dict]:
    model = restored._model
    fields = ["version"]
    if issubclass(model, models.Publishable) and not user_may_publish(user=user, model=model):
        fields += PUBLICATION_FIELDS
    current = (
        model._base_manager.select_for_update()
        .filter(pk=restored.object_id)
        .values(*fields)
        .first()
    )
    if current is None:  # Deleted since.
        history = Version.objects.get_for_object_reference(model, restored.object_id)
        numbers = [v.field_dict.get("version") or 1 for v in history[:HISTORY_LOOKBACK]]
        current = {"version": max(numbers, default=1) + 1}
        if "publication" in fields:
            current.update(publication=models.PublicationStatus.DRAFT, publish_at=None)
    return model, restored.object_id, current
