"""factory-boy factories for registry records: plain, valid defaults and nothing surprising."""

import datetime

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from registry.enums import ArticleStatus, InterestCategory
from registry.models import (
    Affiliation,
    Article,
    Authorship,
    DeclaredInterest,
    Disclosure,
    Interest,
    Organization,
    OrganizationAlias,
    Person,
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
