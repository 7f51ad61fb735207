"""Malformed filters of the findings page, its CSV export and the findings API: 400 with the reason."""

import pytest
from django.urls import reverse

from tests.factories import auditor

pytestmark = pytest.mark.django_db

TOO_LARGE = "99999999999999999999999"
REASON = "Ensure this value is less than or equal to 9223372036854775807."


@pytest.fixture
def auditor_client(client):
    client.force_login(auditor())
    return client


@pytest.mark.parametrize("name", ["person", "organization"])
def test_an_id_beyond_64_bits_is_refused_on_the_findings_page(auditor_client, name):
    response = auditor_client.get(reverse("audits:findings"), {name: TOO_LARGE})

    assert response.status_code == 400
    assert response.context["form"].errors == {name: [REASON]}
    assert "page" not in response.context  # no list for filters that cannot be applied
    assert "These filters cannot be applied" in response.content.decode()


def test_an_id_beyond_64_bits_is_refused_by_the_csv_export(auditor_client):
    response = auditor_client.get(reverse("audits:export_findings", args=["csv"]), {"person": TOO_LARGE})

    assert response.status_code == 400
    assert response.content.decode() == f"Cannot export: person: {REASON}"


def test_an_id_beyond_64_bits_is_refused_by_the_findings_api(auditor_client):
    response = auditor_client.get("/api/findings/", {"person": TOO_LARGE})

    assert response.status_code == 400
    assert response.json() == {"person": [REASON]}


def test_the_largest_id_is_a_filter_that_finds_nothing(auditor_client):
    response = auditor_client.get(reverse("audits:findings"), {"person": str(2**63 - 1)})

    assert response.status_code == 200
    assert response.context["page"].paginator.count == 0


def test_too_many_parameters_are_refused_with_the_reason(auditor_client, settings):
    query = "&".join(f"p{i}=1" for i in range(2000))

    response = auditor_client.get(f"{reverse('audits:findings')}?{query}")

    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == (
        f"Too many parameters: at most {settings.DATA_UPLOAD_MAX_NUMBER_FIELDS} are accepted."
    )
