"""GET forms of the public pages: the directory filters and the search box."""

import re
from html import escape

from django import forms
from django.forms import BoundField
from django.utils.choices import BaseChoiceIterator
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .models import UNKNOWN_STATUS_FILTER, CooperationStatus, PartnerKind

MAX_QUERY_LENGTH = 200
# NUL and other control characters: PostgreSQL refuses NUL in text, and none belongs in a query.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


class Choices(BaseChoiceIterator):
    """A select's ``(value, label)`` pairs, taken as they are.

    Django normalizes a field's choices each time they are set and deep-copies them with
    every form; the directory filters' come already in that shape (``FilterChoices``, kept
    per version) and never change once made: a form of the list pages then costs a seventh.
    An iterator is what Django's fields keep without normalizing (``normalize_choices``).
    """

    def __init__(self, pairs):
        self.pairs = list(pairs)

    def __iter__(self):
        return iter(self.pairs)

    def __len__(self):
        return len(self.pairs)

    def __deepcopy__(self, memo):
        return self  # never changed: each form may share it


# A directory filter, and a select's markup (the whitespace the template loop wrote).
FILTER_FIELD = (
    '\n      <div class="filter-field">\n        <label for="{}">{}</label>\n        {}'
    "\n      </div>\n      "
)
FILTER_SELECT = '\n        \n        <select name="{}"{}>\n          {}\n        </select>'
# HTML's valid floating-point number: what a number input's value may be.
NUMBER = re.compile(r"-?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?")
# The element that says why a filter's value was not taken (``_filters.html``).
ERRORS_ID = "filter-errors"


class FilterBoundField(BoundField):
    """A filter, described by the filters' message when its value was not taken: the filters
    show that one message, not an error list per field (Django's ``<id>_error``)."""

    @property
    def aria_describedby(self):
        return ERRORS_ID if self.errors else ""


class NumberOnlyInput(forms.NumberInput):
    """A number input that holds a number or nothing, as HTML requires: what was typed
    instead is left out, as a browser would show it (the filters' message says why)."""

    def format_value(self, value):
        value = super().format_value(value)
        return value if value is None or NUMBER.fullmatch(value) else None


