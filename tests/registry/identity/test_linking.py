"""Linking person records in the registry: link, queue or keep apart; undo; editors' decisions kept."""

import io
import json

import pytest
from django.core.management import call_command
from django.db import IntegrityError, transaction
from django.urls import reverse

from registry.enums import LinkMethod, LinkStatus, MatchMethod, MatchStatus
from registry.identity.linking import link_people
from registry.merges import MergeRefused, decide_person_match, merge_people, unlink_people
from registry.models import Affiliation, Authorship, Interest, Person, PersonLink, PersonMatch
from tests import factories

pytestmark = pytest.mark.django_db


def author(name: str, *, coauthor: str = "", org=None, contributor_id: str = "", person=None) -> Person:
    """A person with one article; `coauthor` names a second author of that article."""
    person = person or factories.PersonFactory(name=name, family_name=name.split()[-1])
    article = factories.ArticleFactory()
    factories.AuthorshipFactory(article=article, person=person, position=1, contributor_id=contributor_id)
    if coauthor:
        other = factories.PersonFactory(name=f"{coauthor} {article.pk}")  # a different record per article
        factories.AuthorshipFactory(article=article, person=other, position=2, name_as_printed=coauthor)
    if org is not None:
        factories.AffiliationFactory(person=person, organization=org)
    return person


def test_above_the_threshold_records_are_merged_with_their_evidence(editor_user):
    first = author("Detlef Weigel", coauthor="Detlef Bhaya")
    second = author("Detlef Weigel", coauthor="Detlef Bhaya")
    interest = factories.InterestFactory(person=second)

    report = link_people(actor=editor_user)

    assert report.count("linked") == 1
    assert not Person.objects.filter(pk=second.pk).exists()
    assert Authorship.objects.filter(person=first).count() == 2
    assert Interest.objects.get(pk=interest.pk).person == first
    link = PersonLink.objects.get()
    assert (link.kept, link.merged_person_id, link.method, link.status, link.score) == (
        first,
        second.pk,
        LinkMethod.AUTOMATIC,
        LinkStatus.LINKED,
        21.0,
    )
    assert [item["kind"] for item in link.evidence] == ["name", "coauthors", "byline"]


def test_between_thresholds_the_pair_is_queued_with_its_evidence(editor_user):
    first = author("Detlef Weigel")
    second = author("Detlef Weigel")

    report = link_people(actor=editor_user)

    assert report.count("queued") == 1
    match = PersonMatch.objects.get()
    assert (match.person, match.candidate, match.method, match.status, match.score) == (
        second,
        first,
        MatchMethod.EVIDENCE,
        MatchStatus.PENDING,
        6.0,
    )
    assert Person.objects.count() == 2


def test_below_the_threshold_records_stay_apart(editor_user):
    author("Wei Wang")
    author("Wei Wang")

    report = link_people(actor=editor_user)

    assert [outcome.action for outcome in report.outcomes] == ["apart"]
    assert (Person.objects.count(), PersonMatch.objects.count(), PersonLink.objects.count()) == (2, 0, 0)


def test_unlinking_restores_the_record_and_its_rows_and_a_rerun_respects_it(editor_user):
    org = factories.OrganizationFactory(name="Max Planck Institute for Developmental Biology")
    first = author("Detlef Weigel", coauthor="Detlef Bhaya", org=org)
    second = author("Detlef Weigel", coauthor="Detlef Bhaya", contributor_id="10.7554/author-9")
    second_authorship = second.authorships.get()
    affiliation = Affiliation.objects.create(person=second, organization=factories.OrganizationFactory())
    interest = factories.InterestFactory(person=second)
    disclosure = factories.DisclosureFactory(authorship=second_authorship)
    link_people(actor=editor_user)
    link = PersonLink.objects.get()

    restored = unlink_people(actor=editor_user, link=link, reason="two people: different fields")

    assert restored.pk == second.pk
    assert list(restored.authorships.all()) == [second_authorship]
    assert Affiliation.objects.get(pk=affiliation.pk).person == restored
    assert Interest.objects.get(pk=interest.pk).person == restored
    assert restored.authorships.get().disclosure == disclosure
    assert first.authorships.count() == 1
    link.refresh_from_db()
    assert (link.status, link.unlinked_by) == (LinkStatus.UNLINKED, editor_user)
    apart = PersonMatch.objects.get(status=MatchStatus.REJECTED)
    assert {apart.person, apart.candidate} == {first, restored}
    assert Authorship.history.filter(person_id=restored.pk).first().history_change_reason.startswith("Unlinked")

    report = link_people(actor=editor_user)

    assert [outcome.action for outcome in report.outcomes] == ["kept apart by an editor"]
    assert Person.objects.filter(pk=restored.pk).exists()


