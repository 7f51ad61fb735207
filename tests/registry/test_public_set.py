"""The flags kept by the database (registry/public_set.py): every write path that changes who or what
is public, or which articles declare ties, moves the flags with it, a flag cannot be written stale, and
`manage.py public_set` finds and repairs drift."""

import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections, transaction

from benchmark.pubmed import write_pubmed_file
from registry import public_set
from registry.bulk_merges import PlannedMerge, merge_people_in_bulk
from registry.enums import ArticleStatus, DisclosureStatus
from registry.identity.org_merges import merge_organizations
from registry.importers import import_jats_paths
from registry.importers.articles import writer
from registry.importers.pubmed.dispatch import import_pubmed_paths
from registry.merges import merge_people
from registry.models import (
    Article,
    ArticleFunding,
    Authorship,
    DeclaredInterest,
    Disclosure,
    Interest,
    Organization,
    Person,
)
from registry.services import change_disclosure_status, remove_article
from tests import factories
from tests.helpers import DATA

pytestmark = pytest.mark.django_db

REASON = "Test"


def flags(*records) -> list[bool]:
    return [type(record)._base_manager.values_list("is_public", flat=True).get(pk=record.pk) for record in records]


def public() -> tuple[set[int], set[int]]:
    return set(Person.objects.published().values_list("pk", flat=True)), set(
        Organization.objects.public().values_list("pk", flat=True)
    )


def draft_with_ties(status=ArticleStatus.DRAFT):
    """An article (a draft by default) whose author declares a tie to one company and that another funds."""
    authorship = factories.AuthorshipFactory(article__status=status)
    disclosure = factories.DisclosureFactory(authorship=authorship, declares_none=False)
    declared = factories.DeclaredInterestFactory(
        disclosure=disclosure, interest=factories.InterestFactory(person=authorship.person)
    )
    funder = factories.OrganizationFactory()
    ArticleFunding.objects.create(article=authorship.article, organization=funder)
    return authorship.article, authorship.person, declared.interest.organization, funder


def test_publishing_flags_the_authors_and_organizations_and_withdrawing_unflags_them():
    article, author, company, funder = draft_with_ties()
    assert flags(author, company, funder) == [False, False, False]

    article.status = ArticleStatus.PUBLISHED
    article.save()
    assert flags(author, company, funder) == [True, True, True]
    assert public() == ({author.pk}, {company.pk, funder.pk})

    article.status = ArticleStatus.WITHDRAWN
    article.save()
    assert flags(author, company, funder) == [False, False, False]
    assert public() == (set(), set())


def test_withdrawing_one_article_keeps_what_another_published_article_makes_public():
    article, author, company, funder = draft_with_ties(ArticleStatus.PUBLISHED)
    other = factories.AuthorshipFactory(person=author)
    factories.DeclaredInterestFactory(
        disclosure=factories.DisclosureFactory(authorship=other),
        interest=factories.InterestFactory(person=author, organization=company),
    )
    Article.objects.filter(pk=article.pk).update(status=ArticleStatus.WITHDRAWN)
    assert flags(author, company, funder) == [True, True, False]


@pytest.mark.parametrize(
    "remove",
    [
        pytest.param(lambda article: article.delete(), id="article deleted"),
        pytest.param(lambda article: remove_article(actor=None, article=article, reason=REASON), id="removed"),
        pytest.param(lambda article: Authorship.objects.filter(article=article).delete(), id="authorship deleted"),
    ],
)
def test_deleting_unflags(remove):
    article, author, company, funder = draft_with_ties(ArticleStatus.PUBLISHED)
    ArticleFunding.objects.filter(article=article).delete()
    assert flags(funder) == [False]
    remove(article)
    assert flags(author, company) == [False, False]
    assert public() == (set(), set())


def test_a_declaration_or_funding_added_or_removed_moves_the_organization():
    article, author, company, funder = draft_with_ties(ArticleStatus.PUBLISHED)
    DeclaredInterest.objects.filter(interest__organization=company).delete()
    assert flags(company, funder, author) == [False, True, True]
    other = factories.OrganizationFactory()
    ArticleFunding.objects.create(article=article, organization=other)
    assert flags(other) == [True]


def test_repointing_an_interest_or_a_funding_moves_the_flag():
    article, author, company, funder = draft_with_ties(ArticleStatus.PUBLISHED)
    elsewhere, again = factories.OrganizationFactory(), factories.OrganizationFactory()
    Interest.objects.filter(organization=company).update(organization=elsewhere)
    ArticleFunding.objects.filter(organization=funder).update(organization=again)
    assert flags(company, elsewhere, funder, again) == [False, True, False, True]


