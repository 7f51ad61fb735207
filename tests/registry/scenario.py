"""A small registry for the reader pages' tests: what the public must see, and what it must never see.

Ann Example authored two published articles and one draft; Bob Nobody declares nothing on the
published one; Dan Draftonly is an author of the draft alone. Every private or unpublished fact
carries a name of its own (Secret Pharma, Register Co, an amount, an editor's note) so a test can
look for it anywhere on a page.
"""

import datetime
import json
from dataclasses import dataclass
from decimal import Decimal

import lxml.html

from audits.enums import Presence, ReviewStatus, Severity
from registry.enums import ArticleStatus, DisclosureStatus, InterestCategory, OrganizationKind, Provenance
from registry.models import Article, ArticleFunding, Authorship, Interest, Organization, Person
from tests.factories import (
    AffiliationFactory,
    ArticleFactory,
    AuthorshipFactory,
    DeclaredInterestFactory,
    DisclosureFactory,
    FindingFactory,
    InterestFactory,
    OrganizationAliasFactory,
    OrganizationFactory,
    PersonFactory,
    TopicFactory,
)

# Words that must never reach a public page: each names something unpublished or private.
NEVER_PUBLIC = [
    "Unpublished draft on MDMA",  # the draft's title
    "10.5555/reader.draft",  # its DOI
    "Dan Draftonly",  # an author of the draft only
    "Secret Pharma",  # a tie declared only on the draft
    "Register Co",  # a tie known only from an import
    "ann@example.org",  # email
    "1234567893",  # NPI
    "98765",  # an amount
    "secret-file.csv",  # provenance detail
    "forgot to declare",  # the editor's note on the correction
    "a finding of",  # finding summaries
]


@dataclass
class Scenario:
    ann: Person
    bob: Person
    dan: Person
    acme: Organization
    beta: Organization
    gamma: Organization
    secret: Organization
    register_co: Organization
    published: Article
    earlier: Article
    draft: Article
    ann_on_published: Authorship
    consulting: Interest


def build_scenario() -> Scenario:
    acme = OrganizationFactory(name="Acme Pharma", kind=OrganizationKind.COMPANY, country="US", ror_id="05gq02987")
    OrganizationAliasFactory(organization=acme, name="Acme")
    beta = OrganizationFactory(name="Beta Clinics", kind=OrganizationKind.CLINIC)
    gamma = OrganizationFactory(name="Gamma Foundation", kind=OrganizationKind.FUNDER)
    secret = OrganizationFactory(name="Secret Pharma")
    register_co = OrganizationFactory(name="Register Co")
    university = OrganizationFactory(name="University of Oslo", kind=OrganizationKind.UNIVERSITY, ror_id="01xtthb56")

    ann = PersonFactory(
        name="Ann Example",
        given_names="Ann",
        family_name="Example",
        orcid="0000-0002-1825-0097",
        email="ann@example.org",
        npi="1234567893",
    )
    AffiliationFactory(person=ann, organization=university, role="Professor", start_date=datetime.date(2015, 1, 1))
    bob = PersonFactory(name="Bob Nobody", family_name="Nobody")
    dan = PersonFactory(name="Dan Draftonly", family_name="Draftonly")

    published = ArticleFactory(
        doi="10.5555/reader.1",
        title="Ketamine for depression: a trial",
        journal="Journal of Tests",
        received_date=datetime.date(2023, 9, 1),
        accepted_date=datetime.date(2023, 12, 1),
        published_date=datetime.date(2024, 2, 1),
        funding_statement="Funded by the Gamma Foundation.",
    )
    published.topics.add(TopicFactory(name="Depression"), TopicFactory(name="Ketamine"))
    ArticleFunding.objects.create(article=published, organization=gamma, award_id="G-42")
    earlier = ArticleFactory(
        doi="10.5555/reader.0", title="An earlier review", published_date=datetime.date(2021, 5, 1)
    )
    draft = ArticleFactory(
        doi="10.5555/reader.draft", title="Unpublished draft on MDMA", status=ArticleStatus.DRAFT, published_date=None
    )

    consulting = InterestFactory(
        person=ann,
        organization=acme,
        organization_name="Acme",
        category=InterestCategory.CONSULTING,
        start_date=datetime.date(2022, 1, 1),
        ongoing=True,
        amount=Decimal("98765.00"),
        currency="USD",
        specification="consultancy fees",
        provenance_detail="row 7 of secret-file.csv",
    )
    shares = InterestFactory(
        person=ann, organization=beta, category=InterestCategory.STOCK, specification="shares in a clinic"
    )
    ann_on_published = AuthorshipFactory(article=published, person=ann, position=1, corresponding=True)
    declare(
        ann_on_published,
        [consulting, shares],
        "Ann Example has received consulting fees from Acme and holds shares in Beta Clinics.",
        status=DisclosureStatus.CORRECTED,
        status_changed_on=datetime.date(2024, 3, 1),
        status_note="The author forgot to declare Beta Clinics at first.",
    )
    DisclosureFactory(
        authorship=AuthorshipFactory(article=published, person=bob, position=2),
        statement="Bob Nobody declares no competing interests.",
        declares_none=True,
    )
    declare(AuthorshipFactory(article=earlier, person=ann, position=1), [consulting], "Consulting fees from Acme.")

    # The draft: Ann declares Secret Pharma there only; Dan, its other author, declares lectures for Acme.
    secret_tie = InterestFactory(person=ann, organization=secret, category=InterestCategory.ADVISORY_BOARD)
    ann_on_draft = AuthorshipFactory(article=draft, person=ann, position=1)
    declare(ann_on_draft, [secret_tie, consulting], "Secret Pharma advisory board; Acme consulting.")
    dan_lectures = InterestFactory(person=dan, organization=acme, category=InterestCategory.LECTURES)
    declare(AuthorshipFactory(article=draft, person=dan, position=2), [dan_lectures], "Lectures for Acme.")

    # Known from an import only, never declared.
    InterestFactory(
        person=ann, organization=register_co, category=InterestCategory.GRANTS, provenance=Provenance.IMPORT
    )

    add_findings(ann_on_published, ann_on_draft)
    return Scenario(
        ann, bob, dan, acme, beta, gamma, secret, register_co, published, earlier, draft, ann_on_published, consulting
    )


