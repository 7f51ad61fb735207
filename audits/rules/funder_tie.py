"""FUNDER_TIE: an author has a financial tie with an organization that funded the article."""

from audits.enums import Severity, SubjectType
from audits.rules.activity import FUNDING_CATEGORIES, funder_groups, known_ties
from audits.rules.base import Parameter, Rule, register
from audits.rules.evidence import author_evidence, interest_evidence, tie_clause
from audits.rules.explain import quoted
from registry.enums import FINANCIAL_CATEGORIES, PERSONAL_FINANCIAL_CATEGORIES


@register
class FunderTieRule(Rule):
    """Flags an author with a financial tie (declared on the article, or known to the registry in
    the look-back window) to an organization that funded the article, or to the same group of
    companies. Readers should know when the funder also pays an author. High when it pays the author
    (consulting, stock, lecture fees, employment, a founder role, royalties, expert testimony); low
    for other ties of value (travel, gifts, patents). Grants and support for the work are not flagged:
    from the article's funder they are the funding the article names, not a second tie. Several
    records of one tie (declared on several articles) make one finding."""

    code = "FUNDER_TIE"
    title = "Author tied to the article's funder"
    version = 3
    severity = Severity.HIGH
    subject_type = SubjectType.ORGANIZATION
    parameters = (Parameter("window_months", 36, "Months before submission in which known ties count."),)

    def find(self, ctx):
        months = self.params["window_months"]
        funded = set().union(*(ctx.lineage(org) for orgs in ctx.funders_by_article.values() for org in orgs))
        near_funders = {org for org in ctx.organizations if funded.intersection(ctx.lineage(org))}
        people = {i.person_id for i in ctx.interests.values() if i.organization_id in near_funders}
        for row in ctx.authorships:
            funders = ctx.funders_by_article.get(row.article_id)
            if not funders or row.person_id not in people:
                continue
            groups = funder_groups(ctx, row.article_id)
            candidates = {d.interest_id for d in ctx.declared_by_disclosure.get(row.disclosure_id, ())}
            candidates |= {tie.interest.id for tie in known_ties(ctx, row, months)}
            seen = set()
            for interest_id in sorted(candidates):
                interest = ctx.interests[interest_id]
                if (
                    interest.category not in FINANCIAL_CATEGORIES
                    or interest.category in FUNDING_CATEGORIES
                    or not interest.organization_id
                ):
                    continue
                tie_group = set(ctx.lineage(interest.organization_id))
                for funder, group in sorted(groups.items()):
                    same_tie = (interest.category, interest.organization_id, funder)
                    if tie_group & group and same_tie not in seen:
                        seen.add(same_tie)
                        yield self.build(ctx, row, interest, funder)

    def build(self, ctx, row, interest, funder):
        article = ctx.articles[row.article_id]
        name = ctx.person_names[row.person_id]
        funder_name = ctx.organization_name(funder)
        same = interest.organization_id == funder
        link = "" if same else f", of the same group as {funder_name}"
        return self.finding(
            key=f"authorship:{row.id}|interest:{interest.id}|funder:{funder}",
            summary=(
                f"{name} has {tie_clause(ctx, interest)}{link}, and {funder_name} funded {quoted(article.title)}."
            ),
            evidence={
                **author_evidence(ctx, row),
                "funder": {"id": funder, "name": funder_name},
                "interest": interest_evidence(ctx, interest),
            },
            author=row,
            severity=Severity.HIGH if interest.category in PERSONAL_FINANCIAL_CATEGORIES else Severity.LOW,
            organization_id=funder,
            interest_id=interest.id,
        )
