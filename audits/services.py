"""Running audits and reviewing findings. Every write of the audit engine is here.

A run computes its findings first, then writes them in one transaction: a run that fails midway
leaves no half-written findings, and its row says it failed.
"""

import time
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Case, Q, Value, When
from django.utils import timezone

from audits.context import AuditContext
from audits.enums import Presence, ReviewStatus, RunStatus
from audits.heartbeat import heartbeat
from audits.models import AuditRun, Finding, FindingReview, Occurrence
from audits.rules import FindingData, Rule, iter_rule_classes
from audits.scope import AuditScope
from audits.version import code_version

BATCH = 2000


class AuditAlreadyRunning(Exception):
    """Another audit of the same scope has not finished."""


class RunAbandoned(Exception):
    """The run was marked failed while it ran (its heartbeats stopped reaching the database)."""


def resolve_rule_parameters(rule_codes: Sequence[str] | None, parameters: dict[str, Any] | None) -> dict:
    """{code: {parameter: value}} with defaults filled in.

    `parameters` may name a rule ({"UNDISCLOSED_INTEREST": {"window_months": 24}}) or give a bare
    parameter ({"window_months": 24}) that applies to every rule taking it.
    """
    parameters = dict(parameters or {})
    classes = list(iter_rule_classes(rule_codes))
    per_rule = {code: parameters.pop(code) for code in list(parameters) if isinstance(parameters[code], dict)}
    unknown_rules = set(per_rule) - {cls.code for cls in classes}
    if unknown_rules:
        raise ValueError(f"Parameters given for rules not in this run: {', '.join(sorted(unknown_rules))}")
    known_names = {p.name for cls in classes for p in cls.parameters}
    unknown = set(parameters) - known_names
    if unknown:
        raise ValueError(f"No rule in this run takes the parameter {', '.join(sorted(unknown))}")
    resolved = {}
    for cls in classes:
        shared = {name: value for name, value in parameters.items() if name in {p.name for p in cls.parameters}}
        resolved[cls.code] = cls.resolve_parameters({**shared, **per_rule.get(cls.code, {})})
    return resolved


def start_run(
    *,
    actor,
    scope: AuditScope,
    rule_codes: Sequence[str] | None = None,
    parameters: dict[str, Any] | None = None,
    running: bool = False,
) -> AuditRun:
    """Record a pending run, or with `running` one this process runs at once (taken as it is recorded,
    so no worker may take it); refuses when an audit of the same scope is still pending or running."""
    resolved = resolve_rule_parameters(rule_codes, parameters)
    classes = {cls.code: cls for cls in iter_rule_classes(rule_codes)}
    fail_stale_runs()
    now = timezone.now()
    taken = {"status": RunStatus.RUNNING, "started_at": now, "heartbeat_at": now} if running else {}
    try:
        with transaction.atomic():
            run_bookkeeping_without_waiting_for_disk()
            return AuditRun.objects.create(
                started_by=actor if getattr(actor, "pk", None) else None,
                scope={"label": scope.label, **scope.description},
                scope_key=scope.key,
                rules=[{"code": code, "version": cls.version} for code, cls in classes.items()],
                parameters=resolved,
                code_version=code_version(),
                **taken,
            )
    except IntegrityError as exc:
        raise AuditAlreadyRunning(f"An audit of {scope.label} is already running.") from exc


