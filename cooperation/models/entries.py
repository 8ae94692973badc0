"""Programs and projects, what they are about (themes, SDGs), and what hangs from them:
participations of partners, milestones and documents."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..validators import validate_document_upload, validate_image_upload
from .base import (
    DatePrecision,
    PeriodMixin,
    Publishable,
    Reviewable,
    Versioned,
    Visible,
    format_partial_date,
    is_public,
    missing_description,
    period_constraint,
    publish_permission,
    unique_slugs,
)
from .partners import Network, Partner
from .sources import Sourced
from .uploads import UploadPath


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

    def get_absolute_url(self):
        return reverse("cooperation:theme_detail", kwargs={"slug": self.slug})


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

    def get_absolute_url(self):
        return reverse("cooperation:sdg_detail", kwargs={"number": self.number})


class CooperationStatus(models.TextChoices):
    # The default: a status is stated only where a source states it.
    UNKNOWN = "", _("No published information")
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Ongoing")
    COMPLETED = "completed", _("Completed")


def ended_unmarked_q(year: int) -> Q:
    """Entries entered as ongoing whose end year has passed, and that staff did not keep so.

    They are shown as completed (see ``CooperationEntry.effective_status``).
    """
    return Q(status=CooperationStatus.ACTIVE, keep_status=False, end_year__lt=year)


# The directory filter's value for entries whose status is not published (the empty value
# of a form field means "any status").
UNKNOWN_STATUS_FILTER = "unknown"


class RosarioRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    LEAD = "lead", _("Lead")
    PARTNER = "partner", _("Partner")
    MEMBER = "member", _("Member")
    BENEFICIARY = "beneficiary", _("Beneficiary")
    PARTICIPANT = "participant", _("Participant")


class CooperationEntry(Publishable, Reviewable, Sourced, PeriodMixin, Versioned):
    """What programs and projects share."""

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=250)
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences."))
    body = models.TextField(_("description"), blank=True, help_text=_("Markdown."))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CooperationStatus,
        default=CooperationStatus.UNKNOWN,
        blank=True,
        help_text=_("Leave it without published information unless a source states it."),
    )
    status_confirmed_on = models.DateField(
        _("status confirmed on"),
        null=True,
        blank=True,
        help_text=_(
            "The date of the information the status comes from: the public sees "
            "“Ongoing, according to information from 2022”."
        ),
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
        upload_to=UploadPath("entries"),
        # The whole stored name: the folders and the random part take up to 40 characters
        # (Django's default of 100 would cut long file names short).
        max_length=255,
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

    @property
    def status_known(self) -> bool:
        return self.effective_status != CooperationStatus.UNKNOWN

    @property
    def status_statement(self) -> str:
        """The status as the public reads it, with the year of its source when staff gave
        one: "Ongoing, according to information from 2022"."""
        label = self.get_effective_status_display()
        if self.status_known and self.status_confirmed_on and self.effective_status == self.status:
            return _("%(status)s, according to information from %(year)s") % {
                "status": label,
                "year": self.status_confirmed_on.year,
            }
        return label

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

    # The program this one is part of and its network, each only if the public may see it:
    # a page or a card links a related entry only then. Read from the relations the
    # selectors load with the program, in memory: the same rule as a query's.

    @property
    def public_parent(self) -> "Program | None":
        return self.parent if is_public(self.parent) else None

    @property
    def public_network(self) -> Network | None:
        return self.network if is_public(self.network) else None


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
        indexes = [
            # The project list (selectors.project_list), newest first, read from the index
            # alone: its count runs over every published project, and a project's row is
            # wide (bodies, search vectors). About 1 ms less per list page in PostgreSQL
            # with a thousand projects (bench/README.md, sixth profile).
            models.Index(
                fields=["-start_year"],
                include=["id", "publication", "publish_at", "program", "title_es", "title_en"],
                name="project_list_covering",
            ),
        ]
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
        if self._linked("program") == self._linked("project"):
            raise ValidationError(_("Choose either a program or a project, not both and not none."))

    def _linked(self, name: str) -> bool:
        """Whether the row hangs from a ``name``: a stored one, or a new one being added with
        it in the same form (saved first, then linked)."""
        if getattr(self, f"{name}_id") is not None:
            return True
        field = self._meta.get_field(name)
        return field.is_cached(self) and field.get_cached_value(self) is not None


class ParticipationRole(models.TextChoices):
    UNKNOWN = "", _("No published information")
    PARTICIPANT = "participant", _("Participant")
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
    role = models.CharField(
        _("role"),
        max_length=12,
        choices=ParticipationRole,
        blank=True,
        help_text=_("Only the role a source states; otherwise participant, or no information."),
    )
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
        upload_to=UploadPath("documents"),
        # The whole stored name: the folders and the random part take up to 40 characters
        # (Django's default of 100 would cut long file names short).
        max_length=255,
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
