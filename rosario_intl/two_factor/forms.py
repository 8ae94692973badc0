"""The one field of the two-factor screens: a code from the app or a recovery code."""

import math

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from rosario_intl.two_factor import devices


class CodeForm(forms.Form):
    """Checks the code against the account's devices (or, at set-up, against the new one).

    ``device`` is the one that accepted it once the form is valid.
    """

    otp_token = forms.CharField(
        label=_("Code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "autocapitalize": "off",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )

    def __init__(self, *args, user, device=None, help_text="", **kwargs):
        super().__init__(*args, **kwargs)
        # Django ties a help text to its field with aria-describedby.
        self.fields["otp_token"].help_text = help_text
        self.user = user
        self.only_device = device
        self.device = None

    def clean_otp_token(self):
        token = devices.normalise(self.cleaned_data["otp_token"])
        if self.only_device is not None:
            candidates = [self.only_device]
        else:
            candidates = devices.candidates(self.user, token)
        for device in candidates:
            allowed, details = device.verify_is_allowed()
            if not allowed:
                wait = (details["locked_until"] - timezone.now()).total_seconds()
                seconds = max(1, math.ceil(wait))
                raise forms.ValidationError(
                    ngettext(
                        "Too many wrong codes: wait %(seconds)d second and try again.",
                        "Too many wrong codes: wait %(seconds)d seconds and try again.",
                        seconds,
                    )
                    % {"seconds": seconds},
                    code="throttled",
                )
            if devices.verify(device, token):
                self.device = device
                return token
        raise forms.ValidationError(
            _(
                "That code is not valid. Check that your phone's clock is right, "
                "or use a code the app shows now, and try again."
            ),
            code="invalid",
        )
