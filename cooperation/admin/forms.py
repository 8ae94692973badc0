"""The admin's content form: it carries the version it was loaded with.

When the stored entry has moved on since the form was loaded, the form merges its changes
into it, or, when both changed a same field, refuses to save and shows both values
(``conflicts.py``).
"""

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from .conflicts import reconcile

# Django's own Spanish says "menos de 250" for "at most 250": one less than allowed.
TOO_LONG = _("At most %(limit_value)d characters, please (this has %(show_value)d).")


class ContentAdminForm(forms.ModelForm):
    version = forms.IntegerField(label=_("version"), widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # ``version`` is not editable on the model, so the ModelForm gives it no initial value.
        self.fields["version"].initial = self.instance.version
        self.merge_note = ""  # Said to the editor when their changes were merged.
        for field in self.fields.values():
            if isinstance(field, forms.CharField) and field.max_length:
                say_the_limit(field)

    @cached_property
    def changed_data(self):
        # A browser sends a text's line breaks as \r\n: not a change (nor a line in the
        # history) when that is all that differs.
        return [
            name
            for name in super().changed_data
            if not _same_text(self[name].initial, self[name].data)
        ]

    def clean(self):
        cleaned_data = super().clean()
        for name, value in cleaned_data.items():
            if isinstance(value, str) and "\r" in value:
                cleaned_data[name] = _unix_lines(value)
        loaded = cleaned_data.get("version")
        # self.instance still holds the stored row here: the form's values are copied onto
        # it only after clean(), in _post_clean(). (A save that slips in between this check
        # and the form's save is caught by services.version_claim.)
        if loaded is not None:
            reconcile(self)
        return cleaned_data


def say_the_limit(field: forms.CharField) -> None:
    """State a text's limit beside it, and let the server say when it is passed: the
    browser's own ``maxlength`` cuts a pasted text short without a word."""
    field.widget.attrs.pop("maxlength", None)
    field.error_messages["max_length"] = TOO_LONG
    limit = _("Up to %(limit)d characters.") % {"limit": field.max_length}
    field.help_text = f"{field.help_text} {limit}" if field.help_text else limit


def _unix_lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _same_text(initial, data) -> bool:
    if not isinstance(data, str):
        return False
    return _unix_lines(initial if isinstance(initial, str) else "") == _unix_lines(data)
