"""What every kind of content shares: versions, publication and the visibility rule, periods,
review dates, single-row models, and the small formatting helpers of dates and periods.

The visibility rule lives here and nowhere else: ``public_q`` (in the database),
``is_public`` (in memory) and ``published()`` (on every content queryset).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]


class DatePrecision(models.TextChoices):
    """How much of a stored date is known: the seed often gives only a year or a month."""

    YEAR = "year", _("Year")
    MONTH = "month", _("Month")
    DAY = "day", _("Day")


def format_partial_date(value: datetime.date | None, precision: str) -> str:
    """Show only the part of a date that is known, in the active language."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return date_format(value, "YEAR_MONTH_FORMAT")
    return date_format(value, "DATE_FORMAT")


def format_period(start_year: int | None, end_year: int | None) -> str:
    if start_year and end_year:
        return str(start_year) if start_year == end_year else f"{start_year}–{end_year}"
    if start_year:
        return _("since %(year)s") % {"year": start_year}
    if end_year:
        return _("until %(year)s") % {"year": end_year}
    return ""


class Versioned(models.Model):
    """A number that each save through the admin raises by one.

    The admin form carries the number it was loaded with; a save whose number is no longer
    the stored one is refused, so that two editors cannot overwrite each other's work.
    """

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    class Meta:
        abstract = True


def publish_permission(model_name: str) -> tuple[str, str]:
    """The permission to publish and unpublish entries (editors lack it; publishers have it)."""
    return (f"publish_{model_name}", _("Can publish and unpublish"))


def missing_description(obj, image_field: str, alt_field: str) -> dict[str, str]:
    """An error for the Spanish text alternative when an image is set without one."""
    column = f"{alt_field}_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}"
    if getattr(obj, image_field) and not getattr(obj, column, None):
        return {
            column: _("Describe the image for people who cannot see it: required with an image.")
        }
    return {}


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


def awaiting_publication_q() -> Q:
    """Said ready for review by an editor, and still a draft."""
    return Q(review_requested_at__isnull=False) & ~Q(publication=PublicationStatus.PUBLISHED)


def published_q(path: str = "", *, now=None) -> Q:
    """Marked published, and its publication time reached: the entry's own flag only.

    ``path`` reaches the entry through a relation, e.g. ``"program__"``: a join, where a
    subquery would cost the ORM and the planner more. Whether the public may see an entry
    also depends on what it hangs from: that is ``public_q``. ``now``: the moment it is
    asked for (the present by default; ``common/compiled.py`` passes a stand-in).
    """
    now = timezone.now() if now is None else now
    due = Q(**{f"{path}publish_at__isnull": True}) | Q(**{f"{path}publish_at__lte": now})
    return due & Q(**{f"{path}publication": PublicationStatus.PUBLISHED})


# The visibility rule, written once. An entry is public when it is published (if it can be a
# draft at all), every relation named in its ``public_with`` is public, and, if it names
# ``public_with_any``, at least one of those relations is public. Selectors, sitemaps,
# feeds, exports and the admin's links to the public pages all ask ``published()`` or
# ``is_public()``; templates never decide it.


def public_q(model: type[models.Model], path: str = "", *, now=None) -> Q:
    """The database condition for "the public may see it", reached through ``path`` (at
    ``now``, the present by default)."""
    condition = published_q(path, now=now) if issubclass(model, Publishable) else Q()
    for name in model.public_with:
        related = model._meta.get_field(name).related_model
        condition &= public_q(related, f"{path}{name}__", now=now)
    if model.public_with_any:
        either = Q(pk__in=[])
        for name in model.public_with_any:
            related = model._meta.get_field(name).related_model
            either |= Q(**{f"{path}{name}__isnull": False}) & public_q(
                related, f"{path}{name}__", now=now
            )
        condition &= either
    return condition


