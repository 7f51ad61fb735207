"""The organization page: who declared ties to it in published disclosures, by category and year, and
the published articles it funded; nothing from drafts or imports."""

import pytest
from django.urls import reverse

from tests.factories import DeclaredInterestFactory, InterestFactory, OrganizationFactory, PersonFactory
from tests.registry.scenario import NEVER_PUBLIC, parse, texts

pytestmark = pytest.mark.django_db

DASH = "\N{EN DASH}"


def organization_url(organization) -> str:
    return reverse("organization", args=[organization.pk])


def person_url(person) -> str:
    return reverse("person", args=[person.pk])


def test_organization_page_shows_who_declared_ties_by_category_and_year(client, scenario):
    tree = parse(client.get(organization_url(scenario.acme)))
    assert texts(tree, "//h1") == ["Acme Pharma"]
    assert texts(tree, '(//dl[@class="facts"])[1]/*') == [
        "Also known as",
        "Acme",
        "Kind",
        "Company",
        "Country",
        "US",
        "ROR",
        "https://ror.org/05gq02987",
    ]
    assert texts(tree, "//h3") == ["4. Consulting fees", "People who declared ties"]
    assert texts(tree, '//h3[@id="category-consulting"]/following-sibling::p[1]') == ["1 person."]
    assert texts(tree, '//h3[@id="category-consulting"]/following-sibling::table[1]/tbody/tr') == [
        "2024 1 1 Ann Example",
        "2021 1 1 Ann Example",
    ]
    assert texts(tree, '//h3[@id="people"]/following-sibling::table[1]/tbody/tr') == [
        f"Ann Example 4. Consulting fees 2021{DASH}2024"
    ]
    assert tree.xpath(f'//a[@href="{person_url(scenario.ann)}"]')


def test_organization_page_counts_each_year_s_people_and_disclosures(client):
    organization = OrganizationFactory(name="Delta Devices")
    for name in ["Zoe Zed", "Al Alpha"]:
        interest = InterestFactory(person=PersonFactory(name=name), organization=organization)
        DeclaredInterestFactory(interest=interest, disclosure__authorship__person=interest.person)
    tree = parse(client.get(organization_url(organization)))
    assert texts(tree, '//h3[@id="category-consulting"]/following-sibling::table[1]/tbody/tr') == [
        "2026 2 2 Al Alpha, Zoe Zed"
    ]


def test_a_funder_has_a_page_listing_the_published_articles_it_funded(client, scenario):
    tree = parse(client.get(organization_url(scenario.gamma)))
    assert texts(tree, '//section[@aria-labelledby="funded"]//li') == [
        "Ketamine for depression: a trial Journal of Tests, 2024"
    ]
    assert "No ties declared in published disclosures." in tree.text_content()


def test_organizations_without_published_records_are_not_found(client, scenario):
    assert client.get(organization_url(scenario.secret)).status_code == 404  # declared on the draft only
    assert client.get(organization_url(scenario.register_co)).status_code == 404  # imported only
    assert client.get(organization_url(OrganizationFactory())).status_code == 404


def test_organization_page_never_shows_drafts_or_private_fields(client, scenario):
    content = client.get(organization_url(scenario.acme)).content.decode()
    for words in NEVER_PUBLIC:
        assert words not in content, words
    assert "5. Payment or honoraria" not in content  # Dan's lectures, declared on the draft


def test_parent_is_linked_only_when_it_has_a_page_itself(client, scenario):
    scenario.acme.parent = OrganizationFactory(name="Acme Holdings")
    scenario.acme.save()
    tree = parse(client.get(organization_url(scenario.acme)))
    assert texts(tree, '//dt[.="Part of"]/following-sibling::dd[1]') == ["Acme Holdings"]
    assert not tree.xpath('//dt[.="Part of"]/following-sibling::dd[1]/a')
    scenario.beta.subsidiaries.add(scenario.acme)
    tree = parse(client.get(organization_url(scenario.acme)))
    assert tree.xpath(f'//dt[.="Part of"]/following-sibling::dd[1]/a[@href="{organization_url(scenario.beta)}"]')
