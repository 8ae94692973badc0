"""Every public URL, in both languages, against what bots and attackers send.

Whatever arrives (bad page numbers, unknown filter values, SQL and script, NUL bytes,
20,000-character queries, broken UTF-8, repeated parameters, unusual methods, a foreign Host),
the answer is never a 5xx, never shows a traceback and never reflects markup unescaped.

Each test loads the seed once and sends one family of variants to every URL, then reports
all the URLs that misbehaved at once. The Django test client runs the whole middleware stack.
"""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from cooperation import selectors

LANGUAGES = ["es", "en"]
LIST_PAGES = [
    "cooperation:program_list",
    "cooperation:project_list",
    "cooperation:partner_list",
    "cooperation:network_list",
]
FILTERED_LISTS = ["cooperation:program_list", "cooperation:project_list"]
OTHER_PAGES = ["cooperation:home", "cooperation:search", "cooperation:timeline"]
DETAIL_SELECTORS = [
    selectors.program_list,
    selectors.project_list,
    selectors.partner_list,
    selectors.network_list,
]

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
PAYLOADS = {
    "script": SCRIPT,
    "attribute": ATTRIBUTE,
    "sql": "' OR '1'='1'; DROP TABLE cooperation_project; --",
    "nul": "a\x00b",
    "20,000 characters": SCRIPT * 800,
}
# Never to be found as such in a page; escaped, they are harmless text.
UNESCAPED = [SCRIPT, ATTRIBUTE, "<img src=x"]
LEAKS = ["Traceback", "OperationalError", "ProgrammingError", "DataError", "ValueError"]


@pytest.fixture
def client():
    # Errors become the 500 page, as in production, instead of being raised in the test.
    return Client(raise_request_exception=False)


@pytest.fixture
def urls(seeded):
    """Every public URL: home, lists, one detail page of each kind, search, timeline."""
    result = {"/sitemap.xml", "/robots.txt"}
    for language in LANGUAGES:
        with translation.override(language):
            result.update(reverse(name) for name in [*LIST_PAGES, *OTHER_PAGES])
            for selector in DETAIL_SELECTORS:
                entry = selector().first()
                assert entry is not None, f"the seed has no published {selector.__name__}"
                result.add(entry.get_absolute_url())
    return sorted(result)


def list_urls(names=LIST_PAGES):
    urls = []
    for language in LANGUAGES:
        with translation.override(language):
            urls.extend(reverse(name) for name in names)
    return urls


def problems(response, label: str) -> list[str]:
    """What is wrong with ``response``, if anything, each line naming ``label``."""
    found = []
    if response.status_code >= 500:
        found.append(f"{label}: status {response.status_code}")
    body = response.content.decode("utf-8", errors="replace")
    found += [f"{label}: shows {leak!r}" for leak in LEAKS if leak in body]
    found += [f"{label}: reflects {text!r} unescaped" for text in UNESCAPED if text in body]
    return found


def assert_no_problems(found: list[str]):
    assert not found, f"{len(found)} problems:\n" + "\n".join(found[:40])


BAD_PAGES = ["0", "-1", "abc", "1.5", "99999999999999999999", "last", "2\x00", SCRIPT]
BAD_FILTERS = [
    ("status", "nope"),
    ("theme", "../../etc/passwd"),
    ("sdg", "999"),
    ("sdg", "-1"),
    ("partner", "no-such-partner"),
    ("kind", "alien"),
    ("network", "x" * 300),
    ("year", "abc"),
    ("year", "99999999999999999999"),
    ("year", "1e400"),
]
BROKEN_PATHS = [
    "/es/proyectos/%ff%fe/",
    "/en/projects/%ff%fe/",
    "/es/%ff/",
    "/en/%c0%af/",
    "/%ff%fe",
    "/es/programas/%ed%a0%80/",
    "/es/buscar/%00/",
    "/en/search/%00",
    "/es/socios/%3Cscript%3Ealert(1)%3C%2Fscript%3E/",
    "/en/partners/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E/",
    "/es/proyectos/" + "a" * 5000 + "/",
    "/es/admin%ff/",
]


def test_bad_page_numbers_are_not_found(client, seeded):
    found = []
    for url in [*list_urls(), "/sitemap.xml"]:
        for page in BAD_PAGES:
            response = client.get(url, {"page": page, "p": page})
            label = f"{url}?page={page!r}"
            found += problems(response, label)
            if response.status_code not in (200, 404):
                found.append(f"{label}: {response.status_code}")
    assert_no_problems(found)


def test_unknown_filter_values_give_a_page_not_an_error(client, seeded):
    found = []
    for url in list_urls(FILTERED_LISTS):
        for name, value in BAD_FILTERS:
            response = client.get(url, {name: value})
            label = f"{url}?{name}={value[:40]!r}"
            found += problems(response, label)
            if response.status_code != 200:
                found.append(f"{label}: {response.status_code}")
    assert_no_problems(found)


def test_injected_strings_in_every_parameter(client, urls):
    found = []
    for label, payload in PAYLOADS.items():
        params = dict.fromkeys(("q", "page", "status", "theme", "year", "next"), payload)
        for url in urls:
            found += problems(client.get(url, params), f"{url} with {label}")
    assert_no_problems(found)


def test_repeated_parameters(client, urls):
    query = "q=agua&q=&q=%3Cscript%3E&page=1&page=2&status=active&status=zzz&year=2020&year=x"
    found = []
    for url in urls:
        found += problems(client.get(f"{url}?{query}"), f"{url}?{query}")
    assert_no_problems(found)


def test_broken_paths_are_not_found(client, db):
    found = []
    for path in BROKEN_PATHS:
        response = client.get(path)
        found += problems(response, path[:60])
        if response.status_code not in (301, 302, 400, 404):
            found.append(f"{path[:60]}: {response.status_code}")
    assert_no_problems(found)


def test_unusual_methods(urls):
    # CSRF checks on, as for a browser: a POST without a token to a public page is refused.
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    found = []
    for url in urls:
        for method in ("head", "options", "post", "put", "delete"):
            response = getattr(client, method)(url)
            label = f"{method.upper()} {url}"
            found += problems(response, label)
            allowed = (200, 405) if method in ("head", "options") else (403, 405)
            if response.status_code not in allowed:
                found.append(f"{label}: {response.status_code}")
    assert_no_problems(found)


def test_a_foreign_or_malformed_host_is_refused(client, urls):
    requests = [(url, "evil.example") for url in [*urls, "/healthz", "/readyz", "/es/no-existe/"]]
    requests += [
        (url, host)
        for url in ("/es/", "/healthz")
        for host in ("evil.example:80:80", "<script>", "a" * 300, "127.0.0.1@evil.example")
    ]
    found = []
    for url, host in requests:
        response = client.get(url, HTTP_HOST=host)
        label = f"Host: {host[:20]} {url}"
        found += problems(response, label)
        if response.status_code != 400:
            found.append(f"{label}: {response.status_code}")
    assert_no_problems(found)
