"""/api/articles/ from the JSON kept for each article (registry/api/stored_json.py): every page, filter
and search gives the bytes the serializer path writes, before and after the texts are stored, and after
every kind of write that changes what an article shows; unpublished and private data never appear."""

import datetime
import json
import threading

import pytest
from django.db import connection, connections, transaction
from rest_framework.authtoken.models import Token
from rest_framework.renderers import JSONRenderer

from registry.api import stored_json
from registry.api.serializers import ArticleSerializer
from registry.bulk_merges import PlannedMerge, merge_people_in_bulk
from registry.enums import ArticleStatus, DisclosureStatus
from registry.identity.org_merges import merge_organizations
from registry.importers import import_jats_paths
from registry.importers.pubmed.dispatch import import_pubmed_paths
from registry.merges import merge_people
from registry.models import (
    Article,
    ArticleFunding,
    ArticleJson,
    Authorship,
    DeclaredInterest,
    Interest,
    Organization,
    Person,
    Topic,
)
from registry.services import change_disclosure_status, remove_article
from tests import factories
from tests.helpers import DATA

pytestmark = pytest.mark.django_db

REASON = "Test"
SECRET = "DRAFT-ONLY-SECRET"
TRICKY = 'Tab\there, "quoted" \\ back\nnew line \x01 \u2028 é 中文 \U0001f600 </script>'
# Every filter and search the list reads, and pages of several sizes.
QUERIES = [
    "",
    "?page_size=2",
    "?page_size=2&page=2",
    "?page_size=2&page=3",
    "?page_size=200",
    "?journal=test%20journal",
    "?published_after=2026-01-01&published_before=2026-02-01",
    "?topic=oncology",
    "?doi=10.5555/varied.1",
    "?search=varied",
    "?search=10.5555/varied.3",
]


@pytest.fixture
def varied():
    """Published articles with topics, funders, authors with and without disclosures, withdrawn and
    corrected disclosures, ties resolved or not, awkward text; a draft and a withdrawn article holding
    private data and a secret marker; people with private email and NPI."""
    oncology, anatomy = factories.TopicFactory(name="oncology"), factories.TopicFactory(name="Anatomy")
    zeta, acme = factories.OrganizationFactory(name="Zeta Pharma"), factories.OrganizationFactory(name="Acme Trust")
    articles = []
    for n in range(5):
        article = factories.ArticleFactory(
            doi=f"10.5555/varied.{n}",
            title=f"Varied {n} {TRICKY if n == 1 else ''}",
            published_date=datetime.date(2026, 1 + n % 3, 10),
            funding_statement=TRICKY if n == 2 else "",
        )
        article.topics.add(*([oncology, anatomy] if n % 2 else [anatomy]))
        author = factories.PersonFactory(email=f"private{n}@example.org", orcid="0000-0002-1825-0097" if n == 0 else "")
        first = factories.AuthorshipFactory(article=article, person=author, position=1, corresponding=n == 0)
        disclosure = factories.DisclosureFactory(authorship=first, declares_none=False, statement=f"Ties {n}.")
        for category, organization in [("consulting", zeta), ("stock", None), ("grant", acme)][: 1 + n % 3]:
            factories.DeclaredInterestFactory(
                disclosure=disclosure,
                interest__person=author,
                interest__category=category,
                interest__organization=organization,
                interest__organization_name=organization.name if organization else "A small foundation",
                interest__specification=TRICKY if n == 3 else "",
            )
        factories.AuthorshipFactory(article=article, position=2)  # no disclosure on file
        if n == 4:
            change_disclosure_status(actor=None, disclosure=disclosure, status=DisclosureStatus.WITHDRAWN, note=SECRET)
        ArticleFunding.objects.create(article=article, organization=acme if n % 2 else zeta, award_id=f"A-{n}")
        articles.append(article)
    hidden = []
    for status in (ArticleStatus.DRAFT, ArticleStatus.WITHDRAWN):
        draft = factories.ArticleFactory(title=f"{SECRET} {status}", status=status)
        declared = factories.DeclaredInterestFactory(
            disclosure__authorship__article=draft,
            disclosure__statement=SECRET,
            interest__organization=factories.OrganizationFactory(name=f"{SECRET} company"),
            interest__organization_name=f"{SECRET} company",
        )
        Person.objects.filter(pk=declared.interest.person_id).update(name=f"{SECRET} person")
        hidden.append(draft)
    return {"articles": articles, "hidden": hidden, "zeta": zeta, "acme": acme, "oncology": oncology}


