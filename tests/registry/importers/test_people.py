"""Whether an imported author is a person the registry knows: ORCID first, then name plus a shared
affiliation; a bare name match is listed for an editor, and confirming it merges the two."""

import pytest

from registry.enums import MatchMethod, MatchStatus
from registry.importers import import_jats_paths
from registry.merges import MergeRefused, decide_person_match
from registry.models import Authorship, Interest, Person, PersonMatch, PersonName
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_person_is_matched_by_orcid_whatever_the_name(jats_dir):
    known = factories.PersonFactory(name="V. Bitsikas", orcid="0000-0002-1731-9910")

    import_jats_paths([jats_dir / "elife05256.xml"])

    assert Authorship.objects.get(position=1).person == known
    match = PersonMatch.objects.get()
    assert (match.person, match.candidate, match.method, match.status) == (
        known,
        None,
        MatchMethod.ORCID,
        MatchStatus.AUTOMATIC,
    )
    assert match.reason == "Same ORCID iD 0000-0002-1731-9910."
    assert match.source == "elife05256.xml"
    # The name as printed is kept as a variant, for matching the next article.
    assert list(known.name_variants.values_list("name", flat=True)) == ["Vassilis Bitsikas"]


def test_a_different_orcid_is_a_different_person_despite_the_same_name(jats_dir):
    other = factories.PersonFactory(name="Vassilis Bitsikas", orcid="0000-0002-1825-0097")

    import_jats_paths([jats_dir / "elife05256.xml"])

    author = Authorship.objects.get(position=1).person
    assert author != other
    assert author.orcid == "0000-0002-1731-9910"
    assert PersonMatch.objects.count() == 0


def test_same_name_and_a_shared_affiliation_is_the_same_person(jats_dir, variant):
    import_jats_paths([jats_dir / "elife00036.xml"])
    jarvis = Person.objects.get(name="Erich D Jarvis")
    # Another article by the same six authors at the same Duke University Medical Center.
    second = variant(
        jats_dir / "elife00036.xml", ("10.7554/eLife.00036</article-id>", "10.7554/eLife.99036</article-id>")
    )

    import_jats_paths([second])

    assert Person.objects.filter(name="Erich D Jarvis").get() == jarvis
    assert Person.objects.count() == 7  # the six authors and their handling editor, once each
    match = PersonMatch.objects.get(person=jarvis)
    assert (match.method, match.status, match.candidate) == (
        MatchMethod.NAME_AND_AFFILIATION,
        MatchStatus.AUTOMATIC,
        None,
    )
    assert match.reason == "Same name ('Erich D Jarvis') and a shared affiliation organization."
    assert PersonMatch.objects.count() == 7


def test_a_name_variant_counts_as_the_name(jats_dir, variant):
    duke = factories.OrganizationFactory(name="Duke University Medical Center")
    person = factories.PersonFactory(name="E. D. Jarvis")
    PersonName.objects.create(person=person, name="Erich D Jarvis")
    factories.AffiliationFactory(person=person, organization=duke)

    import_jats_paths([jats_dir / "elife00036.xml"])

    assert Authorship.objects.get(position=6).person == person


def test_same_name_without_a_shared_affiliation_is_listed_for_an_editor(jats_dir):
    elsewhere = factories.PersonFactory(name="Erich D Jarvis")
    factories.AffiliationFactory(person=elsewhere, organization=factories.OrganizationFactory(name="Rockefeller"))

    import_jats_paths([jats_dir / "elife00036.xml"])

    imported = Authorship.objects.get(position=6).person
    assert imported != elsewhere
    match = PersonMatch.objects.get()
    assert (match.person, match.candidate, match.method, match.status) == (
        imported,
        elsewhere,
        MatchMethod.EVIDENCE,
        MatchStatus.PENDING,
    )
    assert match.name_as_printed == "Erich D Jarvis"
    assert match.score == 7.0
    detail = "same given names, middle initials and family name"
    assert match.evidence == [{"kind": "name", "detail": detail, "weight": 7.0}]
    assert match.reason == f"Score 7, between the thresholds: name +7: {detail}"


def test_reimport_does_not_list_the_match_again(jats_dir):
    factories.PersonFactory(name="Erich D Jarvis")
    import_jats_paths([jats_dir / "elife00036.xml"])

    import_jats_paths([jats_dir / "elife00036.xml"])

    assert PersonMatch.objects.count() == 1
    assert Person.objects.filter(name="Erich D Jarvis").count() == 2


def test_confirming_a_match_merges_the_imported_person_into_the_candidate(jats_dir, editor_user):
    kept = factories.PersonFactory(name="Erich D Jarvis")
    interest = factories.InterestFactory(person=kept)
    import_jats_paths([jats_dir / "elife00036.xml"])
    match = PersonMatch.objects.get()
    imported = match.person

    decide_person_match(actor=editor_user, match=match, confirm=True)

    match.refresh_from_db()
    assert (match.status, match.person, match.candidate, match.decided_by) == (
        MatchStatus.CONFIRMED,
        None,
        kept,
        editor_user,
    )
    assert not Person.objects.filter(pk=imported.pk).exists()
    assert Authorship.objects.get(position=6).person == kept
    assert list(kept.affiliations.order_by("organization__name").values_list("organization__name", flat=True)) == [
        "Duke University Medical Center",
        "Howard Hughes Medical Institute, Duke University Medical Center",
    ]
    assert kept.authorships.get().disclosure.declares_none is True
    assert Interest.objects.get(pk=interest.pk).person == kept
    authorship_history = Authorship.history.filter(person_id=kept.pk).first()
    assert (
        authorship_history.history_change_reason == f"Merged: Erich D Jarvis confirmed as Erich D Jarvis (#{kept.pk})"
    )
    assert authorship_history.history_user == editor_user


def test_rejecting_a_match_keeps_both_people(jats_dir, editor_user):
    factories.PersonFactory(name="Erich D Jarvis")
    import_jats_paths([jats_dir / "elife00036.xml"])
    match = PersonMatch.objects.get()

    decide_person_match(actor=editor_user, match=match, confirm=False)

    match.refresh_from_db()
    assert match.status == MatchStatus.REJECTED
    assert Person.objects.filter(name="Erich D Jarvis").count() == 2
    with pytest.raises(MergeRefused, match="already decided"):
        decide_person_match(actor=editor_user, match=match, confirm=True)