def run_bookkeeping_without_waiting_for_disk() -> None:
    """In the transaction under way, commit without waiting for PostgreSQL to flush it to disk.

    For an audit's own rows only (its run, findings and occurrences), which a later run computes again:
    a crash of the database server in the fraction of a second after such a commit may lose it (never
    half of it), and the run is then failed for want of a heartbeat. Waiting for the disk at each of a
    one-article audit's commits was a third of its time on PostgreSQL on a busy machine. Any later
    commit that waits (a reviewer's review) flushes these before it.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def execute_run(run: AuditRun, scope: AuditScope, *, today: date | None = None, progress=None) -> AuditRun:
    """Run the rules of a pending run and record what they found.

    Only a pending run is taken: a task delivered again after its worker died finds its run failed
    (or finished) and does nothing. While it runs, a heartbeat marks it alive (audits/heartbeat.py).
    """
    started = time.monotonic()
    now = timezone.now()
    taken = AuditRun.objects.filter(pk=run.pk, status=RunStatus.PENDING).update(
        status=RunStatus.RUNNING, started_at=now, heartbeat_at=now
    )
    if not taken:
        run.refresh_from_db()
        return run
    with heartbeat(run.pk):
        return _execute(run, scope, started, today=today, progress=progress)


def _execute(run: AuditRun, scope: AuditScope, started: float, *, today: date | None, progress) -> AuditRun:
    try:
        context = AuditContext(scope, today=today)
        rules = [cls(run.parameters[cls.code]) for cls in iter_rule_classes([r["code"] for r in run.rules])]
        found: dict[str, FindingData] = {}
        last_report = time.monotonic()
        for index, rule in enumerate(rules):
            for finding in rule.find(context):
                found[finding.fingerprint] = finding
            last_report = _report_progress(run, int(90 * (index + 1) / len(rules)), progress, last_report)
        with transaction.atomic():
            run_bookkeeping_without_waiting_for_disk()
            counts = _record_findings(run, scope, rules, found)
            finished = {
                "status": RunStatus.SUCCEEDED,
                "finished_at": timezone.now(),
                "duration_seconds": round(time.monotonic() - started, 3),
                "counts": counts,
                "progress": 100,
            }
            # Still ours? A run taken for dead may have been replaced: then this rolls its findings back.
            # Asked by the statement that finishes the run, in the findings' transaction, rather than by
            # one more before them: a round trip less for a one-article audit.
            still_running = AuditRun.objects.filter(pk=run.pk, status=RunStatus.RUNNING)
            if not still_running.update(heartbeat_at=finished["finished_at"], **finished):
                raise RunAbandoned(f"Audit run {run.pk} was marked failed while it ran; its findings are not recorded.")
            for name, value in finished.items():
                setattr(run, name, value)
    except Exception as exc:
        AuditRun.objects.filter(pk=run.pk, status=RunStatus.RUNNING).update(
            status=RunStatus.FAILED,
            finished_at=timezone.now(),
            duration_seconds=round(time.monotonic() - started, 3),
            error=f"{type(exc).__name__}: {exc}",
        )
        raise
    return run


def run_audit(
    *,
    actor,
    scope: AuditScope,
    rule_codes: Sequence[str] | None = None,
    parameters: dict[str, Any] | None = None,
    today: date | None = None,
    progress=None,
) -> AuditRun:
    started = time.monotonic()
    # Recorded as running, in the transaction that records it: one commit less than taking a pending run.
    run = start_run(actor=actor, scope=scope, rule_codes=rule_codes, parameters=parameters, running=True)
    with heartbeat(run.pk):
        return _execute(run, scope, started, today=today, progress=progress)


def fail_stale_runs() -> int:
    """Mark failed the runs whose worker stopped beating (killed, machine lost) or never took them.

    A running run beats every AUDIT_HEARTBEAT_SECONDS; missing AUDIT_STALE_AFTER_SECONDS of beats
    (a minute) means its process is gone. A pending run may wait behind others in the queue, so it
    has longer (AUDIT_PENDING_STALE_AFTER_SECONDS). Their findings were never written: a run writes
    its findings in one transaction at the end, and only while it is still marked running.
    """
    now = timezone.now()
    silent = now - timedelta(seconds=settings.AUDIT_STALE_AFTER_SECONDS)
    unclaimed = now - timedelta(seconds=settings.AUDIT_PENDING_STALE_AFTER_SECONDS)
    # One statement for both: it runs before every audit.
    return AuditRun.objects.filter(
        Q(status=RunStatus.RUNNING, heartbeat_at__lt=silent) | Q(status=RunStatus.PENDING, created_at__lt=unclaimed)
    ).update(
        status=RunStatus.FAILED,
        finished_at=now,
        error=Case(
            When(
                status=RunStatus.RUNNING,
                then=Value(f"No sign of its worker for {settings.AUDIT_STALE_AFTER_SECONDS} seconds; marked failed."),
            ),
            default=Value(f"No worker took it in {settings.AUDIT_PENDING_STALE_AFTER_SECONDS} seconds; marked failed."),
        ),
    )


PROGRESS_EVERY_SECONDS = 1.0


def _report_progress(run: AuditRun, percent: int, progress, last_report: float) -> float:
    """Record progress and a heartbeat at most once a second: an audit of one article takes
    milliseconds, and a write per rule would be most of its time."""
    if progress is not None:
        progress(percent)
    now = time.monotonic()
    if now - last_report < PROGRESS_EVERY_SECONDS:
        return last_report
    AuditRun.objects.filter(pk=run.pk).update(progress=percent, heartbeat_at=timezone.now())
    return now


def _chunks(items: Sequence, size: int = BATCH) -> Iterable[Sequence]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _record_findings(run: AuditRun, scope: AuditScope, rules: list[Rule], found: dict[str, FindingData]) -> dict:
    """Match what the run found to known findings by fingerprint; mark the rest of its scope resolved."""
    fingerprints = list(found)
    existing: dict[str, Finding] = {}
    for chunk in _chunks(fingerprints):
        existing.update({f.fingerprint: f for f in Finding.objects.filter(fingerprint__in=chunk)})
    versions = {rule.code: rule.version for rule in rules}
    new = [_new_finding(run, data, versions[data.rule_code]) for fp, data in found.items() if fp not in existing]
    Finding.objects.bulk_create(new, batch_size=BATCH)
    for finding in existing.values():
        data = found[finding.fingerprint]
        finding.rule_version = versions[data.rule_code]
        finding.severity, finding.summary, finding.evidence = data.severity, data.summary, data.evidence
        finding.last_seen_run = run
        finding.presence = Presence.RECURRING
    Finding.objects.bulk_update(
        list(existing.values()),
        ["rule_version", "severity", "summary", "evidence", "last_seen_run", "presence"],
        batch_size=BATCH,
    )
    ids = {f.fingerprint: f.pk for f in new}
    ids.update({fp: f.pk for fp, f in existing.items()})
    if any(pk is None for pk in ids.values()):  # backends that do not return ids from bulk inserts
        for chunk in _chunks([fp for fp, pk in ids.items() if pk is None]):
            ids.update(dict(Finding.objects.filter(fingerprint__in=chunk).values_list("fingerprint", "pk")))
    Occurrence.objects.bulk_create(
        [Occurrence(run=run, finding_id=ids[fp], severity=d.severity, summary=d.summary) for fp, d in found.items()],
        batch_size=BATCH,
    )
    resolved = _resolve_missing(run, scope, rules)
    return {
        "total": len(found),
        "new": len(new),
        "resolved": resolved,
        "by_rule": dict(sorted(Counter(d.rule_code for d in found.values()).items())),
        "by_severity": dict(sorted(Counter(d.severity for d in found.values()).items())),
    }


def _new_finding(run: AuditRun, data: FindingData, version: int) -> Finding:
    return Finding(
        fingerprint=data.fingerprint,
        rule_code=data.rule_code,
        rule_version=version,
        severity=data.severity,
        subject_type=data.subject_type,
        summary=data.summary,
        evidence=data.evidence,
        article_id=data.article_id,
        authorship_id=data.authorship_id,
        person_id=data.person_id,
        organization_id=data.organization_id,
        interest_id=data.interest_id,
        first_seen_run=run,
        last_seen_run=run,
        presence=Presence.NEW,
    )


def _resolve_missing(run: AuditRun, scope: AuditScope, rules: list[Rule]) -> int:
    """Findings of this run's rules, within its scope, that it no longer found."""
    article_rules = [r.code for r in rules if not r.registry_wide]
    registry_rules = [r.code for r in rules if r.registry_wide]
    stale = Finding.objects.exclude(last_seen_run=run).exclude(presence=Presence.RESOLVED)
    if scope.is_full:
        condition = Q(rule_code__in=article_rules + registry_rules)
    else:
        condition = Q(rule_code__in=article_rules, article__in=scope.articles_for_filter())
    return stale.filter(condition).update(presence=Presence.RESOLVED, updated_at=timezone.now())