def expected(body: dict) -> bytes:
    """The page as the serializer path writes it: the same count and links, each article serialized
    from its instance."""
    return JSONRenderer().render(
        {
            **{key: body[key] for key in ("count", "next", "previous")},
            "results": [ArticleSerializer(Article.objects.get(pk=row["id"])).data for row in body["results"]],
        }
    )


def served(api, query: str = "?page_size=200") -> dict:
    response = api.get(f"/api/articles/{query}")
    assert response.status_code == 200, response.content
    body = response.json()
    assert response.content == expected(body)
    assert SECRET not in response.content.decode()
    assert "@example.org" not in response.content.decode()
    return body


def stale_ids() -> set[int]:
    return set(ArticleJson.objects.filter(text__isnull=True).values_list("article_id", flat=True))


def shown_and_stored(api) -> dict:
    """The whole list as the serializer writes it, every published article's text stored after it, and
    none of them different from its data."""
    body = served(api)
    published = set(Article.objects.published().values_list("pk", flat=True))
    assert {row["id"] for row in body["results"]} == published
    assert not stale_ids() & published
    assert stored_json.stored_drift() == []
    return body


def test_every_page_filter_and_search_is_what_the_serializer_writes_stale_and_stored(api, varied):
    for query in QUERIES:
        ArticleJson.objects.update(text=None)
        first = served(api, query)
        assert first["results"], query
        assert api.get(f"/api/articles/{query}").content == expected(first)  # from the stored texts
    assert served(api, "?topic=oncology")["count"] == 2
    assert served(api, "?doi=10.5555/varied.1")["count"] == 1
    assert stored_json.stored_drift() == []


def test_the_list_is_the_same_for_every_role_and_never_shows_unpublished_records(
    api, varied, editor_user, auditor_user
):
    anonymous = api.get("/api/articles/?page_size=200").content
    hidden = {article.pk for article in varied["hidden"]}
    assert not hidden & {row["id"] for row in json.loads(anonymous)["results"]}
    # The hidden articles' texts, even if stored, are never read by the list.
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {stored_json.TABLE} SET text = {stored_json._built(connection.vendor)}, shape = %s "
            f"WHERE article_id IN ({', '.join(['%s'] * len(hidden))})",
            [stored_json.shape(connection.vendor), *hidden],
        )
    assert ArticleJson.objects.filter(pk__in=hidden, text__contains=SECRET).count() == 2
    for user in (editor_user, auditor_user):
        api.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
        assert api.get("/api/articles/?page_size=200").content == anonymous
        api.credentials()
    assert api.get("/api/articles/?page_size=200").content == anonymous
    assert SECRET not in anonymous.decode()


def test_a_page_costs_one_query_stored_and_two_stale(api, varied, django_assert_num_queries):
    ArticleJson.objects.update(text=None)
    # 1 the page's ids with their stored texts and the count, 2 the stale ones built, stored and returned.
    with django_assert_num_queries(2):
        api.get("/api/articles/?page_size=2")
    with django_assert_num_queries(1):
        api.get("/api/articles/?page_size=2")
    # Past the end, or no page number: the count first, as Django's paginator does.
    with django_assert_num_queries(2):
        assert api.get("/api/articles/?page_size=2&page=4").status_code == 404
    with django_assert_num_queries(3):  # the count, the page, its stale texts
        assert api.get("/api/articles/?page_size=2&page=last").json()["count"] == 5


def test_a_text_of_another_shape_is_rebuilt(api, varied):
    served(api)
    ArticleJson.objects.update(shape="older")
    body = served(api)
    assert set(
        ArticleJson.objects.filter(article_id__in=[r["id"] for r in body["results"]]).values_list("shape", flat=True)
    ) == {stored_json.shape(connection.vendor)}


