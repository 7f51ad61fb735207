"""SIGNIFICANT_FINANCIAL_INTEREST: the US PHS test (42 CFR 50.603) with policy caps as parameters."""

from collections import defaultdict
from decimal import Decimal

from audits.dates import months_before, overlaps
from audits.enums import Severity, SubjectType
from audits.rules.activity import DATED, known_ties
from audits.rules.base import Parameter, Rule, register
from audits.rules.evidence import author_evidence, interest_evidence
from audits.rules.explain import join_words, quoted, tie_phrase
from registry.enums import InterestCategory, Payee

# Payments for services or rights, which PHS counts as remuneration.
REMUNERATION = frozenset(
    {
        InterestCategory.CONSULTING,
        InterestCategory.LECTURES,
        InterestCategory.EXPERT_TESTIMONY,
        InterestCategory.ROYALTIES,
        InterestCategory.EMPLOYMENT,
        InterestCategory.GIFTS,
    }
)
EQUITY = frozenset({InterestCategory.STOCK, InterestCategory.FOUNDER})

# US dollars per unit, approximate annual averages; amounts in other currencies are listed, not summed.
USD_PER_UNIT = {
    "USD": Decimal("1"),
    "EUR": Decimal("1.08"),
    "GBP": Decimal("1.27"),
    "CHF": Decimal("1.13"),
    "CAD": Decimal("0.73"),
    "AUD": Decimal("0.66"),
    "NOK": Decimal("0.094"),
    "SEK": Decimal("0.095"),
    "DKK": Decimal("0.145"),
    "JPY": Decimal("0.0067"),
    "CNY": Decimal("0.14"),
}


def usd(amount: Decimal) -> str:
    return f"USD {amount:,.0f}"


@register
class SignificantFinancialInterestRule(Rule):
    """Flags what US Public Health Service rules (42 CFR 50.603) call a significant financial
    interest: more than USD 5,000 from one entity (with its parent and subsidiaries) in the 12
    months before the article, counting remuneration and publicly traded equity, or any equity in
    a company whose shares are not publicly traded. Institutional policy caps per company and in
    total can be set; ties paid to the institution do not count. Amounts in currencies without a
    listed rate are named in the evidence but not added up."""

    code = "SIGNIFICANT_FINANCIAL_INTEREST"
    title = "Significant financial interest (US PHS test)"
    severity = Severity.MEDIUM
    subject_type = SubjectType.ORGANIZATION
    parameters = (
        Parameter("threshold_usd", 5000.0, "Remuneration and public equity from one entity above this is significant."),
        Parameter("window_months", 12, "Months before submission in which payments count."),
        Parameter("per_entity_cap_usd", 0.0, "Policy cap per entity (0: none); above it the finding is high."),
        Parameter("total_cap_usd", 0.0, "Policy cap over all entities (0: none)."),
        Parameter("include_travel", False, "Count reimbursed or sponsored travel as remuneration."),
    )

    def find(self, ctx):
        counted = REMUNERATION | ({InterestCategory.TRAVEL} if self.params["include_travel"] else set())
        # Only ties with an amount, or equity, can make the test; most ties have neither.
        candidates = {
            i.id
            for i in ctx.interests.values()
            if i.organization_id and i.payee != Payee.INSTITUTION and (i.amount is not None or i.category in EQUITY)
        }
        people = {ctx.interests[i].person_id for i in candidates}
        for row in ctx.authorships:
            if row.person_id not in people:
                continue
            totals: dict[int, Decimal] = defaultdict(Decimal)
            parts: dict[int, list] = defaultdict(list)
            for interest in self.ties_in_window(ctx, row):
                if interest.id not in candidates:
                    continue
                public = ctx.organizations[interest.organization_id][3]
                if interest.category in EQUITY and public is False:
                    yield self.private_equity(ctx, row, interest)
                    continue
                counts = interest.category in counted or (interest.category in EQUITY and public)
                rate = USD_PER_UNIT.get(interest.currency)
                if counts and interest.amount is not None and rate is not None:
                    entity = ctx.lineage(interest.organization_id)[-1]
                    totals[entity] += interest.amount * rate
                    parts[entity].append(interest)
            yield from self.over_threshold(ctx, row, totals, parts)

    def ties_in_window(self, ctx, row):
        """Ties this disclosure declares (they concern this article) and dated ties known in the window."""
        ref = ctx.articles[row.article_id].ref_date
        start = months_before(ref, self.params["window_months"])
        declared = [ctx.interests[i] for i in sorted(ctx.declared_interest_ids(row.disclosure_id))]
        in_window = [
            i for i in declared if not i.dated or overlaps(i.start_date, None if i.ongoing else i.end_date, start, ref)
        ]
        known = [t.interest for t in known_ties(ctx, row, self.params["window_months"]) if t.basis == DATED]
        return in_window + known

    def over_threshold(self, ctx, row, totals, parts):
        threshold = Decimal(str(self.params["threshold_usd"]))
        entity_cap = Decimal(str(self.params["per_entity_cap_usd"]))
        total_cap = Decimal(str(self.params["total_cap_usd"]))
        name = ctx.person_names[row.person_id]
        article = ctx.articles[row.article_id]
        months = self.params["window_months"]
        for entity, total in sorted(totals.items()):
            if total <= threshold:
                continue
            over_cap = bool(entity_cap) and total > entity_cap
            detail = join_words(f"{tie_phrase(i.category)} {i.currency} {i.amount:,.0f}" for i in parts[entity])
            cap_note = f", over the policy cap of {usd(entity_cap)}" if over_cap else ""
            yield self.finding(
                key=f"authorship:{row.id}|entity:{entity}",
                summary=(
                    f"{name} received {usd(total)} from {ctx.organization_name(entity)} in the {months} months "
                    f"before {quoted(article.title)} ({detail}): a significant financial interest under US PHS "
                    f"rules (over {usd(threshold)}){cap_note}."
                ),
                evidence={
                    **author_evidence(ctx, row),
                    "entity": ctx.organization_name(entity),
                    "total_usd": str(total.quantize(Decimal("0.01"))),
                    "interests": [interest_evidence(ctx, i) for i in parts[entity]],
                },
                severity=Severity.HIGH if over_cap else Severity.MEDIUM,
                author=row,
                organization_id=entity,
            )
        grand_total = sum(totals.values(), Decimal(0))
        if total_cap and grand_total > total_cap:
            yield self.finding(
                key=f"authorship:{row.id}|total",
                summary=(
                    f"{name} received {usd(grand_total)} in all from companies in the {months} months before "
                    f"{quoted(article.title)}, over the policy cap of {usd(total_cap)}."
                ),
                evidence={
                    **author_evidence(ctx, row),
                    "total_usd": str(grand_total.quantize(Decimal("0.01"))),
                    "by_entity": {ctx.organization_name(e): str(t) for e, t in sorted(totals.items())},
                },
                severity=Severity.HIGH,
                author=row,
            )

    def private_equity(self, ctx, row, interest):
        name = ctx.person_names[row.person_id]
        org = ctx.organization_name(interest.organization_id)
        return self.finding(
            key=f"authorship:{row.id}|equity:{interest.organization_id}",
            summary=(
                f"{name} holds {tie_phrase(interest.category)} in {org}, whose shares are not publicly traded: "
                "a significant financial interest under US PHS rules whatever its value."
            ),
            evidence={
                **author_evidence(ctx, row),
                "interest": interest_evidence(ctx, interest),
            },
            severity=Severity.HIGH,
            author=row,
            organization_id=interest.organization_id,
            interest_id=interest.id,
        )
