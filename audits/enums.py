"""Choice sets of the audit engine."""

from django.db import models


class Severity(models.TextChoices):
    INFO = "info", "Info"
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"


SEVERITY_ORDER = {Severity.INFO: 0, Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3}


# Rules whose findings reveal who edited or reviewed an article: only auditors read them
# (`Finding.objects.visible_to()`), and the public never sees even their counts.
RULES_ON_PRIVATE_RECORDS = frozenset({"REVIEWER_CONFLICT"})


class RunStatus(models.TextChoices):
    PENDING = "pending", "Waiting to start"
    RUNNING = "running", "Running"
    SUCCEEDED = "succeeded", "Finished"
    FAILED = "failed", "Failed"


class SubjectType(models.TextChoices):
    ARTICLE = "article", "Article"
    AUTHORSHIP = "authorship", "Authorship"
    PERSON = "person", "Person"
    ORGANIZATION = "organization", "Organization"
    INTEREST = "interest", "Interest"
    PAYMENT = "payment", "Payment"


class ReviewStatus(models.TextChoices):
    OPEN = "open", "Open"
    CONFIRMED = "confirmed", "Confirmed"
    DISMISSED = "dismissed", "Dismissed"


class Presence(models.TextChoices):
    """Whether the last audit covering a finding still found it."""

    NEW = "new", "New in the latest run"
    RECURRING = "recurring", "Found again"
    RESOLVED = "resolved", "No longer found"
