"""The cooperation portfolio of the City of Rosario as structured, bilingual data.

Human-readable fields are translated with django-modeltranslation (see
``translation.py``): each has an ``_es`` and an ``_en`` column. Never query the
untranslated column; selectors name the language columns explicitly.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from .validators import validate_document_upload, validate_image_upload

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


def published_q(path: str = "") -> Q:
    """Marked published, and its publication time reached: the entry's own flag only.

    ``path`` reaches the entry through a relation, e.g. ``"program__"``: a join, where a
    subquery would cost the ORM and the planner more. Whether the public may see an entry
    also depends on what it hangs from: that is ``public_q``.
    """
    return (
        Q(**{f"{path}publish_at__isnull": True}) | Q(**{f"{path}publish_at__lte": timezone.now()})
    ) & Q(**{f"{path}publication": PublicationStatus.PUBLISHED})


# The visibility rule, written once. An entry is public when it is published (if it can be a
# draft at all), every relation named in its ``public_with`` is public, and, if it names
# ``public_with_any``, at least one of those relations is public. Selectors, sitemaps,
# feeds, exports and the admin's links to the public pages all ask ``published()`` or
# ``is_public()``; templates never decide it.


def public_q(model: type[models.Model], path: str = "") -> Q:
    """The database condition for "the public may see it", reached through ``path``."""
    condition = published_q(path) if issubclass(model, Publishable) else Q()
    for name in model.public_with:
        related = model._meta.get_field(name).related_model
        condition &= public_q(related, f"{path}{name}__")
    if model.public_with_any:
        either = Q(pk__in=[])
        for name in model.public_with_any:
            related = model._meta.get_field(name).related_model
            either |= Q(**{f"{path}{name}__isnull": False}) & public_q(related, f"{path}{name}__")
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
    def published(self):
        """What the public may see (``public_q``)."""
        return self.filter(public_q(self.model))


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

    class Meta:
        abstract = True

    @property
    def is_published(self) -> bool:
        """Its own flag only (see ``is_public``)."""
        return self.publication == PublicationStatus.PUBLISHED and (
            self.publish_at is None or self.publish_at <= timezone.now()
        )


class CooperationStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Ongoing")
    COMPLETED = "completed", _("Completed")


def ended_unmarked_q(year: int) -> Q:
    """Entries entered as ongoing whose end year has passed, and that staff did not keep so.

    They are shown as completed (see ``CooperationEntry.effective_status``).
    """
    return Q(status=CooperationStatus.ACTIVE, keep_status=False, end_year__lt=year)


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


class RosarioRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    LEAD = "lead", _("Lead")
    PARTNER = "partner", _("Partner")
    MEMBER = "member", _("Member")
    BENEFICIARY = "beneficiary", _("Beneficiary")


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


class Theme(Versioned):
    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=140)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["pk"]
        constraints = unique_slugs("theme")

    def __str__(self):
        return self.name


class SustainableDevelopmentGoal(Versioned):
    number = models.PositiveSmallIntegerField(
        _("number"), unique=True, validators=[MinValueValidator(1), MaxValueValidator(17)]
    )
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        verbose_name = _("Sustainable Development Goal")
        verbose_name_plural = _("Sustainable Development Goals")
        ordering = ["number"]
        constraints = [
            models.CheckConstraint(
                condition=Q(number__gte=1, number__lte=17), name="sdg_number_1_to_17"
            ),
        ]

    def __str__(self):
        return _("SDG %(number)s: %(name)s") % {"number": self.number, "name": self.name}


class PartnerKind(models.TextChoices):
    CITY = "city", _("City or regional government")
    NATIONAL = "national", _("National government or cooperation agency")
    EMBASSY = "embassy", _("Embassy")
    INTERNATIONAL = "international", _("International organization")
    NETWORK = "network", _("Network of cities")
    FOUNDATION = "foundation", _("Foundation or NGO")
    UNIVERSITY = "university", _("University")
    COMPANY = "company", _("Company")


LATITUDE_VALIDATORS = [MinValueValidator(-90), MaxValueValidator(90)]
LONGITUDE_VALIDATORS = [MinValueValidator(-180), MaxValueValidator(180)]


class Partner(Publishable, Reviewable, Versioned):
    """Any organization the city works with: a city, an agency, a network, a university..."""

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("slug"), max_length=220)
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind)
    country = models.CharField(
        _("country"), max_length=100, blank=True, help_text=_("Empty for international bodies.")
    )
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    website = models.URLField(_("website"), blank=True)
    logo = models.ImageField(
        _("logo"),
        upload_to="partners/",
        blank=True,
        validators=[validate_image_upload],
        help_text=_("JPEG, PNG or WebP, at most 2 MB."),
    )
    logo_alt = models.CharField(
        _("description of the logo"),
        max_length=250,
        blank=True,
        help_text=_("What the logo shows, for people who cannot see it. Required with a logo."),
    )
    city = models.CharField(
        _("city"),
        max_length=120,
        blank=True,
        help_text=_("The city itself, or for an organization the city of its headquarters."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=LATITUDE_VALIDATORS,
        help_text=_("Of the city, in decimal degrees (south is negative). For the map."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=LONGITUDE_VALIDATORS,
        help_text=_("Of the city, in decimal degrees (west is negative). For the map."),
    )

    class Meta:
        verbose_name = _("partner organization")
        verbose_name_plural = _("partner organizations")
        ordering = ["pk"]
        constraints = [
            *unique_slugs("partner"),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name="partner_both_coordinates_or_none",
            ),
            models.CheckConstraint(
                condition=Q(latitude__gte=-90, latitude__lte=90) | Q(latitude__isnull=True),
                name="partner_latitude_in_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__gte=-180, longitude__lte=180) | Q(longitude__isnull=True),
                name="partner_longitude_in_range",
            ),
        ]
        permissions = [publish_permission("partner")]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cooperation:partner_detail", kwargs={"slug": self.slug})

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    def clean(self):
        super().clean()
        errors = missing_description(self, "logo", "logo_alt")
        if (self.latitude is None) != (self.longitude is None):
            missing_field = "longitude" if self.longitude is None else "latitude"
            errors[missing_field] = _("Give both the latitude and the longitude, or neither.")
        if errors:
            raise ValidationError(errors)


class Network(Publishable, Reviewable, Versioned):
    """A network or initiative Rosario belongs to, and Rosario's membership in it."""

    public_with = ("organization",)

    organization = models.OneToOneField(
        Partner,
        on_delete=models.PROTECT,
        related_name="network",
        verbose_name=_("organization"),
    )
    slug = models.SlugField(_("slug"), max_length=220)
    description = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    rosario_role = models.CharField(
        _("Rosario's role"), max_length=200, blank=True, help_text=_("For example: member.")
    )
    member_since = models.DateField(_("member since"), null=True, blank=True)
    member_since_precision = models.CharField(
        _("precision of the date"),
        max_length=5,
        choices=DatePrecision,
        default=DatePrecision.YEAR,
    )

    class Meta:
        verbose_name = _("network")
        verbose_name_plural = _("networks")
        ordering = ["pk"]
        constraints = unique_slugs("network")
        permissions = [publish_permission("network")]

    def __str__(self):
        return str(self.organization)

    def get_absolute_url(self):
        return reverse("cooperation:network_detail", kwargs={"slug": self.slug})

    @property
    def member_since_display(self) -> str:
        return format_partial_date(self.member_since, self.member_since_precision)


