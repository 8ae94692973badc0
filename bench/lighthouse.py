"""`make lighthouse`: Lighthouse scores of the home page and a project page, production stack.

Creates a scratch PostgreSQL database holding the seed content, collects the static files,
starts gunicorn (production settings) on a port of its own, then runs Lighthouse 12 (npm,
node_modules/.bin/lighthouse) against Debian's /usr/bin/chromium with its default settings:
mobile form factor, simulated slow 4G and 4× CPU slowdown. Prints a table (the four category
scores, the transferred weight, the requests, the third-party requests, the render-blocking
resources), the home page's weight by resource type, and every audit that scored below 1 with
what it names; prepends the table to bench/lighthouse.md. The scores are a report, not a gate:
the exit status is non-zero only when the run itself failed.

Lighthouse 12.2.3 (the last release for Node 20) does not fully understand the traces of
Chromium 156: its render-blocking-resources audit, and a few that need the trace's layout
shifts or LCP element, end in an error (they weigh nothing in the scores, which stay valid).
The render-blocking requests are therefore counted from the trace itself (--save-assets):
the requests of the main frame that Chromium flags as render-blocking, selected as
Lighthouse's RenderBlocking insight does but without its filters (finished before the first
paint, at least 50 ms to save): every such request is counted.
"""

import json
import os
import subprocess
import sys
import tempfile
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit

from stack import (
    ROOT,
    create_database,
    environment,
    machine,
    manage,
    prepend_report,
    start_server,
)

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CHROME = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
DATABASE = "rosario_lighthouse"
PORT = int(os.environ.get("LIGHTHOUSE_PORT", "8766"))
# localhost, not 127.0.0.1: Lighthouse (like browsers) treats it as a secure origin.
BASE = f"http://localhost:{PORT}"
PAGES = {
    "home": "/es/",
    "project": "/es/proyectos/gestion-metropolitana-de-residuos-solidos/",
    "map": "/es/mapa/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The ones the chrome-launcher of Lighthouse does not already pass: no sandbox (root), no GPU,
# and nothing that reaches the network at start-up.
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
# Issue #13's weight budgets, in KB transferred; pages not named have none.
TARGET_KB = {"home": 60, "map": 120}
ITEMS_SHOWN = 8  # per failing audit

# One worker: its page cache (in memory without REDIS_URL) is the one the warm-up filled.
ENV = environment(database=DATABASE, port=PORT, workers=1)


def lighthouse(name: str, path: str, out: Path) -> dict:
    """One Lighthouse run with its default (mobile) settings; the report as a dict."""
    # A first request fills the page cache, as for any page visited before.
    urllib.request.urlopen(f"{BASE}{path}", timeout=30).read()
    report = out / f"{name}.json"
    result = subprocess.run(
        [str(LIGHTHOUSE), f"{BASE}{path}", "--output=json", f"--output-path={report}",
         "--save-assets", "--quiet", f"--chrome-flags={CHROME_FLAGS}"],
        cwd=ROOT, env={**os.environ, "CHROME_PATH": CHROME}, capture_output=True, text=True,
    )  # fmt: skip
    if result.returncode != 0 or not report.exists():
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"lighthouse failed on {path} (exit status {result.returncode})")
    lhr = json.loads(report.read_text())
    if lhr.get("runtimeError") or any(lhr["categories"][c]["score"] is None for c in CATEGORIES):
        error = lhr.get("runtimeError", {})
        raise SystemExit(f"lighthouse could not score {path}: {error.get('code', '')} "
                         f"{error.get('message', 'a category has no score')}")  # fmt: skip
    lhr["renderBlocking"] = render_blocking(out / f"{name}-0.trace.json", f"{BASE}{path}")
    return lhr


def render_blocking(trace: Path, url: str) -> list[str]:
    """The main frame's requests that Chromium marks render-blocking, from the trace."""
    events = json.loads(trace.read_text())
    events = events["traceEvents"] if isinstance(events, dict) else events
    requests = [
        e["args"]["data"]
        for e in events
        if e.get("name") == "ResourceSendRequest" and "data" in e.get("args", {})
    ]
    frame = next((r.get("frame") for r in requests if r.get("url") == url), None)
    blocking = []
    for request in requests:
        kind, priority = request.get("renderBlocking"), request.get("priority")
        if request.get("frame") != frame or request["url"] == url:
            continue
        # In the body, only what the parser waits for at a high priority blocks rendering.
        script = request.get("resourceType") == "Script"
        in_body = kind == "in_body_parser_blocking" and (
            priority == "VeryHigh" or (script and priority == "High")
        )
        if kind == "blocking" or in_body:
            blocking.append(request["url"])
    return blocking


