"""UNDISCLOSED_INTEREST: a tie known to the registry, active in the window, left out of a disclosure."""

from audits.enums import Severity, SubjectType
from audits.rules.activity import DATED, UNDATED, left_out_ties
from audits.rules.base import Parameter, Rule, register
from audits.rules.evidence import POSSIBLE_BY_NOTICE, author_evidence, notice_subject, tie_evidence, tie_sentence
from audits.rules.explain import day, quoted
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
    its funder is not missing: the article discloses that funding. On a notice (a correction) standing
    in for an earlier article the registry does not hold, the window ends at the notice's date, after
    that article's submission: the tie was possibly held then, and the finding is low."""

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
            if tie.basis != DATED:
                when = "(undated, so it may fall in the window)"
            elif tie.by_notice_date:
                when = (
                    f"in the {months} months before the notice's date ({day(article.ref_date)}), {POSSIBLE_BY_NOTICE}"
                )
            else:
                when = f"in the {months} months before {day(article.ref_date)}"
            yield self.finding(
                key=f"authorship:{row.id}|interest:{interest.id}",
                summary=(
                    f"{name}'s disclosure on {notice_subject(article) if article.stands_in else quoted(article.title)} "
                    "does not list "
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
