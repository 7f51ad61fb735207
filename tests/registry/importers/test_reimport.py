"""Importing the same article again, or a newer version of it, updates rows and never duplicates them."""

import pytest

from registry.importers import import_jats_paths
from registry.models import (
    Affiliation,
    Article,
    ArticleFunding,
    Authorship,
    DeclaredInterest,
    Disclosure,
    Interest,
    Organization,
    Person,
    PersonMatch,
    Topic,
)

pytestmark = pytest.mark.django_db

MODELS = [
    Article,
    ArticleFunding,
    Authorship,
    Affiliation,
    DeclaredInterest,
    Disclosure,
    Interest,
    Organization,
    Person,
    PersonMatch,
    Topic,
]


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_importing_the_same_files_twice_changes_no_count(jats_dir):
    files = [jats_dir / name for name in ["elife00036.xml", "elife00471.xml", "elife05256.xml"]]
    import_jats_paths(files)
    first = counts()

    summary = import_jats_paths(files)

    assert summary.ok
    assert counts() == first
    assert set(summary.counts.values()) == {0}
    assert first == {
        "Article": 3,
        "ArticleFunding": 6,
        "Authorship": 15,
        "Affiliation": 23,  # the handling editors' too
        "DeclaredInterest": 7,
        "Disclosure": 15,
        "Interest": 7,
        "Organization": 12,
        "Person": 17,
        "PersonMatch": 0,
        "Topic": 7,  # keywords and subjects, not the article types and broad headings
    }


def test_reimport_writes_no_history(jats_dir):
    import_jats_paths([jats_dir / "elife00471.xml"])
    before = sum(model.history.count() for model in [Article, Authorship, Disclosure, Interest, Person])

    import_jats_paths([jats_dir / "elife00471.xml"])

    assert sum(model.history.count() for model in [Article, Authorship, Disclosure, Interest, Person]) == before


def test_a_newer_version_updates_the_article_in_place(jats_dir, variant):
    import_jats_paths([jats_dir / "elife00471.xml"])
    article = Article.objects.get()
    jinek = Person.objects.get(name="Martin Jinek")
    newer = variant(
        jats_dir / "elife00471.xml",
        (
            "RNA-programmed genome editing in human cells</article-title>",
            "RNA-programmed genome editing in human cells (corrected)</article-title>",
        ),
        # The second funder is dropped.
        ('<award-group id="par-2">', '<award-group id="par-2-gone">'),
    )
    text = newer.read_text(encoding="utf-8")
    start = text.index('<award-group id="par-2-gone">')
    newer.write_text(
        text[:start] + text[text.index("</award-group>", start) + len("</award-group>") :], encoding="utf-8"
    )

    summary = import_jats_paths([newer])

    assert summary.ok
    article.refresh_from_db()
    assert article.title == "RNA-programmed genome editing in human cells (corrected)"
    assert Article.objects.count() == 1
    assert list(article.fundings.values_list("organization__name", flat=True)) == ["Howard Hughes Medical Institute"]
    assert Authorship.objects.get(article=article, position=1).person == jinek
    assert article.history.first().history_change_reason == "Imported from elife00471.xml"


def test_a_newer_version_with_an_author_removed_and_reordered(jats_dir, variant):
    import_jats_paths([jats_dir / "journal.pcbi.1004113.xml"])
    ryser = Person.objects.get(name="Marc D. Ryser")
    text = (jats_dir / "journal.pcbi.1004113.xml").read_text(encoding="utf-8")
    contribs_start = text.index('<contrib contrib-type="author"')
    first_end = text.index("</contrib>", contribs_start) + len("</contrib>")
    second_end = text.index("</contrib>", first_end) + len("</contrib>")
    # Swap Ryser and Myers; drop Durrett (the third contributor).
    third_end = text.index("</contrib>", second_end) + len("</contrib>")
    first, second = text[contribs_start:first_end], text[first_end:second_end]
    newer = variant(jats_dir / "journal.pcbi.1004113.xml", (text[contribs_start:third_end], second + first))

    assert import_jats_paths([newer]).ok

    rows = Authorship.objects.order_by("position")
    assert [(a.position, a.person.name) for a in rows] == [(1, "Evan R. Myers"), (2, "Marc D. Ryser")]
    assert rows[1].person == ryser
    assert Person.objects.filter(name="Rick Durrett").count() == 1  # the person stays; the authorship goes
    assert Disclosure.objects.count() == 2


