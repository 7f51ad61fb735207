import pytest
from rest_framework.test import APIClient

from tests.registry.scenario import build_scenario


@pytest.fixture
def api():
    return APIClient()


@pytest.fixture
def scenario(db):
    return build_scenario()