def _edit_article(v):
    article = v["articles"][0]
    article.title = "A new title"
    article.save()


def _update_articles(v):
    Article.objects.filter(pk=v["articles"][1].pk).update(
        journal="Another Journal", received_date=datetime.date(2025, 1, 1)
    )


def _rename_topic(v):
    Topic.objects.filter(pk=v["oncology"].pk).update(name="Cancer")


def _topics_added_and_removed(v):
    v["articles"][0].topics.add(v["oncology"])
    v["articles"][1].topics.remove(v["oncology"])


def _rename_organization(v):
    v["zeta"].name = "Zeta Pharmaceuticals"
    v["zeta"].save()


def _rename_organization_in_raw_sql(v):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE registry_organization SET name = %s WHERE id = %s", ["Acme Foundation", v["acme"].pk])


def _merge_organizations(v):
    merge_organizations(
        actor=None, keep=factories.OrganizationFactory(name="Kept Company"), merge=v["zeta"], reason=REASON
    )


def _funding_added_changed_removed(v):
    ArticleFunding.objects.create(article=v["articles"][0], organization=v["acme"], award_id="NEW")
    ArticleFunding.objects.filter(article=v["articles"][1]).update(award_id="CHANGED")
    ArticleFunding.objects.filter(article=v["articles"][2]).delete()


def _rename_person(v):
    person = Authorship.objects.filter(article=v["articles"][0]).first().person
    person.name = "Renamed Person"
    person.orcid = "0000-0001-5109-3700"
    person.save()


def _merge_people(v):
    author = Authorship.objects.get(article=v["articles"][0], position=1).person
    merge_people(actor=None, keep=factories.PersonFactory(name="Kept Person"), merge=author, reason=REASON)


def _merge_people_in_bulk(v):
    author = Authorship.objects.get(article=v["articles"][1], position=2).person
    kept = factories.PersonFactory(name="Kept In Bulk", orcid="0000-0001-5109-3700")
    assert merge_people_in_bulk(actor=None, merges=[PlannedMerge(keep=kept.pk, merge=author.pk)], reason=REASON) == {}


def _authorship_edited_added_removed(v):
    Authorship.objects.filter(article=v["articles"][0], position=2).update(
        name_as_printed="J. Printed", corresponding=True
    )
    factories.AuthorshipFactory(article=v["articles"][1], position=3)
    Authorship.objects.filter(article=v["articles"][2], position=2).delete()


def _disclosure_withdrawn_and_corrected(v):
    first = Authorship.objects.get(article=v["articles"][0], position=1).disclosure
    change_disclosure_status(actor=None, disclosure=first, status=DisclosureStatus.WITHDRAWN, note="Wrong paper")
    second = Authorship.objects.get(article=v["articles"][1], position=1).disclosure
    second.statement = "Corrected statement."
    second.save()


def _declarations_added_and_removed(v):
    disclosure = Authorship.objects.get(article=v["articles"][0], position=1).disclosure
    factories.DeclaredInterestFactory(
        disclosure=disclosure, interest__category="patents", interest__organization_name="Omega"
    )
    DeclaredInterest.objects.filter(disclosure__authorship__article=v["articles"][2]).first().delete()


def _interests_edited_and_repointed(v):
    Interest.objects.filter(organization=v["zeta"]).update(specification="Edited", ongoing=True)
    Interest.objects.filter(organization=v["acme"]).update(organization=None, organization_name="Unresolved")


def _unpublished_then_published_again(v):
    Article.objects.filter(pk=v["articles"][0].pk).update(status=ArticleStatus.DRAFT)
    draft = factories.ArticleFactory(status=ArticleStatus.DRAFT, title="Now public")
    factories.DeclaredInterestFactory(disclosure__authorship__article=draft, interest__organization=v["zeta"])
    ArticleJson.objects.filter(pk=draft.pk).update(
        text='{"stored": "while a draft"}', shape=stored_json.shape(connection.vendor)
    )
    Article.objects.filter(pk=draft.pk).update(status=ArticleStatus.PUBLISHED)


