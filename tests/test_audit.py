"""scripts/audit.py (`make audit`): what fails the build and what only warns."""

import importlib.util
import json
import subprocess

import pytest
from django.conf import settings

spec = importlib.util.spec_from_file_location("audit", settings.BASE_DIR / "scripts" / "audit.py")
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)


def fake_pip_audit(monkeypatch, *, report: dict | None = None, stderr: str = ""):
    def run(args, **kwargs):
        if report is not None:
            output = args[args.index("--output") + 1]
            with open(output, "w") as file:
                json.dump(report, file)
        return subprocess.CompletedProcess(args, 1, stdout="", stderr=stderr)

    monkeypatch.setattr(audit.subprocess, "run", run)


def dependency(name: str, **extra) -> dict:
    return {"name": name, "version": "1.0", "vulns": [], **extra}


@pytest.mark.parametrize(
    ("report", "stderr", "status"),
    [
        ({"dependencies": [dependency("django")]}, "", 0),
        (
            {
                "dependencies": [
                    dependency("django", vulns=[{"id": "PYSEC-1", "fix_versions": ["9.9"]}])
                ]
            },
            "",
            1,
        ),
        # Could not look some up: a warning, not a failure.
        ({"dependencies": [dependency("django", skip_reason="not found on PyPI")]}, "", 0),
        # No report because the service is unreachable: a warning.
        (None, "requests.exceptions.ConnectionError: Max retries exceeded with url", 0),
        # No report for any other reason: pip-audit itself is broken, the build fails.
        (None, "pip-audit: error: unrecognized arguments: --bogus", 1),
    ],
)
def test_what_fails_the_audit(monkeypatch, report, stderr, status):
    fake_pip_audit(monkeypatch, report=report, stderr=stderr)
    assert audit.main() == status
