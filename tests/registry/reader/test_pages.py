"""The public reader pages: what an author, article and organization page tells a reader, and the
boundary they keep: only published articles and what hangs off them, no private field, no finding
an auditor has not confirmed."""

import datetime

import pytest
from django.urls import reverse

from registry.enums import ArticleStatus
from tests.factories import (
    ArticleFactory,
    AuthorshipFactory,
    DeclaredInterestFactory,
    DisclosureFactory,
    FindingFactory,
    PersonFactory,
    auditor,
    editor,
)
from tests.registry.scenario import NEVER_PUBLIC, audit_rows, jsonld, parse, texts

pytestmark = pytest.mark.django_db

DASH = "\N{EN DASH}"


def person_url(person) -> str:
    return reverse("person", args=[person.pk])


def article_url(article) -> str:
    return reverse("article", args=[article.doi])


def organization_url(organization) -> str:
    return reverse("organization", args=[organization.pk])


EXPECTED_AUDIT_ROWS = [
    "Known tie missing from a disclosure High 2",
    "Several kinds of tie to one organization Low 1",
]


# --- author page -------------------------------------------------------------------------------------


def test_author_page_names_the_person_with_orcid_and_affiliations(client, scenario):
    tree = parse(client.get(person_url(scenario.ann)))
    assert texts(tree, "//h1") == ["Ann Example"]
    assert tree.xpath('//a[@href="https://orcid.org/0000-0002-1825-0097"]')
    assert texts(tree, '//section[@aria-labelledby="affiliations"]//li') == [
        f"Professor, University of Oslo (ROR record of University of Oslo) 2015{DASH}"
    ]


def test_author_page_groups_declared_ties_by_organization_with_the_articles_declaring_them(client, scenario):
    tree = parse(client.get(person_url(scenario.ann)))
    rows = texts(tree, '//h3[@id="ties-by-organization"]/following-sibling::table[1]/tbody/tr')
    assert rows == [
        "Acme Pharma (declared as Acme)",
        f"4. Consulting fees Self since 2022-01-01, ongoing consultancy fees 1{DASH}2",
        "Beta Clinics",
        "11. Stock or stock options Self not stated shares in a clinic 1",
    ]
    # The numbers cite the articles as listed below, newest first.
    assert tree.xpath(f'//tbody[@id="organization-{scenario.acme.pk}"]//a[@href="#article-2"]')
    assert texts(tree, '//section[@aria-labelledby="articles"]//li/a') == [
        "Ketamine for depression: a trial",
        "An earlier review",
    ]
    assert tree.xpath(f'//tbody[@id="organization-{scenario.acme.pk}"]//a[@href="{organization_url(scenario.acme)}"]')


def test_author_page_groups_declared_ties_by_category(client, scenario):
    tree = parse(client.get(person_url(scenario.ann)))
    rows = texts(tree, '//h3[@id="ties-by-category"]/following-sibling::table[1]/tbody/tr')
    assert rows == ["4. Consulting fees 1 Acme Pharma", "11. Stock or stock options 1 Beta Clinics"]


def test_author_page_lists_published_articles_with_the_statement_as_written(client, scenario):
    tree = parse(client.get(person_url(scenario.ann)))
    items = texts(tree, '//section[@aria-labelledby="articles"]//li')
    assert items == [
        "Ketamine for depression: a trial Journal of Tests, 2024-02-01, doi:10.5555/reader.1; author 1, corresponding "
        "Corrected on 2024-03-01 Ann Example has received consulting fees from Acme and holds shares in Beta Clinics.",
        "An earlier review Test Journal, 2021-05-01, doi:10.5555/reader.0; author 1 Consulting fees from Acme.",
    ]
    assert tree.xpath(f'//li[@id="article-1"]/a[@href="{article_url(scenario.published)}"]')


def test_author_page_says_when_nothing_is_declared_and_when_no_disclosure_is_on_file(client):
    person = PersonFactory(name="Cleo Quiet")
    declares_nothing = AuthorshipFactory(person=person, article__published_date=datetime.date(2026, 2, 1))
    DisclosureFactory(authorship=declares_nothing, statement="Cleo Quiet has nothing to declare.")
    AuthorshipFactory(person=person, article__published_date=datetime.date(2026, 1, 1))
    tree = parse(client.get(person_url(person)))
    after_the_citation = [
        " ".join(texts(item, 'span[@class="meta"]/following-sibling::*'))
        for item in tree.xpath('//section[@aria-labelledby="articles"]//li')
    ]
    assert after_the_citation == [
        "Cleo Quiet has nothing to declare. Declares no competing interests.",
        "No disclosure on file.",
    ]
    assert texts(tree, '//section[@aria-labelledby="ties"]/p[last()]') == ["No ties declared in published disclosures."]


