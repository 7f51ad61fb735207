"""Integrity lives in the database: each constraint refuses bad data, in validation with a clear
message and in the database itself when validation is bypassed."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from registry.enums import ArticleStatus
from registry.models import Affiliation, Article, Authorship, DeclaredInterest, Disclosure, Interest, Person
from tests.factories import (
    ArticleFactory,
    AuthorshipFactory,
    DisclosureFactory,
    InterestFactory,
    OrganizationFactory,
    PersonFactory,
)

pytestmark = pytest.mark.django_db

JAN, FEB = datetime.date(2024, 1, 1), datetime.date(2024, 2, 1)


def messages(excinfo) -> list[str]:
    return excinfo.value.messages


def test_orcid_is_unique_whatever_the_case():
    PersonFactory(orcid="0000-0002-1694-233X")
    duplicate = Person(name="Someone Else", orcid="0000-0002-1694-233x")
    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()
    assert messages(excinfo) == ["Another person already has this ORCID iD."]
    with pytest.raises(IntegrityError), transaction.atomic():
        Person.objects.bulk_create([Person(name="Raw", normalized_name="raw", orcid="0000-0002-1694-233x")])


def test_orcid_with_bad_checksum_is_refused_on_the_field():
    with pytest.raises(ValidationError) as excinfo:
        Person(name="A", orcid="0000-0002-1825-0098").full_clean()
    assert excinfo.value.message_dict["orcid"] == [
        "0000-0002-1825-0098 is not a valid ORCID iD: its check digit is 8 but should be 7."
    ]


def test_orcid_url_is_stored_as_the_bare_id():
    person = Person(name="Josiah Carberry", orcid="https://orcid.org/0000-0002-1825-0097")
    person.full_clean()
    person.save()
    assert Person.objects.get().orcid == "0000-0002-1825-0097"


def test_doi_is_unique_whatever_the_case_or_prefix():
    ArticleFactory(doi="10.7554/eLife.00036")
    duplicate = Article(title="Again", doi="https://doi.org/10.7554/ELIFE.00036")
    with pytest.raises(ValidationError) as excinfo:
        duplicate.full_clean()
    assert messages(excinfo) == ["Another article already has this DOI."]
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.bulk_create([Article(title="Raw", doi="10.7554/ELIFE.00036")])


def test_invalid_doi_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        Article(title="A", doi="10.4045").full_clean()
    assert "is not a DOI" in excinfo.value.message_dict["doi"][0]


def test_published_article_needs_a_date():
    with pytest.raises(ValidationError) as excinfo:
        Article(title="A", status=ArticleStatus.PUBLISHED).full_clean()
    assert messages(excinfo) == ["A published article needs a publication date."]


def test_article_cannot_be_accepted_before_it_was_received():
    article = Article(title="A", received_date=FEB, accepted_date=JAN)
    with pytest.raises(ValidationError) as excinfo:
        article.full_clean()
    assert "The accepted date is before the received date." in messages(excinfo)
    with pytest.raises(IntegrityError), transaction.atomic():
        Article.objects.bulk_create([article])


def test_one_authorship_per_person_and_per_position():
    first = AuthorshipFactory(position=1)
    same_person = Authorship(article=first.article, person=first.person, position=2)
    with pytest.raises(ValidationError) as excinfo:
        same_person.full_clean()
    assert messages(excinfo) == ["This person is already an author of the article."]
    same_position = Authorship(article=first.article, person=PersonFactory(), position=1)
    with pytest.raises(ValidationError) as excinfo:
        same_position.full_clean()
    assert messages(excinfo) == ["Another author already holds this position on the article."]
    with pytest.raises(IntegrityError), transaction.atomic():
        Authorship.objects.bulk_create([same_position])


def test_author_positions_start_at_one():
    authorship = AuthorshipFactory.build(article=ArticleFactory(), person=PersonFactory(), position=0)
    with pytest.raises(ValidationError) as excinfo:
        authorship.full_clean()
    assert "Author positions start at 1." in messages(excinfo)


def test_one_disclosure_per_authorship():
    disclosure = DisclosureFactory()
    with pytest.raises(ValidationError) as excinfo:
        Disclosure(authorship=disclosure.authorship, statement="Second").full_clean()
    assert messages(excinfo) == ["This authorship already has a disclosure; correct that one instead."]
    with pytest.raises(IntegrityError), transaction.atomic():
        Disclosure.objects.create(authorship=disclosure.authorship, statement="Second")


def test_interest_cannot_end_before_it_starts():
    interest = InterestFactory.build(person=PersonFactory(), organization=OrganizationFactory())
    interest.start_date, interest.end_date = FEB, JAN
    with pytest.raises(ValidationError) as excinfo:
        interest.full_clean()
    assert "The end date 2024-01-01 is before the start date 2024-02-01." in messages(excinfo)
    with pytest.raises(IntegrityError), transaction.atomic():
        Interest.objects.bulk_create([interest])


def test_interest_amount_cannot_be_negative():
    interest = InterestFactory.build(person=PersonFactory(), organization=OrganizationFactory())
    interest.amount, interest.currency = Decimal("-1.00"), "NOK"
    with pytest.raises(ValidationError) as excinfo:
        interest.full_clean()
    assert "An amount cannot be negative." in messages(excinfo)
    with pytest.raises(IntegrityError), transaction.atomic():
        Interest.objects.bulk_create([interest])


def test_interest_amount_needs_a_valid_currency():
    interest = InterestFactory.build(person=PersonFactory(), organization=OrganizationFactory())
    interest.amount = Decimal("5000")
    with pytest.raises(ValidationError) as excinfo:
        interest.full_clean()
    assert "An amount needs its currency (ISO 4217, e.g. NOK)." in messages(excinfo)
    interest.currency = "KRN"
    with pytest.raises(ValidationError) as excinfo:
        interest.full_clean()
    assert excinfo.value.message_dict["currency"] == ["KRN is not an ISO 4217 currency code such as NOK, USD or EUR."]
    interest.currency = "nok"
    interest.full_clean()
    assert interest.currency == "NOK"


def test_ongoing_interest_has_no_end_date():
    interest = InterestFactory.build(person=PersonFactory(), organization=OrganizationFactory())
    interest.ongoing, interest.end_date = True, JAN
    with pytest.raises(ValidationError) as excinfo:
        interest.full_clean()
    assert excinfo.value.message_dict["end_date"] == ["An ongoing interest has no end date; clear one of them."]
    with pytest.raises(IntegrityError), transaction.atomic():
        Interest.objects.bulk_create([interest])


def test_interest_names_its_counterparty_somehow():
    interest = Interest(person=PersonFactory(), category="stock")
    with pytest.raises(ValidationError) as excinfo:
        interest.full_clean()
    assert messages(excinfo) == ["Name the organization, or describe the tie in the specification."]
    interest.specification = "shares in a clinic providing ketamine treatment"
    interest.full_clean()


def test_unknown_category_is_refused():
    interest = InterestFactory.build(person=PersonFactory(), organization=OrganizationFactory(), category="bribes")
    with pytest.raises(ValidationError) as excinfo:
        interest.full_clean()
    assert excinfo.value.message_dict["category"] == ["Value 'bribes' is not a valid choice."]


def test_affiliation_cannot_end_before_it_starts():
    affiliation = Affiliation(person=PersonFactory(), organization=OrganizationFactory(), start_date=FEB, end_date=JAN)
    with pytest.raises(ValidationError) as excinfo:
        affiliation.full_clean()
    assert "The end date 2024-01-01 is before the start date 2024-02-01." in messages(excinfo)
    with pytest.raises(IntegrityError), transaction.atomic():
        Affiliation.objects.bulk_create([affiliation])


def test_organization_cannot_be_its_own_ancestor():
    group = OrganizationFactory(name="Johnson & Johnson")
    janssen = OrganizationFactory(name="Janssen", parent=group)
    group.parent = janssen
    with pytest.raises(ValidationError) as excinfo:
        group.full_clean()
    assert excinfo.value.message_dict["parent"] == ["An organization cannot be its own parent or ancestor."]


def test_declared_interest_must_belong_to_the_disclosing_author():
    disclosure = DisclosureFactory(declares_none=False)
    someone_elses = InterestFactory()
    with pytest.raises(ValidationError) as excinfo:
        DeclaredInterest(disclosure=disclosure, interest=someone_elses).full_clean()
    assert messages(excinfo) == ["A disclosure can only declare interests of its own author."]
