"""Evidence snapshots and the clauses that describe them, shared by the rules."""

from audits.context import ArticleRow, AuditContext, InterestRow
from audits.rules.activity import DATED, DECLARED_ELSEWHERE, DECLARED_LATER, UNDATED, KnownTie
from audits.rules.explain import day, describe_tie, quoted


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
        "relied_on": relied_on(ctx, tie),
        "by_notice_date": tie.by_notice_date,
    }


def relied_on(ctx: AuditContext, tie: KnownTie) -> list[str]:
    """The dates that put the tie in the window (or, for a possible one, near it), in words."""
    dates = _dates_relied_on(ctx, tie)
    if tie.by_notice_date:
        dates.append("window ends at a notice's date, later than the submission of the article it stands in for")
    return dates


def _dates_relied_on(ctx: AuditContext, tie: KnownTie) -> list[str]:
    interest = tie.interest
    if tie.basis == DATED:
        dates = [f"tie starts {interest.start_date.isoformat()}"] if interest.start_date else []
        if interest.ongoing:
            dates.append("tie ongoing")
        elif interest.end_date:
            dates.append(f"tie ends {interest.end_date.isoformat()}")
        return dates or ["tie dated"]
    if tie.basis in (DECLARED_ELSEWHERE, DECLARED_LATER):
        return [f"declared on {_article_label(ctx, a)}" for a in tie.other_articles]
    return []


def _article_label(ctx: AuditContext, article_id: int) -> str:
    article = ctx.article(article_id)
    when = article.ref_date.isoformat() if article.dated else "an undated article"
    return f"{article.doi or quoted(article.title)} ({when})"


def article_dates(ctx: AuditContext, article_ids) -> str:
    """'“Title” (2014-10-31), “Other” (undated)' for up to three articles."""
    return ", ".join(
        f"{quoted(ctx.article(a).title)} ({ctx.article(a).ref_date.isoformat() if ctx.article(a).dated else 'undated'})"
        for a in list(article_ids)[:3]
    )


def tie_sentence(ctx: AuditContext, tie: KnownTie) -> str:
    """'consultancy fees from BMS (Bristol-Myers Squibb), declared on “Other article” (2014-10-31)'."""
    interest = tie.interest
    clause = tie_clause(ctx, interest)
    if tie.basis in (DECLARED_ELSEWHERE, DECLARED_LATER) or (tie.basis == DATED and tie.other_articles):
        clause += f", declared on {article_dates(ctx, tie.other_articles[:2])}"
    if tie.basis == DATED:
        start = interest.start_date.isoformat() if interest.start_date else "an unknown date"
        end = "ongoing" if interest.ongoing or not interest.end_date else interest.end_date.isoformat()
        clause += f" ({start} to {end})"
    elif tie.basis == DECLARED_LATER:
        clause += " (undated, declared only later: possibly held earlier)"
    elif tie.basis == UNDATED:
        clause += f" (undated, from {interest.provenance})"
    return clause


def notice_subject(article: ArticleRow) -> str:
    """'“Correction: Title” (2013-08-28)', saying, for a notice audited in place of its article, what it is."""
    when = day(article.ref_date)
    if article.stands_in:
        return (
            f"{quoted(article.title)}, a notice printing the statement of an earlier article the registry "
            f"does not hold ({when})"
        )
    return f"{quoted(article.title)} ({when})"


# How a tie only a notice's date puts in the window reads.
POSSIBLE_BY_NOTICE = "possibly held when that article was written"


def tie_clause(ctx: AuditContext, interest: InterestRow) -> str:
    named = bool(interest.organization_id or interest.organization_name)
    return describe_tie(interest.category, ctx.counterparty(interest), named=named)
