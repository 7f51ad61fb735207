"""A withdrawn disclosure declares nothing any more: its ties leave the organization page's tables and
the author's list of declared interests, while the statement itself stays on record as withdrawn."""

import pytest
from django.urls import reverse

from registry.enums import DisclosureStatus, InterestCategory
from tests.factories import DeclaredInterestFactory, OrganizationFactory
from tests.registry.scenario import parse

pytestmark = pytest.mark.django_db


def withdrawn_tie(organization):
    declared = DeclaredInterestFactory(
        interest__organization=organization,
        interest__category=InterestCategory.STOCK,
        disclosure__authorship__article__title="Withdrawn study",
    )
    declared.disclosure.status = DisclosureStatus.WITHDRAWN
    declared.disclosure.save()
    return declared


def test_the_organization_tables_leave_out_ties_declared_only_in_withdrawn_disclosures(client):
    organization = OrganizationFactory(name="Acme Pharma")
    DeclaredInterestFactory(interest__organization=organization, interest__category=InterestCategory.CONSULTING)
    withdrawn = withdrawn_tie(organization)
    tree = parse(client.get(reverse("organization", args=[organization.pk])))
    assert tree.xpath('//h3[starts-with(@id, "category-")]/@id') == [f"category-{InterestCategory.CONSULTING}"]
    people = tree.xpath('//h3[@id="people"]/following-sibling::*[1]')[0].text_content()
    assert withdrawn.disclosure.authorship.person.name not in people


def test_the_author_page_lists_no_interest_declared_only_in_a_withdrawn_disclosure(client):
    withdrawn = withdrawn_tie(OrganizationFactory(name="Acme Pharma"))
    person = withdrawn.disclosure.authorship.person
    tree = parse(client.get(reverse("person", args=[person.pk])))
    ties = tree.xpath('//section[@aria-labelledby="ties"]')[0].text_content()
    assert "Acme Pharma" not in ties
    assert "No ties declared in published disclosures." in ties
    assert "Withdrawn study" in tree.text_content()
