"""Helpers shared by the test modules."""

import os
import re
import secrets

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation


def url_in(language: str, name: str, **kwargs) -> str:
    """The address of the named URL in ``language``."""
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def missing_tool(checks: str, reason: str):
    """Skip ``checks`` when something they need is missing; on CI (``CI=true``) fail instead:
    .ci/run provides everything, and a skip there would hide checks that never ran."""
    if os.environ.get("CI", "") not in {"", "0", "false"}:
        pytest.fail(f"{checks} cannot run on CI: {reason}", pytrace=False)
    pytest.skip(f"{checks} skipped: {reason}")


# The Content-Security-Policy every page is sent with (settings.CONTENT_SECURITY_POLICY).
STRICT_POLICY = {
    "default-src": {"'self'"},
    "script-src": {"'self'"},
    "style-src": {"'self'"},
    "img-src": {"'self'", "data:"},
    "font-src": {"'self'"},
    "connect-src": {"'self'"},
    "object-src": {"'none'"},
    "base-uri": {"'none'"},
    "form-action": {"'self'"},
    "frame-ancestors": {"'none'"},
}
# Inline code that a strict Content-Security-Policy blocks: a <script> without src (data
# blocks such as JSON are not run, so they are allowed), a <style> element, a style
# attribute, an on* event handler attribute.
INLINE_CODE = re.compile(
    r"<script(?![^>]*\ssrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>"
    r"|<style[\s>]|\sstyle=|\son[a-z]+=",
    re.IGNORECASE,
)


def policy(header: str) -> dict[str, set[str]]:
    """A Content-Security-Policy header as {directive: {sources}}."""
    directives = (part.split() for part in header.split(";") if part.strip())
    return {name: set(values) for name, *values in directives}


def server_environ(settings_folder, settings_module: str, **environ: str) -> dict[str, str]:
    """The environment of a portal process a test starts (gunicorn, manage.py): this one's,
    less anything that configures the portal or gunicorn, plus ``settings_module`` (a file
    the test wrote in ``settings_folder``) and ``environ``."""
    inherited = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "GUNICORN_"))
        and key not in {"DATABASE_URL", "REDIS_URL", "HOST", "PORT", "WEB_CONCURRENCY"}
    }
    return {
        **inherited,
        "PYTHONPATH": os.pathsep.join([str(settings_folder), str(settings.BASE_DIR)]),
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        **environ,
    }