class CooperationEntry(Publishable, Reviewable, PeriodMixin, Versioned):
    """What programs and projects share."""

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=250)
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences."))
    body = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    status = models.CharField(
        _("status"), max_length=10, choices=CooperationStatus, default=CooperationStatus.ACTIVE
    )
    keep_status = models.BooleanField(
        _("keep this status even after the end year"),
        default=False,
        help_text=_(
            "Otherwise an ongoing entry whose end year has passed is shown to the public "
            "as completed."
        ),
    )
    rosario_role = models.CharField(
        _("Rosario's role"), max_length=12, choices=RosarioRole, blank=True
    )
    themes = models.ManyToManyField(Theme, blank=True, verbose_name=_("themes"))
    sdgs = models.ManyToManyField(
        SustainableDevelopmentGoal, blank=True, verbose_name=_("Sustainable Development Goals")
    )
    image = models.ImageField(
        _("image"),
        upload_to="entries/%Y/",
        blank=True,
        validators=[validate_image_upload],
        help_text=_("JPEG, PNG or WebP, at most 2 MB."),
    )
    image_alt = models.CharField(
        _("description of the image"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Required with an image."),
    )

    class Meta:
        abstract = True

    def __str__(self):
        return self.title

    @property
    def effective_status(self) -> str:
        """The status the public sees: an ongoing entry is completed once its end year has
        passed, unless staff chose to keep its status (``keep_status``)."""
        if (
            self.status == CooperationStatus.ACTIVE
            and not self.keep_status
            and self.end_year is not None
            and self.end_year < timezone.localdate().year
        ):
            return CooperationStatus.COMPLETED
        return self.status

    def get_effective_status_display(self) -> str:
        return CooperationStatus(self.effective_status).label

    def clean(self):
        errors = missing_description(self, "image", "image_alt")
        try:
            super().clean()
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)


