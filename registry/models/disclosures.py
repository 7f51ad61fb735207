"""Disclosures (one author's declaration for one article) and the interests they declare."""

from django.core.exceptions import ValidationError
from django.db import models
from simple_history.models import HistoricalRecords

from registry.enums import DisclosureForm, DisclosureStatus, InterestCategory, Payee, Provenance
from registry.models.base import CanonicalFieldsModel
from registry.querysets import DeclaredInterestQuerySet, DisclosureQuerySet
from registry.validators import validate_currency, validate_date_range


class Disclosure(models.Model):
    """What one author declared for one article.

    `declares_none` records an explicit "nothing to declare"; an authorship without a
    Disclosure means no disclosure is on file, which is a different fact.
    """

    authorship = models.OneToOneField(
        "registry.Authorship",
        on_delete=models.CASCADE,
        related_name="disclosure",
        error_messages={"unique": "This authorship already has a disclosure; correct that one instead."},
    )
    statement = models.TextField("statement as written", blank=True)
    form = models.CharField(max_length=20, choices=DisclosureForm.choices, default=DisclosureForm.FREE_TEXT)
    completed_on = models.DateField("date completed", null=True, blank=True)
    declares_none = models.BooleanField(
        "declares no interests", default=False, help_text="The author explicitly declared nothing."
    )
    interests = models.ManyToManyField(
        "registry.Interest", through="DeclaredInterest", blank=True, related_name="disclosures"
    )
    status = models.CharField(max_length=20, choices=DisclosureStatus.choices, default=DisclosureStatus.ACTIVE)
    status_changed_on = models.DateField(null=True, blank=True)
    status_note = models.TextField(blank=True, help_text="Why it was corrected or withdrawn.")
    history = HistoricalRecords()

    objects = DisclosureQuerySet.as_manager()

    class Meta:
        ordering = ["authorship__article", "authorship__position"]

    def __str__(self) -> str:
        return f"Disclosure of {self.authorship}"


class Interest(CanonicalFieldsModel):
    """A relationship between a person and an organization, from a disclosure, an import or a register."""

    field_normalizers = {"currency": str.upper}

    person = models.ForeignKey("registry.Person", on_delete=models.CASCADE, related_name="interests")
    organization = models.ForeignKey(
        "registry.Organization",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="interests",
        help_text="Empty when the counterparty is not named or not yet in the registry.",
    )
    organization_name = models.CharField(
        "organization as written", max_length=300, blank=True, help_text="The name exactly as declared."
    )
    category = models.CharField(max_length=30, choices=InterestCategory.choices)
    payee = models.CharField(max_length=20, choices=Payee.choices, default=Payee.SELF)
    amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    currency = models.CharField(
        max_length=3, blank=True, validators=[validate_currency], help_text="ISO 4217, e.g. NOK, USD."
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    ongoing = models.BooleanField(default=False)
    specification = models.TextField(
        blank=True,
        help_text="What the tie is, in words (e.g. 'shares in a clinic providing ketamine treatment').",
    )
    topics = models.ManyToManyField(
        "registry.Topic",
        blank=True,
        related_name="interests",
        help_text="What the tie is about when the organization alone does not say (e.g. ketamine treatment).",
    )
    provenance = models.CharField(max_length=20, choices=Provenance.choices, default=Provenance.DISCLOSURE)
    provenance_detail = models.CharField(
        max_length=500, blank=True, help_text="File, register record id or note on where it came from."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["person", "organization_name", "category"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="interest_end_after_start",
                violation_error_message="An interest cannot end before it starts.",
            ),
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True) | models.Q(amount__gte=0),
                name="interest_amount_not_negative",
                violation_error_message="An amount cannot be negative.",
            ),
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True) | ~models.Q(currency=""),
                name="interest_amount_has_currency",
                violation_error_message="An amount needs its currency (ISO 4217, e.g. NOK).",
            ),
            models.CheckConstraint(
                condition=models.Q(ongoing=False) | models.Q(end_date__isnull=True),
                name="interest_ongoing_has_no_end",
                violation_error_message="An ongoing interest has no end date.",
            ),
        ]

    def __str__(self) -> str:
        counterparty = self.organization or self.organization_name or self.specification or "unnamed"
        return f"{self.person}: {self.get_category_display().split('. ', 1)[-1]} — {counterparty}"

    def clean(self):
        super().clean()
        validate_date_range(self.start_date, self.end_date)
        if self.ongoing and self.end_date:
            raise ValidationError({"end_date": "An ongoing interest has no end date; clear one of them."})
        if self.amount is not None and self.amount < 0:
            raise ValidationError({"amount": "An amount cannot be negative."})
        if self.amount is not None and not self.currency:
            raise ValidationError({"currency": "An amount needs its currency (ISO 4217, e.g. NOK)."})
        if not (self.organization_id or self.organization_name or self.specification):
            raise ValidationError("Name the organization, or describe the tie in the specification.")


class DeclaredInterest(models.Model):
    """An interest as listed in one disclosure, with the words that declared it."""

    disclosure = models.ForeignKey(Disclosure, on_delete=models.CASCADE, related_name="declared_interests")
    interest = models.ForeignKey(Interest, on_delete=models.CASCADE, related_name="declarations")
    text_as_written = models.TextField(blank=True, help_text="The part of the statement that declares it.")
    span_start = models.PositiveIntegerField(null=True, blank=True)
    span_end = models.PositiveIntegerField(null=True, blank=True)
    history = HistoricalRecords()

    objects = DeclaredInterestQuerySet.as_manager()

    class Meta:
        ordering = ["disclosure", "interest__category", "interest__organization_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["disclosure", "interest"],
                name="declared_interest_unique",
                violation_error_message="This disclosure already declares that interest.",
            ),
            models.CheckConstraint(
                condition=models.Q(span_start__isnull=True)
                | models.Q(span_end__isnull=True)
                | models.Q(span_end__gte=models.F("span_start")),
                name="declared_interest_span_ordered",
                violation_error_message="A text span cannot end before it starts.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.interest} in {self.disclosure}"

    def clean(self):
        if not (self.interest_id and self.disclosure_id):
            return
        if self.interest.person_id != self.disclosure.authorship.person_id:
            raise ValidationError("A disclosure can only declare interests of its own author.")
