"""The two-factor screens, in the admin's look: the code after the password, setting up the
app, and the recovery codes (shown once)."""

from base64 import b32encode
from urllib.parse import urlencode

import django_otp
from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_credentials
from django.contrib import admin, messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import FormView, TemplateView
from django_otp.plugins.otp_static.models import StaticDevice

from rosario_intl.two_factor import devices
from rosario_intl.two_factor.forms import CodeForm

# The session key holding new recovery codes between their making and their one showing.
NEW_CODES_SESSION_KEY = "two_factor_new_codes"


def _with_next(name: str, next_url: str) -> str:
    return f"{reverse(name)}?{urlencode({'next': next_url})}"


class StaffMixin:
    """Signed-in active staff only (anyone else goes to the admin's login), on a page in the
    admin's look."""

    title = ""

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if not (user.is_authenticated and user.is_active and user.is_staff):
            return redirect_to_login(request.get_full_path(), reverse("admin:login"))
        return super().dispatch(request, *args, **kwargs)

    def next_url(self) -> str:
        """Where to go once this step is done: the admin page first asked for."""
        url = self.request.POST.get("next") or self.request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(
            url, allowed_hosts={self.request.get_host()}, require_https=self.request.is_secure()
        ):
            return url
        return reverse("admin:index")

    def get_context_data(self, **kwargs):
        user = self.request.user
        context = {
            **admin.site.each_context(self.request),
            # Until the second step is passed, the header offers no admin links.
            "has_permission": user.is_verified() or devices.pending_step(user) is None,
            "title": self.title,
            "next": self.next_url(),
            **kwargs,
        }
        return super().get_context_data(**context)


class VerifyView(StaffMixin, FormView):
    """The code after the password (or a recovery code).

    A wrong code counts as a failed login for django-axes, with the wrong passwords: at the
    fifth the session ends and the lockout page answers. django-otp also throttles the
    device itself (settings: OTP_TOTP_THROTTLE_FACTOR).
    """

    template_name = "two_factor/verify.html"
    form_class = CodeForm
    title = _("Two-step verification")

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and user.is_active and user.is_staff:
            step = None if user.is_verified() else devices.pending_step(user)
            if step == "setup":
                return HttpResponseRedirect(_with_next("two_factor:setup", self.next_url()))
            if step is None:
                return HttpResponseRedirect(self.next_url())
            self.credentials = get_credentials(user.get_username())
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if AxesProxyHandler.is_locked(request, self.credentials):
            return self.lock_out()
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "user": self.request.user,
            "help_text": _(
                "If you do not have your phone with you, enter one of your recovery codes."
            ),
        }

    def form_valid(self, form):
        django_otp.login(self.request, form.device)
        if isinstance(form.device, StaticDevice):
            left = devices.recovery_codes_left(self.request.user)
            messages.warning(
                self.request,
                ngettext(
                    "You signed in with a recovery code: it cannot be used again. "
                    "You have %(count)d recovery code left.",
                    "You signed in with a recovery code: it cannot be used again. "
                    "You have %(count)d recovery codes left.",
                    left,
                )
                % {"count": left},
            )
        return HttpResponseRedirect(self.next_url())

    def form_invalid(self, form):
        user_login_failed.send(
            sender=type(self), credentials=self.credentials, request=self.request
        )
        if getattr(self.request, "axes_locked_out", False):
            return self.lock_out()
        return super().form_invalid(form)

    def lock_out(self):
        """End the half-open session; AxesMiddleware answers with the lockout page."""
        logout(self.request)
        self.request.axes_locked_out = True
        self.request.axes_credentials = self.credentials
        return HttpResponseRedirect(reverse("admin:login"))


class SetupView(StaffMixin, FormView):
    """Setting up the authenticator app: a QR code and the key in text, then a code from the
    app to confirm; the recovery codes follow. For an account that has it already, what it
    has, and new recovery codes."""

    form_class = CodeForm
    title = _("Two-step verification")

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not user.is_verified() and devices.is_enrolled(user):
            # Seeing or changing the device is for a session that passed the second step.
            return HttpResponseRedirect(_with_next("two_factor:verify", self.next_url()))
        return super().dispatch(request, *args, **kwargs)

    def get_template_names(self):
        if self.enrolled:
            return ["two_factor/status.html"]
        return ["two_factor/setup.html"]

    @property
    def enrolled(self) -> bool:
        if not hasattr(self, "_enrolled"):
            self._enrolled = devices.is_enrolled(self.request.user)
        return self._enrolled

    def post(self, request, *args, **kwargs):
        if self.enrolled:
            return HttpResponseRedirect(reverse("two_factor:setup"))
        return super().post(request, *args, **kwargs)

    def get_form_kwargs(self):
        self.device = devices.enrolment_device(self.request.user)
        return {**super().get_form_kwargs(), "user": self.request.user, "device": self.device}

    def get_context_data(self, **kwargs):
        user = self.request.user
        if self.enrolled:
            # No form: asking for one would make a new, unconfirmed key for nothing.
            return super().get_context_data(
                form=None,
                required=devices.is_required(user),
                recovery_codes_left=devices.recovery_codes_left(user),
                **kwargs,
            )
        context = super().get_context_data(required=devices.is_required(user), **kwargs)
        title = _("QR code to add the account to your authenticator app")
        context["qr_code"] = devices.qr_svg(self.device, str(title))
        key = b32encode(self.device.bin_key).decode()
        # In groups of four, as the apps' manual entry shows it.
        context["secret"] = " ".join(key[index : index + 4] for index in range(0, len(key), 4))
        return context

    def form_valid(self, form):
        request = self.request
        devices.confirm(self.device)
        django_otp.login(request, self.device)
        request.session[NEW_CODES_SESSION_KEY] = devices.new_recovery_codes(request.user)
        messages.success(request, _("Two-step verification is on for your account."))
        return HttpResponseRedirect(_with_next("two_factor:recovery_codes", self.next_url()))


class RecoveryCodesView(StaffMixin, TemplateView):
    """New recovery codes, shown once (GET); new ones in place of the old (POST)."""

    template_name = "two_factor/recovery_codes.html"
    title = _("Your recovery codes")

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and not user.is_verified():
            # Recovery codes belong to a session that passed the second step (or set it up).
            step = "setup" if devices.pending_step(user) == "setup" else "verify"
            return HttpResponseRedirect(reverse(f"two_factor:{step}"))
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        codes = self.request.session.pop(NEW_CODES_SESSION_KEY, None)
        return super().get_context_data(codes=codes, **kwargs)

    def post(self, request, *args, **kwargs):
        request.session[NEW_CODES_SESSION_KEY] = devices.new_recovery_codes(request.user)
        return HttpResponseRedirect(_with_next("two_factor:recovery_codes", self.next_url()))
