import pytest
from django.contrib.auth import get_user_model


@pytest.fixture
def official(db):
    """Argentina's demo official (admin in Spanish)."""
    return get_user_model().objects.get(username="oficial-ar")


@pytest.fixture
def official_br(db):
    """Brazil's demo official (admin in Portuguese)."""
    return get_user_model().objects.get(username="oficial-br")


@pytest.fixture
def secretary(db):
    return get_user_model().objects.get(username="secretaria")