def test_merging_people_one_by_one_or_in_bulk_carries_the_flag_to_the_kept_record():
    _, author, _, _ = draft_with_ties(ArticleStatus.PUBLISHED)
    kept = factories.PersonFactory(name=author.name)
    merge_people(actor=None, keep=kept, merge=author, reason=REASON)
    assert flags(kept) == [True]

    _, other, _, _ = draft_with_ties(ArticleStatus.PUBLISHED)
    kept_in_bulk = factories.PersonFactory(name=other.name)
    refused = merge_people_in_bulk(
        actor=None, merges=[PlannedMerge(keep=kept_in_bulk.pk, merge=other.pk)], reason=REASON
    )
    assert refused == {}
    assert flags(kept_in_bulk) == [True]
    assert public()[0] == {kept.pk, kept_in_bulk.pk}


def test_merging_organizations_carries_the_flag_to_the_kept_record():
    _, _, company, funder = draft_with_ties(ArticleStatus.PUBLISHED)
    kept, kept_funder = factories.OrganizationFactory(), factories.OrganizationFactory()
    merge_organizations(actor=None, keep=kept, merge=company, reason=REASON)
    merge_organizations(actor=None, keep=kept_funder, merge=funder, reason=REASON)
    assert flags(kept, kept_funder) == [True, True]
    assert public()[1] == {kept.pk, kept_funder.pk}


def test_raw_sql_writes_move_the_flags_too():
    article, author, company, funder = draft_with_ties()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE registry_article SET status = %s WHERE id = %s", [ArticleStatus.PUBLISHED, article.pk])
    assert flags(author, company, funder) == [True, True, True]


def test_a_flag_cannot_be_written_stale():
    article, author, company, _ = draft_with_ties()
    stale = Person.objects.get(pk=author.pk)  # read before publication, as an edit form would
    Article.objects.filter(pk=article.pk).update(status=ArticleStatus.PUBLISHED)
    stale.name = "New Name"
    stale.save()
    assert flags(author) == [True]

    nobody, unknown = factories.PersonFactory(), factories.OrganizationFactory()
    Person.objects.filter(pk=nobody.pk).update(is_public=True)
    Organization.objects.filter(pk=unknown.pk).update(is_public=True)
    Person.objects.create(name="Fresh Person", is_public=True)
    assert flags(nobody, unknown) == [False, False]
    assert not Person.objects.get(name="Fresh Person").is_public
    assert public() == (
        {author.pk},
        {company.pk, *Organization.objects.filter(fundings__article=article).values_list("pk", flat=True)},
    )


def test_an_import_keeps_the_set_right(jats_dir=DATA / "jats"):
    merck = factories.OrganizationFactory(name="Merck & Co.")
    factories.OrganizationAliasFactory(organization=merck, name="Merck")
    import_jats_paths([jats_dir / "journal.pcbi.1004113.xml"])

    assert Article.objects.get().status == ArticleStatus.PUBLISHED
    assert flags(merck) == [True]
    authors = Person.objects.filter(authorships__isnull=False)
    assert authors.exists() and set(authors.values_list("is_public", flat=True)) == {True}
    assert public_set.drift().total == 0


def break_the_flags(person: Person, organization: Organization, article: Article) -> None:
    """Write wrong flags past the triggers, as a restore with triggers disabled would."""
    rows = [("registry_person", "is_public", person.pk), ("registry_organization", "is_public", organization.pk)]
    rows.append(("registry_article", "declares_ties", article.pk))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = replica")
        else:
            for flag in public_set.FLAGS:
                cursor.execute(f"DROP TRIGGER {flag.name}_keep_update")
        for table, column, row_id in rows:
            cursor.execute(f"UPDATE {table} SET {column} = NOT {column} WHERE id = %s", [row_id])
        if connection.vendor == "postgresql":
            cursor.execute("SET session_replication_role = origin")
        else:
            public_set.install()


