"""Reads of findings and runs for pages, admin and exports, and the public's summary of confirmed findings.

Findings are auditors' working data. A reader sees only counts of findings an auditor has confirmed,
that the latest audit still finds, on published articles, and never their summaries or evidence:
those may name ties known only from imports or registers. Rules grounded on editorial roles are left
out whatever their review, because who edited or reviewed an article is never public.
"""

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from audits.enums import RULES_ON_PRIVATE_RECORDS, SEVERITY_ORDER, Presence, ReviewStatus, Severity
from audits.models import AuditRun, Finding, Occurrence
from audits.rules import all_rules
from registry.querysets import on_published_article

# The auditor's filters and the fields they narrow.
FILTERS = {
    "rule": "rule_code",
    "severity": "severity",
    "status": "review_status",
    "presence": "presence",
    "article": "article__doi",
    "person": "person_id",
    "organization": "organization_id",
}


def findings_visible_to(user) -> QuerySet[Finding]:
    """Every finding the user may read (see `FindingQuerySet.visible_to()`)."""
    return Finding.objects.visible_to(user)


def findings_list(filters: dict, *, viewer) -> QuerySet[Finding]:
    """Findings the viewer may read that match the auditor's filters, with what a list row shows joined in.

    `viewer` is the user the list is for, or None on the command line.
    """
    findings = (
        findings_visible_to(viewer)
        .select_related("article", "person", "organization")
        .defer("evidence", "article__competing_interests_text", "article__funding_statement")
    )
    given = {FILTERS[name]: value for name, value in filters.items() if name in FILTERS and value}
    return findings.filter(**given).order_by("-last_seen_run_id", "-id")


def finding_history(finding: Finding) -> QuerySet[Occurrence]:
    return finding.occurrences.select_related("run").order_by("-run_id")


def findings_of_run(run: AuditRun) -> QuerySet[Finding]:
    return Finding.objects.filter(occurrences__run=run).select_related("article", "person", "organization")


@dataclass(frozen=True)
class ConfirmedCount:
    rule_code: str
    rule_title: str
    severity: str
    severity_label: str
    count: int


@dataclass(frozen=True)
class AuditSummary:
    rows: list[ConfirmedCount]

    @property
    def total(self) -> int:
        return sum(row.count for row in self.rows)


def public_findings() -> QuerySet[Finding]:
    return (
        Finding.objects.filter(on_published_article("article_id"), review_status=ReviewStatus.CONFIRMED)
        .exclude(presence=Presence.RESOLVED)
        .exclude(rule_code__in=RULES_ON_PRIVATE_RECORDS)
    )


def summarize(findings: QuerySet[Finding]) -> AuditSummary:
    """Counts by rule and severity, most severe first, in one query."""
    counts = findings.order_by().values_list("rule_code", "severity").annotate(count=Count("pk"))
    rules = all_rules()
    labels = dict(Severity.choices)
    rows = [
        ConfirmedCount(code, rules[code].title if code in rules else code, severity, labels.get(severity, severity), n)
        for code, severity, n in counts
    ]
    rows.sort(key=lambda row: (-SEVERITY_ORDER.get(row.severity, -1), row.rule_title))
    return AuditSummary(rows)


def author_audit_summary(person_id: int) -> AuditSummary:
    """Confirmed findings about the person on published articles (rules name the author of an
    authorship finding as its person too, so one indexed column serves)."""
    return summarize(public_findings().filter(person_id=person_id))


def article_audit_summary(article_id: int) -> AuditSummary:
    return summarize(public_findings().filter(article_id=article_id))
