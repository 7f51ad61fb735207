"""UNDISCLOSED_INTEREST: a tie known to the registry, active in the window, left out of a disclosure."""

from audits.enums import Severity, SubjectType
from audits.rules.activity import DATED, UNDATED, left_out_ties
from audits.rules.base import Parameter, Rule, register
from audits.rules.evidence import author_evidence, tie_evidence, tie_sentence
from audits.rules.explain import quoted
from audits.rules.severity import tie_severity


@register
class UndisclosedInterestRule(Rule):
    """Flags a tie the registry knows (from an import, a register, an editor or another
    disclosure) whose own dates put it in the look-back window before the article, but which the
    author's disclosure does not list. High when the tie is financial (consulting, stock, lecture
    fees, employment, a founder role, royalties, expert testimony) and its organization is relevant
    to the article; medium for other dated ties. Undated ties known only from imports or registers
    are medium, and the finding says they are undated. Undated ties declared on other articles are
    the business of INCONSISTENT_ACROSS_ARTICLES. A grant from an organization the article names as
    its funder is not missing: the article discloses that funding."""

    code = "UNDISCLOSED_INTEREST"
    title = "Known tie missing from a disclosure"
    version = 3
    severity = Severity.HIGH
    subject_type = SubjectType.INTEREST
    parameters = (Parameter("window_months", 36, "Months before submission in which ties count."),)

    def find(self, ctx):
        months = self.params["window_months"]
        for row, tie in left_out_ties(ctx, months, {DATED, UNDATED}):
            interest = tie.interest
            article = ctx.articles[row.article_id]
            name = ctx.person_names[row.person_id]
            when = (
                f"in the {months} months before {article.ref_date.isoformat()}"
                if tie.basis == DATED
                else "(undated, so it may fall in the window)"
            )
            yield self.finding(
                key=f"authorship:{row.id}|interest:{interest.id}",
                summary=(
                    f"{name}'s disclosure on {quoted(article.title)} does not list "
                    f"{tie_sentence(ctx, tie)}, a tie the registry knows {when}."
                ),
                evidence={
                    **author_evidence(ctx, row),
                    "window_months": months,
                    "tie": tie_evidence(ctx, tie),
                },
                severity=tie_severity(ctx, tie, row.article_id),
                author=row,
                organization_id=interest.organization_id,
                interest_id=interest.id,
            )
