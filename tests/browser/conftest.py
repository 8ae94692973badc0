"""The site as a visitor sees it: the seed content served by a live server to Chromium.

Without Chromium, java or vnu.jar the checks that need them are skipped, and say why.
On CI (``CI=true``) they fail instead: .ci/run installs those tools, and a skip there
would hide a broken install step.

Loading the seed takes longer than a page check, so it is loaded once for this package,
not per test: pytest-django's ``live_server`` fixture would pull in ``transactional_db``,
which empties the database after every test. Each test here is an ordinary ``django_db``
test; after the package's last one the database is put back as it was before the seed.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import connection, connections
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer

from cooperation import models
from rosario_intl.two_factor import devices
from tests.browser import staff
from tests.browser.pages import DESKTOP, TIMEOUT_MS
from tests.helpers import missing_tool, url_in

# Debian's package. Playwright's own browser download does not work on our machines.
CHROMIUM = "/usr/bin/chromium"
# --no-sandbox because the tests run as root; the rest stop Chromium reaching the network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="package")
def browser():
    """One headless Chromium for all the browser tests."""
    if not os.access(CHROMIUM, os.X_OK):
        missing_tool("browser tests", f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with pytest.MonkeyPatch.context() as env, sync_playwright() as playwright:
        # Playwright's sync API runs an event loop in this thread, and Django refuses
        # database access from a thread with a running loop (pytest-django's advice).
        env.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
        # While the loop runs, Django keeps the tests' connections apart from the thread's
        # usual ones, and nothing else closes them: left open, PostgreSQL could not drop
        # the test database at the end of the run.
        connections.close_all()


@pytest.fixture(scope="package")
def seeded_database(django_db_setup, django_db_blocker):
    """The test database with the seed content, for every test in this package.

    Each test must still be marked ``django_db``: that is what makes pytest-django create
    the test database, so the seed never lands in the real one. Afterwards the database is
    restored the way Django's ``serialized_rollback`` does it, keeping what the migrations
    stored (content types, permissions, staff groups) as it was, primary keys included.
    """
    with django_db_blocker.unblock():
        before = connection.creation.serialize_db_to_string()
        call_command("load_seed", verbosity=0)
    yield
    with django_db_blocker.unblock():
        call_command(
            "flush",
            interactive=False,
            verbosity=0,
            reset_sequences=False,
            inhibit_post_migrate=True,
        )
        connection.creation.deserialize_db_from_string(before)


@pytest.fixture(scope="package")
def live_server_url(seeded_database):
    server = LiveServer("127.0.0.1")
    yield server.url
    server.stop()


class Tabs:
    """A module's browser contexts, each keeping its pages open from one test to the next.

    Opening a page in a new browser context costs Chromium a renderer process, about a fifth
    of a second, longer than most checks take; a context made from a sign-in's saved state
    costs more. So each module has one context for visitors and one per staff account, and a
    test takes pages from them and gives them back, blank, when it ends: two pages a test
    opens are still two pages. Between tests the visitors' cookies are cleared (a staff
    account's sign-in is what its context is kept for), and each page taken is set to the
    viewport asked for and to the screen's media.
    """

    def __init__(self, browser, base_url: str):
        self.browser = browser
        self.base_url = base_url
        self.contexts = {}
        self.idle = {}
        self.taken = []
        # The staff accounts signed in in their contexts.
        self.signed_in = set()

    def context(self, key):
        """The context kept under ``key`` (``None`` for visitors), made the first time."""
        if key not in self.contexts:
            context = self.browser.new_context(base_url=self.base_url, viewport=DESKTOP)
            context.set_default_timeout(TIMEOUT_MS)
            self.contexts[key] = context
            self.idle[key] = []
        return self.contexts[key]

    def take(self, key, viewport: dict):
        context = self.context(key)
        page = self.idle[key].pop() if self.idle[key] else context.new_page()
        page.set_viewport_size(viewport)
        self.taken.append((key, page))
        return page

    def give_back(self):
        """At the end of a test: its pages blank and idle again, the visitors' cookies gone.
        A page that cannot be made blank (a test that failed half-way through a navigation)
        is closed instead: the next test gets a new one."""
        taken, self.taken = self.taken, []
        for key, page in taken:
            if page.is_closed():
                continue
            try:
                page.goto("about:blank")
                page.emulate_media(media="null")
            except PlaywrightError:
                page.close()
                continue
            self.idle[key].append(page)
        if None in self.contexts:
            self.contexts[None].clear_cookies()

    def close(self):
        for context in self.contexts.values():
            context.close()


@pytest.fixture(scope="module")
def tabs(browser, live_server_url):
    tabs = Tabs(browser, live_server_url)
    yield tabs
    tabs.close()


def visit(page, path: str, status: int):
    response = page.goto(path)
    assert response.status == status, f"GET {path} answered {response.status}, not {status}"
    return page


@pytest.fixture
def open_page(tabs):
    """Open a path of the live site as a visitor (no cookies); check the status code.

    ``open_page("/es/", viewport=PHONE)`` returns the Playwright page once it has loaded.
    """

    def open_page(path, *, viewport=DESKTOP, status=200):
        return visit(tabs.take(None, viewport), path, status)

    yield open_page
    tabs.give_back()


@pytest.fixture
def vnu():
    """The command that runs the Nu HTML checker, less the files to check."""
    java = shutil.which("java")
    if java is None:
        missing_tool("HTML check", "no java (apt-get install openjdk-17-jre-headless)")
    if not VNU_JAR.is_file():
        missing_tool("HTML check", f"no {VNU_JAR.relative_to(settings.BASE_DIR)} (npm ci)")
    return [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json"]


@pytest.fixture(scope="module")
def staff_account(seeded_database, django_db_blocker):
    """``staff_account("ana", "editors")``, in a module-scoped fixture (a test's own writes
    stay in its transaction): a staff account for this module, committed (the live server
    sees only what is committed) and deleted after the module's last test.

    The role is a group the migrations make ("editors", "publishers") or "superuser"; other
    fields go to the user (``first_name="Ana"``). An account that must pass the second step
    gets a confirmed app and recovery codes, which ``staff.sign_in`` gives one at a time;
    with ``enrolled=False`` it has none yet, as before its first sign-in.
    """
    made = []

    def make(username: str, role: str = "editors", *, enrolled: bool = True, **fields):
        with django_db_blocker.unblock():
            if role == "superuser":
                user = get_user_model().objects.create_superuser(
                    username, "", staff.PASSWORD, **fields
                )
            else:
                user = get_user_model().objects.create_user(
                    username=username, password=staff.PASSWORD, is_staff=True, **fields
                )
                user.groups.add(Group.objects.get(name=role))
            user.recovery_codes = None
            if enrolled and devices.is_required(user):
                devices.confirm(devices.enrolment_device(user))
                user.recovery_codes = iter(devices.new_recovery_codes(user))
        made.append(user)
        return user

    yield make
    with django_db_blocker.unblock():
        for user in made:
            user.delete()


@pytest.fixture(scope="module")
def staff_project(seeded_database, django_db_blocker):
    """``staff_project(title_es=..., slug_es=...)``, in a module-scoped fixture: a project of
    the seed's first published program for staff to edit, committed for this module and
    deleted after its last test, with the former addresses its edits left."""
    made = []

    def make(**fields):
        with django_db_blocker.unblock():
            project = models.Project.objects.create(
                program=models.Program.objects.published().first(), **fields
            )
        made.append(project)
        return project

    yield make
    with django_db_blocker.unblock():
        for project in made:
            models.SlugHistory.objects.filter(
                object_id=project.pk, content_type__model="project"
            ).delete()
            project.delete()


@pytest.fixture
def staff_page(tabs):
    """``staff_page(user, path)``: ``path`` (the admin's index by default) signed in as
    ``user``, in that account's browser context: signed in through the login form the first
    time in a module, and still signed in in the module's later tests, as another tab of the
    same browser would be. ``viewport=`` and ``status=`` as for ``open_page``."""
    signed_in_before = set(tabs.signed_in)

    def open_page(user, path=None, *, viewport=DESKTOP, status=200):
        if user.username in signed_in_before and connection.vendor == "sqlite":
            # The live server shares the test's connection on SQLite (an in-memory database
            # has no other), so the session of a sign-in made in an earlier test was rolled
            # back with that test; signing in again would spend the account's recovery codes.
            pytest.skip("reuses an earlier test's sign-in: run on PostgreSQL (DATABASE_URL)")
        page = tabs.take(user.username, viewport)
        if user.username not in tabs.signed_in:
            staff.sign_in(page, user)  # which ends on the admin's index
            tabs.signed_in.add(user.username)
            if path is None:
                return page
        return visit(page, path or url_in("es", "admin:index"), status)

    yield open_page
    tabs.give_back()
