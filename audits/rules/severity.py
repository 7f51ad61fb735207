"""What a finding's severity means for a tie left out of a disclosure, in one place for every rule.

High: a financial tie (consulting, stock, lecture fees, employment, a founder role, royalties, expert
testimony) to an organization relevant to the article, with a date that puts it in the window. Medium:
any other tie a date puts there, and undated ties from imports or registers. Low: an undated tie
declared only on later articles, possibly held earlier, or a tie only a correction notice's date puts in
the window (the notice is later than its article). Info: declared ties described, no failure.
"""

from audits.context import AuditContext
from audits.enums import Severity
from audits.rules.activity import CERTAIN, KnownTie
from audits.rules.topics import TopicMatcher
from registry.enums import PERSONAL_FINANCIAL_CATEGORIES, OrganizationKind

# What each severity means, as the rule catalogue states it.
SEVERITY_MEANING = {
    Severity.HIGH: (
        "an undisclosed or inconsistently disclosed tie that pays the author (consulting, stock, lecture fees, "
        "employment, a founder role, royalties, expert testimony) to an organization relevant to the article, "
        "with a date that puts it in the article's window"
    ),
    Severity.MEDIUM: (
        "any other tie a date puts in the window (grants, patents, board seats, roles), undated ties "
        "known from imports or registers, an author with no disclosure on file, a declared tie relevant to "
        "the article, and an editor or reviewer close to an author (the journal's conflict to manage)"
    ),
    Severity.LOW: (
        "a tie possibly held in the window (undated, declared only on later articles) or put there only by the date "
        "of a notice (a correction) standing in for an article the registry does not hold, a tie of value to the "
        "article's own funder that does not pay the author (travel, gifts, patents: a grant from it is the funding "
        "the article names, and no finding), names to check (an organization under two names), and "
        "authors without a disclosure on an article read from PubMed with no statement (PubMed does not hold "
        "every journal's)"
    ),
    Severity.INFO: (
        "what declared ties add up to (several kinds of tie to one organization): no disclosure failure, "
        "information for a reader, left out of the count of findings to review"
    ),
}

SEVERITY_RANK = {Severity.INFO: 0, Severity.LOW: 1, Severity.MEDIUM: 2, Severity.HIGH: 3}


def tie_severity(ctx: AuditContext, tie: KnownTie, article_id: int) -> str:
    if tie.possible:
        return Severity.LOW
    if (
        tie.basis in CERTAIN
        and tie.interest.category in PERSONAL_FINANCIAL_CATEGORIES
        and relevant(ctx, tie, article_id)
    ):
        return Severity.HIGH
    return Severity.MEDIUM


def highest(severities) -> str:
    return max(severities, key=SEVERITY_RANK.__getitem__)


def relevant(ctx: AuditContext, tie: KnownTie, article_id: int) -> bool:
    """The tie's organization bears on the article's topics; where the registry holds no topics for
    the article, a company is taken as relevant (ICMJE: any entity with a stake in the work's field)."""
    matcher = ctx.memo.get("topic_matcher")
    if matcher is None:
        matcher = ctx.memo["topic_matcher"] = TopicMatcher(ctx)
    reach = matcher.reach(article_id)
    if reach:
        return matcher.touches(tie.interest, reach)
    org = tie.interest.organization_id
    return bool(org) and any(
        ctx.organizations.get(o, ("", None, ""))[2] == OrganizationKind.COMPANY for o in ctx.lineage(org)
    )