def test_author_page_timeline_is_an_svg_with_the_same_numbers_as_a_table(client, scenario):
    tree = parse(client.get(person_url(scenario.ann)))
    (chart,) = tree.xpath('//svg[@role="img"]')
    assert chart.get("aria-labelledby") == "timeline-title timeline-desc"
    assert texts(tree, '//*[@id="timeline-desc"]') == [
        "From 2021 to 2026: 2 articles; most ties in effect in 2024 (2). The table below gives every year's numbers."
    ]
    assert texts(tree, '//table[@id="timeline-table"]/tbody/tr') == [
        "2021 1 1 1",  # the earlier review; Acme consulting (declared then, dates later) counts from there
        "2022 0 1 0",
        "2023 0 1 0",
        "2024 1 2 1",  # Beta shares, dated by the article declaring them
        "2025 0 1 0",
        "2026 0 1 0",  # Acme is ongoing, to this year
    ]


def test_author_page_describes_the_person_in_json_ld(client, scenario):
    data = jsonld(parse(client.get(person_url(scenario.ann))))
    url = f"http://testserver{person_url(scenario.ann)}"
    assert data == {
        "@context": "https://schema.org",
        "@type": "Person",
        "@id": url,
        "url": url,
        "name": "Ann Example",
        "givenName": "Ann",
        "familyName": "Example",
        "identifier": {"@type": "PropertyValue", "propertyID": "ORCID", "value": "0000-0002-1825-0097"},
        "sameAs": "https://orcid.org/0000-0002-1825-0097",
        "affiliation": [{"@type": "Organization", "name": "University of Oslo", "sameAs": "https://ror.org/01xtthb56"}],
    }


def test_author_page_counts_only_confirmed_findings_on_published_articles(client, scenario):
    tree = parse(client.get(person_url(scenario.ann)))
    assert audit_rows(tree) == EXPECTED_AUDIT_ROWS
    assert texts(tree, '//section[@aria-labelledby="audit-heading"]//tfoot/tr') == ["Total 3"]


def test_author_page_never_shows_drafts_imports_or_private_fields(client, scenario):
    content = client.get(person_url(scenario.ann)).content.decode()
    for words in NEVER_PUBLIC:
        assert words not in content, words


def test_author_of_drafts_only_and_unknown_people_are_not_found(client, scenario):
    assert client.get(person_url(scenario.dan)).status_code == 404
    assert client.get(reverse("person", args=[99999])).status_code == 404


@pytest.mark.parametrize("make_user", [editor, auditor])
def test_staff_read_the_same_public_page(client, scenario, make_user):
    public = client.get(person_url(scenario.ann)).content.decode()
    client.force_login(make_user())
    content = client.get(person_url(scenario.ann)).content.decode()
    assert content == public
    assert client.get(person_url(scenario.dan)).status_code == 404


# --- article page ------------------------------------------------------------------------------------


def test_article_page_shows_its_record(client, scenario):
    tree = parse(client.get(article_url(scenario.published)))
    assert texts(tree, "//h1") == ["Ketamine for depression: a trial"]
    assert texts(tree, '//dl[@class="facts"]/*') == [
        "DOI",
        "https://doi.org/10.5555/reader.1",
        "Journal",
        "Journal of Tests",
        "Received",
        "2023-09-01",
        "Accepted",
        "2023-12-01",
        "Published",
        "2024-02-01",
        "Topics",
        "Depression, Ketamine",
    ]
    assert tree.xpath('//a[@href="https://doi.org/10.5555/reader.1"]')
    assert texts(tree, '//section[@aria-labelledby="funding"]//li') == ["Gamma Foundation (award G-42)"]
    assert tree.xpath(f'//section[@aria-labelledby="funding"]//a[@href="{organization_url(scenario.gamma)}"]')


def test_article_page_sets_each_author_beside_their_disclosure(client, scenario):
    tree = parse(client.get(article_url(scenario.published)))
    authors = tree.xpath('//section[@aria-labelledby="authors"]/table/tbody/tr')
    assert [" ".join(row.xpath("th")[0].text_content().split()) for row in authors] == [
        "1. Ann Example corresponding ORCID 0000-0002-1825-0097",
        "2. Bob Nobody",
    ]
    ann, bob = authors
    assert ann.xpath(f'th/a[@href="{person_url(scenario.ann)}"]')
    assert texts(ann, "td[1]") == [
        "Corrected on 2024-03-01 Ann Example has received consulting fees from Acme and holds shares in Beta Clinics."
    ]
    assert texts(ann, "td[2]//tbody/tr") == [
        "4. Consulting fees Acme Pharma (declared as “Acme”) Self since 2022-01-01, ongoing consultancy fees",
        "11. Stock or stock options Beta Clinics Self not stated shares in a clinic",
    ]
    assert texts(bob, "td[1]") == ["Bob Nobody declares no competing interests. Declares no competing interests."]
    assert texts(bob, "td[2]") == ["None."]