def test_an_undone_link_cannot_be_undone_twice(editor_user):
    keep, merge = author("Detlef Weigel"), author("Detlef Weigel")
    merge_people(actor=editor_user, keep=keep, merge=merge, reason="same person")
    link = PersonLink.objects.get()
    unlink_people(actor=editor_user, link=link, reason="no")

    with pytest.raises(MergeRefused):
        unlink_people(actor=editor_user, link=link, reason="again")


def test_two_editors_confirming_one_entry_give_one_link(editor_user):
    first, second = author("Detlef Weigel"), author("Detlef Weigel")
    link_people(actor=editor_user)
    match = PersonMatch.objects.get()
    stale = PersonMatch.objects.get(pk=match.pk)  # the second editor's page, loaded before the first confirmed

    decide_person_match(actor=editor_user, match=match, confirm=True)
    with pytest.raises(MergeRefused):
        decide_person_match(actor=editor_user, match=stale, confirm=True)

    assert PersonLink.objects.get().match == match
    assert list(Person.objects.filter(name="Detlef Weigel")) == [first]
    assert PersonLink.objects.get().method == LinkMethod.CONFIRMED
    # Where the lock does not serialise them, the database refuses a second link of the record.
    with pytest.raises(IntegrityError), transaction.atomic():
        PersonLink.objects.create(kept=first, merged_person_id=second.pk, merged_name="x", method="confirmed")


def test_the_dry_run_writes_nothing_and_the_report_lists_the_evidence(tmp_path):
    author("Detlef Weigel", coauthor="Detlef Bhaya")
    author("Detlef Weigel", coauthor="Detlef Bhaya")
    author("Erich D Jarvis")
    author("Erich D Jarvis")
    report = tmp_path / "links.json"

    call_command("link_people", "--dry-run", "--report", str(report), stdout=io.StringIO())

    assert (Person.objects.count(), PersonLink.objects.count(), PersonMatch.objects.count()) == (6, 0, 0)
    pairs = json.loads(report.read_text())["pairs"]
    assert [(p["person_name"], p["action"], p["score"]) for p in pairs] == [
        ("Detlef Weigel", "linked", 21.0),
        ("Erich D Jarvis", "queued", 7.0),
    ]
    assert pairs[0]["evidence"] == [
        {"kind": "name", "detail": "same given and family names", "weight": 6.0},
        {"kind": "coauthors", "detail": "1 shared co-author(s): bhaya d", "weight": 7.0},
        {"kind": "byline", "detail": "same byline of 2 authors", "weight": 8.0},
    ]


def test_the_command_links_and_says_how_many(tmp_path, capsys):
    author("Detlef Weigel", coauthor="Detlef Bhaya")
    author("Detlef Weigel", coauthor="Detlef Bhaya")

    call_command("link_people")

    assert "1 linked, 0 queued" in capsys.readouterr().out
    assert Person.objects.filter(name="Detlef Weigel").count() == 1


@pytest.mark.parametrize("links", [1, 4])
def test_the_link_list_shows_evidence_in_a_fixed_number_of_queries(
    editor_client, editor_user, django_assert_num_queries, links
):
    for number in range(links):
        keep, merge = author(f"Name{number} Weigel"), author(f"Name{number} Weigel")
        merge_people(
            actor=editor_user,
            keep=keep,
            merge=merge,
            reason="same",
            evidence=[{"kind": "coauthors", "detail": "2 shared co-author(s)", "weight": 10.0}],
            score=16.0,
        )
    url = reverse("admin:registry_personlink_changelist")
    # session, user, the user's and the groups' permissions, two counts, the page of links with kept people
    with django_assert_num_queries(7):
        response = editor_client.get(url)
    assert len(response.context["cl"].result_list) == links
    detail = editor_client.get(reverse("admin:registry_personlink_change", args=[PersonLink.objects.first().pk]))
    assert "2 shared co-author(s)" in detail.content.decode()
    assert "+10" in detail.content.decode()


def test_the_queue_lists_the_evidence(editor_client, editor_user):
    author("Detlef Weigel"), author("Detlef Weigel")
    link_people(actor=editor_user)

    response = editor_client.get(reverse("admin:registry_personmatch_changelist"))

    assert "name +6" in response.content.decode()
