"""Reads of findings and runs for pages, admin and exports."""

from django.db.models import QuerySet

from audits.models import AuditRun, Finding, Occurrence


def findings_list(filters: dict) -> QuerySet[Finding]:
    """Findings matching the auditor's filters, with what a list row shows joined in."""
    findings = Finding.objects.select_related("article", "person", "organization").defer(
        "evidence", "article__competing_interests_text", "article__funding_statement"
    )
    if filters.get("rule"):
        findings = findings.filter(rule_code=filters["rule"])
    if filters.get("severity"):
        findings = findings.filter(severity=filters["severity"])
    if filters.get("status"):
        findings = findings.filter(review_status=filters["status"])
    if filters.get("presence"):
        findings = findings.filter(presence=filters["presence"])
    if filters.get("article"):
        findings = findings.filter(article__doi=filters["article"])
    if filters.get("person"):
        findings = findings.filter(person_id=filters["person"])
    if filters.get("organization"):
        findings = findings.filter(organization_id=filters["organization"])
    return findings.order_by("-last_seen_run_id", "-id")


def finding_history(finding: Finding) -> QuerySet[Occurrence]:
    return finding.occurrences.select_related("run").order_by("-run_id")


def findings_of_run(run: AuditRun) -> QuerySet[Finding]:
    return Finding.objects.filter(occurrences__run=run).select_related("article", "person", "organization")