@transaction.atomic
def review_finding(*, actor, finding: Finding, decision: str, reason: str = "") -> FindingReview:
    """Confirm, dismiss (with a reason) or reopen a finding; the review carries over to later runs."""
    reason = _checked_decision(decision, reason)
    review = FindingReview(
        finding=finding, decision=decision, reason=reason, reviewer=actor, evidence_seen=evidence_seen(finding)
    )
    review.full_clean()
    review.save()
    Finding.objects.filter(pk=finding.pk).update(review_status=decision, updated_at=timezone.now())
    finding.review_status = decision
    return review


@transaction.atomic
def review_findings(*, actor, findings: Iterable[Finding], decision: str, reason: str = "") -> list[FindingReview]:
    """One decision with one reason for many findings, all or none: a review is recorded for each."""
    reason = _checked_decision(decision, reason)
    findings = list(findings)
    reviews = [
        FindingReview(finding=f, decision=decision, reason=reason, reviewer=actor, evidence_seen=evidence_seen(f))
        for f in findings
    ]
    for review in reviews[:1]:  # the same decision and reason for all: one check says it for every review
        review.full_clean(exclude=["finding"])
    FindingReview.objects.bulk_create(reviews, batch_size=BATCH)
    for chunk in _chunks([f.pk for f in findings]):
        Finding.objects.filter(pk__in=chunk).update(review_status=decision, updated_at=timezone.now())
    for finding in findings:
        finding.review_status = decision
    return reviews


def evidence_seen(finding: Finding) -> dict:
    """What a reviewer decides on: the finding as it stands, kept with the review."""
    return {
        "rule_code": finding.rule_code,
        "rule_version": finding.rule_version,
        "severity": finding.severity,
        "summary": finding.summary,
        "evidence": finding.evidence,
        "last_seen_run": finding.last_seen_run_id,
    }


def _checked_decision(decision: str, reason: str) -> str:
    if decision not in ReviewStatus.values:
        raise ValueError(f"Unknown decision {decision!r}")
    reason = reason.strip()
    if decision == ReviewStatus.DISMISSED and not reason:
        raise ValueError("Say why the finding is dismissed.")
    return reason
