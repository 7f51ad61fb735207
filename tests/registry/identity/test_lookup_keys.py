"""Linking one article's authors reads their candidates from the lookup-key index: the same pairs as a
whole-registry run, in the same number of queries however many records share a name."""

import pytest

from registry.identity import lookup_keys
from registry.identity.linking import link_people
from registry.identity.lookup_keys import rebuild_lookup_keys
from registry.models import PersonLookupKey
from tests import factories

pytestmark = pytest.mark.django_db


def author(name: str, **person):
    return factories.AuthorshipFactory(
        person__name=name, name_as_printed=name, **{f"person__{k}": v for k, v in person.items()}
    ).person


def compared(report) -> set[tuple[int, int, float]]:
    return {(o.person, o.candidate, o.assessment.score) for o in report.outcomes}


def test_an_article_run_compares_its_authors_with_what_the_whole_registry_run_would(monkeypatch):
    monkeypatch.setattr(lookup_keys, "MAX_BLOCK", 3)  # "wang w" is a large block, "wei" a large group
    weis = [author("Wei Wang") for _ in range(4)]
    initials = [author("W. Wang"), author("W. J. Wang")]
    wen = author("Wen Wang")
    rebuild_lookup_keys()
    newcomer = author("W. Wang")  # just imported: not in the index yet

    article_run = link_people(actor=None, person_ids=[newcomer.pk], dry_run=True)
    whole_run = link_people(actor=None, dry_run=True)

    involving = {row for row in compared(whole_run) if newcomer.pk in row[:2]}
    assert compared(article_run) == involving
    # Only the initials' group: the block (8 records) and the "wei" group (4) exceed 3.
    assert {row[0] for row in involving} == {record.pk for record in initials}
    assert not {weis[0].pk, wen.pk} & {pk for row in involving for pk in row[:2]}


def test_a_record_created_outside_an_import_is_found_by_its_name_and_indexed():
    known = author("Tora K. Benavides", orcid="0000-0002-1825-0097")  # no lookup keys yet
    newcomer = author("Tora K. Benavides")
    assert not PersonLookupKey.objects.filter(person=known).exists()

    report = link_people(actor=None, person_ids=[newcomer.pk], dry_run=True)

    assert [(o.person, o.candidate) for o in report.outcomes] == [(known.pk, newcomer.pk)]
    link_people(actor=None, person_ids=[newcomer.pk])
    keys = set(PersonLookupKey.objects.filter(person=known).values_list("key", "first"))
    assert keys == {("name:benavides t", "tora"), ("orcid:0000-0002-1825-0097", "")}


@pytest.mark.parametrize("namesakes", [1, 30])
def test_an_article_run_takes_the_same_queries_for_a_rare_or_a_common_name(django_assert_num_queries, namesakes):
    for _ in range(namesakes):
        author("Wei Wang")
    rebuild_lookup_keys()
    newcomer = author("Wei Wang")

    # the newcomer's record, variants and authorships; records sharing its name but not indexed; the
    # blocks' groups by given name, their sizes; the candidates; the profiles: records, variants,
    # authorships, affiliations, co-authors, topics, articles; the queue entries between them
    with django_assert_num_queries(15):
        report = link_people(actor=None, person_ids=[newcomer.pk], dry_run=True)

    assert report.compared == namesakes
