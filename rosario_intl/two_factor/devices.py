"""Who needs a second step, and every write to the two-factor devices (django-otp's models).

Each account has at most one confirmed TOTP device (the authenticator app) and one static
device holding its recovery codes.
"""

import io

import segno
from django.conf import settings
from django.db import transaction
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

RECOVERY_CODE_COUNT = 10
TOTP_NAME = "app"
RECOVERY_NAME = "recovery"


def is_required(user) -> bool:
    """Superusers and members of ``TWO_FACTOR_REQUIRED_GROUPS`` (publishers) must use it."""
    return (
        user.is_superuser
        or user.groups.filter(name__in=settings.TWO_FACTOR_REQUIRED_GROUPS).exists()
    )


def is_enrolled(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def pending_step(user) -> str | None:
    """What a signed-in staff session still owes before the admin: "verify" (a code),
    "setup" (a device, then a code) or None. Call it only for a session not yet verified."""
    if is_enrolled(user):
        return "verify"
    if is_required(user):
        return "setup"
    return None


def enrolment_device(user) -> TOTPDevice:
    """The unconfirmed device the set-up screen shows: made at the first visit and kept until
    confirmed, so that a reload shows the same key."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
    return device


def confirm(device: TOTPDevice) -> None:
    """Make ``device`` the account's authenticator, in place of any earlier one."""
    with transaction.atomic():
        TOTPDevice.objects.filter(user_id=device.user_id).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])


def new_recovery_codes(user) -> list[str]:
    """Ten new single-use recovery codes for ``user``; the earlier ones stop working."""
    with transaction.atomic():
        device, _created = StaticDevice.objects.get_or_create(
            user=user, name=RECOVERY_NAME, defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def normalise(token: str) -> str:
    """A code as typed: spaces (apps show "123 456") and case do not matter."""
    return "".join(token.split()).lower()


def candidates(user, token: str) -> list[Device]:
    """The confirmed devices a code may belong to: the app's for 6 digits, else the
    recovery codes' (8 characters)."""
    model = TOTPDevice if token.isdigit() and len(token) == 6 else StaticDevice
    return list(model.objects.filter(user=user, confirmed=True))


def verify(device: Device, token: str) -> bool:
    """Check ``token`` against ``device``, locked against a concurrent check of the same code
    (django-otp counts the failure towards the device's throttle, and a recovery code is
    used up)."""
    with transaction.atomic():
        locked = type(device).objects.select_for_update().get(pk=device.pk)
        return locked.verify_token(token)


def qr_svg(device: TOTPDevice, title: str) -> str:
    """The device's ``otpauth://`` address as an SVG QR code, to inline in the page: no style
    attribute or element, so the Content-Security-Policy holds."""
    buffer = io.BytesIO()
    segno.make(device.config_url, error="m", micro=False).save(
        buffer,
        kind="svg",
        scale=4,
        border=4,
        dark="#000",
        light="#fff",
        xmldecl=False,
        svgclass="two-factor-qr",
        lineclass=None,
        title=title,
    )
    return buffer.getvalue().decode()


def turn_off(users) -> int:
    """Delete the devices and recovery codes of ``users`` (a queryset); how many had the app."""
    with transaction.atomic():
        count = TOTPDevice.objects.filter(user__in=users, confirmed=True).count()
        TOTPDevice.objects.filter(user__in=users).delete()
        StaticDevice.objects.filter(user__in=users).delete()
    return count
