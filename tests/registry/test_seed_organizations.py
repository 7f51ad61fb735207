"""`make run` loads the maintained organization list, then the seed: the seed's organizations land on
the list's records where they share a name, and all of them count as reviewed (editors' data)."""

from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.models import Count

from registry.models import Organization
from registry.seed import load_seed_file

SEED = Path(settings.BASE_DIR) / "fixtures" / "seed" / "tidsskriftet-2026-mdma.json"

pytestmark = pytest.mark.django_db


def test_the_seed_after_the_list_adds_reviewed_records_and_no_second_record_of_a_name():
    call_command("load_organizations", stdout=StringIO())
    listed = Organization.objects.count()

    counts = load_seed_file(SEED)

    assert Organization.objects.filter(reviewed=False).count() == 0
    shared = listed + counts["organizations"] - Organization.objects.count()
    assert shared == 7  # named by both the list and the seed: one record each
    twice = Organization.objects.values("normalized_name").annotate(n=Count("pk")).filter(n__gt=1)
    assert list(twice) == []


def test_the_seeds_organizations_alone_are_reviewed():
    load_seed_file(SEED)

    assert Organization.objects.filter(reviewed=False).count() == 0
