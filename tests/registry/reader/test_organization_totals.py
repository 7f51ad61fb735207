"""The organization page's totals, subsidiaries rolled up, articles declaring ties, chart and register
payments; nothing from drafts, withdrawn disclosures or unmatched payments."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from registry.enums import ArticleStatus, InterestCategory
from tests.factories import (
    AuthorshipFactory,
    DeclaredInterestFactory,
    OrganizationFactory,
    PaymentRecordFactory,
    PersonFactory,
)
from tests.registry.scenario import parse, texts

pytestmark = pytest.mark.django_db


def page(client, organization):
    return parse(client.get(reverse("organization", args=[organization.pk])))


def declare(organization, *, title: str, category=InterestCategory.CONSULTING, year: int = 2024, **article):
    return DeclaredInterestFactory(
        interest__organization=organization,
        interest__category=category,
        disclosure__authorship__article__title=title,
        disclosure__authorship__article__published_date=datetime.date(year, 3, 1),
        **{f"disclosure__authorship__article__{key}": value for key, value in article.items()},
    )


def test_totals_and_subsidiaries_rolled_up(client):
    parent = OrganizationFactory(name="Johnson & Johnson")
    janssen = OrganizationFactory(name="Janssen", parent=parent)
    declare(parent, title="Parent study")
    declare(janssen, title="Janssen study one", category=InterestCategory.STOCK)
    declare(janssen, title="Janssen study two", year=2023)
    declare(janssen, title="Draft study", status=ArticleStatus.DRAFT)
    tree = page(client, parent)
    assert texts(tree, '//dl[@id="totals-list"]/*') == [
        "People declaring ties",
        "1",
        "Ties declared",
        "1",
        "Articles declaring them",
        "1",
        "With its subsidiaries",
        "3 people, 3 ties, 3 articles",
    ]
    assert texts(tree, '//table[@id="subsidiaries"]/tbody/tr') == ["Janssen 2 2 2"]
    assert texts(tree, '//ul[@id="declaring-articles"]/li/a') == [
        "Janssen study one",
        "Parent study",
        "Janssen study two",
    ]
    assert "Draft study" not in tree.text_content()


def test_a_withdrawn_disclosure_counts_for_nothing(client):
    organization = OrganizationFactory()
    declared = declare(organization, title="Withdrawn study")
    declare(organization, title="Standing study")
    declared.disclosure.status = "withdrawn"
    declared.disclosure.save()
    tree = page(client, organization)
    assert texts(tree, '//ul[@id="declaring-articles"]/li/a') == ["Standing study"]


def test_the_chart_stacks_categories_per_year_with_the_tables_as_its_text(client):
    organization = OrganizationFactory()
    declare(organization, title="One", year=2022)
    declare(organization, title="Two", year=2024, category=InterestCategory.STOCK)
    tree = page(client, organization)
    assert tree.xpath("//figure/svg/@role") == ["img"]
    assert sorted(tree.xpath("//figure/svg/rect/title/text()")) == [
        "2022, 4. Consulting fees: 1",
        "2024, 11. Stock or stock options: 1",
    ]
    assert texts(tree, "//figure/svg/text") == ["2022", "2023", "2024"]


def test_register_payments_per_year_from_matched_published_authors_only(client):
    payer = OrganizationFactory(name="Payer Pharma")
    author = AuthorshipFactory(person=PersonFactory(name="Jane Roe")).person
    declare(payer, title="Makes it public")
    PaymentRecordFactory(payer=payer, person=author, amount=Decimal("2500.00"), payment_date=datetime.date(2024, 6, 1))
    PaymentRecordFactory(payer=payer, person=author, amount=Decimal("100.50"), payment_date=datetime.date(2023, 1, 5))
    PaymentRecordFactory(payer=payer, person=PersonFactory(), amount=Decimal("7777.00"))  # no published article
    PaymentRecordFactory(payer=payer, person=None, match_status="unmatched", amount=Decimal("8888.00"))
    tree = page(client, payer)
    assert texts(tree, '//table[@id="payments-table"]/tbody/tr') == [
        "2024 CMS Open Payments (US) 1 2,500.00",
        "2023 CMS Open Payments (US) 1 100.50",
    ]
    assert texts(tree, '//table[@id="payments-table"]/tfoot/tr') == ["Total 2,600.50"]
    assert "7,777" not in tree.text_content() and "8,888" not in tree.text_content()


def test_no_register_payments_no_section(client, scenario):
    assert not page(client, scenario.acme).xpath('//*[@id="payments"]')