def test_article_page_describes_the_article_in_json_ld(client, scenario):
    data = jsonld(parse(client.get(article_url(scenario.published))))
    server = "http://testserver"
    assert data == {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "@id": f"{server}{article_url(scenario.published)}",
        "url": f"{server}{article_url(scenario.published)}",
        "name": "Ketamine for depression: a trial",
        "headline": "Ketamine for depression: a trial",
        "author": [
            {
                "@type": "Person",
                "@id": f"{server}{person_url(scenario.ann)}",
                "url": f"{server}{person_url(scenario.ann)}",
                "name": "Ann Example",
                "identifier": {"@type": "PropertyValue", "propertyID": "ORCID", "value": "0000-0002-1825-0097"},
                "sameAs": "https://orcid.org/0000-0002-1825-0097",
            },
            {
                "@type": "Person",
                "@id": f"{server}{person_url(scenario.bob)}",
                "url": f"{server}{person_url(scenario.bob)}",
                "name": "Bob Nobody",
            },
        ],
        "identifier": {"@type": "PropertyValue", "propertyID": "DOI", "value": "10.5555/reader.1"},
        "sameAs": "https://doi.org/10.5555/reader.1",
        "datePublished": "2024-02-01",
        "isPartOf": {"@type": "Periodical", "name": "Journal of Tests"},
        "keywords": ["Depression", "Ketamine"],
        "funder": [{"@type": "Organization", "name": "Gamma Foundation"}],
    }


def test_json_ld_cannot_close_its_script_element(client):
    article = ArticleFactory(title="</script><script>alert(1)</script>")
    content = client.get(article_url(article)).content.decode()
    assert "<script>alert(1)" not in content
    assert jsonld(parse(client.get(article_url(article))))["name"] == "</script><script>alert(1)</script>"


def test_article_page_counts_only_confirmed_findings(client, scenario):
    assert audit_rows(parse(client.get(article_url(scenario.published)))) == EXPECTED_AUDIT_ROWS


def test_article_page_never_shows_drafts_imports_or_private_fields(client, scenario):
    content = client.get(article_url(scenario.published)).content.decode()
    for words in NEVER_PUBLIC:
        assert words not in content, words


def test_draft_articles_are_not_found_by_doi_or_id_even_for_staff(client, scenario):
    client.force_login(editor())
    assert client.get(article_url(scenario.draft)).status_code == 404
    assert client.get(reverse("article", args=[scenario.draft.pk])).status_code == 404


def test_article_addresses(client, scenario):
    by_id = client.get(reverse("article", args=[scenario.published.pk]))
    assert (by_id.status_code, by_id.url) == (301, article_url(scenario.published))
    upper = client.get("/articles/10.5555/READER.1/")
    assert (upper.status_code, upper.url) == (301, "/articles/10.5555/reader.1/")
    assert client.get("/articles/not-a-doi/").status_code == 404
    assert client.get("/articles/10.5555/reader.404/").status_code == 404
    without_doi = ArticleFactory(doi=None, title="No DOI")
    response = client.get(reverse("article", args=[without_doi.pk]))
    assert (response.status_code, texts(parse(response), "//h1")) == (200, ["No DOI"])


def test_a_doi_with_reserved_characters_round_trips(client):
    article = ArticleFactory(doi="10.1002/(sici)1097-4636(199712)37:3<395::aid-jbm10>3.0.co;2-k#x?y")
    url = article_url(article)
    assert "%3C" in url and "%23" in url and "%3F" in url
    assert texts(parse(client.get(url)), "//h1") == [article.title]


# --- links between pages ----------------------------------------------------------------------------


def test_home_page_links_to_search_and_published_articles(client, scenario):
    tree = parse(client.get(reverse("home")))
    assert tree.xpath(f'//form[@action="{reverse("search")}"]//input[@name="q"]')
    assert tree.xpath(f'//a[@href="{article_url(scenario.published)}"]')
    assert not tree.xpath(f'//a[@href="{article_url(scenario.draft)}"]')


def test_editors_see_drafts_on_the_home_page_without_a_link_to_a_public_page(client, scenario):
    client.force_login(editor())
    tree = parse(client.get(reverse("home")))
    assert "Unpublished draft on MDMA" in tree.text_content()
    assert not tree.xpath(f'//a[@href="{article_url(scenario.draft)}"]')


def test_a_published_article_turned_draft_disappears_everywhere(client, scenario):
    scenario.earlier.status = ArticleStatus.DRAFT
    scenario.earlier.published_date = None
    scenario.earlier.save()
    content = client.get(person_url(scenario.ann)).content.decode()
    assert "An earlier review" not in content
    assert client.get(article_url(scenario.earlier)).status_code == 404


def test_findings_of_unconfirmed_rules_do_not_change_counts(client, scenario):
    FindingFactory(authorship=scenario.ann_on_published, rule_code="UNDISCLOSED_INTEREST")  # open
    assert audit_rows(parse(client.get(person_url(scenario.ann)))) == EXPECTED_AUDIT_ROWS


def test_names_and_statements_are_escaped_on_every_page(client):
    hostile = "<script>alert(1)</script>"
    declared = DeclaredInterestFactory(
        interest__organization__name=f"Evil {hostile} Inc",
        interest__specification=hostile,
        disclosure__statement=f"I declare {hostile}",
        disclosure__authorship__person__name=f"Mallory {hostile}",
    )
    authorship = declared.disclosure.authorship
    pages = [
        reverse("person", args=[authorship.person.pk]),
        article_url(authorship.article),
        organization_url(declared.interest.organization),
        reverse("search") + "?q=mallory",
    ]
    for url in pages:
        content = client.get(url).content.decode()
        assert hostile not in content, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content, url
