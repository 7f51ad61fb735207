"""Evidence snapshots and the clauses that describe them, shared by the rules."""

from audits.context import ArticleRow, AuditContext, InterestRow
from audits.rules.activity import DATED, DECLARED_ELSEWHERE, UNDATED, KnownTie
from audits.rules.explain import describe_tie, quoted


def article_evidence(article: ArticleRow) -> dict:
    return {
        "id": article.id,
        "doi": article.doi,
        "title": article.title,
        "reference_date": article.ref_date.isoformat(),
        "reference_date_known": article.dated,
    }


def author_evidence(ctx: AuditContext, row) -> dict:
    """The article and the author a finding about one authorship concerns."""
    return {
        "article": article_evidence(ctx.articles[row.article_id]),
        "person": {"id": row.person_id, "name": ctx.person_names[row.person_id]},
    }


def interest_evidence(ctx: AuditContext, interest: InterestRow) -> dict:
    return {
        "id": interest.id,
        "category": interest.category,
        "organization_id": interest.organization_id,
        "organization": ctx.organization_name(interest.organization_id) if interest.organization_id else None,
        "organization_as_written": interest.organization_name,
        "specification": interest.specification,
        "start_date": interest.start_date.isoformat() if interest.start_date else None,
        "end_date": interest.end_date.isoformat() if interest.end_date else None,
        "ongoing": interest.ongoing,
        "provenance": interest.provenance,
        "payee": interest.payee,
    }


def tie_evidence(ctx: AuditContext, tie: KnownTie) -> dict:
    return {
        "interest": interest_evidence(ctx, tie.interest),
        "basis": tie.basis,
        "declared_on": [article_evidence(ctx.article(a)) for a in tie.other_articles],
    }


def tie_sentence(ctx: AuditContext, tie: KnownTie) -> str:
    """'consultancy fees from BMS (Bristol-Myers Squibb), declared on “Other article”'."""
    interest = tie.interest
    clause = tie_clause(ctx, interest)
    if tie.basis == DECLARED_ELSEWHERE or (tie.basis == DATED and tie.other_articles):
        titles = ", ".join(quoted(ctx.article(a).title) for a in tie.other_articles[:2])
        clause += f", declared on {titles}"
    if tie.basis == DATED:
        start = interest.start_date.isoformat() if interest.start_date else "an unknown date"
        end = "ongoing" if interest.ongoing or not interest.end_date else interest.end_date.isoformat()
        clause += f" ({start} to {end})"
    elif tie.basis == UNDATED:
        clause += f" (undated, from {interest.provenance})"
    return clause


def tie_clause(ctx: AuditContext, interest: InterestRow) -> str:
    named = bool(interest.organization_id or interest.organization_name)
    return describe_tie(interest.category, ctx.counterparty(interest), named=named)