def test_an_interest_recorded_under_its_name_only_is_linked_on_reimport(jats_dir):
    import_jats_paths([jats_dir / "journal.pcbi.1004113.xml"])
    merck = Organization.objects.get(normalized_name="merck")
    Interest.objects.update(organization=None)  # as recorded before every name had a record

    import_jats_paths([jats_dir / "journal.pcbi.1004113.xml"])

    assert Interest.objects.count() == 3
    assert Interest.objects.get(category="consulting").organization == merck


def test_reimporting_an_unchanged_article_reads_in_batches(jats_dir, django_assert_num_queries):
    import_jats_paths([jats_dir / "elife00471.xml"])

    # savepoint; counts before; organizations by name and by alias; name variants; people; their
    # affiliations; their co-authors; the article; topics; its topics; funders; authors; its editors;
    # statement organizations by name and by alias; disclosures; the authors' interests; ties recorded
    # under those names only, to link; their declarations; counts after; the import record; release
    with django_assert_num_queries(23):
        import_jats_paths([jats_dir / "elife00471.xml"])


def test_reimport_restores_an_interest_changed_since(jats_dir):
    import_jats_paths([jats_dir / "elife00471.xml"])
    interest = Interest.objects.exclude(specification="").order_by("pk").first()
    specification = interest.specification
    Interest.objects.filter(pk=interest.pk).update(specification="", provenance_detail="edited")

    import_jats_paths([jats_dir / "elife00471.xml"])

    interest.refresh_from_db()
    assert (interest.specification, interest.provenance_detail) == (specification, "elife00471.xml")
    assert interest.history.filter(history_type="~").count() == 1


def _again(variant, jats_dir):
    """The same authors in a new article (a new DOI), declaring the same ties."""
    return variant(
        jats_dir / "elife00471.xml",
        ("10.7554/eLife.00471</article-id>", "10.7554/eLife.99471</article-id>"),
        name="elife99471.xml",
    )


def test_an_author_publishing_again_declares_the_ties_on_record(jats_dir, variant):
    import_jats_paths([jats_dir / "elife00471.xml"])
    founder = Interest.objects.get(person__name="Martin Jinek", category="founder")
    # An editor has since recorded what the statement does not say.
    Interest.objects.filter(pk=founder.pk).update(amount=5000, currency="USD", ongoing=True)
    before = Interest.objects.count()

    summary = import_jats_paths([_again(variant, jats_dir)])

    assert summary.ok
    assert Interest.objects.count() == before
    founder.refresh_from_db()
    articles = founder.declarations.values_list("disclosure__authorship__article__doi", flat=True)
    assert sorted(articles) == ["10.7554/elife.00471", "10.7554/elife.99471"]
    assert (founder.amount, founder.currency, founder.ongoing) == (5000, "USD", True)
    assert founder.provenance_detail.endswith("elife99471.xml")
    change = founder.history.filter(history_type="~").get()
    assert change.history_change_reason.startswith("Imported from") and change.amount == 5000
    jinek = Disclosure.objects.get(
        authorship__article__doi="10.7554/elife.99471", authorship__person__name="Martin Jinek"
    )
    assert {d.interest.category for d in jinek.declared_interests.all()} == {"founder", "advisory_board", "patents"}


def test_a_tie_recorded_twice_is_left_for_the_service_to_choose(jats_dir, variant):
    import_jats_paths([jats_dir / "elife00471.xml"])
    founder = Interest.objects.get(person__name="Martin Jinek", category="founder")
    twin = Interest.objects.create(
        person=founder.person, category="founder", payee=founder.payee, organization_name=founder.organization_name
    )

    summary = import_jats_paths([_again(variant, jats_dir)])

    assert summary.ok
    declared = DeclaredInterest.objects.filter(
        disclosure__authorship__article__doi="10.7554/elife.99471", interest__in=[founder, twin]
    )
    assert declared.count() == 1


def test_a_new_article_by_known_authors_is_written_in_batches(jats_dir, variant, django_assert_num_queries):
    import_jats_paths([jats_dir / "elife00471.xml"])
    again = _again(variant, jats_dir)

    # savepoint; counts before; organizations by name and by alias; name variants; people; their
    # affiliations; their co-authors; the article; topics; the article, its history, topics and
    # funders; the matches to confirm, the editor's with the authors'; authorships and their history;
    # the editorial role and its history; statement organizations by name and by alias; ties recorded
    # under those names only, to link; the authors' ties on record; disclosures and their history;
    # the ties declared again and their history; declarations and their history; counts after; the
    # import record; release. The same for six ties as for one. The authors' names, variants and
    # authorships, their lookup keys deleted and inserted again (linking finds them by the new ones).
    with django_assert_num_queries(37):
        import_jats_paths([again])
