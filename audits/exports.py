"""Writing findings out: one record per finding, the same fields in every format."""

import json
from collections.abc import Iterator
from typing import IO

from audits.models import AuditRun
from audits.selectors import findings_of_run

FIELDS = [
    "id",
    "fingerprint",
    "rule_code",
    "rule_version",
    "severity",
    "subject_type",
    "summary",
    "article_doi",
    "article_title",
    "person",
    "organization",
    "review_status",
    "presence",
    "first_seen_run",
    "last_seen_run",
    "evidence",
]


def finding_records(run: AuditRun) -> Iterator[dict]:
    """Findings of a run as plain records, streamed in chunks so memory stays flat."""
    for finding in findings_of_run(run).order_by("pk").iterator(chunk_size=2000):
        yield {
            "id": finding.pk,
            "fingerprint": finding.fingerprint,
            "rule_code": finding.rule_code,
            "rule_version": finding.rule_version,
            "severity": finding.severity,
            "subject_type": finding.subject_type,
            "summary": finding.summary,
            "article_doi": finding.article.doi if finding.article else None,
            "article_title": finding.article.title if finding.article else None,
            "person": finding.person.name if finding.person else None,
            "organization": finding.organization.name if finding.organization else None,
            "review_status": finding.review_status,
            "presence": finding.presence,
            "first_seen_run": finding.first_seen_run_id,
            "last_seen_run": finding.last_seen_run_id,
            "evidence": finding.evidence,
        }


def run_header(run: AuditRun) -> dict:
    return {
        "id": run.pk,
        "status": run.status,
        "started_by": run.started_by.get_username() if run.started_by else None,
        "created_at": run.created_at.isoformat(),
        "finished_at": run.finished_at.isoformat() if run.finished_at else None,
        "scope": run.scope,
        "rules": run.rules,
        "parameters": run.parameters,
        "code_version": run.code_version,
        "duration_seconds": run.duration_seconds,
        "counts": run.counts,
    }


def write_json(run: AuditRun, out: IO[str]) -> int:
    """{"run": {...}, "findings": [...]}, written finding by finding."""
    out.write('{"run": ')
    json.dump(run_header(run), out, ensure_ascii=False)
    out.write(', "findings": [')
    count = 0
    for record in finding_records(run):
        out.write(",\n" if count else "\n")
        json.dump(record, out, ensure_ascii=False)
        count += 1
    out.write("\n]}\n")
    return count


WRITERS = {"json": write_json}
