"""Write logic for staff editing: saving without overwriting someone else's work."""

from django.db import models


class EditConflict(Exception):
    """The entry was saved by someone else after this editor loaded it."""


def version_claim(obj: models.Model, *, expected: int) -> None:
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
