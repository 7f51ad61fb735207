"""Merging many records at once gives exactly what merging them one pair after another gives: the same
rows moved, name variants, queue entries, links with evidence, and history; and each link undoes."""

import pytest
from django.db import transaction

from registry.bulk_merges import PlannedMerge, merge_people_in_bulk
from registry.enums import EditorialRoleKind, LinkMethod, MatchStatus
from registry.merges import MergeRefused, merge_people, unlink_people
from registry.models import (
    Affiliation,
    Authorship,
    EditorialRole,
    Interest,
    PaymentRecord,
    Person,
    PersonLink,
    PersonMatch,
    PersonName,
)
from tests import factories

pytestmark = pytest.mark.django_db

REASON = "Linked by the test"
HISTORIED = (Person, Authorship, EditorialRole, Interest, Affiliation)


def registry() -> list[PlannedMerge]:
    """Two clusters with everything a person record can carry, and the flat plan that merges them."""
    ada = factories.AuthorshipFactory(person__name="Ada Lovelace").person
    PersonName.objects.create(person=ada, name="A. A. Lovelace")
    initials = factories.AuthorshipFactory(person__name="A. Lovelace", person__orcid="0000-0002-1825-0097").person
    PersonName.objects.create(person=initials, name="Ada King")
    factories.InterestFactory(person=initials)
    factories.AffiliationFactory(person=initials)
    EditorialRole.objects.create(article=factories.ArticleFactory(), person=initials, role=EditorialRoleKind.REVIEWER)
    factories.PaymentRecordFactory(person=initials)
    factories.FindingFactory(authorship=initials.authorships.get())
    again = factories.AuthorshipFactory(person__name="Ada Lovelace").person  # same name: no variant added
    # An earlier merge into `again`: its link follows `again` to the kept record.
    PersonLink.objects.create(kept=again, merged_person_id=99999, merged_name="Ada L.", method=LinkMethod.MANUAL)
    other, newcomer = factories.PersonFactory(name="Ada M. Lovelace"), factories.PersonFactory(name="A Lovelace")
    factories.PersonMatchFactory(person=initials, candidate=ada)  # the pair being merged: loses its merged side
    factories.PersonMatchFactory(person=ada, candidate=other)
    # A repeat of ada's own entry: deleted, kept for an unlink.
    factories.PersonMatchFactory(person=again, candidate=other)
    factories.PersonMatchFactory(person=newcomer, candidate=initials)  # moves to ada
    factories.PersonMatchFactory(person=ada, candidate=again)  # the pair being merged, from the other side: deleted

    babbage = factories.AuthorshipFactory(person__name="Charles Babbage", person__orcid="0000-0001-5109-3700").person
    coauthor = factories.AuthorshipFactory(article=babbage.authorships.get().article, person__name="C. Babbage").person
    second = factories.AuthorshipFactory(person__name="Charles Babbage").person
    evidence = [{"kind": "name", "detail": "same given and family names", "weight": 6.0}]
    return [
        PlannedMerge(ada.pk, initials.pk, 12.5, evidence),
        PlannedMerge(ada.pk, again.pk, 14.0, evidence),
        PlannedMerge(babbage.pk, coauthor.pk, 11.0, evidence),  # refused: both authors of one article
        PlannedMerge(babbage.pk, second.pk, 13.0, evidence),
    ]


def one_by_one(plans: list[PlannedMerge], actor) -> set[int]:
    refused = set()
    for plan in plans:
        try:
            merge_people(
                actor=actor,
                keep=Person.objects.get(pk=plan.keep),
                merge=Person.objects.get(pk=plan.merge),
                reason=REASON,
                method=LinkMethod.AUTOMATIC,
                score=plan.score,
                evidence=plan.evidence,
            )
        except MergeRefused:
            refused.add(plan.merge)
    return refused


def state(history_from: dict) -> dict:
    """Every row the merges touch, with the ids of rows they create left out (or named by content)."""
    names = dict(PersonName.objects.values_list("pk", "name"))
    links = []
    for link in PersonLink.objects.order_by("merged_person_id"):
        snapshot = {**link.snapshot, "added_names": [names.get(pk) for pk in link.snapshot.get("added_names", [])]}
        fields = ("kept_id", "merged_person_id", "merged_name", "method", "score", "evidence", "moved", "created_by_id")
        links.append((*(getattr(link, name) for name in fields), snapshot, link.reason, link.status))
    found = {
        "people": sorted(Person.objects.values_list("pk", "name", "orcid", "normalized_name", "name_key")),
        "names": sorted(PersonName.objects.values_list("person_id", "name", "normalized_name")),
        "matches": sorted(PersonMatch.objects.values_list("pk", "person_id", "candidate_id", "status", "score")),
        "links": links,
    }
    for model in (*HISTORIED[1:], PaymentRecord, factories.FindingFactory._meta.model):
        found[model._meta.label] = sorted(model.objects.values_list("pk", "person_id"))
    for model in HISTORIED:
        history = model.history.filter(history_id__gt=history_from[model]).values()
        found[f"history of {model._meta.label}"] = sorted(
            str(sorted((k, v) for k, v in row.items() if k not in ("history_id", "history_date"))) for row in history
        )
    return found


