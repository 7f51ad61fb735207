"""Organizations (companies, universities, clinics, funders, advocacy groups) and their aliases."""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from registry.enums import OrganizationKind, OrganizationOrigin
from registry.models.base import CanonicalFieldsModel, NormalizedNameModel
from registry.names import normalize_organization_name
from registry.querysets import OrganizationQuerySet
from registry.validators import normalize_ror_id, validate_country, validate_ror_id


class Organization(CanonicalFieldsModel, NormalizedNameModel):
    normalizer = staticmethod(normalize_organization_name)
    field_normalizers = {"ror_id": normalize_ror_id, "country": str.upper}
    name = models.CharField("canonical name", max_length=300)
    normalized_name = models.CharField(max_length=300, editable=False, db_index=True)
    kind = models.CharField(max_length=20, choices=OrganizationKind.choices, default=OrganizationKind.COMPANY)
    country = models.CharField(
        max_length=2, blank=True, validators=[validate_country], help_text="ISO 3166-1 code, e.g. NO."
    )
    ror_id = models.CharField(
        "ROR id",
        # Stored as 9 characters; the room is for a ror.org link pasted into a form.
        max_length=64,
        null=True,
        blank=True,
        unique=True,
        validators=[validate_ror_id],
        help_text="Research Organization Registry id, e.g. 01xtthb56.",
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="subsidiaries",
        help_text="The group it belongs to (Janssen → Johnson & Johnson).",
    )
    topics = models.ManyToManyField(
        "registry.Topic",
        blank=True,
        related_name="organizations",
        help_text="Fields, conditions and products it is active in (e.g. depression, ketamine).",
    )
    publicly_traded = models.BooleanField(
        "shares publicly traded",
        null=True,
        blank=True,
        help_text="Whether its shares trade on a public exchange; unknown when empty. Equity in a company "
        "that is not publicly traded is a significant financial interest whatever its value (US PHS rules).",
    )
    description = models.TextField(blank=True)
    website = models.URLField(blank=True)
    reviewed = models.BooleanField(
        default=False,
        help_text="An editor or the maintained list vouches for this record; records created from a name "
        "as written stay unreviewed until an editor checks them.",
    )
    origin = models.CharField(
        max_length=20, choices=OrganizationOrigin.choices, default=OrganizationOrigin.EDITOR, editable=False
    )
    origin_detail = models.CharField(
        max_length=500, blank=True, editable=False, help_text="The record, file or list entry that named it first."
    )
    # Named by a published declaration or funding a published article: kept by the database
    # (registry/public_set.py), never written here.
    is_public = models.BooleanField(default=False, editable=False)
    history = HistoricalRecords(excluded_fields=["is_public"])

    objects = OrganizationQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [
            # The editors' review queue: unreviewed records, by name.
            models.Index(fields=["reviewed", "name"], name="organization_reviewed_name"),
            # The public API's list, in its order: the database walks it and stops at the page's end
            # instead of sorting every public organization.
            models.Index(fields=["name", "id"], name="organization_list_order"),
            models.Index(fields=["name", "id"], condition=models.Q(is_public=True), name="organization_public_list"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        if self.parent_id and self.pk:
            ancestor, seen = self.parent, {self.pk}
            while ancestor is not None:
                if ancestor.pk in seen:
                    raise ValidationError({"parent": "An organization cannot be its own parent or ancestor."})
                seen.add(ancestor.pk)
                ancestor = ancestor.parent


class OrganizationAlias(NormalizedNameModel):
    """Another name the organization is known by ("BMS" for Bristol-Myers Squibb)."""

    normalizer = staticmethod(normalize_organization_name)

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(max_length=300)
    normalized_name = models.CharField(max_length=300, editable=False, db_index=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "organization aliases"
        constraints = [
            models.UniqueConstraint(
                fields=["organization", "normalized_name"],
                name="organization_alias_unique_per_organization",
                violation_error_message="This organization already has that alias.",
            )
        ]

    def __str__(self) -> str:
        return self.name
