"""Unlinking two people gives the merged record back its queue entries: those the merge moved to the
kept record, and those it deleted as repeats of the kept record's own."""

import pytest

from registry.enums import MatchStatus
from registry.merges import merge_people, unlink_people
from registry.models import PersonLink, PersonMatch
from tests import factories

pytestmark = pytest.mark.django_db


def test_unlinking_puts_back_the_queue_entries_the_merge_moved_or_deleted(editor_user):
    keep, merge = factories.PersonFactory(name="Ada Lovelace"), factories.PersonFactory(name="A. Lovelace")
    other, newcomer = factories.PersonFactory(name="Ada M. Lovelace"), factories.PersonFactory(name="A Lovelace")
    kept_own = factories.PersonMatchFactory(person=keep, candidate=other)
    # The kept record has this pair already: the merge deletes it.
    repeat = factories.PersonMatchFactory(person=merge, candidate=other)
    moved = factories.PersonMatchFactory(person=newcomer, candidate=merge)  # moves to the kept record
    merge_people(actor=editor_user, keep=keep, merge=merge, reason="Same person")
    assert not PersonMatch.objects.filter(pk=repeat.pk).exists()
    assert PersonMatch.objects.get(pk=moved.pk).candidate == keep

    restored = unlink_people(actor=editor_user, link=PersonLink.objects.get(), reason="Two people")

    pairs = set(PersonMatch.objects.values_list("pk", "person_id", "candidate_id", "status"))
    two_people = PersonMatch.objects.get(status=MatchStatus.REJECTED)  # the editor's decision, kept
    assert pairs == {
        (kept_own.pk, keep.pk, other.pk, MatchStatus.PENDING),
        (repeat.pk, restored.pk, other.pk, MatchStatus.PENDING),
        (moved.pk, newcomer.pk, restored.pk, MatchStatus.PENDING),
        (two_people.pk, restored.pk, keep.pk, MatchStatus.REJECTED),
    }
