"""Helpers shared by the test modules."""

import os

import pytest
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
