"""UNDISCLOSED_PAYMENT: payments a register (CMS Open Payments) lists for an author, in the window
before an article, from a payer the author's disclosure on it does not name."""

from collections import defaultdict
from decimal import Decimal
from functools import lru_cache

from audits.context import PaymentRow
from audits.enums import Severity, SubjectType
from audits.rules.base import Parameter, Rule, register
from audits.rules.evidence import author_evidence
from audits.rules.explain import join_words, quoted
from registry.enums import PaymentMatchMethod
from registry.names import normalize_organization_name

FOOD = "food and beverage"
TRAVEL = "travel and lodging"
# How the register's natures of payment read in a sentence; others are lower-cased.
NATURE_WORDS = {
    "consulting fee": "consulting fees",
    "honoraria": "honoraria",
    "gift": "gifts",
    "grant": "grants",
    "education": "education",
    "royalty or license": "royalties or licences",
    "research payment": "research payments",
    "ownership or investment interest": "ownership interests",
    "current or prospective ownership or investment interest": "ownership interests",
    "compensation for services other than consulting": "speaker or faculty fees",
    "compensation for serving as faculty or as a speaker": "speaker or faculty fees",
    "acquisitions": "acquisitions",
}
EVIDENCE_PAYMENTS = 50  # listed in a finding's evidence; the count and total cover all of them


def nature_words(nature: str) -> str:
    lowered = nature.strip().lower()
    for start, words in NATURE_WORDS.items():
        if lowered.startswith(start):
            return words
    return lowered.split(",")[0] or "payments"


def usd(amount: Decimal) -> str:
    return f"${amount:,.0f}"


@register
class UndisclosedPaymentRule(Rule):
    """Flags payments a transfer-of-value register (CMS Open Payments) lists for an author in the
    look-back window before the article's submission, from a payer their disclosure on the article
    does not name. A payer counts as declared when the disclosure names it, a parent of it or one of
    its subsidiaries (through the registry's names and aliases). Only payments matched to the author
    with enough confidence count; name-only matches make medium findings, identifier matches high.
    Meals are left out and travel counted unless set otherwise. Authorships without a disclosure on
    file are left to MISSING_DISCLOSURE."""

    code = "UNDISCLOSED_PAYMENT"
    title = "Register payment missing from a disclosure"
    severity = Severity.HIGH
    subject_type = SubjectType.PAYMENT
    parameters = (
        Parameter("window_months", 36, "Months before submission in which payments count."),
        Parameter("min_confidence", 0.5, "Lowest match confidence counted (NPI 1.0, profile id 0.95, name 0.6)."),
        Parameter("min_payment_usd", 0.0, "Payments below this amount are left out."),
        Parameter("min_total_usd", 1000.0, "A payer's payments in the window must add up to at least this."),
        Parameter("include_food", False, "Count food and beverage."),
        Parameter("include_travel", True, "Count travel and lodging."),
    )

    def find(self, ctx):
        payments = ctx.payments_by_person
        if not payments:
            return
        ctx.include_organizations({p.payer_id for rows in payments.values() for p in rows if p.payer_id})
        min_total = Decimal(str(self.params["min_total_usd"]))
        self.min_payment = Decimal(str(self.params["min_payment_usd"]))
        for row in ctx.authorships:
            if row.disclosure_id is None or row.person_id not in payments:
                continue
            start, end = ctx.window(row.article_id, self.params["window_months"])
            by_payer: dict[str, list[PaymentRow]] = defaultdict(list)
            for payment in payments[row.person_id]:
                if start <= payment.payment_date <= end and self.counts(payment):
                    by_payer[payer_key(payment)].append(payment)
            if not by_payer:
                continue
            declared = declared_payers(ctx, row.disclosure_id)
            for key, group in sorted(by_payer.items()):
                total = sum((p.amount for p in group), Decimal(0))
                if total >= min_total and not is_declared(ctx, group[0], declared):
                    yield self.build(ctx, row, key, group, total)

    def counts(self, payment: PaymentRow) -> bool:
        if payment.match_confidence < self.params["min_confidence"]:
            return False
        if payment.amount < self.min_payment:
            return False
        nature = payment.nature.strip().lower()
        if nature == FOOD and not self.params["include_food"]:
            return False
        return not (nature == TRAVEL and not self.params["include_travel"])

    def build(self, ctx, row, key: str, group: list[PaymentRow], total: Decimal):
        group = sorted(group, key=lambda p: (p.payment_date, p.id))
        article = ctx.articles[row.article_id]
        name = ctx.person_names[row.person_id]
        payer = payer_name(ctx, group[0])
        years = sorted({p.payment_date.year for p in group})
        span = str(years[0]) if len(years) == 1 else f"{years[0]}\N{EN DASH}{years[-1]}"
        natures = defaultdict(Decimal)
        for payment in group:
            natures[nature_words(payment.nature)] += payment.amount
        what = join_words(sorted(natures, key=lambda n: (-natures[n], n))[:3])
        by_name = all(p.match_method == PaymentMatchMethod.NAME for p in group)
        count = f"{len(group)} payment{'s' if len(group) > 1 else ''}"
        months = self.params["window_months"]
        declared = "declared no interests" if row.declares_none else f"did not declare {payer}"
        caveat = " (matched to the register by name only)" if by_name else ""
        return self.finding(
            key=f"authorship:{row.id}|payer:{key}",
            summary=(
                f"{name} received {usd(total)} from {payer} in {count} ({span}, {what}) in the {months} months "
                f"before submitting {quoted(article.title)}, and {declared}{caveat}."
            ),
            evidence={
                **author_evidence(ctx, row),
                "window_months": months,
                "payer": {"id": group[0].payer_id, "name": payer, "as_written": group[0].payer_name},
                "total_usd": str(total.quantize(Decimal("0.01"))),
                "payment_count": len(group),
                "payments": [payment_evidence(p) for p in group[:EVIDENCE_PAYMENTS]],
            },
            severity=Severity.MEDIUM if by_name else Severity.HIGH,
            author=row,
            organization_id=group[0].payer_id,
        )


