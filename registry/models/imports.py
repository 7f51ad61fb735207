"""What the importers did: one record per imported file, organization identifiers read from
published metadata (FundRef, Ringgold, GRID, ISNI), and person matches an editor confirms or rejects.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q


class ImportKind(models.TextChoices):
    JATS = "jats", "JATS XML article"
    CROSSREF = "crossref", "Crossref work JSON"
    ORCID = "orcid", "ORCID record"
    DISCLOSURES = "disclosures", "Spreadsheet of disclosures"
    OPEN_PAYMENTS = "open_payments", "CMS Open Payments CSV"
    PUBMED = "pubmed", "PubMed/MEDLINE XML"


class ImportStatus(models.TextChoices):
    PENDING = "pending", "Waiting for a worker"
    SUCCEEDED = "succeeded", "Imported"
    FAILED = "failed", "Refused; nothing written"


class ImportRecord(models.Model):
    """One file brought in by an importer: who, when, what it created, or why it was refused.

    A refused file writes nothing but this record (written after its transaction rolled back).
    """

    kind = models.CharField(max_length=20, choices=ImportKind.choices)
    file_name = models.CharField(max_length=500)
    sha256 = models.CharField(max_length=64, blank=True)
    status = models.CharField(max_length=20, choices=ImportStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    counts = models.JSONField(default=dict, blank=True, help_text="Rows created, by kind of record.")
    error = models.TextField(blank=True, help_text="FILE:LOCATION: reason, when refused.")
    warnings = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            # The admin list of imports, newest first, filtered by kind.
            models.Index(fields=["kind", "-created_at"], name="import_record_kind_created"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.file_name} ({self.get_status_display()})"


class IdentifierScheme(models.TextChoices):
    FUNDREF = "fundref", "Crossref Funder Registry (FundRef)"
    RINGGOLD = "ringgold", "Ringgold"
    GRID = "grid", "GRID"
    ISNI = "isni", "ISNI"


class OrganizationIdentifier(models.Model):
    """An identifier of an organization other than its ROR id, as read from published metadata.

    Importers resolve by identifier before resolving by name.
    """

    organization = models.ForeignKey("registry.Organization", on_delete=models.CASCADE, related_name="identifiers")
    scheme = models.CharField(max_length=20, choices=IdentifierScheme.choices)
    value = models.CharField(max_length=200)

    class Meta:
        ordering = ["scheme", "value"]
        constraints = [
            models.UniqueConstraint(
                fields=["scheme", "value"],
                name="organization_identifier_unique",
                violation_error_message="Another organization already has this identifier.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_scheme_display()} {self.value}"


class MatchMethod(models.TextChoices):
    ORCID = "orcid", "Same ORCID iD"
    NAME_AND_AFFILIATION = "name_affiliation", "Same name and a shared affiliation"
    NAME_ONLY = "name_only", "Same name, no shared affiliation"


class MatchStatus(models.TextChoices):
    AUTOMATIC = "automatic", "Matched automatically"
    PENDING = "pending", "To confirm"
    CONFIRMED = "confirmed", "Confirmed: merged"
    REJECTED = "rejected", "Rejected: different people"


class PersonMatch(models.Model):
    """How an importer linked an author as printed to a person in the registry, and why.

    Automatic matches (ORCID, name plus shared affiliation) are recorded with their reason. An
    uncertain one (same name only) links the author to a new `person` and names the existing
    `candidate` for an editor to confirm (merging the two) or reject.
    """

    person = models.ForeignKey(
        "registry.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="import_matches",
        help_text="The person the author was linked to; empty once merged into the candidate.",
    )
    candidate = models.ForeignKey(
        "registry.Person",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="candidate_matches",
        help_text="The existing person the author may be, when the match is uncertain.",
    )
    article = models.ForeignKey(
        "registry.Article", null=True, blank=True, on_delete=models.SET_NULL, related_name="person_matches"
    )
    name_as_printed = models.CharField(max_length=300)
    method = models.CharField(max_length=20, choices=MatchMethod.choices)
    status = models.CharField(max_length=20, choices=MatchStatus.choices)
    reason = models.TextField()
    source = models.CharField(max_length=500, blank=True, help_text="The file the author was read from.")
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name_plural = "person matches"
        constraints = [
            models.UniqueConstraint(
                fields=["person", "candidate"],
                condition=Q(candidate__isnull=False),
                name="person_match_unique_candidate",
                violation_error_message="This pair of people is already listed for confirmation.",
            ),
            models.CheckConstraint(
                condition=~Q(person=models.F("candidate")),
                name="person_match_not_self",
                violation_error_message="A person cannot be a match candidate of themselves.",
            ),
        ]
        indexes = [
            # The editors' queue: pending matches, newest first.
            models.Index(fields=["status", "-created_at"], name="person_match_status_created"),
        ]

    def __str__(self) -> str:
        if self.candidate_id:
            return f"{self.name_as_printed}: {self.person} may be {self.candidate}"
        return f"{self.name_as_printed}: {self.person} ({self.get_method_display()})"
