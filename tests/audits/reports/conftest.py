from pathlib import Path

import pytest
from django.conf import settings

from registry.seed import load_seed_file
from tests.audits.helpers import audit

SEED_DOI = "10.4045/tidsskr.26.0122"


@pytest.fixture
def seed_run(db):
    load_seed_file(Path(settings.BASE_DIR) / "fixtures" / "seed" / "tidsskriftet-2026-mdma.json")
    return audit()
