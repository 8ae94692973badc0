"""Two-step verification in the admin's user list: who has it, and turning it off for an
account whose phone and recovery codes were lost (the account sets it up again at its next
sign-in if it must use it).

django-otp's own device screens are taken out: English only, and showing what staff need
not see. The list of users is superusers' alone (no group has ``auth`` permissions).
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from cooperation.admin.other_apps import PermissionLabelsMixin
from rosario_intl.two_factor import devices

for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)

User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(PermissionLabelsMixin, UserAdmin):
    """Django's user admin, with permissions and roles in the staff's language (the app's
    labels) and who has the second step on."""

    list_display = (*UserAdmin.list_display, "has_two_factor")
    actions = ["turn_off_two_factor"]

    def get_queryset(self, request):
        enrolled = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
        return super().get_queryset(request).annotate(two_factor=Exists(enrolled))

    @admin.display(description=_("Two-step verification"), boolean=True, ordering="two_factor")
    def has_two_factor(self, user) -> bool:
        return user.two_factor

    @admin.action(description=_("Turn off two-step verification"), permissions=["change"])
    def turn_off_two_factor(self, request, queryset):
        count = devices.turn_off(queryset)
        self.message_user(
            request,
            ngettext(
                "Two-step verification was turned off for %(count)d account. If it must use "
                "it, it sets it up again at its next sign-in.",
                "Two-step verification was turned off for %(count)d accounts. Those that must "
                "use it set it up again at their next sign-in.",
                count,
            )
            % {"count": count},
        )