def history_ids() -> dict:
    return {model: max(model.history.values_list("history_id", flat=True), default=0) for model in HISTORIED}


def applied(merge, plans):
    with transaction.atomic():
        refused = merge(plans)
        result = state(before)
        transaction.set_rollback(True)
    return refused, result


before: dict = {}


def test_merging_in_bulk_gives_the_rows_and_history_of_merging_pair_by_pair(editor_user):
    plans = registry()
    before.update(history_ids())

    refused_one_by_one, pair_by_pair = applied(lambda plans: one_by_one(plans, editor_user), plans)
    refused_in_bulk, in_bulk = applied(
        lambda plans: merge_people_in_bulk(actor=editor_user, merges=plans, reason=REASON), plans
    )

    assert set(refused_in_bulk) == refused_one_by_one == {plans[2].merge}
    assert "are both authors of" in refused_in_bulk[plans[2].merge]
    assert in_bulk == pair_by_pair
    assert len(in_bulk["links"]) == 4  # three merges, and the earlier link that followed its record
    assert len(in_bulk["history of registry.Authorship"]) == 3  # each merged record's authorship moved


def test_a_bulk_merged_record_comes_back_with_everything_it_brought(editor_user):
    plans = registry()
    everything = state(history_ids())
    merge_people_in_bulk(actor=editor_user, merges=plans, reason=REASON)
    for link in PersonLink.objects.filter(method=LinkMethod.AUTOMATIC):
        unlink_people(actor=editor_user, link=link, reason="Two people")

    restored = state(history_ids())
    PersonMatch.objects.filter(status=MatchStatus.REJECTED).delete()  # the editor's "two people", new
    restored["matches"] = sorted(PersonMatch.objects.values_list("pk", "person_id", "candidate_id", "status", "score"))
    for table in ("people", "names", "registry.Authorship", "registry.Interest", "registry.EditorialRole"):
        assert restored[table] == everything[table], table
    assert restored["registry.PaymentRecord"] == everything["registry.PaymentRecord"]
    assert restored["audits.Finding"] == everything["audits.Finding"]
    # Every queue entry is back, but the merged pairs' own, as pair by pair: one lost its merged side,
    # the other gave way to the editor's "two people".
    initials, ada, again = plans[0].merge, plans[0].keep, plans[1].merge
    assert restored["matches"] == sorted(
        (pk, None if (person, candidate) == (initials, ada) else person, candidate, *rest)
        for pk, person, candidate, *rest in everything["matches"]
        if (person, candidate) != (ada, again)
    )


def test_a_plan_that_merges_a_kept_record_is_refused_before_anything_is_written(editor_user):
    first, second, third = (factories.PersonFactory(name="Ada Lovelace") for _ in range(3))

    with pytest.raises(ValueError, match="merges each record once"):
        merge_people_in_bulk(
            actor=editor_user,
            merges=[PlannedMerge(first.pk, second.pk), PlannedMerge(second.pk, third.pk)],
            reason=REASON,
        )

    assert Person.objects.count() == 3


@pytest.mark.parametrize("pairs", [1, 6])
def test_a_bulk_merge_takes_the_same_queries_for_one_pair_or_many(editor_user, django_assert_num_queries, pairs):
    plans = []
    for _ in range(pairs):
        keep = factories.AuthorshipFactory(person__name="Ada Lovelace").person
        merge = factories.AuthorshipFactory(person__name="A. Lovelace").person
        factories.InterestFactory(person=merge)
        plans.append(PlannedMerge(keep.pk, merge.pk, 12.0))

    # savepoint; the people; their authorships' articles; their name variants; their queue entries
    # (none changed: no update); per relation, its rows, then with rows an UPDATE, and with history
    # the history rows: authorships 3, editorial roles 1, interests 3, links 1, payments 1,
    # lookup keys 1, affiliations 1, findings 1; the deleted records' history; their variants; the records; the new
    # variants; savepoint, the links, release; release
    with django_assert_num_queries(25):
        merge_people_in_bulk(actor=editor_user, merges=plans, reason=REASON)

    assert Person.objects.count() == pairs
    assert Authorship.objects.filter(person__name="Ada Lovelace").count() == 2 * pairs
