"""The admin screens of the apps the portal runs but does not write: Django's users and groups,
and django-axes' sign-in records, named in the staff's language.

Django keeps permission names in the database in English ("Can add program"), the two roles
are groups named "editors" and "publishers" (migration 0004), and django-axes has no Spanish
and names its records in English ("Access Log for … @ …"). The strings are translated by the
project's catalogue; ``name_records`` (called once the apps are ready) gives those records a
name that goes through it.
"""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.admin import GroupAdmin
from django.contrib.auth.models import Group
from django.utils.formats import localize
from django.utils.text import capfirst
from django.utils.timezone import template_localtime
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

ROLE_NAMES = {"editors": _("editors"), "publishers": _("publishers")}
ACTIONS = {
    "add": _("Can add"),
    "change": _("Can change"),
    "delete": _("Can delete"),
    "view": _("Can view"),
}


def role_name(group: Group) -> str:
    return str(ROLE_NAMES.get(group.name, group.name))


def permission_label(permission) -> str:
    """ "App | model | what it allows", each part in the active language."""
    model = permission.content_type.model_class()
    if model is None:
        return str(permission)
    action = permission.codename.partition("_")[0]
    allows = ACTIONS.get(action) or gettext(permission.name)
    app = apps.get_app_config(model._meta.app_label).verbose_name
    return f"{capfirst(app)} | {model._meta.verbose_name} | {allows}"


def _when(moment) -> str:
    return localize(template_localtime(moment)) if moment else "—"


def name_records() -> None:
    """Name django-axes' app and records, and the roles, through the catalogue."""
    apps.get_app_config("axes").verbose_name = _("Sign-in protection")
    Group.__str__ = role_name
    AccessAttempt.__str__ = lambda attempt: (
        gettext("Failed sign-ins of %(user)s from %(address)s")
        % {"user": attempt.username, "address": attempt.ip_address}
    )
    AccessFailureLog.__str__ = lambda failure: (
        gettext("Failed sign-in of %(user)s on %(moment)s")
        % {"user": failure.username, "moment": _when(failure.attempt_time)}
    )
    AccessLog.__str__ = lambda log: (
        gettext("Sign-in of %(user)s on %(moment)s")
        % {
            "user": log.username,
            "moment": _when(log.attempt_time),
        }
    )


class PermissionLabelsMixin:
    """Permissions and roles shown in the staff's language in the user and group forms."""

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        field = super().formfield_for_manytomany(db_field, request, **kwargs)
        if db_field.name in {"permissions", "user_permissions"}:
            field.label_from_instance = permission_label
        elif db_field.name == "groups":
            field.label_from_instance = role_name
        return field


# The user admin is the project's (rosario_intl/two_factor/admin.py: the two-step column and
# action), with PermissionLabelsMixin; the roles' admin is this app's.
admin.site.unregister(Group)


@admin.register(Group)
class RoleAdmin(PermissionLabelsMixin, GroupAdmin):
    list_display = ["role"]

    @admin.display(description=_("name"), ordering="name")
    def role(self, obj):
        return role_name(obj)
