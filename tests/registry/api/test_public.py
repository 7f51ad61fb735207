"""The public endpoints: what they show of published articles, people and organizations, and their filters."""

import pytest

from tests.factories import ArticleFactory, AuthorshipFactory, PersonFactory, TopicFactory

pytestmark = pytest.mark.django_db


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_article_detail_lists_authors_in_order_with_their_disclosures(api, scenario):
    body = api.get(f"/api/articles/{scenario.published.pk}/").json()

    assert body["doi"] == "10.5555/reader.1"
    assert body["topics"] == ["Depression", "Ketamine"]
    assert body["funders"] == [
        {"organization": {"id": scenario.gamma.pk, "name": "Gamma Foundation"}, "award_id": "G-42"}
    ]
    ann, bob = body["authors"]
    assert (ann["position"], ann["person"]) == (
        1,
        {"id": scenario.ann.pk, "name": "Ann Example", "orcid": "0000-0002-1825-0097"},
    )
    assert ann["disclosure"]["status"] == "corrected"
    assert ann["disclosure"]["interests"] == [
        {
            "category": "consulting",
            "payee": "self",
            "organization": {"id": scenario.acme.pk, "name": "Acme Pharma"},
            "name_as_declared": "Acme",
            "specification": "consultancy fees",
            "start_date": "2022-01-01",
            "end_date": None,
            "ongoing": True,
        },
        {
            "category": "stock",
            "payee": "self",
            "organization": {"id": scenario.beta.pk, "name": "Beta Clinics"},
            "name_as_declared": "Beta Clinics",
            "specification": "shares in a clinic",
            "start_date": None,
            "end_date": None,
            "ongoing": False,
        },
    ]
    assert bob["position"] == 2
    assert bob["disclosure"]["declares_none"] is True
    assert bob["disclosure"]["interests"] == []


def test_an_author_without_a_disclosure_on_file_has_none(api, db):
    authorship = AuthorshipFactory()

    body = api.get(f"/api/articles/{authorship.article_id}/").json()

    assert body["authors"][0]["disclosure"] is None


def test_articles_list_newest_first_and_paginated(api, scenario):
    response = api.get("/api/articles/", {"page_size": 1})

    body = response.json()
    assert body["count"] == 2
    assert [row["id"] for row in body["results"]] == [scenario.published.pk]
    assert body["next"].endswith("page=2&page_size=1")


def test_page_size_has_a_ceiling(api, db):
    ArticleFactory.create_batch(3)

    body = api.get("/api/articles/", {"page_size": 100000}).json()

    assert len(body["results"]) == 3  # capped at 200, not refused


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"doi": "10.5555/reader.1"}, ["published"]),
        ({"doi": "https://doi.org/10.5555/READER.1"}, ["published"]),
        ({"doi": "not a doi"}, []),
        ({"journal": "journal of tests"}, ["published"]),
        ({"published_after": "2022-01-01"}, ["published"]),
        ({"published_before": "2022-01-01"}, ["earlier"]),
        ({"published_after": "2021-05-01", "published_before": "2024-02-01"}, ["published", "earlier"]),
        ({"topic": "ketamine"}, ["published"]),
        ({"topic": "Esketamine"}, ["published"]),  # a synonym
        ({"topic": "MDMA"}, []),
    ],
)
def test_article_filters(api, scenario, params, expected):
    ketamine = scenario.published.topics.get(name="Ketamine")
    ketamine.synonyms.create(name="Esketamine")
    scenario.draft.topics.add(TopicFactory(name="MDMA"))

    assert ids(api.get("/api/articles/", params)) == [getattr(scenario, name).pk for name in expected]


def test_a_bad_date_filter_is_a_400(api, scenario):
    response = api.get("/api/articles/", {"published_after": "yesterday"})

    assert response.status_code == 400
    assert response.json() == {"published": ["Enter a valid date."]}


def test_people_list_only_authors_of_published_articles(api, scenario):
    PersonFactory(name="Nora Notauthor")

    assert ids(api.get("/api/people/")) == [scenario.ann.pk, scenario.bob.pk]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"orcid": "0000-0002-1825-0097"}, ["ann"]),
        ({"orcid": "https://orcid.org/0000-0002-1825-0097"}, ["ann"]),
        ({"orcid": "0000-0000-0000-0000"}, []),
        ({"name": "example ann"}, ["ann"]),
        ({"name": "NOBODY"}, ["bob"]),
        ({"name": "..."}, []),
    ],
)
def test_people_filters(api, scenario, params, expected):
    assert ids(api.get("/api/people/", params)) == [getattr(scenario, name).pk for name in expected]


def test_person_detail_lists_published_articles_and_declared_interests(api, scenario):
    body = api.get(f"/api/people/{scenario.ann.pk}/").json()

    assert [(row["id"], row["position"]) for row in body["articles"]] == [
        (scenario.published.pk, 1),
        (scenario.earlier.pk, 1),
    ]
    assert [(row["category"], row["organization"]["name"]) for row in body["interests"]] == [
        ("consulting", "Acme Pharma"),
        ("stock", "Beta Clinics"),
    ]


def test_organizations_list_only_public_ones(api, scenario):
    # Acme and Beta are declared on the published article, Gamma funds it; University of Oslo is
    # only an affiliation, Secret Pharma only declared on the draft, Register Co only imported.
    names = [row["name"] for row in api.get("/api/organizations/").json()["results"]]

    assert names == ["Acme Pharma", "Beta Clinics", "Gamma Foundation"]


def test_organization_detail(api, scenario):
    body = api.get(f"/api/organizations/{scenario.acme.pk}/").json()

    assert body == {
        "id": scenario.acme.pk,
        "name": "Acme Pharma",
        "kind": "company",
        "country": "US",
        "ror_id": "05gq02987",
        "aliases": ["Acme"],
    }


@pytest.mark.parametrize(("query", "expected"), [("acme", ["Acme Pharma"]), ("clinics beta", ["Beta Clinics"])])
def test_organizations_by_name_or_alias(api, scenario, query, expected):
    scenario.beta.aliases.create(name="BC Group")

    names = [row["name"] for row in api.get("/api/organizations/", {"name": query}).json()["results"]]

    assert names == expected


def test_public_endpoints_refuse_writes(api, scenario, editor_user):
    api.force_authenticate(editor_user)

    assert api.post("/api/articles/", {"title": "New"}).status_code == 405
    assert api.delete(f"/api/people/{scenario.ann.pk}/").status_code == 405
