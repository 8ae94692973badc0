"""The section's own texts and settings, and the bookkeeping rows of the seed and the cache."""

from django.contrib.contenttypes.models import ContentType
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .base import Singleton, Versioned
from .partners import PartnerKind


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
    """One of the three ways the city collaborates with organizations of other countries, and
    the kinds of partner it involves. Argentine partners are in none of them."""

    class Key(models.TextChoices):
        DECENTRALIZED = "decentralized", _("Decentralized cooperation")
        INTERNATIONAL = "international", _("International organizations")
        NATIONAL = "national", _("National governments")

    PARTNER_KINDS = {
        Key.DECENTRALIZED: [PartnerKind.CITY, PartnerKind.NETWORK],
        Key.INTERNATIONAL: [PartnerKind.INTERNATIONAL],
        Key.NATIONAL: [
            PartnerKind.NATIONAL,
            PartnerKind.AGENCY,
            PartnerKind.FUNDING_PROGRAM,
            PartnerKind.EMBASSY,
        ],
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

    def includes(self, partner) -> bool:
        """Whether ``partner`` collaborates this way: of one of its kinds, and not Argentine."""
        return partner.kind in self.partner_kinds and not partner.is_argentine


whatsapp_number_validator = RegexValidator(
    r"^[1-9][0-9]{7,14}$",
    _(
        "Write the number in international format, digits only, without + or spaces "
        "(for example 5493415440147)."
    ),
)


phone_validator = RegexValidator(
    r"^\+?[0-9(][0-9 ()./-]{5,28}$",
    _("Write the phone number with digits, spaces, dashes or brackets, optionally after a +."),
)


class ContactSettings(Singleton, Versioned):
    """How citizens reach the International Relations office; shown on every page."""

    DEFAULT_WHATSAPP_NUMBER = "5493415440147"  # MuniBot, the city's official WhatsApp line.

    whatsapp_number = models.CharField(
        _("WhatsApp number"),
        max_length=15,
        default=DEFAULT_WHATSAPP_NUMBER,
        validators=[whatsapp_number_validator],
        help_text=_(
            "By default, 5493415440147: MuniBot, the city's general line for citizens, not "
            "the international cooperation office's own. Write the office's number here if "
            "it has one."
        ),
    )
    whatsapp_message = models.CharField(
        _("prefilled WhatsApp message"),
        max_length=300,
        blank=True,
        help_text=_(
            "{page} is replaced by the name of the page the visitor is on, {address} by its "
            "address; without {address}, the address is added at the end."
        ),
    )
    # The office's own details: empty until staff fill them in, and shown only then.
    office_name = models.CharField(_("office"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=30,
        blank=True,
        validators=[phone_validator],
        help_text=_(
            "Digits, spaces and dashes; begin with + and the country code so that it can be "
            "dialled from abroad."
        ),
    )
    postal_address = models.TextField(
        _("postal address"), blank=True, help_text=_("One line each: street, city, country.")
    )
    opening_hours = models.CharField(
        _("opening hours"),
        max_length=200,
        blank=True,
        help_text=_("For example: Monday to Friday, 8 to 14."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("contact settings")
        verbose_name_plural = _("contact settings")
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="single_contact_settings"),
        ]

    def __str__(self):
        return str(self._meta.verbose_name)

    @property
    def phone_uri(self) -> str:
        """The phone number as a tel: link (digits and a leading +)."""
        digits = "".join(char for char in self.phone if char.isdigit())
        return f"tel:{'+' if self.phone.startswith('+') else ''}{digits}" if digits else ""


class OpenDataSettings(Singleton, Versioned):
    """The license the open data is published under, which staff decide."""

    license_name = models.CharField(
        _("license"),
        max_length=100,
        blank=True,
        help_text=_("For example CC BY 4.0. Empty: the license set for the server (CC BY 4.0)."),
    )
    license_url = models.URLField(_("address of the license"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("open data settings")
        verbose_name_plural = _("open data settings")
        constraints = [
            models.CheckConstraint(condition=Q(id=1), name="single_open_data_settings"),
            models.CheckConstraint(
                condition=Q(license_name="", license_url="") | ~Q(license_name=""),
                name="open_data_license_named",
            ),
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
    whatever cache it has (see ``rosario_intl/page_cache.py``).
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
