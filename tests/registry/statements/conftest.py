from pathlib import Path

import pytest
from django.conf import settings

from registry.models import Article
from registry.seed import load_seed_file

SEED = Path(settings.BASE_DIR) / "fixtures" / "seed" / "tidsskriftet-2026-mdma.json"
SEED_DOI = "10.4045/tidsskr.26.0122"


@pytest.fixture
def seed_article(db) -> Article:
    load_seed_file(SEED)
    return Article.objects.get(doi=SEED_DOI)
