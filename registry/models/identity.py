"""Links between person records judged to be one person: the evidence and score behind each, and
what the merge moved, so an editor can read why and undo it."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from registry.enums import LinkMethod, LinkStatus


class PersonLink(models.Model):
    """One merge of a person record (`merged_person_id`, now gone) into `kept`.

    `evidence` lists what was weighed ({kind, detail, weight}); `moved` names every row the merge
    moved ({"app_label.model": [ids]}) and `snapshot` the merged record's fields, so `unlink_people`
    recreates it under its old id and gives it back exactly its rows.
    """

    kept = models.ForeignKey(
        "registry.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="links",
        help_text="The record the other was merged into; empty if it was later merged on or deleted.",
    )
    merged_person_id = models.PositiveIntegerField(help_text="The id the merged record had, and gets back on unlink.")
    merged_name = models.CharField(max_length=300)
    match = models.OneToOneField(
        "registry.PersonMatch",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="link",
        help_text="The queue entry this link confirmed: one entry gives at most one link.",
    )
    method = models.CharField(max_length=20, choices=LinkMethod.choices)
    status = models.CharField(max_length=20, choices=LinkStatus.choices, default=LinkStatus.LINKED)
    score = models.FloatField(null=True, blank=True, help_text="Sum of the evidence weights (log2 odds).")
    evidence = models.JSONField(default=list, blank=True)
    moved = models.JSONField(default=dict, blank=True)
    snapshot = models.JSONField(default=dict, blank=True)
    reason = models.CharField(max_length=300, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    unlinked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    unlinked_at = models.DateTimeField(null=True, blank=True)
    unlink_reason = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            # A record is merged away once: two editors confirming the same pair give one link.
            models.UniqueConstraint(
                fields=["merged_person_id"],
                condition=Q(status="linked"),
                name="person_link_merged_once",
                violation_error_message="This person record is already linked into another.",
            ),
            models.CheckConstraint(
                condition=Q(status="linked", unlinked_at__isnull=True)
                | Q(status="unlinked", unlinked_at__isnull=False),
                name="person_link_unlinked_has_date",
                violation_error_message="An unlinked link needs the date it was undone.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.merged_name} (#{self.merged_person_id}) → {self.kept or '—'} ({self.get_status_display()})"


class PersonLookupKey(models.Model):
    """A key person linking finds this record under: a name's block key with the given name it
    carries ("name:watt f" with "fiona", or "f" for an initial), or an identifier ("orcid:…",
    "contributor:…", "email:…", with no given name).

    Derived from the record's names, authorships and ORCID iD (`registry.identity.lookup_keys`), so
    linking one article's authors reads only the records sharing a key with them, by index, however
    large the registry. Merges move the rows with the rest of the record.
    """

    person = models.ForeignKey("registry.Person", on_delete=models.CASCADE, related_name="lookup_keys")
    key = models.CharField(max_length=320)
    first = models.CharField(max_length=200, blank=True, help_text="The given name (or initial) of a name key.")

    class Meta:
        indexes = [
            # The candidates of a newly imported author and the sizes of their blocks: by key and
            # given name, the person read from the index alone.
            models.Index(fields=["key", "first", "person"], name="person_lookup_key_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.key} {self.first}".strip()
