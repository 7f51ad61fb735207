"""factory-boy factories for registry records: plain, valid defaults and nothing surprising."""

import datetime
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from registry.enums import ArticleStatus, InterestCategory, MatchMethod, MatchStatus
from registry.models import (
    Affiliation,
    Article,
    Authorship,
    DeclaredInterest,
    Disclosure,
    Interest,
    Organization,
    OrganizationAlias,
    PaymentRecord,
    Person,
    PersonMatch,
    Topic,
)
from registry.permissions import AUDITORS, EDITORS, ensure_role_groups


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]

    username = factory.Sequence(lambda n: f"user{n}")
    password = factory.django.Password("correct horse battery staple")


def staff_in_group(group_name: str, **kwargs):
    ensure_role_groups()
    user = UserFactory(is_staff=True, **kwargs)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def editor(**kwargs):
    return staff_in_group(EDITORS, **kwargs)


def auditor(**kwargs):
    return staff_in_group(AUDITORS, **kwargs)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Company {n}")


class OrganizationAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganizationAlias

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Alias {n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Author {n}")


class PersonMatchFactory(factory.django.DjangoModelFactory):
    """An entry of the editors' queue: a pair whose evidence scored between the thresholds."""

    class Meta:
        model = PersonMatch

    person = factory.SubFactory(PersonFactory)
    candidate = factory.SubFactory(PersonFactory)
    name_as_printed = factory.SelfAttribute("person.name")
    method = MatchMethod.EVIDENCE
    status = MatchStatus.PENDING
    reason = "Score 8, between the thresholds"
    score = 8.0


class AffiliationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Affiliation

    person = factory.SubFactory(PersonFactory)
    organization = factory.SubFactory(OrganizationFactory)


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    doi = factory.Sequence(lambda n: f"10.5555/test.{n}")
    title = factory.Sequence(lambda n: f"Article {n}")
    journal = "Test Journal"
    status = ArticleStatus.PUBLISHED
    published_date = datetime.date(2026, 1, 15)


class AuthorshipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Authorship

    article = factory.SubFactory(ArticleFactory)
    person = factory.SubFactory(PersonFactory)
    position = factory.Sequence(lambda n: n + 1)
    name_as_printed = factory.SelfAttribute("person.name")


class DisclosureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Disclosure

    authorship = factory.SubFactory(AuthorshipFactory)
    statement = "The author declares no competing interests."
    declares_none = True


class InterestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Interest

    person = factory.SubFactory(PersonFactory)
    organization = factory.SubFactory(OrganizationFactory)
    organization_name = factory.SelfAttribute("organization.name")
    category = InterestCategory.CONSULTING


class DeclaredInterestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeclaredInterest

    disclosure = factory.SubFactory(DisclosureFactory, declares_none=False, statement="Consulting fees.")
    interest = factory.SubFactory(InterestFactory, person=factory.SelfAttribute("..disclosure.authorship.person"))


class PaymentRecordFactory(factory.django.DjangoModelFactory):
    """A general payment from the register, matched to a person by NPI unless told otherwise."""

    class Meta:
        model = PaymentRecord

    kind = "general"
    record_id = factory.Sequence(lambda n: str(900000000 + n))
    program_year = factory.LazyAttribute(lambda o: o.payment_date.year)
    first_name = "JANE"
    last_name = "ROE"
    payer = factory.SubFactory(OrganizationFactory)
    payer_name = factory.LazyAttribute(lambda o: o.payer.name if o.payer else "Unknown Payer Inc")
    amount = Decimal("2500.00")
    payment_date = datetime.date(2024, 6, 1)
    nature = "Consulting Fee"
    form = "Cash or cash equivalent"
    person = factory.SubFactory(PersonFactory)
    match_method = "npi"
    match_confidence = 1.0
    match_status = "matched"


class AuditRunFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "audits.AuditRun"

    status = "succeeded"


class FindingFactory(factory.django.DjangoModelFactory):
    """An open finding about one authorship, as a rule would record it."""

    class Meta:
        model = "audits.Finding"

    fingerprint = factory.Sequence(lambda n: f"{n:064x}")
    rule_code = "MULTIPLE_TIES_SAME_ENTITY"
    rule_version = 1
    severity = "low"
    subject_type = "authorship"
    authorship = factory.SubFactory(AuthorshipFactory)
    article = factory.SelfAttribute("authorship.article")
    person = factory.SelfAttribute("authorship.person")
    summary = factory.LazyAttribute(lambda o: f"{o.person.name}: a finding of {o.rule_code}.")
    first_seen_run = factory.SubFactory(AuditRunFactory)
    last_seen_run = factory.SelfAttribute("first_seen_run")