class Program(CooperationEntry):
    """A cooperation framework: the Global Compact, a network's program, a funder's program."""

    entry_kind = "program"  # for templates shared by programs and projects

    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="subprograms",
        verbose_name=_("part of"),
    )
    network = models.ForeignKey(
        Network,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="programs",
        verbose_name=_("network"),
        help_text=_("The network the program runs through, if any."),
    )

    class Meta:
        verbose_name = _("program")
        verbose_name_plural = _("programs")
        ordering = ["pk"]
        constraints = [
            *unique_slugs("program"),
            period_constraint("program_period_in_order"),
            models.CheckConstraint(
                condition=~Q(parent=models.F("pk")), name="program_not_its_own_parent"
            ),
        ]
        permissions = [publish_permission("program")]

    def get_absolute_url(self):
        return reverse("cooperation:program_detail", kwargs={"slug": self.slug})


class Project(CooperationEntry):
    """Concrete work under a program, with its partners and their roles."""

    entry_kind = "project"
    public_with = ("program",)

    program = models.ForeignKey(
        Program, on_delete=models.PROTECT, related_name="projects", verbose_name=_("program")
    )

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["pk"]
        constraints = [*unique_slugs("project"), period_constraint("project_period_in_order")]
        permissions = [publish_permission("project")]

    def get_absolute_url(self):
        return reverse("cooperation:project_detail", kwargs={"slug": self.slug})


def exactly_one_of(first: str, second: str, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{first}__isnull": False, f"{second}__isnull": True})
        | Q(**{f"{first}__isnull": True, f"{second}__isnull": False}),
        name=name,
    )


class AttachedToEntry(Visible, Versioned):
    """Belongs to exactly one program or one project, and is public when that entry is."""

    public_with_any = ("program", "project")

    program = models.ForeignKey(
        Program, on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("program")
    )
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, null=True, blank=True, verbose_name=_("project")
    )

    class Meta:
        abstract = True

    @property
    def entry(self) -> Program | Project | None:
        return self.project or self.program

    def clean(self):
        super().clean()
        if bool(self.program_id) == bool(self.project_id):
            raise ValidationError(_("Choose either a program or a project, not both and not none."))


class ParticipationRole(models.TextChoices):
    LEAD = "lead", _("Lead")
    PARTNER = "partner", _("Partner")
    COLLABORATOR = "collaborator", _("Collaborating non-member")
    SUPPORTER = "supporter", _("Supporting")
    FUNDER = "funder", _("Funder")
    APPLICANT = "applicant", _("Applicant")
    IMPLEMENTER = "implementer", _("Implementer")


