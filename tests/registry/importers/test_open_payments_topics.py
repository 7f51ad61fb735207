"""A payer's product categories and therapeutic areas in Open Payments rows become the payer
organization's topics, found by name or synonym like article keywords."""

import pytest

from registry.importers import import_open_payments_paths
from registry.models import Organization, Topic, TopicSynonym
from tests.registry.importers.test_open_payments import GENERAL_2019, rewrite

pytestmark = pytest.mark.django_db
AREA = "Product_Category_or_Therapeutic_Area_"
PAYER = "Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_Name"
PAYER_ID = "Applicable_Manufacturer_or_Applicable_GPO_Making_Payment_ID"


def topics_of(name: str) -> list[str]:
    return sorted(Organization.objects.get(name=name).topics.values_list("name", flat=True))


def test_the_areas_of_a_payers_rows_become_its_topics(tmp_path):
    path = rewrite(
        GENERAL_2019,
        tmp_path,
        [
            {"Record_ID": "1", PAYER: "Janssen Pharmaceuticals, Inc", PAYER_ID: "100000000001",
             f"{AREA}1": "NEUROLOGY", f"{AREA}2": "Psychiatry"},
            {"Record_ID": "2", PAYER: "Janssen Pharmaceuticals, Inc", PAYER_ID: "100000000001",
             f"{AREA}1": "Neurology", f"{AREA}2": "N/A"},
            {"Record_ID": "3", PAYER: "Stryker Corporation", PAYER_ID: "100000000002", f"{AREA}1": "Orthopedics"},
        ],
    )  # fmt: skip

    assert import_open_payments_paths([path]).ok

    assert topics_of("Janssen Pharmaceuticals, Inc") == ["Neurology", "Psychiatry"]
    assert topics_of("Stryker Corporation") == ["Orthopedics"]


def test_an_area_known_by_a_synonym_is_that_topic_and_a_reimport_adds_nothing(tmp_path):
    oncology = Topic.objects.create(name="Oncology")
    TopicSynonym.objects.create(topic=oncology, name="Cancer")
    path = rewrite(GENERAL_2019, tmp_path, [{PAYER: "Acme Pharma", PAYER_ID: "100000000003", f"{AREA}1": "CANCER"}])

    import_open_payments_paths([path])
    import_open_payments_paths([path])

    assert topics_of("Acme Pharma") == ["Oncology"]
    assert Topic.objects.count() == 1
