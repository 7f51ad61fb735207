"""Nothing unpublished or private reaches a public API response: not in lists, details, filters or searches."""

import datetime

import pytest

from registry.api.pagination import forget_compiled
from registry.enums import ArticleStatus, EditorialRoleKind
from registry.models import EditorialRole, PersonName
from tests.factories import ArticleFactory, PersonFactory
from tests.registry.scenario import NEVER_PUBLIC, force_public_flags

pytestmark = pytest.mark.django_db

# Keys of private fields: none may appear anywhere in a public answer, at any depth.
PRIVATE_KEYS = {
    "amount",
    "currency",
    "provenance",
    "provenance_detail",
    "email",
    "npi",
    "open_payments_profile_id",
    "name_variants",
    "editorial_roles",
    "status_note",
    "text_as_written",
    "findings",
    "summary",
    "evidence",
}

# Besides the scenario's: a name variant and a reviewer, both private.
ALSO_NEVER_PUBLIC = ["A. Hiddenvariant", "Rita Reviewer"]


@pytest.fixture
def private_extras(scenario):
    PersonName.objects.create(person=scenario.ann, name="A. Hiddenvariant")
    rita = PersonFactory(name="Rita Reviewer")
    EditorialRole.objects.create(
        article=scenario.published, person=rita, role=EditorialRoleKind.REVIEWER, assigned_on=datetime.date(2024, 1, 2)
    )
    return rita


def keys_of(value) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in keys_of(item)}
    if isinstance(value, list):
        return {key for item in value for key in keys_of(item)}
    return set()


def public_urls(s, rita) -> list[str]:
    """Every public list, detail and filter, including those that would find the draft if it leaked."""
    return [
        "/api/articles/",
        f"/api/articles/{s.published.pk}/",
        f"/api/articles/{s.earlier.pk}/",
        "/api/articles/?doi=10.5555/reader.draft",
        "/api/articles/?journal=Test%20Journal",
        "/api/articles/?published_after=1900-01-01",
        "/api/people/",
        f"/api/people/{s.ann.pk}/",
        f"/api/people/{s.bob.pk}/",
        "/api/people/?name=dan",
        "/api/people/?name=rita",
        "/api/people/?name=hiddenvariant",
        "/api/organizations/",
        f"/api/organizations/{s.acme.pk}/",
        f"/api/organizations/{s.beta.pk}/",
        f"/api/organizations/{s.gamma.pk}/",
        "/api/organizations/?name=secret",
        "/api/organizations/?name=register",
        *SEARCHES_FINDING_NOTHING,
    ]


# `?search=` reads statements, topics and forgives typos: none of those paths may reach a draft.
SEARCHES_FINDING_NOTHING = [
    "/api/articles/?search=unpublished%20draft",
    "/api/articles/?search=unpublishd",
    "/api/articles/?search=10.5555/reader.draft",
    "/api/people/?search=draftonly",
    "/api/people/?search=draftonlu",
    "/api/people/?search=hiddenvariant",
    "/api/people/?search=rita",
    "/api/organizations/?search=secret%20pharma",
    "/api/organizations/?search=secrat",
    "/api/organizations/?search=register%20co",
]


@pytest.mark.parametrize("forced", [False, True], ids=["as kept", "flags forced"])
def test_no_public_answer_holds_anything_unpublished_or_private(api, scenario, private_extras, forced):
    if forced:
        force_public_flags(scenario)
    for url in public_urls(scenario, private_extras):
        response = api.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        leaked = [word for word in [*NEVER_PUBLIC, *ALSO_NEVER_PUBLIC] if word in text]
        assert leaked == [], url
        assert keys_of(response.json()) & PRIVATE_KEYS == set(), url


def test_filters_that_would_find_only_unpublished_records_find_nothing(api, scenario, private_extras):
    for url in [
        "/api/articles/?doi=10.5555/reader.draft",
        "/api/people/?name=dan",
        "/api/people/?name=rita",
        "/api/people/?name=hiddenvariant",
        "/api/organizations/?name=secret",
        "/api/organizations/?name=register",
        *SEARCHES_FINDING_NOTHING,
    ]:
        assert api.get(url).json()["count"] == 0, url


def test_unpublished_and_private_records_have_no_detail(api, scenario, private_extras):
    for url in [
        f"/api/articles/{scenario.draft.pk}/",
        f"/api/people/{scenario.dan.pk}/",
        f"/api/people/{private_extras.pk}/",
        f"/api/organizations/{scenario.secret.pk}/",
        f"/api/organizations/{scenario.register_co.pk}/",
    ]:
        assert api.get(url).status_code == 404, url


def test_a_tie_declared_on_a_draft_and_a_published_article_shows_only_the_published_declaration(api, scenario):
    # Ann declares Acme consulting on the draft too: her published articles list it, the draft never.
    body = api.get(f"/api/people/{scenario.ann.pk}/").json()

    assert [row["id"] for row in body["articles"]] == [scenario.published.pk, scenario.earlier.pk]
    assert "Secret Pharma" not in str(body["interests"])


def test_editors_and_auditors_read_the_public_api_as_the_public_does(api, scenario, editor_user, auditor_user):
    # Drafts and private fields are for the admin and the auditor pages, not for the public API.
    for user in (editor_user, auditor_user):
        api.force_authenticate(user)
        assert api.get(f"/api/articles/{scenario.draft.pk}/").status_code == 404
        assert [row["id"] for row in api.get("/api/articles/").json()["results"]] == [
            scenario.published.pk,
            scenario.earlier.pk,
        ]


def test_the_article_list_compiled_once_shows_no_draft_or_withdrawn_article(api, django_assert_num_queries):
    """The unfiltered list runs SQL compiled on its first page and kept for the process: articles that are
    not published, added or unpublished after it was compiled, stay out of every page and of the count."""
    forget_compiled()
    shown = ArticleFactory(title="Shown")
    assert [article["title"] for article in api.get("/api/articles/").json()["results"]] == ["Shown"]
    newest = datetime.date.today()
    ArticleFactory(title="Draft after", status=ArticleStatus.DRAFT, published_date=newest)
    withdrawn = ArticleFactory(title="Withdrawn after", published_date=newest)
    withdrawn.status = ArticleStatus.WITHDRAWN
    withdrawn.save()

    for url in ["/api/articles/", "/api/articles/?page_size=1", "/api/articles/?page_size=200"]:
        with django_assert_num_queries(1):
            listed = api.get(url).json()
        assert (listed["count"], [article["id"] for article in listed["results"]]) == (1, [shown.pk]), url
    assert api.get("/api/articles/?page=2&page_size=1").status_code == 404
