import pytest
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
