"""Register payments on the author page: matched records only, by company and year, with the source and
the match's confidence, and a note where the register and the author's declarations disagree."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import OrganizationFactory, PaymentRecordFactory
from tests.registry.scenario import parse, texts

pytestmark = pytest.mark.django_db


def page(client, person):
    return parse(client.get(reverse("person", args=[person.pk])))


def test_payments_by_company_and_year_beside_what_was_declared(client, scenario):
    other = OrganizationFactory(name="Undeclared Corp")
    PaymentRecordFactory(person=scenario.ann, payer=scenario.acme, amount=Decimal("1000.00"))
    PaymentRecordFactory(
        person=scenario.ann, payer=scenario.acme, amount=Decimal("250.25"), payment_date=datetime.date(2023, 2, 1)
    )
    PaymentRecordFactory(
        person=scenario.ann, payer=other, amount=Decimal("40.00"), match_method="name", match_confidence=0.8
    )
    tree = page(client, scenario.ann)
    assert texts(tree, '//table[@id="payments-table"]/tbody/tr') == [
        "Acme Pharma 2024 1 1,000.00 Yes CMS Open Payments (US); matched by same npi (confidence 100%)",
        "2023 1 250.25",
        "All years 2 1,250.25",
        "Undeclared Corp 2024 1 40.00 No CMS Open Payments (US); matched by same first and last name, and no one "
        "else by that name (confidence 80%)",
        "All years 1 40.00",
    ]
    assert texts(tree, '//p[@id="payments-disagree"]/strong') == ["Where the register and the declarations disagree:"]
    assert "payments from Undeclared Corp, to which" in tree.text_content()


def test_unmatched_and_ambiguous_records_never_show(client, scenario):
    PaymentRecordFactory(person=None, match_status="unmatched", amount=Decimal("5555.00"), first_name="ANN")
    PaymentRecordFactory(person=scenario.ann, match_status="ambiguous", amount=Decimal("6666.00"))
    tree = page(client, scenario.ann)
    assert not tree.xpath('//*[@id="payments"]')
    assert "5,555" not in tree.text_content() and "6,666" not in tree.text_content()


def test_no_note_when_every_payer_was_declared(client, scenario):
    PaymentRecordFactory(person=scenario.ann, payer=scenario.beta)
    tree = page(client, scenario.ann)
    assert texts(tree, '//table[@id="payments-table"]//td[text()="Yes"]') == ["Yes"]
    assert not tree.xpath('//p[@id="payments-disagree"]')


def test_a_match_an_editor_confirmed_shows_and_one_they_rejected_does_not(client, scenario):
    PaymentRecordFactory(person=scenario.ann, payer=scenario.acme, amount=Decimal("700.00"), match_status="confirmed")
    PaymentRecordFactory(person=None, payer=scenario.acme, amount=Decimal("8888.00"), match_status="rejected")
    tree = page(client, scenario.ann)
    assert texts(tree, '//table[@id="payments-table"]/tbody/tr')[0].startswith("Acme Pharma 2024 1 700.00")
    assert "8,888" not in tree.text_content()
