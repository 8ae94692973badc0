from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "cooperation"
    verbose_name = _("International cooperation")

    def ready(self):
        from . import db  # noqa: F401  (registers the SQLite search function)
