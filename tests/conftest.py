import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation


@pytest.fixture
def seeded(db):
    """The database with the city's seed content loaded."""
    call_command("load_seed", verbosity=0)


@pytest.fixture(params=["es", "en"])
def language(request):
    with translation.override(request.param):
        yield request.param


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: the page cache's keys restart with the database."""
    cache.clear()
    yield
    cache.clear()
