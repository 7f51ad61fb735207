"""Public register payments beside an author's declared ties: matched records only, totals by company
and year, with the match's method and confidence, and where the register and the declarations disagree.

Open Payments is public data; a record reaches the page only once the registry matched it to this
person (by NPI, profile id, or a name no one else in the registry has)."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import BooleanField, Count, ExpressionWrapper, Min, Sum
from django.db.models.functions import ExtractYear

from registry.enums import PaymentMatchMethod, PaymentRegister
from registry.models import PaymentRecord, Person
from registry.models.payments import COUNTED_AS_MATCHED
from registry.names import fold
from registry.querysets import is_public_organization
from registry.reader.ties import Tie

REGISTERS = dict(PaymentRegister.choices)
METHODS = dict(PaymentMatchMethod.choices)


@dataclass
class PaymentYear:
    year: int
    payments: int
    amount: Decimal


@dataclass
class CompanyPayments:
    """Payments from one payer, per year, and whether the author declared a tie to it."""

    payer_id: int | None  # when the payer has a public page
    payer: str
    register: str
    match_methods: list[str]
    lowest_confidence: float | None
    years: list[PaymentYear] = field(default_factory=list)
    declared: bool = False

    @property
    def amount(self) -> Decimal:
        return sum((year.amount for year in self.years), Decimal(0))

    @property
    def payments(self) -> int:
        return sum(year.payments for year in self.years)

    @property
    def confidence_percent(self) -> int | None:
        return None if self.lowest_confidence is None else round(self.lowest_confidence * 100)


def register_payments(person: Person, ties: list[Tie]) -> list[CompanyPayments]:
    """The person's matched register payments by payer and year, largest payer first (1 query)."""
    rows = (
        PaymentRecord.objects.filter(person=person, match_status__in=COUNTED_AS_MATCHED)
        .annotate(payer_public=ExpressionWrapper(is_public_organization("payer_id"), output_field=BooleanField()))
        .values("payer_id", "payer__name", "payer__parent_id", "payer_name", "payer_public", "register", "match_method")
        .annotate(
            year=ExtractYear("payment_date"),
            payments=Count("pk"),
            amount=Sum("amount"),
            confidence=Min("match_confidence"),
        )
        .order_by()
    )
    rows = list(rows)
    if not rows:  # most authors: then no need to fold the names of all their ties
        return []
    declared_ids = {tie.organization_id for tie in ties if tie.organization_id}
    declared_names = {fold(tie.organization) for tie in ties} | {fold(tie.name_as_declared) for tie in ties}
    companies: dict[tuple, CompanyPayments] = {}
    for row in rows:
        name = row["payer__name"] or row["payer_name"]
        key = (row["payer_id"] or fold(name), row["register"])
        company = companies.get(key)
        if company is None:
            company = companies[key] = CompanyPayments(
                row["payer_id"] if row["payer_public"] else None,  # linked only when its page exists
                name,
                REGISTERS.get(row["register"], row["register"]),
                [],
                row["confidence"],
            )
            company.declared = (
                row["payer_id"] in declared_ids
                or row["payer__parent_id"] in declared_ids
                or fold(name) in declared_names
            )
        method = METHODS.get(row["match_method"], row["match_method"])
        if method and method not in company.match_methods:
            company.match_methods.append(method)
        if row["confidence"] is not None:
            company.lowest_confidence = min(company.lowest_confidence or 1.0, row["confidence"])
        _add_year(company, row["year"], row["payments"], row["amount"])
    for company in companies.values():
        company.years.sort(key=lambda year: -year.year)
    return sorted(companies.values(), key=lambda company: (-company.amount, fold(company.payer)))


def _add_year(company: CompanyPayments, year: int, payments: int, amount: Decimal) -> None:
    for entry in company.years:
        if entry.year == year:
            entry.payments += payments
            entry.amount += amount
            return
    company.years.append(PaymentYear(year, payments, amount))
