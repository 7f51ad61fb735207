"""Keeping organization records one per entity: what the maintained list last loaded into each
record, the editors' queue of suggested duplicates, and the record of every merge."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from registry.enums import MergeSuggestionStatus


class OrganizationListEntry(models.Model):
    """One row of the maintained list of organizations, as last loaded, and the record it fills.

    `loaded` keeps the values the list gave: a field whose value still equals them is the list's to
    update; one that differs was changed by an editor and is left alone.
    """

    key = models.CharField(max_length=100, unique=True, help_text="The row's stable key in the list.")
    organization = models.ForeignKey("registry.Organization", on_delete=models.CASCADE, related_name="list_entries")
    loaded = models.JSONField(default=dict, help_text="The values as the list last gave them.")
    source = models.CharField(max_length=500, help_text="Where the row's facts come from.")
    licence = models.CharField(max_length=100)
    loaded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["key"]
        verbose_name_plural = "organization list entries"

    def __str__(self) -> str:
        return self.key


class OrganizationMergeSuggestion(models.Model):
    """Two records that are probably one organization, for an editor to merge or reject.

    Stored with the lower id first, so a pair is suggested once; a rejected pair is not suggested again.
    """

    # Empty once merged away: the decision stays on record.
    organization_a = models.ForeignKey("registry.Organization", null=True, on_delete=models.SET_NULL, related_name="+")
    organization_b = models.ForeignKey("registry.Organization", null=True, on_delete=models.SET_NULL, related_name="+")
    score = models.FloatField()
    reason = models.CharField(max_length=300)
    status = models.CharField(max_length=20, choices=MergeSuggestionStatus.choices, default=MergeSuggestionStatus.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-score", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organization_a", "organization_b"],
                name="organization_suggestion_unique_pair",
                violation_error_message="This pair is already suggested.",
            ),
            models.CheckConstraint(
                condition=Q(organization_a__lt=F("organization_b")),
                name="organization_suggestion_ordered_pair",
                violation_error_message="A pair is stored with the lower id first.",
            ),
        ]
        indexes = [
            # The editors' queue: open suggestions, best first.
            models.Index(fields=["status", "-score"], name="organization_suggestion_queue"),
        ]

    def __str__(self) -> str:
        return f"{self.organization_a} = {self.organization_b}? ({self.score:.2f}: {self.reason})"


class OrganizationMerge(models.Model):
    """One merge: which record was folded into which, what it held and which rows moved, so that
    the merge can be read, audited and undone."""

    kept = models.ForeignKey("registry.Organization", null=True, on_delete=models.SET_NULL, related_name="merges_kept")
    merged_pk = models.PositiveIntegerField(help_text="The id the merged record had.")
    merged_name = models.CharField(max_length=300)
    snapshot = models.JSONField(help_text="The merged record's fields, aliases, identifiers and the rows moved.")
    reason = models.CharField(max_length=300)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    undone_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.merged_name} merged into {self.kept or 'a deleted record'}"
