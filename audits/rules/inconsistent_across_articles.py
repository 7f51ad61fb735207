"""INCONSISTENT_ACROSS_ARTICLES: a tie declared on one article and left out of another nearby."""

from audits.enums import Severity, SubjectType
from audits.rules.activity import DECLARED_ELSEWHERE, DECLARED_LATER, left_out_ties
from audits.rules.base import Parameter, Rule, register
from audits.rules.evidence import (
    POSSIBLE_BY_NOTICE,
    article_dates,
    author_evidence,
    notice_subject,
    tie_clause,
    tie_evidence,
)
from audits.rules.severity import tie_severity


@register
class InconsistentAcrossArticlesRule(Rule):
    """Flags an author who declared an undated tie on one article but left it out of another
    submitted in the look-back window after it (36 months): the declaration's date puts the tie in
    that window. High for a financial tie (consulting, stock, lecture fees, employment, a founder
    role, royalties, expert testimony) to an organization relevant to the article, medium for other
    ties. A tie declared only on later articles says nothing certain about an earlier one: low, and
    the finding says it was possibly held earlier. So is a tie left out of a notice (a correction)
    standing in for an earlier article the registry does not hold: the notice is dated after that
    article's submission, so the tie was only possibly held then. A role at the journal that published the
    declaring articles (an eLife editor's eLife role) is left out for an article in another journal,
    and so is a grant from an organization the article names as its funder (the funding is disclosed
    where the article names its funders)."""

    code = "INCONSISTENT_ACROSS_ARTICLES"
    title = "Tie declared on one article, not on another"
    version = 3
    severity = Severity.MEDIUM
    subject_type = SubjectType.INTEREST
    parameters = (Parameter("window_months", 36, "Length of each article's look-back window."),)

    def find(self, ctx):
        months = self.params["window_months"]
        for row, tie in left_out_ties(ctx, months, {DECLARED_ELSEWHERE, DECLARED_LATER}):
            interest = tie.interest
            article = ctx.articles[row.article_id]
            name = ctx.person_names[row.person_id]
            here = notice_subject(article)
            where = article_dates(ctx, tie.other_articles)
            if tie.basis == DECLARED_ELSEWHERE and tie.by_notice_date:
                summary = (
                    f"{name} declared {tie_clause(ctx, interest)} on {where} but not on {here}: {POSSIBLE_BY_NOTICE}."
                )
            elif tie.basis == DECLARED_ELSEWHERE:
                # The article's date is its submission's when the registry holds it, else its publication's.
                dated = "submitted" if article.submitted else "published"
                summary = (
                    f"{name} declared {tie_clause(ctx, interest)} on {where} but not on {here}, "
                    f"{dated} within {months} months after."
                )
            else:
                summary = (
                    f"{name} declared {tie_clause(ctx, interest)} on {where}, later, but not on {here}; "
                    "the tie is undated, so it was possibly held earlier."
                )
            yield self.finding(
                key=f"authorship:{row.id}|interest:{interest.id}",
                summary=summary,
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