# A payer's name is read for each of its payments, once for each article of the author paid.
normal_name = lru_cache(maxsize=65536)(normalize_organization_name)


def payer_key(payment: PaymentRow) -> str:
    """One payer however the register spells it: the registry's organization, else its name."""
    if payment.payer_id:
        return f"o{payment.payer_id}"
    return f"n{normal_name(payment.payer_name)}"


def payer_name(ctx, payment: PaymentRow) -> str:
    return ctx.organization_name(payment.payer_id) if payment.payer_id else payment.payer_name


def declared_payers(ctx, disclosure_id: int) -> tuple[set[int], set[str]]:
    """Organizations a disclosure names, and the normal forms of every name it gives for them."""
    key = ("declared_payers", disclosure_id)
    if key not in ctx.memo:
        organizations, names = set(), set()
        for declaration in ctx.declared_by_disclosure.get(disclosure_id, ()):
            interest = ctx.interests[declaration.interest_id]
            if interest.organization_id:
                organizations.add(interest.organization_id)
                names.add(normalize_organization_name(ctx.organization_name(interest.organization_id)))
            if interest.organization_name:
                names.add(normalize_organization_name(interest.organization_name))
        ctx.memo[key] = (organizations, names)
    return ctx.memo[key]


def is_declared(ctx, payment: PaymentRow, declared: tuple[set[int], set[str]]) -> bool:
    """The payer, a parent of it or a subsidiary of it is named in the disclosure."""
    organizations, names = declared
    if normal_name(payment.payer_name) in names:
        return True
    if not payment.payer_id:
        return False
    if set(ctx.lineage(payment.payer_id)) & organizations:
        return True  # the payer or its parent was declared
    return any(payment.payer_id in ctx.lineage(org) for org in organizations)  # a subsidiary was


def payment_evidence(payment: PaymentRow) -> dict:
    return {
        "id": payment.id,
        "record_id": payment.record_id,
        "kind": payment.kind,
        "date": payment.payment_date.isoformat(),
        "amount_usd": str(payment.amount),
        "nature": payment.nature,
        "match_method": payment.match_method,
        "match_confidence": payment.match_confidence,
    }
