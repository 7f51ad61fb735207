"""Audit runs, the findings they flag, and auditors' reviews of those findings.

A finding is identified by its fingerprint across runs: the same conflict found again is the same
Finding, so its review carries over; each run that finds it adds an Occurrence.
"""

from django.conf import settings
from django.db import models

from audits.enums import RULES_ON_PRIVATE_RECORDS, Presence, ReviewStatus, RunStatus, Severity, SubjectType
from registry.permissions import is_auditor


class AuditRun(models.Model):
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit_runs"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=RunStatus.choices, default=RunStatus.PENDING)
    scope = models.JSONField(default=dict, blank=True, help_text="What was audited; empty means everything.")
    scope_key = models.CharField(max_length=200, default="all", help_text="Canonical form of the scope.")
    rules = models.JSONField(default=list, help_text="Rule codes and versions run.")
    parameters = models.JSONField(default=dict, help_text="Parameters of each rule, defaults filled in.")
    code_version = models.CharField(max_length=100, blank=True)
    duration_seconds = models.FloatField(null=True, blank=True)
    counts = models.JSONField(default=dict, blank=True, help_text="Findings by rule and by severity.")
    progress = models.PositiveSmallIntegerField(default=0, help_text="Percent done.")
    heartbeat_at = models.DateTimeField(null=True, blank=True, help_text="Last sign of life of its worker.")
    error = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at"]
        permissions = [
            ("run_audit", "Can run audits"),
            ("review_finding", "Can confirm or dismiss findings"),
            ("export_findings", "Can export findings"),
        ]
        constraints = [
            # Two full audits of one scope must not run at once: their resolutions would race.
            models.UniqueConstraint(
                fields=["scope_key"],
                condition=models.Q(status__in=[RunStatus.PENDING, RunStatus.RUNNING]),
                name="audit_run_one_active_per_scope",
                violation_error_message="An audit of this scope is already running.",
            )
        ]

    def __str__(self) -> str:
        return f"Audit run {self.pk} ({self.get_status_display()})"


class FindingQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The findings a user may read, the one rule for the findings page, exports, API and admin.

        Auditors (superusers too) read every finding. Editors hold audits.view_finding to see what
        audits say about their records, but not the findings of rules on private records, which name an
        article's reviewers. Anyone else reads none. `None` is the command line (exports, benchmark),
        which reads everything.
        """
        if user is None or is_auditor(user):
            return self
        if user.has_perm("audits.view_finding"):
            return self.exclude(rule_code__in=RULES_ON_PRIVATE_RECORDS)
        return self.none()


class Finding(models.Model):
    fingerprint = models.CharField(max_length=64, unique=True)
    rule_code = models.CharField(max_length=60, db_index=True)
    rule_version = models.PositiveIntegerField()
    severity = models.CharField(max_length=10, choices=Severity.choices)
    subject_type = models.CharField(max_length=20, choices=SubjectType.choices)
    article = models.ForeignKey(
        "registry.Article", null=True, blank=True, on_delete=models.CASCADE, related_name="findings"
    )
    authorship = models.ForeignKey(
        "registry.Authorship", null=True, blank=True, on_delete=models.CASCADE, related_name="findings"
    )
    person = models.ForeignKey(
        "registry.Person", null=True, blank=True, on_delete=models.CASCADE, related_name="findings"
    )
    organization = models.ForeignKey(
        "registry.Organization", null=True, blank=True, on_delete=models.CASCADE, related_name="findings"
    )
    interest = models.ForeignKey(
        "registry.Interest", null=True, blank=True, on_delete=models.CASCADE, related_name="findings"
    )
    summary = models.TextField()
    evidence = models.JSONField(default=dict)
    first_seen_run = models.ForeignKey(AuditRun, on_delete=models.PROTECT, related_name="+")
    last_seen_run = models.ForeignKey(AuditRun, on_delete=models.PROTECT, related_name="+")
    presence = models.CharField(max_length=20, choices=Presence.choices, default=Presence.NEW)
    review_status = models.CharField(max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.OPEN)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FindingQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        indexes = [
            # Auditor's list: open findings by rule and severity, newest first.
            models.Index(fields=["rule_code", "review_status", "severity"], name="finding_rule_status_idx"),
            # Resolution after a run: findings of the run's rules, still present, not seen by it.
            models.Index(fields=["rule_code", "presence", "last_seen_run"], name="finding_rule_presence_idx"),
            # Findings list ordered by the run that last found them, newest first.
            models.Index(fields=["-last_seen_run", "-id"], name="finding_lastrun_idx"),
        ]

    def __str__(self) -> str:
        return self.summary


class Occurrence(models.Model):
    """A run that found the finding: the finding's history across runs."""

    run = models.ForeignKey(AuditRun, on_delete=models.CASCADE, related_name="occurrences")
    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="occurrences")
    severity = models.CharField(max_length=10, choices=Severity.choices)
    summary = models.TextField()

    class Meta:
        ordering = ["-run_id"]
        constraints = [models.UniqueConstraint(fields=["run", "finding"], name="occurrence_unique")]

    def __str__(self) -> str:
        return f"{self.finding_id} in run {self.run_id}"


class FindingReview(models.Model):
    """An auditor's decision on a finding, kept whatever later runs find."""

    finding = models.ForeignKey(Finding, on_delete=models.CASCADE, related_name="reviews")
    decision = models.CharField(max_length=20, choices=ReviewStatus.choices)
    reason = models.TextField(blank=True)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    evidence_seen = models.JSONField(
        default=dict,
        blank=True,
        help_text="The finding's summary and evidence as the reviewer saw them; later runs may change the finding.",
    )

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(decision=ReviewStatus.DISMISSED) | ~models.Q(reason=""),
                name="finding_review_dismissal_has_reason",
                violation_error_message="Say why the finding is dismissed.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_decision_display()} by {self.reviewer}"
