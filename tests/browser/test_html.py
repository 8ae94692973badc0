"""Every page type in both languages passes the Nu HTML checker with no errors."""

import json
import subprocess
from pathlib import Path

import pytest

from tests.browser.pages import LANGUAGES, PAGES

pytestmark = [pytest.mark.html, pytest.mark.django_db]


def vnu_messages(stderr: str) -> list[dict]:
    """vnu's JSON report: the last line it writes; the JVM may write notices before it."""
    lines = stderr.strip().splitlines()
    try:
        return json.loads(lines[-1])["messages"] if lines else []
    except (ValueError, KeyError):
        pytest.fail(f"vnu gave no JSON report:\n{stderr}", pytrace=False)


def vnu_report(messages: list[dict], paths: dict[str, str]) -> str:
    lines = [f"{len(messages)} HTML error(s):"]
    for message in messages:
        name = Path(message.get("url", "")).name
        where = f"{name} ({paths[name]})" if name in paths else message.get("url", "vnu")
        lines.append(f"- {where} line {message.get('lastLine', '?')}: {message['message']}")
        if message.get("extract"):
            lines.append(f"    {message['extract'].strip()}")
    return "\n".join(lines)


def test_every_page_is_valid_html(vnu, seeded_database, client, tmp_path):
    paths = {}
    for site_page in PAGES:
        for language in LANGUAGES:
            path = site_page.path(language)
            response = client.get(path)
            assert response.status_code == site_page.status, f"GET {path}"
            name = f"{site_page.name}-{language}.html"
            (tmp_path / name).write_bytes(response.content)
            paths[name] = path

    # One run over the whole folder: the JVM's start-up costs more than the checking.
    result = subprocess.run([*vnu, str(tmp_path)], capture_output=True, text=True, timeout=300)
    messages = vnu_messages(result.stderr)
    assert not messages, vnu_report(messages, paths)
    assert result.returncode == 0, result.stderr
