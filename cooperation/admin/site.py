"""The site's own texts: the ways to collaborate, the single section texts and contact
settings, and the admin's header."""

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cooperation import models

from .base import ContentAdmin


@admin.register(models.CollaborationWay)
class CollaborationWayAdmin(ContentAdmin):
    list_display = ["title_es", "title_en", "key", "order", "english_complete"]
    search_fields = ["title_es", "title_en"]


class SingletonAdmin(ContentAdmin):
    """Only one entry exists: its list is the entry itself; no second one, no deleting it."""

    def has_add_permission(self, request):
        return super().has_add_permission(request) and not self.model.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        info = self.opts.app_label, self.opts.model_name
        obj = self.model.objects.first()
        if obj is None:
            return redirect(
                reverse("admin:{}_{}_add".format(*info), current_app=self.admin_site.name)
            )
        return redirect(
            reverse(
                "admin:{}_{}_change".format(*info), args=[obj.pk], current_app=self.admin_site.name
            )
        )


@admin.register(models.SectionText)
class SectionTextAdmin(SingletonAdmin):
    pass


@admin.register(models.ContactSettings)
class ContactSettingsAdmin(SingletonAdmin):
    fieldsets = [
        ("WhatsApp", {"fields": ["whatsapp_number", "whatsapp_message", "version"]}),
        (
            _("The office"),
            {
                "description": _(
                    "Optional. Each detail appears on the public pages once it is filled in; "
                    "an empty one is simply not shown."
                ),
                "fields": ["office_name", "email", "phone", "postal_address", "opening_hours"],
            },
        ),
    ]


@admin.register(models.OpenDataSettings)
class OpenDataSettingsAdmin(SingletonAdmin):
    pass


admin.site.site_header = _("Rosario · International cooperation")
admin.site.site_title = _("International cooperation")
# The index lists every model; the side menu would take a quarter of a 1366 px screen from
# the lists.
admin.site.enable_nav_sidebar = False
