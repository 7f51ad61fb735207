"""Audit runs: recognising a finding across runs, carrying reviews over, resolving what went away."""

import datetime

import pytest

from audits.enums import Presence, ReviewStatus, RunStatus
from audits.models import AuditRun, Finding
from audits.rules.missing_disclosure import MissingDisclosureRule
from audits.scope import AuditScope, build_scope
from audits.services import AuditAlreadyRunning, review_finding, run_audit, start_run
from registry.enums import InterestCategory
from tests.audits.helpers import audit, declare
from tests.factories import AuthorshipFactory, DisclosureFactory, OrganizationFactory, UserFactory, auditor

pytestmark = pytest.mark.django_db


def test_the_same_finding_is_recognised_and_its_review_carries_over():
    missing = AuthorshipFactory()
    first = audit()
    finding = Finding.objects.get(rule_code="MISSING_DISCLOSURE")
    review_finding(actor=auditor(), finding=finding, decision=ReviewStatus.DISMISSED, reason="Author deceased.")
    second = audit()
    again = Finding.objects.get(rule_code="MISSING_DISCLOSURE")
    assert again.pk == finding.pk
    assert again.fingerprint == finding.fingerprint
    assert (again.review_status, again.presence) == (ReviewStatus.DISMISSED, Presence.RECURRING)
    assert (again.first_seen_run, again.last_seen_run) == (first, second)
    assert list(again.occurrences.values_list("run_id", flat=True)) == [second.pk, first.pk]
    assert missing.pk == again.authorship_id


def test_a_finding_that_no_longer_occurs_is_resolved_and_a_new_one_is_new():
    authorship = AuthorshipFactory()
    audit()
    DisclosureFactory(authorship=authorship)
    other = AuthorshipFactory()
    run = audit()
    old = Finding.objects.get(authorship=authorship)
    new = Finding.objects.get(authorship=other)
    assert old.presence == Presence.RESOLVED
    assert new.presence == Presence.NEW
    assert run.counts == {
        "total": 1,
        "new": 1,
        "resolved": 1,
        "by_rule": {"MISSING_DISCLOSURE": 1},
        "by_severity": {"medium": 1},
    }


def test_a_scoped_run_resolves_only_within_its_scope():
    inside, outside = AuthorshipFactory(), AuthorshipFactory()
    audit()
    DisclosureFactory(authorship=inside)
    DisclosureFactory(authorship=outside)
    audit(scope=build_scope(article=inside.article.doi))
    assert Finding.objects.get(authorship=inside).presence == Presence.RESOLVED
    assert Finding.objects.get(authorship=outside).presence == Presence.NEW


def test_a_run_records_who_what_and_how():
    user = UserFactory(username="ada")
    AuthorshipFactory()
    run = run_audit(
        actor=user,
        scope=AuditScope(),
        rule_codes=["MISSING_DISCLOSURE", "UNDISCLOSED_INTEREST"],
        parameters={"window_months": 24},
    )
    run.refresh_from_db()
    assert run.started_by == user
    assert run.status == RunStatus.SUCCEEDED
    assert run.scope == {"label": "the whole registry"}
    assert run.rules == [
        {"code": "MISSING_DISCLOSURE", "version": 2},
        {"code": "UNDISCLOSED_INTEREST", "version": 3},
    ]
    assert run.parameters == {"MISSING_DISCLOSURE": {}, "UNDISCLOSED_INTEREST": {"window_months": 24}}
    assert run.code_version
    assert run.duration_seconds >= 0
    assert run.progress == 100


def test_bad_parameters_and_rules_are_refused_before_anything_runs():
    with pytest.raises(ValueError, match="No rule in this run takes the parameter colour"):
        audit(colour="blue")
    with pytest.raises(ValueError, match="Unknown rule NOT_A_RULE"):
        audit(["NOT_A_RULE"])
    with pytest.raises(ValueError, match="window_months must be a number"):
        audit(window_months="three years")
    assert AuditRun.objects.count() == 0


def test_two_audits_of_one_scope_cannot_run_at_once():
    start_run(actor=None, scope=AuditScope())
    with pytest.raises(AuditAlreadyRunning, match=r"An audit of the whole registry is already running\."):
        start_run(actor=None, scope=AuditScope())
    # Another scope may run.
    authorship = AuthorshipFactory()
    start_run(actor=None, scope=build_scope(article=authorship.article.doi))


def test_a_failing_rule_leaves_the_run_failed_and_no_findings(monkeypatch):
    AuthorshipFactory()

    def broken(self, ctx):
        yield from ()
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(MissingDisclosureRule, "find", broken)
    with pytest.raises(RuntimeError):
        audit()
    run = AuditRun.objects.get()
    assert run.status == RunStatus.FAILED
    assert run.error == "RuntimeError: disk on fire"
    assert Finding.objects.count() == 0


def test_review_decisions_need_a_reason_to_dismiss():
    AuthorshipFactory()
    audit()
    finding = Finding.objects.get()
    with pytest.raises(ValueError, match=r"Say why the finding is dismissed\."):
        review_finding(actor=auditor(), finding=finding, decision=ReviewStatus.DISMISSED, reason="  ")
    review = review_finding(actor=auditor(username="a2"), finding=finding, decision=ReviewStatus.CONFIRMED)
    assert (review.decision, Finding.objects.get().review_status) == (
        ReviewStatus.CONFIRMED,
        ReviewStatus.CONFIRMED,
    )


def test_one_article_audit_uses_a_bounded_number_of_queries(django_assert_max_num_queries):
    authorship = AuthorshipFactory(article__received_date=datetime.date(2025, 1, 1))
    for category in (InterestCategory.CONSULTING, InterestCategory.STOCK):
        declare(authorship, organization=OrganizationFactory(), category=category)
    scope = build_scope(article=authorship.article.doi)
    with django_assert_max_num_queries(45):
        run_audit(actor=None, scope=scope)
