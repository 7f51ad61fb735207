import pytest

from tests.registry.scenario import build_scenario


@pytest.fixture
def scenario(db):
    """The small registry of tests/registry/scenario.py, shared by the reader pages' and the API's tests."""
    return build_scenario()
