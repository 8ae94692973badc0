from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TwoFactorConfig(AppConfig):
    """No models of its own (django-otp's hold the devices): an app for its admin.py."""

    name = "rosario_intl.two_factor"
    label = "two_factor"
    verbose_name = _("Two-step verification")
