"""The downloads as responses, and the open data page that documents them."""

import lxml.html
import pytest
from django.utils import translation

from cooperation import models
from cooperation.opendata import datasets
from tests.helpers import url_in
from tests.opendata.test_datasets import DATASETS, get_json

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_seed")]


def test_unknown_dataset_is_404(client, db):
    for name, dataset in (("open_data_csv", "milestones"), ("open_data_json", "secrets")):
        assert client.get(url_in("es", f"cooperation:{name}", dataset=dataset)).status_code == 404


def test_downloads_may_be_fetched_from_other_sites(client, db):
    response = client.get(url_in("es", "cooperation:open_data_json", dataset="partners"))
    assert response["Access-Control-Allow-Origin"] == "*"


# The open data page.


@pytest.mark.parametrize("language", ["es", "en"])
def test_open_data_page_links_every_download_and_documents_every_column(client, seeded, language):
    response = client.get(url_in(language, "cooperation:open_data"))
    assert response.status_code == 200
    content = response.content.decode()
    assert f'<html lang="{language}"' in content
    for dataset in DATASETS:
        for name in ("cooperation:open_data_csv", "cooperation:open_data_json"):
            assert f'href="{url_in(language, name, dataset=dataset)}"' in content
        for column in datasets.DATASETS[dataset].column_names:
            assert f"<code>{column}</code>" in content
    assert f'href="{url_in(language, "cooperation:iati_activities")}"' in content
    for feed_language in ("es", "en"):
        assert f'href="{url_in(feed_language, "cooperation:feed")}"' in content
    assert 'href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>' in (
        content
    )
    # The IATI identifier prefix is said not to be a registered one.
    assert "AR-ROSARIO" in content


def test_open_data_page_lists_each_iati_file_and_what_is_left_out(client, seeded):
    content = client.get(url_in("en", "cooperation:open_data")).content.decode()
    assert url_in("en", "cooperation:iati_project", slug="ecologistics") in content
    assert "TRAMA, a network for sustainable inclusion</a>: neither its start year" in content
    assert url_in("en", "cooperation:iati_project", slug="trama") not in content


def test_license_comes_from_the_settings(client, db, settings):
    settings.OPEN_DATA_LICENSE = {
        "name": "ODbL 1.0",
        "url": "https://opendatacommons.org/licenses/odbl/1-0/",
    }
    content = client.get(url_in("en", "cooperation:open_data")).content.decode()
    assert 'rel="license">ODbL 1.0</a>' in content
    data = get_json(client, "programs")
    assert data["license"]["name"] == "ODbL 1.0"


def test_staff_choose_the_license_in_the_admin(client, db, settings):
    settings.OPEN_DATA_LICENSE = {"name": "ODbL 1.0", "url": "https://example.org/odbl"}
    open_data = models.OpenDataSettings.load()
    open_data.license_name = "CC0 1.0"
    open_data.license_url = "https://creativecommons.org/publicdomain/zero/1.0/"
    open_data.save()
    content = client.get(url_in("en", "cooperation:open_data")).content.decode()
    assert 'rel="license">CC0 1.0</a>' in content
    assert get_json(client, "programs")["license"] == {
        "name": "CC0 1.0",
        "url": "https://creativecommons.org/publicdomain/zero/1.0/",
    }


def test_open_data_page_is_linked_from_every_page(client, seeded):
    for language in ("es", "en"):
        content = client.get(url_in(language, "cooperation:home")).content.decode()
        assert f'href="{url_in(language, "cooperation:open_data")}"' in content
        assert f'href="{url_in(language, "cooperation:coverage")}"' in content


# (url name, kwargs, queries): the IATI pages load the portfolio with ten queries, whatever
# its size; a page adds one for the contact settings.
# Each count includes the page cache's one query for the content version.
PINNED = [
    # One query more where the licence is read: staff choose it (OpenDataSettings).
    ("cooperation:open_data", {}, 13),
    # One query more each for the sources of the entries.
    ("cooperation:open_data_csv", {"dataset": "programs"}, 5),
    ("cooperation:open_data_json", {"dataset": "projects"}, 6),
    ("cooperation:open_data_csv", {"dataset": "partners"}, 3),
    ("cooperation:open_data_csv", {"dataset": "networks"}, 3),
    ("cooperation:open_data_json", {"dataset": "sources"}, 3),
    ("cooperation:open_data_json", {"dataset": "participations"}, 3),
    ("cooperation:iati_activities", {}, 11),
    ("cooperation:iati_project", {"slug": "ecologistics"}, 12),
]


@pytest.mark.parametrize(("name", "kwargs", "queries"), PINNED)
def test_query_count_is_pinned_and_does_not_grow(
    client, seeded, django_assert_num_queries, make_data_tenfold, name, kwargs, queries
):
    path = url_in("es", name, **kwargs)
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200
    make_data_tenfold()
    with django_assert_num_queries(queries):
        assert client.get(path).status_code == 200


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("cooperation:open_data_csv", {"dataset": "programs"}),
        ("cooperation:open_data_json", {"dataset": "projects"}),
        ("cooperation:iati_activities", {}),
        ("cooperation:iati_project", {"slug": "ecologistics"}),
        ("cooperation:feed", {}),
    ],
)
def test_head_is_answered_wherever_get_is_cached_or_not(client, seeded, name, kwargs):
    url = url_in("es", name, **kwargs)
    for _request in range(2):  # a cache miss, then a hit
        response = client.head(url)
        assert response.status_code == 200
        assert response.content == b""


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_dictionary_is_folded_per_dataset_and_all_there(client, seeded, language):
    """Each table's columns in a <details> of their own, with every name, meaning and code."""
    tree = lxml.html.fromstring(client.get(url_in(language, "cooperation:open_data")).content)
    with translation.override(language):
        for name, dataset in datasets.DATASETS.items():
            title_id = f"columns-{name}-title"
            summary = tree.xpath(f'//details[@class="dictionary"]/summary[@id="{title_id}"]')
            assert len(summary) == 1, name
            details = summary[0].getparent()
            assert details.get("open") is None
            assert str(dataset.title) in summary[0].text_content()
            rows = details.xpath(".//tbody/tr")
            assert [row.xpath("string(th/code)") for row in rows] == dataset.column_names
            for row, column in zip(rows, dataset.columns, strict=True):
                assert str(column.description) in row.xpath("string(td)")
                for value, _label in column.choices or ():
                    if value:
                        assert str(value) in row.xpath("td//code/text()")
            # The table scrolls inside a focusable region named after the dataset.
            region = details.xpath('.//div[@class="table-scroll"]')[0]
            assert region.get("role") == "region" and region.get("tabindex") == "0"
            assert region.get("aria-labelledby") == f"columns-{name}-title"
            assert region.get("id") == f"columns-{name}"
            # The downloads table links to it.
            assert tree.xpath(f'//a[@href="#columns-{name}"]')
