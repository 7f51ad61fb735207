"""The leak canary over every reader page and their new paths (start page filters and pages, the search
through statements, topics and typos, organization totals and payments, author payments): nothing
unpublished or private appears."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import PaymentRecordFactory
from tests.registry.scenario import NEVER_PUBLIC, force_public_flags, parse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("forced", [False, True], ids=["as kept", "flags forced"])
def test_no_reader_page_shows_anything_unpublished_or_private(client, scenario, forced):
    if forced:
        force_public_flags(scenario)
    PaymentRecordFactory(person=scenario.ann, payer=scenario.acme, payment_date=datetime.date(2024, 1, 1))
    PaymentRecordFactory(person=scenario.dan, payer=scenario.acme, amount=Decimal("4242.00"))  # drafts only
    urls = [
        reverse("home"),
        reverse("home") + "?ties=1",
        reverse("home") + "?confirmed=1",
        reverse("home") + "?page=2",
        reverse("home") + "?year=2024&topic=1",
        *(
            reverse("search") + f"?q={query}"
            for query in [
                "unpublished",
                "unpublishd draft",
                "draftonly",
                "draftonlu",
                "secret",
                "secrat",
                "register",
                "mdma",
                "forgot",
                "ann",
                "acme",
                "ketamine",
                "e",
            ]
        ),
        reverse("person", args=[scenario.ann.pk]),
        reverse("person", args=[scenario.bob.pk]),
        reverse("article", args=[scenario.published.doi]),
        *(reverse("organization", args=[org.pk]) for org in [scenario.acme, scenario.beta, scenario.gamma]),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        assert [word for word in [*NEVER_PUBLIC, "4,242", "4242"] if word in text] == [], url


def test_the_organization_page_of_a_payer_counts_no_payments_to_authors_of_drafts_only(client, scenario):
    PaymentRecordFactory(person=scenario.dan, payer=scenario.acme, amount=Decimal("4242.00"))
    tree = parse(client.get(reverse("organization", args=[scenario.acme.pk])))
    assert not tree.xpath('//*[@id="payments"]')