def items(lhr: dict, audit: str) -> list[dict]:
    return (lhr["audits"].get(audit, {}).get("details") or {}).get("items", [])


def third_party(lhr: dict) -> list[str]:
    """The requests to another host than the page's (data: and blob: URLs are not requests)."""
    host = urlsplit(lhr["finalDisplayedUrl"]).hostname
    return [
        item["url"]
        for item in items(lhr, "network-requests")
        if urlsplit(item["url"]).scheme in ("http", "https")
        and urlsplit(item["url"]).hostname != host
    ]


def summary(lhr: dict) -> dict:
    scores = {c: round(lhr["categories"][c]["score"] * 100) for c in CATEGORIES}
    return {
        **scores,
        "kb": lhr["audits"]["total-byte-weight"]["numericValue"] / 1024,
        "requests": len(items(lhr, "network-requests")),
        "third_party": len(third_party(lhr)),
        "render_blocking": len(lhr["renderBlocking"]),
    }


def table(reports: dict[str, dict]) -> str:
    lines = [
        "| page | performance | accessibility | best practices | SEO | transferred KB "
        "| requests | third-party | render-blocking |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, lhr in reports.items():
        s = summary(lhr)
        lines.append(
            f"| {name} (`{PAGES[name]}`) | {s['performance']} | {s['accessibility']} | "
            f"{s['best-practices']} | {s['seo']} | {s['kb']:.1f} | {s['requests']} | "
            f"{s['third_party']} | {s['render_blocking']} |"
        )
    return "\n".join(lines)


def weight_breakdown(lhr: dict) -> str:
    """The transferred bytes by resource type (Lighthouse's resource-summary)."""
    parts = [
        f"{item['label'].lower()} {item['transferSize'] / 1024:.1f} KB "
        f"({item['requestCount']} request{'s' if item['requestCount'] != 1 else ''})"
        for item in items(lhr, "resource-summary")
        if item["resourceType"] != "total" and item["requestCount"]
    ]
    return ", ".join(parts)


def failing(lhr: dict) -> list[tuple[str, dict]]:
    """(category, audit) for each scored audit below 1, each audit once, in report order."""
    seen, result = set(), []
    for category in CATEGORIES:
        for ref in lhr["categories"][category]["auditRefs"]:
            audit = lhr["audits"][ref["id"]]
            if ref["id"] in seen or audit["score"] is None or audit["score"] >= 1:
                continue
            if audit["scoreDisplayMode"] in ("informative", "manual", "notApplicable"):
                continue
            seen.add(ref["id"])
            result.append((category, {**audit, "weight": ref.get("weight", 0)}))
    return result


def describe_item(item: dict) -> str:
    """One row of an audit's details: the element or resource it names, and its numbers."""
    parts = []
    node = next(
        (value for value in (item, item.get("node"), item.get("source"))
         if isinstance(value, dict) and value.get("type") == "node"),
        None,
    )  # fmt: skip
    if node:
        label = node.get("selector") or node.get("path", "")
        snippet = " ".join((node.get("snippet") or "").split())
        parts.append(f"`{label}` {snippet[:160]}".strip())
        if node.get("explanation"):
            parts.append(" ".join(node["explanation"].split())[:300])
    for key in ("url", "source"):
        value = item.get(key)
        if isinstance(value, dict) and value.get("type") == "source-location":
            value = f"{value.get('url', '')}:{value.get('line', 0) + 1}"
        if isinstance(value, str) and value:
            parts.append(value.replace(BASE, ""))
    for key in ("description", "label", "entity", "failureTitle", "reason"):
        if isinstance(item.get(key), str) and item[key]:
            parts.append(item[key])
    for key, unit in (
        ("transferSize", "B"), ("totalBytes", "B"), ("wastedBytes", "B wasted"),
        ("wastedMs", "ms wasted"), ("duration", "ms"), ("blockingTime", "ms blocking"),
        ("cacheLifetimeMs", "ms cache"), ("score", "shift"),
    ):  # fmt: skip
        if isinstance(item.get(key), int | float):
            parts.append(f"{key} {item[key]:,.0f} {unit}" if unit != "shift"
                         else f"layout shift {item[key]:.3f}")  # fmt: skip
    return "; ".join(parts)


def describe_details(details: dict | None) -> list[str]:
    if not details:
        return []
    if details.get("type") == "list":
        return [line for sub in details.get("items", []) for line in describe_details(sub)]
    if details.get("type") == "node":
        return [describe_item(details)]
    lines = []
    for item in details.get("items", []):
        if not isinstance(item, dict):
            continue
        line = describe_item(item)
        for sub in (item.get("subItems") or {}).get("items", [])[:3]:
            line += f" [{describe_item(sub)}]"
        if line:
            lines.append(line)
    return lines


def errored(lhr: dict) -> list[dict]:
    """The audits Lighthouse could not run (they count as neither passed nor failed)."""
    return [audit for audit in lhr["audits"].values() if audit["scoreDisplayMode"] == "error"]


def failures_report(reports: dict[str, dict]) -> str:
    out = []
    for name, lhr in reports.items():
        audits = failing(lhr)
        out.append(f"### {name}\n")
        blocking = lhr["renderBlocking"]
        out.append(f"Render-blocking requests (from the trace): {len(blocking)}")
        out.extend(f"  - {url.replace(BASE, '')}" for url in blocking)
        third = third_party(lhr)
        out.append(f"Third-party requests: {len(third)}")
        out.extend(f"  - {url}" for url in third)
        out.append(f"\n{len(audits)} audit(s) below 1:\n")
        for category, audit in audits:
            value = f" — {audit['displayValue']}" if audit.get("displayValue") else ""
            weight = f", weight {audit['weight']}" if audit["weight"] else ", weight 0"
            out.append(
                f"- **{audit['id']}** ({category}, score {audit['score']:.2f}{weight}): "
                f"{audit['title']}{value}"
            )
            lines = describe_details(audit.get("details"))
            out.extend(f"  - {line}" for line in lines[:ITEMS_SHOWN])
            if len(lines) > ITEMS_SHOWN:
                out.append(f"  - … and {len(lines) - ITEMS_SHOWN} more")
        broken = errored(lhr)
        if broken:
            out.append(f"\n{len(broken)} audit(s) Lighthouse could not run (no score):\n")
            out.extend(
                f"- {audit['id']}: {audit.get('errorMessage', '').split('exception: ')[-1]}"
                for audit in broken
            )
        out.append("")
    return "\n".join(out)


def chromium() -> str:
    out = subprocess.run([CHROME, "--version"], capture_output=True, text=True).stdout
    return out.strip() or "Chromium"


def main():
    if not LIGHTHOUSE.exists():
        raise SystemExit("node_modules/.bin/lighthouse is missing: npm ci --ignore-scripts")
    if not Path(CHROME).exists():
        raise SystemExit(f"{CHROME} is missing: apt-get install chromium")
    create_database(ENV, DATABASE)
    manage(ENV, "collectstatic", "--no-input", "--verbosity", "0")
    out = Path(tempfile.mkdtemp(prefix="rosario-lighthouse-"))
    server = start_server(ENV)
    try:
        reports = {name: lighthouse(name, path, out) for name, path in PAGES.items()}
    finally:
        server.terminate()
        server.wait(timeout=30)

    version = reports["home"]["lighthouseVersion"]
    benchmark = reports["home"]["environment"]["benchmarkIndex"]
    stamp = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    report = (
        f"## {stamp}\n\n{machine()}. Lighthouse {version} (mobile, simulated throttling; "
        f"benchmark index {benchmark:.0f}), {chromium()}; gunicorn 1 sync worker, "
        f"PostgreSQL, seed content, page cache warm.\n\n{table(reports)}\n\n"
        + "".join(
            f"{name.capitalize()} page: {summary(reports[name])['kb']:.1f} KB transferred "
            f"(target < {target} KB): {weight_breakdown(reports[name])}.\n"
            for name, target in TARGET_KB.items()
        )
    )
    below = {name: [a["id"] for _, a in failing(lhr)] for name, lhr in reports.items()}
    report += "".join(
        f"Below 1 on {name}: {', '.join(f'`{i}`' for i in ids) or 'none'}.\n"
        for name, ids in below.items()
    )
    broken = sorted({audit["id"] for lhr in reports.values() for audit in errored(lhr)})
    if broken:
        report += f"Not run (Lighthouse error): {', '.join(f'`{i}`' for i in broken)}.\n"
    print(report)
    print(failures_report(reports))
    print(f"Full reports (JSON, with the traces): {out}")
    prepend_report("lighthouse.md", "Lighthouse results", "make lighthouse", report)


if __name__ == "__main__":
    sys.exit(main())
