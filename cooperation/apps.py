from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.utils.translation import gettext_lazy as _


class CooperationConfig(AppConfig):
    name = "cooperation"
    verbose_name = _("International cooperation")

    def ready(self):
        # Imported for its receiver: the SQLite search function on each connection.
        from . import db  # noqa: F401
        from .admin.other_apps import name_records

        self.connect_content_receivers()
        name_records()
        self.connect_address_receivers()

    def connect_content_receivers(self):
        """Raise the content version (cooperation.signals) on every change of content.

        Here rather than in the middleware that reads the version: a management command or
        a shell changes content too, and must invalidate the pages as well.
        """
        from . import signals

        for model in self.get_models():
            if model in signals.NOT_CONTENT:
                continue
            label = model._meta.label_lower
            receiver = signals.on_content_change
            post_save.connect(receiver, model, dispatch_uid=f"content_version.save:{label}")
            post_delete.connect(receiver, model, dispatch_uid=f"content_version.delete:{label}")
            for field in model._meta.local_many_to_many:
                through = field.remote_field.through
                m2m_changed.connect(
                    signals.on_relations_change,
                    through,
                    dispatch_uid=f"content_version.m2m:{through._meta.label_lower}",
                )

    def connect_address_receivers(self):
        """Keep the addresses an entry leaves behind when its slug changes
        (cooperation.signals), whoever saves it: the admin, a restore, a command."""
        from . import signals

        for model in signals.ADDRESSED:
            label = model._meta.label_lower
            pre_save.connect(
                signals.on_addressed_save, model, dispatch_uid=f"former_slugs.save:{label}"
            )
