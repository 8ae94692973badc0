from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "cooperation"
    verbose_name = _("International cooperation")

    def ready(self):
        # Imported for their receivers: the SQLite search function on each connection, and
        # the page cache's content version raised by every change, in every process (a
        # management command or a shell too, not only a web worker that loaded the
        # middleware).
        from . import db, page_cache  # noqa: F401
