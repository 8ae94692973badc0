"""The login lockout (django-axes) as staff meet it: a warning before the last attempt.

django-axes locks a user name at an address after ``AXES_FAILURE_LIMIT`` failures. One
failure before that, the login page says so. The count is django-axes' own, kept per user
name and address whether or not such a user exists: an unknown user name gets the same
warning, so the page tells nobody which accounts exist. The lockout page itself is
``rosario_intl.errors.lockout_response``.
"""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.signals import user_login_failed
from django.dispatch import receiver
from django.utils.translation import ngettext


def lockout_minutes() -> int:
    return max(1, int(settings.AXES_COOLOFF_TIME.total_seconds()) // 60)


# Connected after django-axes' own receiver (its app comes first), so the count includes
# the failure just made.
@receiver(user_login_failed, dispatch_uid="cooperation.warn_before_the_last_attempt")
def warn_before_the_last_attempt(sender, credentials, request=None, **kwargs):
    if request is None or not hasattr(request, "_messages"):
        return
    failures = AxesProxyHandler.get_failures(request, credentials)
    if settings.AXES_FAILURE_LIMIT - failures != 1:
        return
    minutes = lockout_minutes()
    messages.warning(
        request,
        ngettext(
            "You have one attempt left before signing in is blocked for %(minutes)d minute.",
            "You have one attempt left before signing in is blocked for %(minutes)d minutes.",
            minutes,
        )
        % {"minutes": minutes},
    )
