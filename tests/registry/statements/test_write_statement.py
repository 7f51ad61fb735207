"""write_statement(): which authors it speaks for, and its query budget."""

import pytest

from registry.enums import DisclosureStatus, InterestCategory, Payee
from registry.statements import write_statement
from tests import factories


def author(article, name, position, *, ties=(), on_file=True, status=DisclosureStatus.ACTIVE):
    """An authorship; with a disclosure on file (declaring `ties`: (category, organization, payee)) or none."""
    authorship = factories.AuthorshipFactory(
        article=article, person=factories.PersonFactory(name=name), position=position
    )
    if not on_file:
        return authorship
    disclosure = factories.DisclosureFactory(authorship=authorship, declares_none=not ties, status=status)
    for category, organization, payee in ties:
        interest = factories.InterestFactory(
            person=authorship.person,
            organization=factories.OrganizationFactory(name=organization),
            organization_name=organization,
            category=category,
            payee=payee,
        )
        factories.DeclaredInterestFactory(disclosure=disclosure, interest=interest)
    return authorship


@pytest.fixture
def article(db):
    return factories.ArticleFactory()


def test_authors_without_a_disclosure_on_file_are_not_said_to_declare_nothing(article):
    author(article, "Jane Smith", 1, ties=[(InterestCategory.GRANTS, "Pfizer", Payee.INSTITUTION)])
    author(article, "Ole A. Andreassen", 2)
    author(article, "Paul Thompson", 3, on_file=False)
    author(article, "Li Wei", 4, ties=[(InterestCategory.STOCK, "Bayer AG", Payee.SELF)], status="withdrawn")

    assert write_statement(article, style="icmje") == (
        "Jane Smith reports grants from Pfizer, paid to their institution, outside the submitted work. "
        "Ole A. Andreassen declares no competing interests."
    )
    assert write_statement(article, style="per-author") == (
        "Jane Smith: grants from Pfizer, paid to their institution.\n\n"
        "Ole A. Andreassen declares no competing interests."
    )


def test_every_author_declaring_nothing(article):
    author(article, "Jane Smith", 1)
    author(article, "Ole A. Andreassen", 2)

    assert write_statement(article, style="icmje") == "The authors declare no competing interests."


def test_a_single_author_declaring_nothing(article):
    author(article, "Jane Smith", 1)

    assert write_statement(article, style="icmje") == "The author declares no competing interests."


def test_nothing_on_file_writes_nothing(article):
    author(article, "Jane Smith", 1, on_file=False)

    assert write_statement(article, style="icmje") == ""
    assert write_statement(article, style="per-author") == ""


def test_support_for_the_manuscript_and_a_name_with_and(article):
    author(
        article,
        "Zoë Müller-Lüdenscheidt",
        1,
        ties=[
            (InterestCategory.MANUSCRIPT_SUPPORT, "Wellcome Trust", Payee.SELF),
            (InterestCategory.CONSULTING, "Smith and Nephew Ltd", Payee.SELF),
            (InterestCategory.CONSULTING, "Pfizer", Payee.SELF),
        ],
    )
    author(article, "Jane Smith", 2)

    assert write_statement(article, style="icmje") == (
        "Zoë Müller-Lüdenscheidt reports support for the present manuscript from Wellcome Trust, during the "
        "conduct of the study. Zoë Müller-Lüdenscheidt also reports consulting fees from Smith & Nephew Ltd and "
        "from Pfizer, outside the submitted work. Jane Smith declares no competing interests."
    )


def test_unknown_style_is_refused(article):
    with pytest.raises(ValueError):
        write_statement(article, style="apa")


@pytest.mark.parametrize("authors", [1, 5])
def test_query_budget(article, authors, django_assert_num_queries):
    for position in range(1, authors + 1):
        ties = [(InterestCategory.GRANTS, f"Funder {position}", Payee.SELF)] * (position % 2)
        author(article, f"Author Number{position}", position, ties=ties)

    # 1 authorships with their people, 2 disclosures in force, 3 their declared interests, interests and
    # organizations.
    with django_assert_num_queries(3):
        write_statement(article, style="icmje")
