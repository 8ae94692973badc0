"""The published portfolio as tables, for the CSV and JSON downloads of the open data page.

One table per kind of entry. Column names are stable: scripts rely on them, so a column
is added, never renamed or removed. Each translated field gives one column per language
(``title_es``, ``title_en``). A value that is not recorded is an empty cell in CSV and
``null`` in JSON; a column with several values is a list in JSON (empty when there are
none) and joins them with ``|`` in CSV.
"""

import csv
import datetime
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.http import Http404
from django.utils import timezone, translation
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from cooperation.models import (
    CooperationStatus,
    DatePrecision,
    OpenDataSettings,
    ParticipationRole,
    PartnerKind,
    RosarioRole,
)

from . import iati, selectors

LIST_SEPARATOR = "|"


def license_get() -> dict[str, str]:
    """The licence of the data: the one staff chose (``OpenDataSettings``), else
    ``settings.OPEN_DATA_LICENSE`` (a name and a url)."""
    chosen = OpenDataSettings.objects.filter(pk=1).exclude(license_name="").first()
    if chosen:
        return {"name": chosen.license_name, "url": chosen.license_url}
    return settings.OPEN_DATA_LICENSE


@dataclass(frozen=True)
class Context:
    """What a value needs beyond its object: how to make an address absolute."""

    absolute_url: Callable[[str], str]

    def page_url(self, obj, language: str) -> str:
        with translation.override(language):
            return self.absolute_url(obj.get_absolute_url())


@dataclass(frozen=True)
class Column:
    name: str
    description: str
    value: Callable
    # (value, label) pairs, for a column that holds codes.
    choices: tuple = ()


@dataclass(frozen=True)
class Dataset:
    name: str
    title: str
    description: str
    columns: tuple[Column, ...]
    selector: Callable[[], Iterable] = field(repr=False)

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]

    def filename(self, extension: str) -> str:
        return f"rosario-cooperation-{self.name}.{extension}"

    def rows(self, *, absolute_url: Callable[[str], str]) -> list[dict]:
        context = Context(absolute_url)
        return [
            {column.name: _clean(column.value(obj, context)) for column in self.columns}
            for obj in self.selector()
        ]


def _clean(value):
    if value == "":
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).replace(microsecond=0).isoformat()
    return value


def _languages() -> list[tuple[str, str]]:
    return list(settings.LANGUAGES)


def _coordinate(value) -> float | None:
    return None if value is None else float(value)


def plain(name: str, description: str, *, attribute: str | None = None, choices=()) -> Column:
    attribute = attribute or name
    return Column(name, description, lambda obj, _context: getattr(obj, attribute), choices)


def translated(name: str, description: str, *, attribute: str | None = None) -> list[Column]:
    """One column per language: ``<name>_es``, ``<name>_en``."""
    attribute = attribute or name
    return [
        Column(
            f"{name}_{code}",
            format_lazy("{} ({})", description, language),
            lambda obj, _context, column=f"{attribute}_{code}": getattr(obj, column),
        )
        for code, language in _languages()
    ]


def page_urls() -> list[Column]:
    return [
        Column(
            f"url_{code}",
            format_lazy("{} ({})", _("Address of its page on this site"), language),
            lambda obj, context, code=code: context.page_url(obj, code),
        )
        for code, language in _languages()
    ]


def source_urls() -> Column:
    # Added later: at the end of each table that has it.
    return Column(
        "source_urls",
        _("Addresses of the sources of what the entry states (the sources table has them all)"),
        lambda obj, _context: [source.url for source in obj.sources.all() if source.url],
    )


def _content_kind(source) -> str:
    model = source.content_type.model_class()
    return next(name for name, known in selectors.SOURCED_MODELS.items() if known is model)


def timestamps() -> list[Column]:
    return [
        plain("created_at", _("When the entry was created (ISO 8601)")),
        plain("updated_at", _("When the entry itself was last changed (ISO 8601)")),
    ]


def _names(related: str, attribute: str) -> Callable:
    """The names of the related objects in one language; untranslated ones are left out."""
    return lambda obj, _context: [
        name for item in getattr(obj, related).all() if (name := getattr(item, attribute))
    ]


def _partial_date(value: datetime.date | None, precision: str) -> str | None:
    """ISO 8601 with only the known part: 2015, 2015-12 or 2015-12-01."""
    if value is None:
        return None
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


ID = plain("id", _("Identifier in this portal; other tables refer to it"))


def entry_columns(kind: str) -> tuple[Column, ...]:
    """The columns that programs and projects share, around the ones of ``kind``."""
    relations = {
        "program": [
            plain(
                "parent_id",
                _("id of the program this one is part of (programs table)"),
                attribute="published_parent_id",
            ),
            plain(
                "network_id",
                _("id of the network the program runs through (networks table)"),
                attribute="published_network_id",
            ),
        ],
        "project": [plain("program_id", _("id of the program of the project (programs table)"))],
    }
    return (
        ID,
        Column(
            "iati_identifier",
            _("Identifier of its activity in the IATI files"),
            lambda obj, _context: iati.activity_identifier(obj),
        ),
        *relations[kind],
        *translated("title", _("Title")),
        *translated("slug", _("Last part of the page address")),
        *translated("summary", _("Summary")),
        *translated("description", _("Description, in Markdown"), attribute="body"),
        plain(
            "status",
            _("Status as entered by the staff"),
            choices=tuple(CooperationStatus.choices),
        ),
        plain("rosario_role", _("Rosario's role"), choices=tuple(RosarioRole.choices)),
        plain("start_year", _("Start year")),
        plain("end_year", _("End year")),
        *[
            Column(
                f"themes_{code}",
                format_lazy("{} ({})", _("Themes"), language),
                _names("themes", f"name_{code}"),
            )
            for code, language in _languages()
        ],
        Column(
            "sdgs",
            _("Numbers of the Sustainable Development Goals it addresses"),
            lambda obj, _context: [sdg.number for sdg in obj.sdgs.all()],
        ),
        *page_urls(),
        *timestamps(),
        # Added later: at the end, so that the columns before keep their places.
        plain(
            "effective_status",
            _(
                "Status as the site shows it: an ongoing entry whose end year has passed is "
                "completed, unless the staff chose to keep its status"
            ),
            choices=tuple(CooperationStatus.choices),
        ),
        source_urls(),
    )


