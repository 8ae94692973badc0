"""The organizations Rosario works with, and the networks it belongs to."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..validators import validate_image_upload
from .base import (
    DatePrecision,
    Publishable,
    Reviewable,
    Versioned,
    format_partial_date,
    missing_description,
    publish_permission,
    unique_slugs,
)
from .sources import Sourced
from .uploads import UploadPath


class PartnerKind(models.TextChoices):
    """What an organization is. Where it is (Argentine or of another country) is its country."""

    CITY = "city", _("Local or regional government")
    NATIONAL = "national", _("National government")
    AGENCY = "agency", _("Cooperation agency")
    FUNDING_PROGRAM = "funding_program", _("Funding program")
    EMBASSY = "embassy", _("Embassy")
    INTERNATIONAL = "international", _("International organization")
    NETWORK = "network", _("Network of cities")
    BUSINESS_NETWORK = "business_network", _("Network of companies and organizations")
    FOUNDATION = "foundation", _("Foundation or NGO")
    UNIVERSITY = "university", _("University")
    COMPANY = "company", _("Company")


# Rosario's own country, as partners' Spanish country is written: its organizations are not
# "of other countries".
HOME_COUNTRY_ES = "Argentina"


LATITUDE_VALIDATORS = [MinValueValidator(-90), MaxValueValidator(90)]
LONGITUDE_VALIDATORS = [MinValueValidator(-180), MaxValueValidator(180)]


class Partner(Publishable, Reviewable, Sourced, Versioned):
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
        upload_to=UploadPath("partners", by_year=False),
        # The whole stored name: the folders and the random part take up to 40 characters
        # (Django's default of 100 would cut long file names short).
        max_length=255,
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
    def is_argentine(self) -> bool:
        return self.country_es == HOME_COUNTRY_ES

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


class Network(Publishable, Reviewable, Sourced, Versioned):
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
        # One page per organization: the network is shown on its organization's page
        # (the network's own address answers with a redirect to it).
        return self.organization.get_absolute_url()

    @property
    def member_since_display(self) -> str:
        return format_partial_date(self.member_since, self.member_since_precision)