def test_the_command_reports_drift_and_repairs_it(capsys):
    article, author, company, _ = draft_with_ties(ArticleStatus.PUBLISHED)
    nobody = factories.PersonFactory()
    break_the_flags(nobody, company, article)
    found = public_set.drift()
    assert found.wrongly_true == {"person": [nobody.pk], "organization": [], "article": []}
    assert found.wrongly_false == {"person": [], "organization": [company.pk], "article": [article.pk]}

    with pytest.raises(CommandError, match="3 flags wrong"):
        call_command("public_set", "--check")
    assert "people shown though not public: 1" in capsys.readouterr().out
    assert flags(nobody, company) == [True, False]  # --check writes nothing

    call_command("public_set")
    assert "repaired 3" in capsys.readouterr().out
    assert flags(nobody, company, author) == [False, True, True]
    assert Article.objects.get(pk=article.pk).declares_ties
    call_command("public_set", "--check")
    assert "no drift" in capsys.readouterr().out


def ties(article: Article) -> bool:
    return Article.objects.values_list("declares_ties", flat=True).get(pk=article.pk)


def test_an_article_declares_ties_while_a_declaration_in_force_stands():
    article, author, company, _ = draft_with_ties()
    assert ties(article)  # drafts too: the mark is shown to editors on the start page
    disclosure = Disclosure.objects.get(authorship__article=article)
    change_disclosure_status(actor=None, disclosure=disclosure, status=DisclosureStatus.WITHDRAWN, note="Wrong paper")
    assert not ties(article)
    change_disclosure_status(actor=None, disclosure=disclosure, status=DisclosureStatus.CORRECTED, note="Right")
    assert ties(article)
    DeclaredInterest.objects.filter(disclosure=disclosure).delete()
    assert not ties(article)
    DeclaredInterest.objects.create(disclosure=disclosure, interest=Interest.objects.get(organization=company))
    assert ties(article)
    Authorship.objects.filter(article=article).delete()
    assert not ties(article)


def test_a_flag_on_an_article_cannot_be_written_stale():
    article, _, _, _ = draft_with_ties()
    plain = factories.ArticleFactory()
    Article.objects.filter(pk__in=[article.pk, plain.pk]).update(declares_ties=False)
    Article.objects.filter(pk=plain.pk).update(declares_ties=True)
    assert [ties(article), ties(plain)] == [True, False]
    stale = Article.objects.get(pk=plain.pk)
    factories.DeclaredInterestFactory(disclosure=factories.DisclosureFactory(authorship__article=plain))
    stale.title = "Edited"
    stale.save()
    assert ties(plain)


def published_with_ties():
    """Rows of every table the flags read, inserted one by one: a published article whose author declares
    a tie to one company and that another funds, and a person with no article."""
    article, author, company, funder = draft_with_ties(ArticleStatus.PUBLISHED)
    return article, author, company, funder, factories.PersonFactory()


def test_rows_inserted_in_a_batch_get_their_flags_when_it_ends():
    with public_set.inserts_refreshed_once():
        article, author, company, funder, nobody = published_with_ties()
        if connection.vendor == "sqlite":  # their insert triggers skipped them: refreshed at the end
            assert flags(author, company, funder) == [False, False, False]
    assert flags(author, company, funder, nobody) == [True, True, True, False]
    assert ties(article)
    assert public_set.drift().total == 0
    # The batch is over: the next writer's rows are refreshed by their triggers again.
    later, *_ = draft_with_ties(ArticleStatus.PUBLISHED)
    assert flags(*Person.objects.filter(authorships__article=later)) == [True]
    assert public_set.drift().total == 0


def test_in_a_batch_updates_deletes_and_rows_below_the_marks_still_move_the_flags_at_once():
    article, author, company, funder = draft_with_ties()
    with public_set.inserts_refreshed_once():
        Article.objects.filter(pk=article.pk).update(status=ArticleStatus.PUBLISHED)
        assert flags(author, company, funder) == [True, True, True]
        ArticleFunding.objects.filter(organization=funder).delete()
        assert flags(funder) == [False]
    assert public_set.drift().total == 0


def test_a_batch_that_fails_leaves_no_marks_and_the_next_insert_is_refreshed():
    with pytest.raises(RuntimeError), public_set.inserts_refreshed_once():
        published_with_ties()
        raise RuntimeError("refused")
    article, author, company, funder = draft_with_ties(ArticleStatus.PUBLISHED)
    assert flags(author, company, funder) == [True, True, True]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT COUNT(*) FROM {public_set.PAUSED}")
            assert cursor.fetchone() == (0,)
    assert public_set.drift().total == 0


