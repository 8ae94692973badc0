"""The Makefile's own logic: which Python makes the .venv (checked with ``make -n``, which
prints the commands without running them)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

THIS_PYTHON = "{}.{}".format(*sys.version_info[:2])


@pytest.fixture
def checkout(tmp_path) -> Path:
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(Path(settings.BASE_DIR) / name, tmp_path / name)
    return tmp_path


def make_n(checkout: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", "-n", "install", f"PYTHON={sys.executable}", *args],
        cwd=checkout,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_fresh_checkout_makes_the_venv_with_the_chosen_python(checkout):
    commands = make_n(checkout).stdout
    assert f"{sys.executable} -m venv .venv" in commands
    assert f".venv/.made-by-python{THIS_PYTHON}" in commands


def test_a_venv_made_by_another_python_is_made_anew(checkout):
    (checkout / ".venv").mkdir()
    (checkout / ".venv" / ".made-by-python3.99").touch()
    (checkout / ".venv" / ".installed").touch()
    commands = make_n(checkout).stdout
    assert "rm -rf .venv" in commands
    assert f"{sys.executable} -m venv .venv" in commands


def test_a_venv_made_by_the_same_python_is_kept(checkout):
    (checkout / ".venv").mkdir()
    (checkout / ".venv" / f".made-by-python{THIS_PYTHON}").touch()
    (checkout / ".venv" / ".installed").touch()
    result = make_n(checkout)
    assert "rm -rf" not in result.stdout
    assert "-m venv" not in result.stdout


def test_an_unsupported_python_is_refused_with_the_way_out(checkout, tmp_path_factory):
    # A stand-in interpreter that says it is Python 3.10.
    fake = tmp_path_factory.mktemp("bin") / "python3.10"
    fake.write_text("#!/bin/sh\nexec python3 -c 'import sys; print(\"3.10\"); sys.exit(1)'\n")
    fake.chmod(0o755)
    result = subprocess.run(
        ["make", "install", f"PYTHON={fake}"],
        cwd=checkout,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "is not Python 3.11, 3.12 or 3.13" in result.stderr
    assert "PYTHON=python3.12" in result.stderr
    assert not (checkout / ".venv").exists()