def declare(authorship: Authorship, interests: list[Interest], statement: str, **disclosure_fields):
    disclosure = DisclosureFactory(authorship=authorship, statement=statement, declares_none=False, **disclosure_fields)
    for interest in interests:
        DeclaredInterestFactory(disclosure=disclosure, interest=interest)
    return disclosure


def add_findings(on_published: Authorship, on_draft: Authorship) -> None:
    """Three findings the public may count; five it may not."""
    confirmed = {"review_status": ReviewStatus.CONFIRMED, "presence": Presence.RECURRING}
    for _ in range(2):
        FindingFactory(authorship=on_published, rule_code="UNDISCLOSED_INTEREST", severity=Severity.HIGH, **confirmed)
    FindingFactory(authorship=on_published, rule_code="MULTIPLE_TIES_SAME_ENTITY", severity=Severity.LOW, **confirmed)
    FindingFactory(authorship=on_published, rule_code="FUNDER_TIE", severity=Severity.HIGH)  # open
    FindingFactory(authorship=on_published, rule_code="RELEVANT_INTEREST", review_status=ReviewStatus.DISMISSED)
    FindingFactory(
        authorship=on_published,
        rule_code="NONE_DECLARED_BUT_INTERESTS",
        review_status=ReviewStatus.CONFIRMED,
        presence=Presence.RESOLVED,
    )
    FindingFactory(authorship=on_published, rule_code="REVIEWER_CONFLICT", severity=Severity.HIGH, **confirmed)
    FindingFactory(authorship=on_draft, rule_code="MISSING_DISCLOSURE", **confirmed)


# --- reading pages ---------------------------------------------------------------------------------


def parse(response) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(response.content.decode())


def texts(tree: lxml.html.HtmlElement, xpath: str) -> list[str]:
    """The whitespace-normalized text of each element the XPath finds; a table row's cells one space apart."""
    return [text_of(element) for element in tree.xpath(xpath)]


def text_of(element: lxml.html.HtmlElement) -> str:
    if element.tag == "tr":
        return " ".join(text_of(cell) for cell in element)
    return " ".join(element.text_content().split())


def jsonld(tree: lxml.html.HtmlElement) -> dict:
    (script,) = tree.xpath('//script[@type="application/ld+json"]')
    return json.loads(script.text)


def audit_rows(tree: lxml.html.HtmlElement) -> list[str]:
    return texts(tree, '//section[@aria-labelledby="audit-heading"]//tbody/tr')


def force_public_flags(scenario: Scenario) -> None:
    """Write "public" on the people and organizations only unpublished articles or imports know, as a stale
    edit form or a careless script would: the database must keep them out of the public set regardless."""
    Person.objects.filter(pk=scenario.dan.pk).update(is_public=True)
    Organization.objects.filter(pk__in=[scenario.secret.pk, scenario.register_co.pk]).update(is_public=True)
