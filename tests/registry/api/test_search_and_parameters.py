"""`?search=` on the public lists, 400 for a parameter an endpoint does not read, and the browsable docs."""

import pytest

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return [row.get("name") or row.get("title") for row in response.json()["results"]]


def test_search_forgives_typos_on_each_list(api, scenario):
    assert names(api.get("/api/people/", {"search": "ann exampel"})) == ["Ann Example"]
    assert names(api.get("/api/organizations/", {"search": "acme"})) == ["Acme Pharma"]
    assert names(api.get("/api/organizations/", {"search": "beta clinic"})) == ["Beta Clinics"]
    assert names(api.get("/api/articles/", {"search": "ketamin"})) == ["Ketamine for depression: a trial"]


def test_search_combines_with_filters(api, scenario):
    assert names(api.get("/api/articles/", {"search": "ketamine", "journal": "Other"})) == []
    assert names(api.get("/api/articles/", {"search": "ketamine", "journal": "journal of tests"})) == [
        "Ketamine for depression: a trial"
    ]


def test_an_empty_search_keeps_the_whole_list(api, scenario):
    assert api.get("/api/people/", {"search": "  "}).json()["count"] == 2


@pytest.mark.parametrize(
    ("url", "unknown"),
    [
        ("/api/articles/?jornal=x", "jornal"),
        ("/api/people/?name=ann&q=ann", "q"),
        ("/api/organizations/?b=1&a=2", "a, b"),
    ],
)
def test_an_unknown_parameter_is_a_400_naming_it(api, scenario, url, unknown):
    response = api.get(url)
    assert response.status_code == 400
    plural = "s" if "," in unknown else ""
    assert response.json()["detail"] == f"Unknown query parameter{plural}: {unknown}."


def test_the_400_lists_what_the_endpoint_reads(api, scenario):
    assert api.get("/api/articles/?x=1").json()["allowed"] == [
        "doi",
        "format",
        "journal",
        "page",
        "page_size",
        "published_after",
        "published_before",
        "search",
        "topic",
    ]


def test_a_detail_reads_no_filters(api, scenario):
    assert api.get(f"/api/people/{scenario.ann.pk}/", {"name": "ann"}).status_code == 400
    assert api.get(f"/api/people/{scenario.ann.pk}/", {"format": "json"}).status_code == 200


def test_known_parameters_still_work(api, scenario):
    response = api.get("/api/articles/", {"published_after": "2000-01-01", "page": "1", "page_size": "5"})
    assert response.status_code == 200


@pytest.mark.parametrize(("url", "marker"), [("/api/docs/", "swagger-ui"), ("/api/redoc/", "redoc")])
def test_docs_are_served_from_our_own_static_files(client, url, marker):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert marker in html
    assert "cdn." not in html and "unpkg" not in html
    assert "/static/drf_spectacular_sidecar/" in html


def test_the_schema_lists_error_responses(client):
    schema = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()
    assert set(schema["paths"]["/api/articles/"]["get"]["responses"]) == {"200", "400", "429"}  # 429: the API throttles
    assert set(schema["paths"]["/api/people/{id}/"]["get"]["responses"]) == {"200", "400", "404", "429"}
    assert {"401", "403"} <= set(schema["paths"]["/api/findings/"]["get"]["responses"])
    parameters = {p["name"] for p in schema["paths"]["/api/people/"]["get"]["parameters"]}
    assert parameters == {"name", "orcid", "search", "page", "page_size"}
    assert "Error" in schema["components"]["schemas"]
