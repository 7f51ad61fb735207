"""Entries of external transfer-of-value registers (CMS Open Payments), kept as imported, and the
match that links each to a person in the registry.

The match lives on the record rather than in a table of its own: a payment names one recipient,
so it has at most one match, and the audit reads payments by matched person in one indexed query.
Records are the register's, not the registry's own: they carry no change history (the import
record says which file brought them) and are never edited by hand.
"""

from django.db import models
from django.db.models import Q

from registry.enums import PaymentKind, PaymentMatchMethod, PaymentMatchStatus, PaymentRegister

# Matches an editor decided: a re-import leaves their person and status as the editor set them.
EDITOR_DECIDED = (PaymentMatchStatus.CONFIRMED, PaymentMatchStatus.REJECTED)
# Payments the registry counts as the person's.
COUNTED_AS_MATCHED = (PaymentMatchStatus.MATCHED, PaymentMatchStatus.CONFIRMED)

# How sure each method is that the recipient is the person: identifiers CMS assigns are near
# certain; a unique name is a good guess that audits can choose to leave out.
MATCH_CONFIDENCE = {
    PaymentMatchMethod.NPI: 1.0,
    PaymentMatchMethod.PROFILE_ID: 0.95,
    PaymentMatchMethod.NAME: 0.6,
}


class PaymentRecord(models.Model):
    """One row of a register file: who received what from whom, when, as the register published it."""

    register = models.CharField(
        max_length=40, choices=PaymentRegister.choices, default=PaymentRegister.CMS_OPEN_PAYMENTS
    )
    kind = models.CharField(max_length=20, choices=PaymentKind.choices)
    record_id = models.CharField("source record id", max_length=40)
    program_year = models.PositiveSmallIntegerField(null=True, blank=True)
    profile_id = models.CharField("Open Payments profile id", max_length=20, blank=True)
    npi = models.CharField("NPI", max_length=10, blank=True)
    first_name = models.CharField(max_length=100, blank=True)
    middle_name = models.CharField(max_length=100, blank=True)
    last_name = models.CharField(max_length=100, blank=True)
    city = models.CharField(max_length=100, blank=True)
    state = models.CharField(max_length=40, blank=True)
    country = models.CharField(max_length=100, blank=True)
    specialty = models.CharField(max_length=300, blank=True)
    payer_name = models.CharField("payer as written", max_length=300, blank=True)
    payer_register_id = models.CharField("payer id in the register", max_length=40, blank=True)
    payer = models.ForeignKey(
        "registry.Organization",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="register_payments",
        help_text="The payer as the registry knows it, through names and aliases; empty when unknown.",
    )
    amount = models.DecimalField("amount (USD)", max_digits=14, decimal_places=2)
    payment_date = models.DateField(
        "date of payment",
        help_text="Ownership rows have no date: the last day of their program year stands for it.",
    )
    nature = models.CharField("nature of payment", max_length=300, blank=True)
    form = models.CharField("form of payment", max_length=200, blank=True)
    raw = models.JSONField(default=dict, blank=True, help_text="The row's other columns, as written.")
    source_file = models.CharField(max_length=300, blank=True)

    person = models.ForeignKey(
        "registry.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="register_payments",
        db_index=False,  # payment_person_date serves lookups by person
    )
    match_method = models.CharField(max_length=20, choices=PaymentMatchMethod.choices, blank=True)
    match_confidence = models.FloatField(null=True, blank=True)
    match_status = models.CharField(
        max_length=20, choices=PaymentMatchStatus.choices, default=PaymentMatchStatus.UNMATCHED
    )
    match_reason = models.CharField(max_length=300, blank=True)
    fingerprint = models.CharField(
        max_length=32,
        blank=True,
        editable=False,
        help_text="A digest of the row as the register published it: a re-import writes a row only if it changed.",
    )

    class Meta:
        ordering = ["-payment_date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["register", "kind", "record_id"],
                name="payment_unique_record",
                violation_error_message="The register already has a record with this id.",
            ),
            models.CheckConstraint(
                condition=Q(amount__gte=0),
                name="payment_amount_not_negative",
                violation_error_message="A payment amount cannot be negative.",
            ),
            models.CheckConstraint(
                condition=Q(match_confidence__isnull=True) | Q(match_confidence__gte=0, match_confidence__lte=1),
                name="payment_confidence_0_to_1",
                violation_error_message="A match confidence is between 0 and 1.",
            ),
        ]
        indexes = [
            # UNDISCLOSED_PAYMENT: the matched payments of the people in an audit's scope, by date.
            models.Index(
                fields=["person", "payment_date"], name="payment_person_date", condition=Q(person__isnull=False)
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.record_id}: USD {self.amount} from {self.payer_name}"
