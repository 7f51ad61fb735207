"""A scope that names its articles carries their ids, so a narrowed audit reads by id; it finds what
the same scope read through its query finds."""

import dataclasses
import datetime

import pytest

from audits.context import AuditContext
from audits.rules import iter_rule_classes
from audits.scope import build_scope
from registry.enums import InterestCategory
from tests.audits.helpers import declare
from tests.factories import ArticleFactory, AuthorshipFactory, InterestFactory, OrganizationFactory

pytestmark = pytest.mark.django_db


def test_an_article_scope_names_its_id_and_a_dated_one_none():
    first, second = ArticleFactory(), ArticleFactory()

    assert build_scope(article=first.doi).article_ids == (first.pk,)
    assert build_scope(article_ids=[second.pk, first.pk, first.pk]).article_ids == tuple(sorted([first.pk, second.pk]))
    assert build_scope(article=first.doi, article_ids=[second.pk]).article_ids == ()
    assert build_scope(article=first.doi, since=datetime.date(2020, 1, 1)).article_ids is None
    assert build_scope().article_ids is None


def found(scope) -> list:
    ctx = AuditContext(scope, today=datetime.date(2026, 1, 1))
    rules = [cls(cls.resolve_parameters({})) for cls in iter_rule_classes(None)]
    return sorted((f.rule_code, f.fingerprint, f.summary, repr(f.evidence)) for rule in rules for f in rule.find(ctx))


def test_reading_by_ids_finds_what_reading_by_the_scopes_query_finds():
    authorship = AuthorshipFactory(article__received_date=datetime.date(2025, 1, 1))
    company = OrganizationFactory(description="Makes antidepressants")
    declare(authorship, organization=company, category=InterestCategory.CONSULTING)
    held = {"start_date": datetime.date(2024, 1, 1), "ongoing": True}
    InterestFactory(person=authorship.person, organization=company, category=InterestCategory.STOCK, **held)
    InterestFactory(person=authorship.person, organization=OrganizationFactory(parent=company), **held)
    AuthorshipFactory(article=authorship.article)
    by_ids = build_scope(article=authorship.article.doi)

    by_query = dataclasses.replace(by_ids, article_ids=None)

    assert found(by_ids) == found(by_query)
    assert [f[0] for f in found(by_ids)] == ["MISSING_DISCLOSURE", "UNDISCLOSED_INTEREST", "UNDISCLOSED_INTEREST"]
