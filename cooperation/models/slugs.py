"""The addresses entries used to have: each former slug, per language, leads to its entry.

Why a table of its own rather than Django's ``contrib.redirects``: a ``Redirect`` row is a
path pointing at another path, on a ``Site``. Here the address points at the *entry*, so

- a chain of renames needs no rewriting: every former slug leads to wherever the entry is
  now, in one hop (``Redirect`` rows would each name the path of that moment);
- whether the entry may be shown is decided when the address is asked for, by the one
  visibility rule (``published()``): an unpublished or deleted entry's old addresses are
  404s like its current one, and come back if it is published or recovered again;
- the path itself (language prefix, the translated "proyectos/") is never stored, so
  translating the URLs differently keeps every former slug working;
- it is consulted by the four detail views on a miss only, with no middleware on every 404
  and no ``django.contrib.sites`` to add.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class SlugHistory(models.Model):
    """A slug an entry had in one language, and so an address that leads to it.

    Written by ``services.former_slugs_record`` (on every save of an entry whose address
    changed); read by ``selectors.entry_by_former_slug``. One row per kind of entry,
    language and slug: when a second entry leaves the same slug behind, the row follows the
    entry that had it last. An entry deleted keeps its rows (its addresses are 404s until it
    is recovered: Django never reuses a primary key).
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    entry = GenericForeignKey("content_type", "object_id")
    language = models.CharField(_("language"), max_length=10)
    slug = models.SlugField(_("slug"), max_length=250, db_index=False)
    replaced_at = models.DateTimeField(_("replaced"), auto_now=True)

    class Meta:
        verbose_name = _("former address")
        verbose_name_plural = _("former addresses")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "language", "slug"], name="slug_history_unique_address"
            )
        ]

    def __str__(self):
        return f"{self.language}: {self.slug}"
