"""What a staff session that owes the second step may reach.

After the password, a session of an account with an authenticator app, or of one that must
have it (superusers, publishers), is not yet verified: any admin page leads to the code (or
to setting up the app), and every other page sees an anonymous visitor (no draft previews).
Only the two-factor screens and the admin's login and logout are open to it.
"""

from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponseRedirect
from django.urls import reverse

from rosario_intl.two_factor import devices

OPEN_ADMIN_VIEWS = {"login", "logout"}
STEP_VIEWS = {"verify": "two_factor:verify", "setup": "two_factor:setup"}


class TwoFactorMiddleware:
    """After django-otp's OTPMiddleware, which tells whether the session is verified."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not (user.is_authenticated and user.is_staff) or user.is_verified():
            return None
        match = request.resolver_match
        if "two_factor" in match.app_names:
            return None
        if "admin" in match.app_names and match.url_name in OPEN_ADMIN_VIEWS:
            return None
        step = devices.pending_step(user)
        if step is None:
            return None
        if "admin" in match.app_names:
            query = urlencode({"next": request.get_full_path()})
            return HttpResponseRedirect(f"{reverse(STEP_VIEWS[step])}?{query}")
        request.user = AnonymousUser()
        return None
