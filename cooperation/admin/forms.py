"""The admin's content form: it carries the version it was loaded with.

When the stored entry has moved on since the form was loaded, the form merges its changes
into it, or, when both changed a same field, refuses to save and shows both values
(``conflicts.py``).
"""

from django import forms

from .conflicts import reconcile


class ContentAdminForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # ``version`` is not editable on the model, so the ModelForm gives it no initial value.
        self.fields["version"].initial = self.instance.version
        self.merge_note = ""  # Said to the editor when their changes were merged.

    def clean(self):
        cleaned_data = super().clean()
        loaded = cleaned_data.get("version")
        # self.instance still holds the stored row here: the form's values are copied onto
        # it only after clean(), in _post_clean(). (A save that slips in between this check
        # and the form's save is caught by services.version_claim.)
        if loaded is not None:
            reconcile(self)
        return cleaned_data