DATASETS = {
    dataset.name: dataset
    for dataset in [
        Dataset(
            "programs",
            _("Programs"),
            _("The cooperation frameworks Rosario takes part in."),
            entry_columns("program"),
            selectors.open_data_program_list,
        ),
        Dataset(
            "projects",
            _("Projects"),
            _("Concrete work under a program."),
            entry_columns("project"),
            selectors.open_data_project_list,
        ),
        Dataset(
            "partners",
            _("Partner organizations"),
            _("The organizations Rosario works with."),
            (
                ID,
                *translated("name", _("Name")),
                *translated("acronym", _("Acronym")),
                *translated("slug", _("Last part of the page address")),
                plain("kind", _("Kind of organization"), choices=tuple(PartnerKind.choices)),
                *translated("country", _("Country (empty for international bodies)")),
                *translated("description", _("Description, in Markdown")),
                plain("website", _("Website")),
                *page_urls(),
                *timestamps(),
                *translated("city", _("City, or the city of the organization's headquarters")),
                Column(
                    "latitude",
                    _("Latitude of the city, in decimal degrees (south is negative)"),
                    lambda obj, _context: _coordinate(obj.latitude),
                ),
                Column(
                    "longitude",
                    _("Longitude of the city, in decimal degrees (west is negative)"),
                    lambda obj, _context: _coordinate(obj.longitude),
                ),
                source_urls(),
            ),
            selectors.open_data_partner_list,
        ),
        Dataset(
            "networks",
            _("Networks"),
            _("The networks Rosario belongs to, and its membership in each."),
            (
                ID,
                plain(
                    "partner_id",
                    _("id of the network as an organization (partners table)"),
                    attribute="organization_id",
                ),
                *translated("slug", _("Last part of the page address")),
                *translated("description", _("Description, in Markdown")),
                *translated("rosario_role", _("Rosario's role")),
                Column(
                    "member_since",
                    _("Member since: ISO 8601 with only the known part (2015, 2015-12 or a day)"),
                    lambda obj, _context: _partial_date(
                        obj.member_since, obj.member_since_precision
                    ),
                ),
                *page_urls(),
                *timestamps(),
                source_urls(),
            ),
            selectors.open_data_network_list,
        ),
        Dataset(
            "participations",
            _("Participations"),
            _("Which organization takes part in which program or project, and in what role."),
            (
                ID,
                plain("partner_id", _("id of the organization (partners table)")),
                plain("program_id", _("id of the program, when it takes part in a program")),
                plain("project_id", _("id of the project, when it takes part in a project")),
                plain("role", _("Role"), choices=tuple(ParticipationRole.choices)),
                Column(
                    "iati_role",
                    _("The role as an IATI organization role code"),
                    lambda obj, _context: iati.PARTICIPATION_ROLES[obj.role],
                    choices=tuple(iati.ROLE_NAMES.items()),
                ),
                *translated("note", _("Note")),
                plain("order", _("Position in the list of its program or project")),
            ),
            selectors.open_data_participation_list,
        ),
        Dataset(
            "sources",
            _("Sources"),
            _("Where what each program, project, partner and network states comes from."),
            (
                ID,
                Column(
                    "content",
                    _("What the source is cited by: the name of its table"),
                    lambda obj, _context: _content_kind(obj),
                    choices=tuple((name, name) for name in selectors.SOURCED_MODELS),
                ),
                plain("object_id", _("id of the entry in that table")),
                *translated("title", _("Title")),
                plain("url", _("Address (empty when the source has no public address)")),
                Column(
                    "consulted_on",
                    _("Day the source was consulted (ISO 8601)"),
                    lambda obj, _context: obj.consulted_on and obj.consulted_on.isoformat(),
                ),
            ),
            selectors.open_data_source_list,
        ),
    ]
}


def dataset_get(name: str) -> Dataset:
    try:
        return DATASETS[name]
    except KeyError:
        raise Http404("No such dataset.") from None


def to_csv(dataset: Dataset, rows: list[dict]) -> str:
    """Comma-separated, a header row, CRLF line ends (RFC 4180); UTF-8 without a BOM."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(dataset.column_names)
    for row in rows:
        writer.writerow([_csv_cell(row[name]) for name in dataset.column_names])
    return buffer.getvalue()


# A spreadsheet opening the CSV runs a cell that starts with one of these as a formula
# ("CSV injection"): such text is written with a leading apostrophe, as OWASP recommends, which
# spreadsheets show as text. Numbers (a negative longitude) are not text and stay as they are;
# the JSON keeps every value exact.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        text = LIST_SEPARATOR.join(str(item) for item in value)
    elif isinstance(value, str):
        text = value
    else:
        return str(value)
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def to_json(dataset: Dataset, rows: list[dict], *, documentation_url: str) -> str:
    payload = {
        "dataset": dataset.name,
        "generated_at": timezone.localtime().replace(microsecond=0).isoformat(),
        "license": license_get(),
        "documentation": documentation_url,
        "columns": dataset.column_names,
        "items": rows,
    }
    return json.dumps(payload, ensure_ascii=False, indent=2)