class Participation(AttachedToEntry):
    """A partner's part in a program or project: who leads, funds, supports..."""

    public_with = ("partner",)

    partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        related_name="participations",
        verbose_name=_("partner organization"),
    )
    role = models.CharField(_("role"), max_length=12, choices=ParticipationRole)
    note = models.CharField(
        _("note"), max_length=250, blank=True, help_text=_("For example: primary applicant.")
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        ordering = ["order", "pk"]
        default_related_name = "participations"
        constraints = [
            exactly_one_of("program", "project", "participation_in_program_or_project"),
            models.UniqueConstraint(
                fields=["partner", "program", "role"],
                condition=Q(program__isnull=False),
                name="unique_partner_role_per_program",
            ),
            models.UniqueConstraint(
                fields=["partner", "project", "role"],
                condition=Q(project__isnull=False),
                name="unique_partner_role_per_project",
            ),
        ]

    def __str__(self):
        return f"{self.partner} · {self.get_role_display()} · {self.entry}"


class Milestone(AttachedToEntry):
    """A dated event: joining, a report submitted, a selection."""

    date = models.DateField(_("date"))
    date_precision = models.CharField(
        _("precision of the date"), max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["date", "pk"]
        default_related_name = "milestones"
        constraints = [exactly_one_of("program", "project", "milestone_in_program_or_project")]

    def __str__(self):
        return f"{self.date_display} · {self.title}"

    @property
    def date_display(self) -> str:
        return format_partial_date(self.date, self.date_precision)


class DocumentKind(models.TextChoices):
    REPORT = "report", _("Report")
    AGREEMENT = "agreement", _("Agreement")
    PUBLICATION = "publication", _("Publication")
    OTHER = "other", _("Other")


class Document(AttachedToEntry):
    """A report or other document, as an uploaded file, a link, or only a record that it exists."""

    title = models.CharField(_("title"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(
        _("kind"), max_length=12, choices=DocumentKind, default=DocumentKind.REPORT
    )
    date = models.DateField(_("date"), null=True, blank=True)
    date_precision = models.CharField(
        _("precision of the date"), max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    file = models.FileField(
        _("file"),
        upload_to="documents/%Y/",
        blank=True,
        validators=[validate_document_upload],
        help_text=_("PDF, ODT, DOCX or XLSX, at most 10 MB."),
    )
    url = models.URLField(_("link"), blank=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["date", "pk"]
        default_related_name = "documents"
        constraints = [exactly_one_of("program", "project", "document_in_program_or_project")]

    def __str__(self):
        return self.title

    @property
    def date_display(self) -> str:
        return format_partial_date(self.date, self.date_precision)

    @property
    def href(self) -> str:
        if self.file:
            return self.file.url
        return self.url


class Singleton(models.Model):
    """A model of which exactly one row can exist (primary key 1)."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)

    class Meta:
        abstract = True

    @classmethod
    def load(cls):
        obj, _created = cls.objects.get_or_create(pk=1)
        return obj


class SectionText(Singleton, Versioned):
    """The section's own texts, shown on its home page."""

    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True, help_text=_("Markdown."))
    ways_heading = models.CharField(
        _("heading of the ways of collaborating"), max_length=200, blank=True
    )
    meta_description = models.CharField(
        _("description for search engines"), max_length=300, blank=True
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("section texts")
        verbose_name_plural = _("section texts")
        constraints = [models.CheckConstraint(condition=Q(id=1), name="single_section_text")]

    def __str__(self):
        return str(self._meta.verbose_name)


class CollaborationWay(Versioned):
    """One of the three ways the city collaborates, and the kinds of partner it involves."""

    class Key(models.TextChoices):
        DECENTRALIZED = "decentralized", _("Decentralized cooperation")
        INTERNATIONAL = "international", _("International organizations")
        NATIONAL = "national", _("National governments")

    PARTNER_KINDS = {
        Key.DECENTRALIZED: [PartnerKind.CITY, PartnerKind.NETWORK],
        Key.INTERNATIONAL: [PartnerKind.INTERNATIONAL],
        Key.NATIONAL: [PartnerKind.NATIONAL, PartnerKind.EMBASSY],
    }

    key = models.CharField(_("key"), max_length=15, choices=Key, unique=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("way of collaborating")
        verbose_name_plural = _("ways of collaborating")
        ordering = ["order", "pk"]

    def __str__(self):
        return self.title

    @property
    def partner_kinds(self) -> list[str]:
        return [str(kind) for kind in self.PARTNER_KINDS[self.key]]


whatsapp_number_validator = RegexValidator(
    r"^[1-9][0-9]{7,14}$",
    _(
        "Write the number in international format, digits only, without + or spaces "
        "(for example 5493415440147)."
    ),
)


class ContactSettings(Singleton, Versioned):
    """How citizens reach the International Relations office; shown on every page."""

    DEFAULT_WHATSAPP_NUMBER = "5493415440147"  # MuniBot, the city's official WhatsApp line.

    whatsapp_number = models.CharField(
        _("WhatsApp number"),
        max_length=15,
        default=DEFAULT_WHATSAPP_NUMBER,
        validators=[whatsapp_number_validator],
    )
    whatsapp_message = models.CharField(
        _("prefilled WhatsApp message"),
        max_length=300,
        blank=True,
        help_text=_("{page} is replaced by the name of the page the visitor is on."),
    )
    email = models.EmailField(_("e-mail"), blank=True)
    office_name = models.CharField(_("office"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("contact settings")
        verbose_name_plural = _("contact settings")
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="single_contact_settings"),
        ]

    def __str__(self):
        return str(self._meta.verbose_name)


class SeedRecord(models.Model):
    """Remembers what the seed command created, so that it never re-creates or overwrites it.

    Once an entry has been loaded, it belongs to the staff: their edits stay, and an entry
    they delete is not brought back by the next run.
    """

    key = models.CharField(_("key"), max_length=255, unique=True)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("seed record")
        verbose_name_plural = _("seed records")

    def __str__(self):
        return self.key


class ContentVersion(Singleton):
    """A number raised by every change of content: the key of the public page cache.

    Kept in the database, not in the cache, so that every worker sees the same number
    whatever cache it has (see ``page_cache.py``).
    """

    version = models.PositiveBigIntegerField(_("version"), default=1)
    # The next moment a scheduled entry goes public ("publish from" in the future): then the
    # pages change without anyone saving anything, so the version must be raised too.
    next_publication_at = models.DateTimeField(_("next scheduled publication"), null=True)

    class Meta:
        verbose_name = _("content version")
        verbose_name_plural = _("content versions")
        constraints = [models.CheckConstraint(condition=Q(id=1), name="single_content_version")]

    def __str__(self):
        return str(self.version)
