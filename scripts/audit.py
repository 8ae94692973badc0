"""Known vulnerabilities in the installed dependencies, with pip-audit (`make audit`, CI).

Fails on any known vulnerability. A dependency that the advisory service could not look up
(the service unreachable, or a version it does not know) is reported as a warning, not a
failure: an outage of the service must not block a release, but it must not pass unseen.
"""

import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

# What pip-audit (through requests) says when the advisory service cannot be reached.
UNREACHABLE = re.compile(
    r"connection|timed? ?out|name resolution|max retries|network is unreachable", re.IGNORECASE
)


def main() -> int:
    pip_audit = Path(sys.executable).parent / "pip-audit"
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "audit.json"
        result = subprocess.run(
            [
                pip_audit,
                *("--progress-spinner", "off", "--skip-editable"),
                *("--format", "json", "--output", str(report)),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        text = report.read_text() if report.exists() else ""
    if not text.strip():
        if not UNREACHABLE.search(result.stderr):
            # Not an outage: pip-audit itself failed (a bad option, a resolver error).
            print("pip-audit failed:\n" + result.stderr.strip(), file=sys.stderr)
            return 1
        print(
            "WARNING: pip-audit could not reach its vulnerability service: the dependencies "
            "were NOT audited.\n" + result.stderr.strip(),
            file=sys.stderr,
        )
        return 0

    dependencies = json.loads(text)["dependencies"]
    vulnerable = [dependency for dependency in dependencies if dependency.get("vulns")]
    skipped = [
        dependency
        for dependency in dependencies
        if dependency.get("skip_reason") and "editable" not in dependency["skip_reason"]
    ]
    for dependency in vulnerable:
        for vulnerability in dependency["vulns"]:
            fixed = ", ".join(vulnerability["fix_versions"]) or "no fixed release yet"
            print(
                f"{dependency['name']} {dependency['version']}: {vulnerability['id']} "
                f"(fixed in {fixed})"
            )
    audited = [dependency for dependency in dependencies if "skip_reason" not in dependency]
    print(
        f"pip-audit: {len(audited)} dependencies audited, "
        f"{len(vulnerable)} with known vulnerabilities, {len(skipped)} could not be audited"
    )
    if skipped:
        print(
            f"WARNING: the vulnerability service could not look up {len(skipped)} "
            "dependencies, which were NOT audited:",
            file=sys.stderr,
        )
        for dependency in skipped:
            print(f"  {dependency['skip_reason']}", file=sys.stderr)
    return 1 if vulnerable else 0


if __name__ == "__main__":
    sys.exit(main())
