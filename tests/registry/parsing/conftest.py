import pytest

from registry.parsing.jsonl import read_records
from tests.helpers import DEV_LABELS


@pytest.fixture(scope="session")
def dev_labels() -> list[dict]:
    """The hand-labelled dev set (tests/data/labels/), checked line by line as it is read."""
    return list(read_records(DEV_LABELS, kind="labels"))
