"""The editors' admin: every page renders for an editor, refuses the public, and lists in a
constant number of queries."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from registry.enums import DisclosureStatus
from tests import factories
from tests.factories import (
    AffiliationFactory,
    ArticleFactory,
    AuthorshipFactory,
    DeclaredInterestFactory,
    DisclosureFactory,
    InterestFactory,
    OrganizationAliasFactory,
    OrganizationFactory,
    PersonFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db

MODELS = {
    "person": PersonFactory,
    "organization": OrganizationFactory,
    "topic": TopicFactory,
    "affiliation": AffiliationFactory,
    "article": ArticleFactory,
    "authorship": AuthorshipFactory,
    "disclosure": DisclosureFactory,
    "interest": InterestFactory,
}


def admin_url(model: str, view: str, *args) -> str:
    return reverse(f"admin:registry_{model}_{view}", args=args)


@pytest.mark.parametrize("model", MODELS)
def test_editor_opens_list_add_change_and_history_pages_of_each_record(editor_client, model):
    obj = MODELS[model]()
    name, shown = obj._meta.verbose_name, escape(str(obj))
    # Records with a change history have django-simple-history's page; a topic has Django's own.
    history = "View history" if hasattr(type(obj), "history") else "Change history"
    pages = {
        admin_url(model, "changelist"): [f"Select {name} to change", shown],
        admin_url(model, "add"): [f"Add {name}"],
        admin_url(model, "change", obj.pk): [f"Change {name}", shown],
        admin_url(model, "history", obj.pk): [f"{history}: {shown}"],
    }
    for url, expected in pages.items():
        response = editor_client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        for text in expected:
            assert text in content, (url, text)


@pytest.mark.parametrize("model", MODELS)
def test_anonymous_user_is_sent_to_the_login_page(client, model):
    obj = MODELS[model]()
    for url in [admin_url(model, "changelist"), admin_url(model, "change", obj.pk)]:
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("admin:login"))


def test_staff_without_a_role_sees_no_registry_records(client):
    client.force_login(factories.UserFactory(is_staff=True))
    assert client.get(admin_url("person", "changelist")).status_code == 403


def test_auditor_may_read_but_not_change_the_registry(client, auditor_user):
    person = PersonFactory()
    client.force_login(auditor_user)
    assert client.get(admin_url("person", "change", person.pk)).status_code == 200
    assert client.get(admin_url("person", "add")).status_code == 403
    response = client.post(admin_url("person", "change", person.pk), {"name": "Renamed"})
    assert response.status_code == 403
    person.refresh_from_db()
    assert person.name != "Renamed"


def test_editor_records_a_person_with_a_validated_orcid(editor_client):
    data = {
        "name": "Josiah Carberry",
        "orcid": "https://orcid.org/0000-0002-1825-0098",
        "name_variants-TOTAL_FORMS": "0",
        "name_variants-INITIAL_FORMS": "0",
        "affiliations-TOTAL_FORMS": "0",
        "affiliations-INITIAL_FORMS": "0",
        "interests-TOTAL_FORMS": "0",
        "interests-INITIAL_FORMS": "0",
    }
    response = editor_client.post(admin_url("person", "add"), data)
    assert response.status_code == 200
    assert "its check digit is 8 but should be 7" in response.content.decode()
    data["orcid"] = "https://orcid.org/0000-0002-1825-0097"
    response = editor_client.post(admin_url("person", "add"), data)
    assert response.status_code == 302
    from registry.models import Person

    person = Person.objects.get(name="Josiah Carberry")
    assert person.orcid == "0000-0002-1825-0097"
    assert person.history.get().history_user.username == "editor"


def test_correcting_a_published_disclosure_needs_a_reason(editor_client):
    disclosure = DisclosureFactory(statement="No competing interests.", declares_none=True)
    data = {
        "authorship": disclosure.authorship_id,
        "statement": "Consulting fees from Acme.",
        "form": "free_text",
        "declares_none": "",
        "status": DisclosureStatus.ACTIVE,
        "status_note": "",
        "change_reason": "",
        "declared_interests-TOTAL_FORMS": "0",
        "declared_interests-INITIAL_FORMS": "0",
    }
    url = admin_url("disclosure", "change", disclosure.pk)
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "This disclosure belongs to a published article: say why it is corrected." in response.content.decode()
    disclosure.refresh_from_db()
    assert disclosure.statement == "No competing interests."

    data["change_reason"] = "Author reported an omitted consultancy."
    assert editor_client.post(url, data).status_code == 302
    disclosure.refresh_from_db()
    assert disclosure.statement == "Consulting fees from Acme."
    assert disclosure.status == DisclosureStatus.CORRECTED
    assert list(disclosure.history.values_list("history_change_reason", flat=True)[:2]) == [
        "Corrected: Author reported an omitted consultancy.",
        "Edited by an editor: Author reported an omitted consultancy.",
    ]
    assert disclosure.history.last().statement == "No competing interests."


def test_article_list_shows_disclosure_status(editor_client):
    article = ArticleFactory()
    DisclosureFactory(authorship=AuthorshipFactory(article=article, position=1))
    AuthorshipFactory(article=article, position=2)
    response = editor_client.get(admin_url("article", "changelist"))
    assert "1 of 2 (1 declare nothing)" in response.content.decode()
    missing = editor_client.get(admin_url("article", "changelist") + "?disclosures=missing")
    assert article.title in missing.content.decode()
    complete = editor_client.get(admin_url("article", "changelist") + "?disclosures=complete")
    assert article.title not in complete.content.decode()


def test_article_page_shows_each_authors_disclosure_side_by_side(editor_client):
    declared = DeclaredInterestFactory(interest__organization__name="Acme Pharma")
    article = declared.disclosure.authorship.article
    AuthorshipFactory(article=article, position=9, person__name="Silent Author")
    content = editor_client.get(admin_url("article", "change", article.pk)).content.decode()
    assert "Consulting fees: Acme Pharma" in content
    assert "No disclosure on file" in content


def test_organization_autocomplete_finds_by_alias(editor_client):
    bms = OrganizationFactory(name="Bristol-Myers Squibb")
    OrganizationAliasFactory(organization=bms, name="BMS")
    response = editor_client.get(
        reverse("admin:autocomplete"),
        {"term": "BMS", "app_label": "registry", "model_name": "interest", "field_name": "organization"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["Bristol-Myers Squibb"]


def several(factory, count: int) -> None:
    for _ in range(count):
        factory()


# Every changelist: session, user, the user's own and group permissions (4), then the rows' COUNT
# (twice where the full total is shown), the rows, and what the list's filters and columns need.
CHANGELIST_QUERIES = {
    "person": (PersonFactory, 6),  # 4 + count + rows with article/interest counts annotated
    "organization": (OrganizationFactory, 10),  # 4 + topics filter + 2 counts + rows + aliases + countries
    "topic": (TopicFactory, 8),  # 4 + 2 counts + rows with organization counts + synonyms
    "affiliation": (AffiliationFactory, 10),  # 4 + 2 counts + rows + date hierarchy (2) + countries
    "article": (ArticleFactory, 10),  # 4 + topics filter + count + rows + date hierarchy (2) + journals
    "authorship": (AuthorshipFactory, 6),  # 4 + count + rows with person and article joined
    "disclosure": (DisclosureFactory, 6),  # 4 + count + rows with author, article, interest count
    "interest": (InterestFactory, 8),  # 4 + count + rows + date hierarchy (2)
}


@pytest.mark.parametrize("model", CHANGELIST_QUERIES)
def test_changelist_queries_do_not_grow_with_rows(editor_client, django_assert_num_queries, model):
    factory, expected = CHANGELIST_QUERIES[model]
    factory()
    with django_assert_num_queries(expected):
        assert editor_client.get(admin_url(model, "changelist")).status_code == 200
    several(factory, 5)
    with django_assert_num_queries(expected):
        assert editor_client.get(admin_url(model, "changelist")).status_code == 200