class DirectoryFilterForm(forms.Form):
    """Filters for the program and project lists; every field is optional and they combine."""

    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=Choices(
            [
                ("", _("Any")),
                *[
                    (value or UNKNOWN_STATUS_FILTER, label)
                    for value, label in CooperationStatus.choices
                ],
            ]
        ),
    )
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    # Short labels: on a phone the filters stand in two columns.
    # A goal's number, as the selectors compare it.
    sdg = forms.TypedChoiceField(label=_("Goal (SDG)"), required=False, coerce=int)
    partner = forms.ChoiceField(label=pgettext_lazy("filter", "Partner"), required=False)
    kind = forms.ChoiceField(
        label=_("Kind of partner"),
        required=False,
        choices=Choices([("", _("Any")), *PartnerKind.choices]),
    )
    network = forms.ChoiceField(label=_("Network"), required=False)
    year = forms.IntegerField(
        label=_("Year"), required=False, min_value=1900, max_value=2100, widget=NumberOnlyInput
    )

    bound_field_class = FilterBoundField

    def __init__(self, data, *, choices, options=None, blank_html=None):
        """``choices``: what the filters offer (``selectors.FilterChoices``); ``options``:
        each select's ``<option>`` elements as ``select_options()`` wrote them for these
        choices, when kept from an earlier request; ``blank_html``: likewise, what
        ``fields_html()`` wrote for a form given none of the filters."""
        super().__init__(data)
        any_choice = [("", _("Any"))]
        self.fields["theme"].choices = Choices(any_choice + choices.themes)
        self.fields["sdg"].choices = Choices(any_choice + choices.sdgs)
        self.fields["partner"].choices = Choices(any_choice + choices.partners)
        self.fields["network"].choices = Choices(any_choice + choices.networks)
        self.fields["year"].widget.attrs.update({"inputmode": "numeric"})
        self.options = options
        self.blank_html = blank_html

    def select_options(self) -> dict[str, str]:
        """Each select's ``<option>`` elements, none selected: the same for every request of
        a version and a language, so kept with the choices (``cooperation.fragments``)."""
        return {
            name: "".join(
                format_html('<option value="{}">{}</option>', value, label)
                for value, label in field.choices
            )
            for name, field in self.fields.items()
            if isinstance(field, forms.ChoiceField)
        }

    def options_html(self, name: str) -> str:
        """The ``<option>`` elements of the select ``name``, the chosen value selected.

        Written out rather than through Django's widget templates (one template per option,
        the slowest part of the page), and taken from ``options`` when given: only the
        chosen value's ``selected`` is added per request.
        """
        if self.options is None:
            self.options = self.select_options()
        html = self.options[name]
        current = self[name].value()
        if current is None:
            return mark_safe(html)
        option = f'<option value="{escape(str(current))}"'
        return mark_safe(html.replace(f"{option}>", f"{option} selected>"))

    def fields_html(self) -> str:
        """Each filter's label and control, as ``_filters.html`` shows them: the selects'
        options from ``options_html``, the year's input from its widget's attributes. Written
        here rather than in a template loop over the fields, or through Django's widget
        templates (three templates for one input: a tenth of a list page), from the attributes
        Django gives each control: one whose value is not understood says so, and points to
        the message that explains it (``FilterBoundField``).

        Plain strings, each escaped once (``html.escape``, as Django's ``escape``): the
        lazy-aware ``format_html`` cost more than the rest of the work. A form given none of
        the filters (a list as first opened, the most visited) writes the same for every
        request of a version and a language: ``blank_html``, when given.
        """
        if self.blank_html is not None and not any(name in self.data for name in self.fields):
            return mark_safe(self.blank_html)
        parts = []
        for bound in self:
            name, ident = escape(bound.html_name), escape(bound.id_for_label)
            if isinstance(bound.field, forms.ChoiceField):
                attributes = attributes_html(control_attributes(bound))
                options = self.options_html(bound.name)
                control = FILTER_SELECT.format(name, attributes, options)
            else:
                control = input_html(bound)
            parts.append(FILTER_FIELD.format(ident, escape(str(bound.label)), control))
        return mark_safe("".join(parts))

    def filters(self) -> dict:
        """The valid, non-empty filters (call after ``is_valid()``)."""
        return {name: value for name, value in self.cleaned_data.items() if value not in ("", None)}

    def applied_filters(self) -> list[tuple[str, str, str]]:
        """Each applied filter as (parameter, field label, value label), in the order of the
        form: ("theme", "Tema", "Gestión de residuos") (call after ``is_valid()``)."""
        applied = []
        for name, value in self.filters().items():
            field = self.fields[name]
            choices = getattr(field, "choices", None)
            # A choice's value is text ("11"), even where the form gives a number.
            label = str(dict(choices).get(str(value), value)) if choices else str(value)
            applied.append((name, str(field.label), label))
        return applied


def control_attributes(bound) -> dict:
    """The attributes Django gives ``bound``'s control besides its widget's own
    (``BoundField.as_widget``): ``aria-invalid`` and ``aria-describedby`` for a value not
    taken, and its id."""
    attributes = bound.build_widget_attrs({})
    if bound.auto_id and "id" not in bound.field.widget.attrs:
        attributes.setdefault("id", bound.auto_id)
    return attributes


def attributes_html(attributes: dict) -> str:
    """``attributes`` as Django's ``attrs.html`` writes them: ``True`` as a bare name,
    ``False`` left out."""
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(str(value))}"'
        for name, value in attributes.items()
        if value is not False
    )


def input_html(bound) -> str:
    """The ``<input>`` of ``bound`` (a field whose widget is an ``Input``), as
    ``bound.as_widget()`` writes it through Django's ``input.html`` and ``attrs.html``, from
    the same widget context, without the three templates."""
    context = bound.field.widget.get_context(
        bound.html_name, bound.value(), control_attributes(bound)
    )
    widget = context["widget"]
    value = "" if widget["value"] is None else f' value="{escape(str(widget["value"]))}"'
    kind, name = escape(widget["type"]), escape(widget["name"])
    return f'<input type="{kind}" name="{name}"{value}{attributes_html(widget["attrs"])}>'


def clean_query(raw: str) -> str:
    """A query any database accepts: no control characters, single spaces, bounded length."""
    query = CONTROL_CHARACTERS.sub(" ", raw)
    return " ".join(query.split())[:MAX_QUERY_LENGTH]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=MAX_QUERY_LENGTH)

    def __init__(self, data):
        # Cleaned before validation: a NUL byte or a 20,000-character query is not the
        # visitor's fault to fix, it simply searches for what is left.
        super().__init__({"q": clean_query(data.get("q", ""))})
