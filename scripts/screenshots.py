"""Screenshots of the portal as a visitor sees it, for the README and for reviewing a change.

Serves the seed content from a scratch SQLite database with Django's development server and
photographs each page, whole, in Chromium (Debian's /usr/bin/chromium) at a desktop width
(1280 px) and a phone width (375 px), into docs/screenshots/ (or the folder given):

    make screenshots                          # Spanish: home, a project page, the map
    .venv/bin/python scripts/screenshots.py /tmp/shots --language en --page /en/search/?q=waste
"""

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTHS = {"desktop": (1280, 800), "phone": (375, 812)}
PAGES = {
    "es": {
        "home": "/es/",
        "project": "/es/proyectos/islas-de-calor-urbano/",
        "map": "/es/mapa/",
    },
    "en": {
        "home": "/en/",
        "project": "/en/projects/urban-heat-islands/",
        "map": "/en/map/",
    },
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve(folder: Path) -> tuple[subprocess.Popen, str]:
    """The development server on a scratch database with the seed content."""
    environ = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "rosario_intl.settings.dev",
        "DATABASE_URL": f"sqlite:///{folder / 'screenshots.sqlite3'}",
        "DJANGO_PAGE_CACHE": "False",
    }
    python = sys.executable
    for command in (["migrate", "--no-input"], ["load_seed"]):
        subprocess.run(
            [python, "manage.py", *command], cwd=ROOT, env=environ, check=True,
            stdout=subprocess.DEVNULL,
        )  # fmt: skip
    port = free_port()
    server = subprocess.Popen(
        [python, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT, env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    for _attempt in range(100):
        try:
            with urllib.request.urlopen(f"{url}/healthz", timeout=1):
                return server, url
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the development server did not start")


def shrink(png: Path) -> None:
    """A page is flat colour and text: 256 colours keep it sharp at a third of the bytes,
    which matters for images kept in the repository."""
    with Image.open(png) as image:
        small = image.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    small.save(png, optimize=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--language", choices=sorted(PAGES), default="es")
    parser.add_argument("--page", action="append", default=[], help="another path to take")
    options = parser.parse_args()
    out = Path(options.folder)
    out.mkdir(parents=True, exist_ok=True)
    pages = dict(PAGES[options.language])
    for number, path in enumerate(options.page, start=1):
        pages[f"page{number}"] = path

    with tempfile.TemporaryDirectory() as scratch:
        server, url = serve(Path(scratch))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for width_name, (width, height) in WIDTHS.items():
                    context = browser.new_context(viewport={"width": width, "height": height})
                    page = context.new_page()
                    for name, path in pages.items():
                        response = page.goto(url + path)
                        if response is None or response.status != 200:
                            raise SystemExit(f"{path} answered {response and response.status}")
                        target = out / f"{options.language}-{name}-{width_name}.png"
                        page.screenshot(path=str(target), full_page=True)
                        shrink(target)
                        print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
                    context.close()
                browser.close()
        finally:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
