"""The published portfolio as IATI activities, in version 2.03 of the standard.

Each published program and project is one ``iati-activity``. Only what the portal records
goes in: budgets, transactions and the registered identifiers of partner organisations are
left out because the portal does not know them, never filled with guesses. An entry that
cannot make a schema-valid activity without invented data (one with no year at all, for
instance) is left out of the files, and ``Publication.omitted`` says why, so that the open
data page can tell the staff what to complete.

The codes come from the IATI codelists; each mapping below says why it was chosen.
"""

import html
import mimetypes
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import markdown as markdown_lib
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import strip_tags
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from cooperation.models import (
    CooperationStatus,
    DatePrecision,
    DocumentKind,
    ParticipationRole,
    PartnerKind,
    Program,
    Project,
    RosarioRole,
)

VERSION = "2.03"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

# OrganisationType (a non-embedded codelist, which applies to 2.03 too): the city is
# 11 "Local Government", "any local (sub national) government organisation".
LOCAL_GOVERNMENT = "11"

# OrganisationRole: 1 Funding, 2 Accountable, 3 Extending, 4 Implementing.
ROLE_NAMES = {
    "1": _("Funding"),
    "2": _("Accountable"),
    "3": _("Extending"),
    "4": _("Implementing"),
}

# A partner's role in a program or project, as an OrganisationRole code. IATI has no role
# for supporting or collaborating: those organisations help carry the work out, so they are
# Implementing. Extending (3), managing the funds on the funder's behalf, is a fact the
# portal does not record, so no role maps to it.
PARTICIPATION_ROLES = {
    ParticipationRole.FUNDER: "1",
    # Runs the program or project and answers for it.
    ParticipationRole.LEAD: "2",
    # The grant holder answers to the funder for the action.
    ParticipationRole.APPLICANT: "2",
    ParticipationRole.IMPLEMENTER: "4",
    ParticipationRole.PARTNER: "4",
    ParticipationRole.COLLABORATOR: "4",
    ParticipationRole.SUPPORTER: "4",
    # Taking part says nothing of funding, answering for or carrying out the work, and a role
    # not published is not guessed: neither is listed.
    ParticipationRole.PARTICIPANT: None,
    ParticipationRole.UNKNOWN: None,
}

# Rosario's own part, as an OrganisationRole code. A beneficiary neither funds, oversees
# nor carries out the activity, and IATI has no role for receiving it: Rosario is then not
# listed among the participating organisations (it still is the reporting organisation).
ROSARIO_ROLES = {
    RosarioRole.LEAD: "2",
    RosarioRole.COORDINATOR: "2",
    RosarioRole.PARTNER: "4",
    RosarioRole.MEMBER: "4",
    RosarioRole.BENEFICIARY: None,
    RosarioRole.PARTICIPANT: None,
}

# ActivityStatus. A status that is not published has no code: the schema requires one, so
# such an entry is left out of the files rather than given a guess. "Completed" is
# 4 Closed ("physical activity is complete") rather than
# 3 Finalisation, which would claim that a financial sign-off or an evaluation is still
# pending: something the portal does not know.
ACTIVITY_STATUSES = {
    CooperationStatus.UNKNOWN: None,
    CooperationStatus.PLANNED: "1",
    CooperationStatus.ACTIVE: "2",
    CooperationStatus.COMPLETED: "4",
}
STATUS_NAMES = {
    "1": _("Pipeline/identification"),
    "2": _("Implementation"),
    "3": _("Finalisation"),
    "4": _("Closed"),
}

# OrganisationType of partners by kind. Networks (of cities, of companies and organizations)
# and "foundation or NGO" span several IATI types (associations, NGOs, foundations), and a
# funding program is not an organization of its own: they get no type rather than a guess.
ORGANISATION_TYPES = {
    PartnerKind.CITY: LOCAL_GOVERNMENT,
    PartnerKind.NATIONAL: "10",  # Government
    PartnerKind.AGENCY: "10",  # Government
    PartnerKind.EMBASSY: "10",  # Government
    PartnerKind.INTERNATIONAL: "40",  # Multilateral
    PartnerKind.UNIVERSITY: "80",  # Academic, Training and Research
    PartnerKind.COMPANY: "70",  # Private Sector
}

