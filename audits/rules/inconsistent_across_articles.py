"""INCONSISTENT_ACROSS_ARTICLES: a tie declared on one article and left out of another nearby."""

from audits.enums import Severity, SubjectType
from audits.rules.activity import DECLARED_ELSEWHERE, left_out_ties
from audits.rules.base import Parameter, Rule, register
from audits.rules.evidence import author_evidence, tie_clause, tie_evidence
from audits.rules.explain import join_words, quoted


@register
class InconsistentAcrossArticlesRule(Rule):
    """Flags an author who declared an (undated) tie on one article but left it out of another
    article whose look-back window overlaps, so the tie may well have been active for both."""

    code = "INCONSISTENT_ACROSS_ARTICLES"
    title = "Tie declared on one article, not on another"
    severity = Severity.MEDIUM
    subject_type = SubjectType.INTEREST
    parameters = (Parameter("window_months", 36, "Length of each article's look-back window."),)

    def find(self, ctx):
        months = self.params["window_months"]
        for row, tie in left_out_ties(ctx, months, {DECLARED_ELSEWHERE}):
            interest = tie.interest
            article = ctx.articles[row.article_id]
            others = [ctx.article(a) for a in tie.other_articles]
            name = ctx.person_names[row.person_id]
            where = join_words(f"{quoted(o.title)} ({o.ref_date.isoformat()})" for o in others[:3])
            yield self.finding(
                key=f"authorship:{row.id}|interest:{interest.id}",
                summary=(
                    f"{name} declared {tie_clause(ctx, interest)} on {where} but not on "
                    f"{quoted(article.title)} ({article.ref_date.isoformat()}); "
                    f"the articles' {months}-month windows overlap."
                ),
                evidence={
                    **author_evidence(ctx, row),
                    "window_months": months,
                    "tie": tie_evidence(ctx, tie),
                },
                author=row,
                organization_id=interest.organization_id,
                interest_id=interest.id,
            )
