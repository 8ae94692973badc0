"""Where what the portal states comes from: the sources of programs, projects, partners and
networks."""

from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import Versioned


class Source(Versioned):
    """A page or document that states what an entry says, and the day staff consulted it.

    Each entry cites its own: the day consulted is the entry's, even where several entries
    cite the same page.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    title = models.CharField(_("title"), max_length=250)
    url = models.URLField(
        _("address"), blank=True, help_text=_("Empty when the source has no public address.")
    )
    consulted_on = models.DateField(_("consulted on"), null=True, blank=True)
    note = models.CharField(
        _("note"),
        max_length=250,
        blank=True,
        help_text=_("For staff: what the source states, for example a quotation."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["order", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return self.title


class Sourced(models.Model):
    """Content whose statements cite sources."""

    sources = GenericRelation(Source, verbose_name=_("sources"))

    class Meta:
        abstract = True

    def information_date(self):
        """The day the entry was last known right: its review, else the latest day one of
        its sources was consulted (read from the prefetched sources)."""
        if self.reviewed_at:
            return self.reviewed_at
        days = [source.consulted_on for source in self.sources.all() if source.consulted_on]
        return max(days, default=None)