# ActivityDateType.
PLANNED_START, ACTUAL_START, PLANNED_END, ACTUAL_END = "1", "2", "3", "4"

# DocumentCategory (activity documents). "Other" has no category to match, so such
# documents are not linked.
DOCUMENT_CATEGORIES = {
    DocumentKind.REPORT: "A07",  # Review of project performance and evaluation
    DocumentKind.PUBLICATION: "A08",  # Results, outcomes and outputs
    DocumentKind.AGREEMENT: "A09",  # Memorandum of understanding
}
ACTIVITY_WEB_PAGE = "A12"
# What a link serves, from the end of its file name; a link without one is a web page.
DOCUMENT_FORMATS = {
    ".pdf": "application/pdf",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
WEB_PAGE_FORMAT = "text/html"
# Python's own table of types, not the machine's: the same answer everywhere, and a script
# ending (.php, .aspx) is not mistaken for a file to download.
BUILTIN_TYPES = mimetypes.MimeTypes()

# Tag vocabularies: 2 is the UN Sustainable Development Goals; 99 the reporting
# organisation's own, here the portal's themes.
SDG_VOCABULARY = "2"
OWN_VOCABULARY = "99"

# Texts that are part of the data rather than of the page: written in both languages here,
# so that each narrative is in the language it claims whatever the state of the catalogues.
ROSARIO_NAMES = {"es": "Municipalidad de Rosario", "en": "City of Rosario"}
YEAR_ONLY = {
    "es": "Solo se conoce el año: el día y el mes de esta fecha son convencionales "
    "(1 de enero para un inicio, 31 de diciembre para un fin).",
    "en": "Only the year is known: the day and month of this date are a convention "
    "(1 January for a start, 31 December for an end).",
}


def mappings() -> dict[str, list[tuple[str, str | None, str | None]]]:
    """Each mapping as rows of (our label, IATI code, IATI name), for the open data page."""

    def rows(choices, codes: dict, names: dict) -> list:
        return [
            (label, codes[value], names.get(codes[value]) if codes[value] else None)
            for value, label in choices
        ]

    return {
        "participation_roles": rows(ParticipationRole.choices, PARTICIPATION_ROLES, ROLE_NAMES),
        "rosario_roles": rows(RosarioRole.choices, ROSARIO_ROLES, ROLE_NAMES),
        "statuses": rows(CooperationStatus.choices, ACTIVITY_STATUSES, STATUS_NAMES),
    }


def reporting_org_ref() -> str:
    return settings.IATI_REPORTING_ORG_REF


def activity_identifier(entry: Program | Project) -> str:
    """``<reporting-org ref>-<program|project>-<id>``: stable as long as the entry exists."""
    return f"{reporting_org_ref()}-{entry._meta.model_name}-{entry.pk}"


def _texts(obj, field: str) -> dict[str, str]:
    """The field's text in each language that has one."""
    texts = {code: (getattr(obj, f"{field}_{code}", "") or "").strip() for code in LANGUAGE_CODES}
    return {code: text for code, text in texts.items() if text}


BLOCK_END = re.compile(r"</(p|h[1-6]|blockquote|ul|ol)>\s*")


def _plain_text(markdown_text: str) -> str:
    """Markdown as plain text: paragraphs apart by a blank line, list items by a dash."""
    rendered = markdown_lib.markdown(markdown_text).replace("<li>", "<li>- ")
    text = html.unescape(strip_tags(BLOCK_END.sub("\n\n", rendered)))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def _descriptions(entry) -> dict[str, str]:
    """The description as plain text in each language, or the summary where there is none."""
    bodies = {code: _plain_text(text) for code, text in _texts(entry, "body").items()}
    texts = {**_texts(entry, "summary"), **{code: text for code, text in bodies.items() if text}}
    return {code: texts[code] for code in LANGUAGE_CODES if code in texts}


@dataclass(frozen=True)
class Organisation:
    role: str
    names: dict[str, str]
    type: str | None = None
    ref: str | None = None


def _participating_organisations(entry) -> list[Organisation]:
    organisations = []
    if rosario_role := ROSARIO_ROLES.get(entry.rosario_role):
        organisations.append(
            Organisation(rosario_role, ROSARIO_NAMES, LOCAL_GOVERNMENT, reporting_org_ref())
        )
    for participation in entry.participations.all():
        role = PARTICIPATION_ROLES[participation.role]
        if role is None:
            continue
        partner = participation.partner
        organisations.append(
            Organisation(role, _texts(partner, "name"), ORGANISATION_TYPES.get(partner.kind))
        )
    return organisations


def _activity_dates(entry) -> list[tuple[str, str]]:
    """(type, ISO date) pairs. IATI needs a full date: a year is pinned to its first or last day."""
    dates = []
    if entry.start_year:
        start = (
            PLANNED_START if entry.effective_status == CooperationStatus.PLANNED else ACTUAL_START
        )
        dates.append((start, f"{entry.start_year:04d}-01-01"))
    if entry.end_year:
        end = ACTUAL_END if entry.effective_status == CooperationStatus.COMPLETED else PLANNED_END
        dates.append((end, f"{entry.end_year:04d}-12-31"))
    return dates


def omissions(entry: Program | Project) -> list[str]:
    """Why ``entry`` cannot be published as a valid IATI activity; empty when it can."""
    reasons = []
    if not _texts(entry, "title"):
        reasons.append(_("it has no title"))
    if not _descriptions(entry):
        reasons.append(_("it has neither a summary nor a description"))
    if not _participating_organisations(entry):
        reasons.append(_("no participating organization has a role that IATI defines"))
    if not _activity_dates(entry):
        reasons.append(_("neither its start year nor its end year is recorded"))
    if ACTIVITY_STATUSES[entry.effective_status] is None:
        reasons.append(_("its status is not published"))
    return reasons


def _narratives(parent: ET.Element, texts: dict[str, str]) -> ET.Element:
    for code, text in texts.items():
        ET.SubElement(parent, "narrative", {XML_LANG: code}).text = text
    return parent


def _document_format(href: str) -> str:
    suffix = PurePosixPath(urlsplit(href).path).suffix.lower()
    return (
        DOCUMENT_FORMATS.get(suffix) or BUILTIN_TYPES.guess_type(f"x{suffix}")[0] or WEB_PAGE_FORMAT
    )


@dataclass(frozen=True)
class Listing:
    entry: Program | Project

    @property
    def kind(self) -> str:
        return capfirst(self.entry._meta.verbose_name)


@dataclass(frozen=True)
class ActivityFile(Listing):
    identifier: str
    url: str


@dataclass(frozen=True)
class Omission(Listing):
    reasons: list[str]


def _key(entry) -> tuple[type, int]:
    return (type(entry), entry.pk)


class Publication:
    """The IATI activities of the published programs and projects.

    ``programs`` and ``projects`` come from ``selectors.iati_activity_list()``, with their
    relations loaded; ``absolute_url`` turns a path into an address that works anywhere.
    """

    def __init__(
        self,
        programs: list[Program],
        projects: list[Project],
        *,
        absolute_url: Callable[[str], str],
    ):
        self.absolute_url = absolute_url
        self.omitted = []
        self.activities = []
        for entry in [*programs, *projects]:
            if reasons := omissions(entry):
                self.omitted.append(Omission(entry, reasons))
            else:
                self.activities.append(entry)
        self._published = {_key(entry) for entry in self.activities}
        self._programs = {program.pk: program for program in programs}
        self._children = {}
        for entry in [*programs, *projects]:
            parent_id = entry.parent_id if isinstance(entry, Program) else entry.program_id
            self._children.setdefault(parent_id, []).append(entry)

    def files(self) -> list[ActivityFile]:
        """Each activity with the address of its own file."""
        url_names = {Program: "cooperation:iati_program", Project: "cooperation:iati_project"}
        return [
            ActivityFile(
                entry,
                activity_identifier(entry),
                reverse(url_names[type(entry)], kwargs={"slug": entry.slug}),
            )
            for entry in self.activities
        ]

    def includes(self, entry: Program | Project) -> bool:
        return _key(entry) in self._published

    def document(self, entries: list[Program | Project] | None = None) -> bytes:
        """An ``iati-activities`` file with ``entries`` (all the activities by default)."""
        root = ET.Element(
            "iati-activities",
            {
                "version": VERSION,
                "generated-datetime": timezone.now().replace(microsecond=0).isoformat(),
            },
        )
        for entry in self.activities if entries is None else entries:
            root.append(self.activity(entry))
        ET.indent(root)
        return ET.tostring(root, encoding="utf-8", xml_declaration=True)

    def activity(self, entry: Program | Project) -> ET.Element:
        # The schema fixes the order of the elements: it is followed here.
        activity = ET.Element("iati-activity")
        ET.SubElement(activity, "iati-identifier").text = activity_identifier(entry)
        reporting_org = ET.SubElement(
            activity, "reporting-org", {"ref": reporting_org_ref(), "type": LOCAL_GOVERNMENT}
        )
        _narratives(reporting_org, ROSARIO_NAMES)
        _narratives(ET.SubElement(activity, "title"), _texts(entry, "title"))
        # Description type 1: General.
        _narratives(ET.SubElement(activity, "description", {"type": "1"}), _descriptions(entry))
        for organisation in _participating_organisations(entry):
            attributes = {"role": organisation.role}
            if organisation.type:
                attributes["type"] = organisation.type
            if organisation.ref:
                attributes["ref"] = organisation.ref
            _narratives(
                ET.SubElement(activity, "participating-org", attributes), organisation.names
            )
        ET.SubElement(
            activity, "activity-status", {"code": ACTIVITY_STATUSES[entry.effective_status]}
        )
        for date_type, iso_date in _activity_dates(entry):
            date = ET.SubElement(
                activity, "activity-date", {"type": date_type, "iso-date": iso_date}
            )
            _narratives(date, YEAR_ONLY)
        self._tags(activity, entry)
        self._web_pages(activity, entry)
        self._documents(activity, entry)
        self._related_activities(activity, entry)
        return activity

    def _tags(self, activity: ET.Element, entry) -> None:
        for sdg in entry.sdgs.all():
            tag = {"vocabulary": SDG_VOCABULARY, "code": str(sdg.number)}
            _narratives(ET.SubElement(activity, "tag", tag), _texts(sdg, "name"))
        with translation.override(settings.LANGUAGE_CODE):
            themes_page = self.absolute_url(reverse("cooperation:coverage") + "#theme-title")
        for theme in entry.themes.all():
            tag = {
                "vocabulary": OWN_VOCABULARY,
                "vocabulary-uri": themes_page,
                "code": str(theme.pk),
            }
            _narratives(ET.SubElement(activity, "tag", tag), _texts(theme, "name"))

    def _web_pages(self, activity: ET.Element, entry) -> None:
        """The entry's own page, in each language it is written in."""
        titles = _texts(entry, "title")
        for code in titles:
            with translation.override(code):
                url = self.absolute_url(entry.get_absolute_url())
            link = ET.SubElement(activity, "document-link", {"url": url, "format": WEB_PAGE_FORMAT})
            _narratives(ET.SubElement(link, "title"), titles)
            ET.SubElement(link, "category", {"code": ACTIVITY_WEB_PAGE})
            ET.SubElement(link, "language", {"code": code})

    def _documents(self, activity: ET.Element, entry) -> None:
        """Documents that can be reached: an uploaded file or a link, of a known category."""
        for document in entry.documents.all():
            category = DOCUMENT_CATEGORIES.get(document.kind)
            titles = _texts(document, "title")
            if not (document.href and category and titles):
                continue
            link = ET.SubElement(
                activity,
                "document-link",
                {
                    "url": self.absolute_url(document.href),
                    "format": _document_format(document.href),
                },
            )
            _narratives(ET.SubElement(link, "title"), titles)
            if descriptions := _texts(document, "description"):
                _narratives(ET.SubElement(link, "description"), descriptions)
            ET.SubElement(link, "category", {"code": category})
            # A document date is optional: given only when the day is known.
            if document.date and document.date_precision == DatePrecision.DAY:
                ET.SubElement(link, "document-date", {"iso-date": document.date.isoformat()})

    def _related_activities(self, activity: ET.Element, entry) -> None:
        """Parent (type 1) and children (type 2), when they are in the publication too."""
        parent_id = entry.parent_id if isinstance(entry, Program) else entry.program_id
        related = []
        if parent_id and (parent := self._programs.get(parent_id)):
            related.append(("1", parent))
        if isinstance(entry, Program):
            related.extend(("2", child) for child in self._children.get(entry.pk, []))
        for relation, other in related:
            if self.includes(other):
                ET.SubElement(
                    activity,
                    "related-activity",
                    {"ref": activity_identifier(other), "type": relation},
                )