def test_the_triggers_are_in_place_after_migrating():
    assert public_set.installed()


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's planner, without table statistics")
def test_a_persons_flag_is_computed_from_their_own_authorships():
    """Not by scanning every published article for one by them: the cost of each refreshed person,
    paid per imported authorship, would grow with the registry."""
    factories.AuthorshipFactory.create_batch(3, article__status=ArticleStatus.PUBLISHED)
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN QUERY PLAN SELECT {public_set.person_public_sql('1')}")
        steps = [row[-1] for row in cursor.fetchall()]
    searches = [step for step in steps if step.startswith(("SEARCH", "SCAN")) and step != "SCAN CONSTANT ROW"]
    assert searches == [
        "SEARCH pa USING INDEX registry_authorship_person_id_0a4ace7d (person_id=?)",
        "SEARCH pr USING INTEGER PRIMARY KEY (rowid=?)",
    ]


committing = pytest.mark.django_db(transaction=True)
postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="refreshed at commit on PostgreSQL")


@committing
def test_a_transaction_that_adds_and_removes_leaves_the_flags_right_at_its_commit():
    with transaction.atomic():
        article, author, company, funder = draft_with_ties()
        article.status = ArticleStatus.PUBLISHED
        article.save()
        other = factories.OrganizationFactory()
        declared = DeclaredInterest.objects.create(
            disclosure=Disclosure.objects.get(authorship__article=article),
            interest=factories.InterestFactory(person=author, organization=other),
        )
        declared.delete()
        ArticleFunding.objects.filter(organization=funder).delete()
    assert flags(author, company, funder, other) == [True, True, False, False]
    assert ties(article)
    assert public_set.drift().total == 0


@committing
@postgresql_only
def test_a_reader_in_the_writing_transaction_asks_for_the_flags_now():
    article, author, company, _ = draft_with_ties()
    with transaction.atomic():
        Article.objects.filter(pk=article.pk).update(status=ArticleStatus.PUBLISHED)
        assert flags(author, company) == [False, False]  # refreshed at commit
        public_set.refresh_now()
        assert flags(author, company) == [True, True]
        Article.objects.filter(pk=article.pk).update(status=ArticleStatus.WITHDRAWN)
    assert flags(author, company) == [False, False]


@committing
@postgresql_only
def test_two_transactions_withdrawing_an_authors_two_articles_at_once_leave_nothing_public():
    first, author, company, _ = draft_with_ties(ArticleStatus.PUBLISHED)
    second = factories.AuthorshipFactory(person=author, article__status=ArticleStatus.PUBLISHED).article
    factories.DeclaredInterestFactory(
        disclosure=factories.DisclosureFactory(authorship=second.authorships.get()),
        interest=factories.InterestFactory(person=author, organization=company),
    )
    ArticleFunding.objects.all().delete()
    assert flags(author, company) == [True, True]
    written = threading.Barrier(2)
    failures = []

    def withdraw(article):
        try:
            with transaction.atomic():
                Article.objects.filter(pk=article.pk).update(status=ArticleStatus.WITHDRAWN)
                written.wait(timeout=30)  # both written, neither committed: each sees the other's article published
        except Exception as exc:  # reported below: an assertion in a thread would go unseen
            failures.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=withdraw, args=(article,)) for article in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert flags(author, company) == [False, False]


@committing
@pytest.mark.parametrize("refreshed_once_from", [50, 1], ids=["as-configured", "every-batch-at-once"])
def test_a_pubmed_import_committed_leaves_its_authors_public_and_no_drift(monkeypatch, refreshed_once_from, tmp_path):
    """New authors are inserted public where the database keeps that (PostgreSQL): the commit's refresh
    must agree, and nothing the import wrote may be left wrong; on SQLite, neither may a batch whose flags
    are refreshed once for all its rows."""
    monkeypatch.setattr(writer, "REFRESHED_ONCE_FROM", refreshed_once_from)
    generated = tmp_path / "pubmed99n0001.xml.gz"
    write_pubmed_file(generated, 60, same_people=True)  # the samples' authors, some of them again and again
    summary = import_pubmed_paths([DATA / "pubmed" / "pubmed26n0002-sample.xml.gz", generated], workers=False)

    assert summary.failures == [] and summary.records > 0
    published = Person.objects.filter(authorships__article__status=ArticleStatus.PUBLISHED).distinct()
    unpublished = Person.objects.exclude(authorships__article__status=ArticleStatus.PUBLISHED)
    assert published.exists() and set(published.values_list("is_public", flat=True)) == {True}
    assert set(unpublished.values_list("is_public", flat=True)) <= {False}
    assert public_set.drift().total == 0
