"""People (authors, editors, reviewers), the names they publish under, and their affiliations."""

from django.db import models
from django.db.models.functions import Upper
from simple_history.models import HistoricalRecords

from registry.identity.names import block_key
from registry.models.base import CanonicalFieldsModel, NormalizedNameModel
from registry.names import normalize_person_name
from registry.querysets import PersonQuerySet
from registry.validators import normalize_orcid, validate_date_range, validate_npi, validate_orcid


class Person(CanonicalFieldsModel, NormalizedNameModel):
    normalizer = staticmethod(normalize_person_name)
    field_normalizers = {"orcid": normalize_orcid}

    name = models.CharField("full name", max_length=300, help_text="The name as usually published.")
    normalized_name = models.CharField(max_length=300, editable=False, db_index=True)
    given_names = models.CharField(max_length=200, blank=True)
    family_name = models.CharField(max_length=200, blank=True)
    orcid = models.CharField(
        "ORCID iD",
        # Stored as 19 characters; the room is for an orcid.org link pasted into a form.
        max_length=64,
        null=True,
        blank=True,
        validators=[validate_orcid],
        help_text="e.g. 0000-0002-1825-0097; the check digit is verified.",
    )
    npi = models.CharField(
        "NPI",
        max_length=10,
        blank=True,
        validators=[validate_npi],
        help_text="US National Provider Identifier, used to match Open Payments records.",
    )
    open_payments_profile_id = models.CharField("Open Payments profile id", max_length=20, blank=True)
    email = models.EmailField(blank=True, help_text="Private: never shown to the public.")
    # Family name and first initial ("watt f"): the records person linking compares with one another.
    name_key = models.CharField(max_length=300, editable=False, blank=True, db_index=True)
    # Authors a published article: kept by the database (registry/public_set.py), never written here.
    is_public = models.BooleanField(default=False, editable=False)
    history = HistoricalRecords(excluded_fields=["normalized_name", "name_key", "is_public"])

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["family_name", "name"]
        verbose_name_plural = "people"
        indexes = [
            # The public API's list, in its order: the database walks it and stops at the page's end
            # instead of sorting every published author.
            models.Index(fields=["family_name", "name", "id"], name="person_list_order"),
            # The same for the public: the list and its count read the published authors alone.
            models.Index(
                fields=["family_name", "name", "id"], condition=models.Q(is_public=True), name="person_public_list"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                Upper("orcid"),
                name="person_unique_orcid",
                violation_error_message="Another person already has this ORCID iD.",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def normalize(self) -> None:
        super().normalize()
        self.name_key = block_key(self.name, self.family_name)


class PersonName(NormalizedNameModel):
    """A name variant the person has published under ("O. A. Andreassen", "Ole Andreas Andreassen")."""

    normalizer = staticmethod(normalize_person_name)

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="name_variants")
    name = models.CharField(max_length=300)
    normalized_name = models.CharField(max_length=300, editable=False, db_index=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "normalized_name"],
                name="person_name_unique_per_person",
                violation_error_message="This person already has that name variant.",
            )
        ]

    def __str__(self) -> str:
        return self.name


class Affiliation(models.Model):
    """A person at an organization in a role, over a date range (open-ended when current)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="affiliations")
    organization = models.ForeignKey("registry.Organization", on_delete=models.PROTECT, related_name="affiliations")
    role = models.CharField(max_length=300, blank=True, help_text="e.g. senior consultant, professor.")
    department = models.CharField(max_length=300, blank=True)
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True, help_text="Empty while current.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["person", "-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="affiliation_end_after_start",
                violation_error_message="An affiliation cannot end before it starts.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.person} at {self.organization}"

    def clean(self):
        validate_date_range(self.start_date, self.end_date)
