"""What the public may read of the audits: how many findings auditors have confirmed, by rule and severity.

Findings are auditors' working data. A reader sees only counts of findings an auditor has confirmed,
that the latest audit still finds, on published articles, and never their summaries or evidence:
those may name ties known only from imports or registers. Rules grounded on editorial roles are left
out whatever their review, because who edited or reviewed an article is never public.
"""

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from audits.enums import SEVERITY_ORDER, Presence, ReviewStatus, Severity
from audits.models import Finding
from audits.rules import all_rules
from registry.querysets import on_published_article

# Rules whose findings reveal who edited or reviewed an article.
RULES_ON_PRIVATE_RECORDS = frozenset({"REVIEWER_CONFLICT"})


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
