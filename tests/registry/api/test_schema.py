"""The OpenAPI schema generates without warnings and lists every endpoint."""

import pytest
import yaml
from django.core.management import call_command

pytestmark = pytest.mark.django_db

ENDPOINTS = {
    "/api/articles/": {"get"},
    "/api/articles/{id}/": {"get"},
    "/api/articles/{id}/disclosures/": {"post"},
    "/api/people/": {"get"},
    "/api/people/{id}/": {"get"},
    "/api/organizations/": {"get"},
    "/api/organizations/{id}/": {"get"},
    "/api/findings/": {"get"},
    "/api/findings/{id}/": {"get"},
}


def test_schema_validates_without_warnings_and_lists_the_endpoints(tmp_path):
    target = tmp_path / "schema.yaml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))

    schema = yaml.safe_load(target.read_text())
    assert {path: set(operations) for path, operations in schema["paths"].items()} == ENDPOINTS
    finding_filters = {p["name"] for p in schema["paths"]["/api/findings/"]["get"]["parameters"]}
    assert finding_filters == {
        "rule",
        "severity",
        "status",
        "presence",
        "article",
        "person",
        "organization",
        "person_name",
        "organization_name",
        "date_from",
        "date_to",
        "in_run",
        "page",
        "page_size",
    }


def test_schema_is_served(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == 200
    assert response.json()["info"]["title"] == "Conflict-of-interest registry API"