def _deleted(v):
    remove_article(actor=None, article=v["articles"][3], reason=REASON)
    Article.objects.filter(pk=v["articles"][4].pk).delete()


WRITES = [
    _edit_article,
    _update_articles,
    _rename_topic,
    _topics_added_and_removed,
    _rename_organization,
    _rename_organization_in_raw_sql,
    _merge_organizations,
    _funding_added_changed_removed,
    _rename_person,
    _merge_people,
    _merge_people_in_bulk,
    _authorship_edited_added_removed,
    _disclosure_withdrawn_and_corrected,
    _declarations_added_and_removed,
    _interests_edited_and_repointed,
    _unpublished_then_published_again,
    _deleted,
]


@pytest.mark.parametrize("write", WRITES, ids=[write.__name__.strip("_") for write in WRITES])
def test_every_write_makes_what_it_changes_stale(api, varied, write):
    before = shown_and_stored(api)
    write(varied)
    after = shown_and_stored(api)
    assert after != before
    # Nothing left stored but what the data gives, deleted articles' rows gone.
    assert set(ArticleJson.objects.values_list("article_id", flat=True)) == set(
        Article.objects.values_list("pk", flat=True)
    )


def test_an_import_and_a_reimport_are_shown_as_they_are(api, jats_file=DATA / "jats" / "journal.pcbi.1004113.xml"):
    import_jats_paths([jats_file])
    shown = shown_and_stored(api)
    article = Article.objects.get()
    Article.objects.filter(pk=article.pk).update(title="Edited by hand")
    Organization.objects.filter(pk__in=Interest.objects.values("organization")).update(name="Renamed")
    assert "Edited by hand" in json.dumps(shown_and_stored(api))
    import_jats_paths([jats_file])  # the file's title again
    assert shown_and_stored(api)["results"][0]["title"] == shown["results"][0]["title"]


def test_a_pubmed_import_is_shown_as_it_is(api):
    served(api)
    summary = import_pubmed_paths([DATA / "pubmed" / "pubmed26n0002-sample.xml.gz"], workers=False)
    assert summary.failures == [] and summary.records > 0
    assert len(shown_and_stored(api)["results"]) > 0


def test_a_text_built_before_a_change_is_not_stored(varied):
    """The rebuild stores a text only where the row's version is the one the page read: a change between
    the page's read and the rebuild leaves it stale (served as built, rebuilt at the next read)."""
    article = varied["articles"][0]
    ArticleJson.objects.filter(pk=article.pk).update(text=None)
    read_version = ArticleJson.objects.get(pk=article.pk).version
    Article.objects.filter(pk=article.pk).update(title="Changed meanwhile")
    built = stored_json.rebuild({article.pk: read_version})
    assert json.loads(built[article.pk])["title"] == "Changed meanwhile"
    if connection.vendor == "postgresql":
        assert ArticleJson.objects.get(pk=article.pk).text is None
    # SQLite writes under its write lock with the newest data, so what it stores is the newest.
    assert stored_json.stored_drift() == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks: PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_a_page_neither_waits_for_nor_stores_over_a_writer_in_flight(api):
    article = factories.ArticleFactory(title="Before")
    author = factories.AuthorshipFactory(article=article, position=1)
    holding, release = threading.Event(), threading.Event()

    def writer():
        with transaction.atomic():
            Person.objects.filter(pk=author.person_id).update(name="Being renamed")
            holding.set()
            release.wait(10)
        connections.close_all()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert holding.wait(10)
        body = served(api)  # does not wait for the writer's lock
        assert body["results"][0]["authors"][0]["person"]["name"] == author.person.name
        assert ArticleJson.objects.get(pk=article.pk).text is None  # the writer holds it: left stale
    finally:
        release.set()
        thread.join()
    assert served(api)["results"][0]["authors"][0]["person"]["name"] == "Being renamed"
    assert stored_json.stored_drift() == []


def test_the_triggers_are_in_place_after_migrating():
    assert stored_json.installed()
