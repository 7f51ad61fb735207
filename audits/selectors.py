"""Reads of findings and runs for pages, admin and exports."""

from django.db.models import QuerySet

from audits.models import AuditRun, Finding, Occurrence

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


def findings_list(filters: dict) -> QuerySet[Finding]:
    """Findings matching the auditor's filters, with what a list row shows joined in."""
    findings = Finding.objects.select_related("article", "person", "organization").defer(
        "evidence", "article__competing_interests_text", "article__funding_statement"
    )
    given = {FILTERS[name]: value for name, value in filters.items() if name in FILTERS and value}
    return findings.filter(**given).order_by("-last_seen_run_id", "-id")


def finding_history(finding: Finding) -> QuerySet[Occurrence]:
    return finding.occurrences.select_related("run").order_by("-run_id")


def findings_of_run(run: AuditRun) -> QuerySet[Finding]:
    return Finding.objects.filter(occurrences__run=run).select_related("article", "person", "organization")