def is_public(obj: models.Model | None) -> bool:
    """The same rule as ``public_q`` for an object in memory (its relations are read)."""
    if obj is None:
        return False
    if isinstance(obj, Publishable) and not obj.is_published:
        return False
    if not all(is_public(getattr(obj, name)) for name in obj.public_with):
        return False
    return not obj.public_with_any or any(
        is_public(getattr(obj, name)) for name in obj.public_with_any
    )


class PublicQuerySet(models.QuerySet):
    def published(self, *, now=None):
        """What the public may see (``public_q``), now or at ``now``."""
        return self.filter(public_q(self.model, now=now))


class Visible(models.Model):
    """Content whose visibility follows the rule above."""

    # Relations that must be public too, all of them, or at least one of them.
    public_with: tuple[str, ...] = ()
    public_with_any: tuple[str, ...] = ()

    objects = PublicQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def is_public(self) -> bool:
        return is_public(self)


class Publishable(Visible):
    """Draft or published; drafts never reach the public site."""

    publication = models.CharField(
        _("publication"),
        max_length=10,
        choices=PublicationStatus,
        default=PublicationStatus.DRAFT,
    )
    publish_at = models.DateTimeField(
        _("publish from"),
        null=True,
        blank=True,
        help_text=_("Optional: a published entry stays hidden until this moment."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    # An editor asks a publisher to check a draft and publish it; publishing it answers.
    review_requested_at = models.DateTimeField(
        _("ready for review since"), null=True, blank=True, editable=False
    )
    review_requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("ready for review, said by"),
    )

    class Meta:
        abstract = True

    @property
    def awaits_publication(self) -> bool:
        """An editor said it is ready, and it is not published yet."""
        return self.review_requested_at is not None and not self.is_published

    @property
    def is_published(self) -> bool:
        """Its own flag only (see ``is_public``)."""
        return self.publication == PublicationStatus.PUBLISHED and (
            self.publish_at is None or self.publish_at <= timezone.now()
        )


class Reviewable(models.Model):
    """When staff last checked that the entry is still right."""

    reviewed_at = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("The day staff last checked that this entry is still accurate."),
    )

    class Meta:
        abstract = True

    def needs_review(self, *, today: datetime.date | None = None) -> bool:
        """Never reviewed, or reviewed longer ago than ``settings.REVIEW_INTERVAL_DAYS``."""
        if self.reviewed_at is None:
            return True
        return self.reviewed_at < review_due_before(today)


def review_interval() -> datetime.timedelta:
    return datetime.timedelta(days=settings.REVIEW_INTERVAL_DAYS)


def review_due_before(today: datetime.date | None = None) -> datetime.date:
    """Entries last reviewed before this day need a new review."""
    return (today or timezone.localdate()) - review_interval()


class PeriodMixin(models.Model):
    """A period in years: often the year is all the seed page tells."""

    start_year = models.PositiveSmallIntegerField(
        _("start year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    end_year = models.PositiveSmallIntegerField(
        _("end year"), null=True, blank=True, validators=YEAR_VALIDATORS
    )

    class Meta:
        abstract = True

    @property
    def period(self) -> str:
        return format_period(self.start_year, self.end_year)

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year cannot be before the start year.")})


def unique_slugs(prefix: str) -> list[models.UniqueConstraint]:
    """One unique slug per language column.

    The untranslated ``slug`` column takes whichever language was active at save time,
    so it cannot carry the uniqueness: each language column does (empty ones are NULL).
    """
    return [
        models.UniqueConstraint(fields=[f"slug_{code}"], name=f"{prefix}_unique_slug_{code}")
        for code, _name in settings.LANGUAGES
    ]


def period_constraint(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(start_year__isnull=True)
        | Q(end_year__isnull=True)
        | Q(end_year__gte=models.F("start_year")),
        name=name,
    )


class Singleton(models.Model):
    """A model of which exactly one row can exist (primary key 1)."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)

    class Meta:
        abstract = True

    @classmethod
    def load(cls):
        obj, _created = cls.objects.get_or_create(pk=1)
        return obj
