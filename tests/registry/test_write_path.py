"""Writing disclosures and ties: one rule for "the same tie" and for correcting a published disclosure,
whichever way the write comes in (one disclosure at a time, a batch, or the importer's bulk path)."""

import datetime
from dataclasses import replace
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from registry import services
from registry.enums import ArticleStatus, DisclosureStatus, InterestCategory, Payee
from registry.importers.articles.writer import ArticleWriter
from registry.models import DeclaredInterest, Disclosure, Interest, Organization
from registry.proposals import ConfirmedRow, declares_same
from tests.factories import (
    ArticleFactory,
    AuthorshipFactory,
    DeclaredInterestFactory,
    DisclosureFactory,
    InterestFactory,
    OrganizationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

SOURCE = "parity.xml"
REASON = f"Imported from {SOURCE}"
CORRECTION_NEEDS_REASON = "This disclosure belongs to a published article: say why it is corrected."


def interest(statement: str, phrase: str, **fields) -> services.InterestInput:
    start = statement.index(phrase)
    return services.InterestInput(text_as_written=phrase, span=(start, start + len(phrase)), **fields)


@pytest.fixture
def scenario():
    """Two people on three new authorships: ties new and on record, named by organization, by name
    and by specification, the same tie declared twice, and a tie on record that differs only in its dates."""
    acme = OrganizationFactory(name="Acme Pharma")
    ada, bo = PersonFactory(name="Ada Lovelace"), PersonFactory(name="Bo Diddley")
    dated = InterestFactory(
        person=ada,
        category=InterestCategory.CONSULTING,
        organization=acme,
        organization_name="Acme",
        start_date=datetime.date(2019, 1, 1),
        end_date=datetime.date(2020, 1, 1),
        amount=Decimal(900),
        currency="USD",
        provenance_detail="older.xml",
    )
    undated = InterestFactory(
        person=ada, category=InterestCategory.GRANTS, organization=None, organization_name="Wellcome", amount=None
    )
    article = ArticleFactory(status=ArticleStatus.DRAFT, published_date=None)
    first = AuthorshipFactory(article=article, person=ada, position=1)
    second = AuthorshipFactory(article=article, person=bo, position=2)
    later = AuthorshipFactory(article=ArticleFactory(status=ArticleStatus.DRAFT, published_date=None), person=ada)
    s1 = "AL consults for Acme, holds a grant from Wellcome and serves on a board."
    s2 = "BD holds stock in Acme."
    s3 = "AL consults for Acme."
    consulting = {"category": InterestCategory.CONSULTING, "organization": acme, "organization_name": "Acme"}
    plans = [
        (
            first,
            s1,
            False,
            [
                interest(s1, "consults for Acme", **consulting),  # a new tie: the one on record has dates
                interest(s1, "a grant from Wellcome", category=InterestCategory.GRANTS, organization_name="Wellcome"),
                interest(s1, "serves on a board", category=InterestCategory.ADVISORY_BOARD, specification="a board"),
            ],
        ),
        (second, s2, False, [interest(s2, "stock in Acme", category=InterestCategory.STOCK, organization=acme)]),
        (later, s3, False, [interest(s3, "consults for Acme", **consulting, payee=Payee.SELF)]),
    ]
    return plans, (dated, undated)


# Ids and the moment of writing differ from one run to the next; everything else must not.
_WHEN_AND_IDS = {"id", "history_id", "history_date", "created_at", "updated_at"}


def snapshot() -> dict:
    """Every disclosure, interest and declared interest and their history, an interest named by its person
    and tie and a disclosure by its authorship (not by ids, nor by when it was written)."""
    # An organization a path creates gets a new id each time on PostgreSQL (a rolled-back sequence
    # stays advanced): it is named by its name.
    organizations = dict(Organization.objects.values_list("pk", "name"))
    ties = {
        tie.pk: (
            tie.person_id,
            organizations.get(tie.organization_id),
            *services.tie_key(tie)[:2],
            *services.tie_key(tie)[3:],
        )
        for tie in Interest.objects.all()
    }
    authorships = dict(Disclosure.objects.values_list("pk", "authorship_id"))

    def plain(row: dict) -> tuple:
        row = {name: value for name, value in row.items() if name not in _WHEN_AND_IDS}
        if "organization_id" in row:
            row["organization_id"] = organizations.get(row["organization_id"])
        if "interest_id" in row:
            row["interest_id"] = ties[row["interest_id"]]
        if "disclosure_id" in row:
            row["disclosure_id"] = authorships[row["disclosure_id"]]
        return tuple(sorted((name, str(value)) for name, value in row.items()))

    return {
        model.__name__: (sorted(map(plain, model.objects.values())), sorted(map(plain, model.history.values())))
        for model in (Disclosure, Interest, DeclaredInterest)
    }


def written_by(write) -> dict:
    """What `write` leaves in the registry; undone afterwards, so that the next path starts alike."""
    with transaction.atomic():
        write()
        result = snapshot()
        transaction.set_rollback(True)
    return result


def test_one_at_a_time_in_a_batch_and_in_bulk_the_same_rows_and_history(scenario):
    plans, _ = scenario

    def one_at_a_time():
        for authorship, statement, declares_none, items in plans:
            services.record_disclosure(
                actor=None,
                authorship=authorship,
                statement=statement,
                declares_none=declares_none,
                interests=items,
                provenance_detail=SOURCE,
                reason=REASON,
            )

    def batch():
        services.record_disclosures(
            actor=None,
            items=[
                services.DisclosureInput(authorship=a, statement=s, declares_none=n, interests=i)
                for a, s, n, i in plans
            ],
            provenance_detail=SOURCE,
            reason=REASON,
        )

    def bulk():
        # As the importer does: counterparties named in the statements are resolved before the ties are written.
        writer = ArticleWriter(actor=None, source=SOURCE, warnings=[])
        named = {item.organization_name for *_, items in plans for item in items if item.organization is None}
        resolved = writer.organizations.ensure_names(named)
        resolved_plans = [
            (a, s, n, [replace(i, organization=i.organization or resolved.get(i.organization_name)) for i in items])
            for a, s, n, items in plans
        ]
        ties = writer.ties_of({authorship.person_id for authorship, *_ in plans})
        writer.create_disclosures(resolved_plans, ties, locate=lambda authorship: "")

    single = written_by(one_at_a_time)
    interests, interest_history = single["Interest"]
    assert len(interests) == 5  # 2 on record, 3 new: the consultancy on record has dates, this one has none
    changes = [dict(row) for row in interest_history if ("history_type", "~") in row]
    assert [(row["organization_name"], row["provenance_detail"], row["history_change_reason"]) for row in changes] == [
        ("Wellcome", SOURCE, REASON)  # the tie on record, declared again, takes the newer source
    ]
    assert len(single["DeclaredInterest"][0]) == 5
    assert written_by(batch) == single
    assert written_by(bulk) == single


def test_a_parsed_row_is_not_the_tie_on_file_when_the_dates_differ():
    """The parse flow's "nothing changed" check uses the services' tie: a dated tie on file is another one."""
    acme = OrganizationFactory(name="Acme")
    disclosure = DisclosureFactory(statement="Consults for Acme.", declares_none=False)
    dated = InterestFactory(
        person=disclosure.authorship.person,
        category=InterestCategory.CONSULTING,
        organization=acme,
        organization_name="Acme",
        start_date=datetime.date(2019, 1, 1),
    )
    DeclaredInterestFactory(disclosure=disclosure, interest=dated)
    row = ConfirmedRow(disclosure.authorship, InterestCategory.CONSULTING, acme, "Acme", Payee.SELF, "", (0, 18))

    assert not declares_same(disclosure.authorship, [row], False, None)
    dated.start_date = None
    dated.save()
    assert declares_same(disclosure.authorship, [row], False, None)


def test_changing_a_published_disclosure_without_a_reason_is_refused_and_writes_nothing():
    disclosure = DisclosureFactory(statement="Nothing to declare.", declares_none=True)
    with pytest.raises(ValidationError) as refused:
        services.record_disclosure(
            actor=None, authorship=disclosure.authorship, statement="Consults for Acme.", correction_note="  "
        )
    assert (refused.value.code, refused.value.messages) == ("correction_needs_reason", [CORRECTION_NEEDS_REASON])
    disclosure.refresh_from_db()
    assert (disclosure.statement, disclosure.status, disclosure.history.count()) == (
        "Nothing to declare.",
        DisclosureStatus.ACTIVE,
        1,
    )


def test_recording_a_published_disclosure_as_it_is_needs_no_reason():
    disclosure = DisclosureFactory(statement="Nothing to declare.", declares_none=True)
    services.record_disclosure(
        actor=None, authorship=disclosure.authorship, statement="Nothing to declare.", declares_none=True
    )
    disclosure.refresh_from_db()
    assert (disclosure.status, disclosure.history.count()) == (DisclosureStatus.ACTIVE, 1)


def test_a_correction_in_a_batch_is_marked_and_its_reason_kept_in_the_history():
    acme = OrganizationFactory(name="Acme")
    published = DisclosureFactory(statement="Nothing to declare.", declares_none=True)
    draft = AuthorshipFactory(article=ArticleFactory(status=ArticleStatus.DRAFT, published_date=None))
    services.record_disclosures(
        actor=None,
        items=[
            services.DisclosureInput(
                authorship=published.authorship,
                statement="Consults for Acme.",
                interests=[services.InterestInput(category=InterestCategory.CONSULTING, organization=acme)],
            ),
            services.DisclosureInput(authorship=draft, statement="None.", declares_none=True),
        ],
        reason="Recorded by an editor",
        correction_note="The author wrote in.",
    )
    corrected, new = Disclosure.objects.get(pk=published.pk), Disclosure.objects.get(authorship=draft)
    assert (corrected.status, corrected.status_note, new.status) == (
        DisclosureStatus.CORRECTED,
        "The author wrote in.",
        DisclosureStatus.ACTIVE,  # a new disclosure corrects nothing
    )
    assert list(corrected.history.values_list("history_change_reason", flat=True)[:2]) == [
        "Corrected: The author wrote in.",
        "Recorded by an editor: The author wrote in.",
    ]
    assert new.history.get().history_change_reason == "Recorded by an editor"
