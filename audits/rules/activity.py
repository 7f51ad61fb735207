"""Which ties the registry knows were active in an article's look-back window, and on what basis.

A tie is evidence about an article's window only when a date puts it there: its own dates, or the
date of an article whose disclosure declared it (a disclosure speaks for the months before that
article). An undated tie declared only on later articles may have been held earlier; nothing says so.
A grant from the article's own funder is disclosed where the article names its funders. A notice
(a correction) audited in place of an article the registry does not hold is dated later than that
article was submitted: a date that puts a tie in the notice's window says only that it was possibly
held when the article was written."""

from collections.abc import Iterator
from typing import NamedTuple

from audits.context import AuditContext, AuthorshipRow, InterestRow
from audits.dates import overlaps
from registry.enums import InterestCategory, Provenance
from registry.names import normalize_organization_name

DATED = "dated"  # the tie's own dates overlap the window
DECLARED_ELSEWHERE = "declared_elsewhere"  # undated, declared on an article dated inside the window
DECLARED_LATER = "declared_later"  # undated, declared only on later (or undated) articles: possibly held
UNDATED = "undated"  # undated, known from an import, a register or an editor

# Bases that put a tie in the window for certain (a date says so).
CERTAIN = frozenset({DATED, DECLARED_ELSEWHERE})

# Ties that are the funding of research: an article naming the organization as its funder discloses them.
FUNDING_CATEGORIES = frozenset({InterestCategory.MANUSCRIPT_SUPPORT, InterestCategory.GRANTS})


class KnownTie(NamedTuple):
    interest: InterestRow
    basis: str
    other_articles: tuple[int, ...]  # articles where the same author declared it
    # The date relied on is a notice's, later than its article's submission: possibly held then.
    by_notice_date: bool = False

    @property
    def possible(self) -> bool:
        """Whether the tie was only possibly held in the window (no date says it for certain)."""
        return self.basis == DECLARED_LATER or self.by_notice_date


def known_ties(ctx: AuditContext, authorship: AuthorshipRow, months: int) -> list[KnownTie]:
    """Ties of the author, not declared on this article, that may have been active in the 36
    months (by default) before it.

    Ties the disclosure itself declares are left out: every rule asking is after what is missing
    (or, for funders, adds the declared ones itself), and most ties are declared. Support for a
    manuscript concerns that manuscript only, so it never carries over to another. Grants from an
    organization that funded the article (or from its group) are left out too: the article names
    that funder, so the funding is disclosed, whatever the competing-interests statement says.
    Several rules ask this of every authorship; the answer is kept for the run.
    """
    key = ("known_ties", authorship.id, months)
    if key not in ctx.memo:
        ctx.memo[key] = list(_known_ties(ctx, authorship, months))
    return ctx.memo[key]


def _known_ties(ctx: AuditContext, authorship: AuthorshipRow, months: int) -> Iterator[KnownTie]:
    window_start, window_end = ctx.window(authorship.article_id, months)
    by_notice_date = ctx.articles[authorship.article_id].stands_in
    declared_here = ctx.declared_interest_ids(authorship.disclosure_id)
    for interest in ctx.interests_by_person.get(authorship.person_id, ()):
        if interest.category == InterestCategory.MANUSCRIPT_SUPPORT or interest.id in declared_here:
            continue
        if interest.category in FUNDING_CATEGORIES and funded_by_group_of(ctx, authorship.article_id, interest):
            continue
        elsewhere = tuple(
            sorted(
                article_id
                for article_id in ctx.declared_articles_by_interest.get(interest.id, ())
                if article_id != authorship.article_id
            )
        )
        if elsewhere and _role_at_another_journal(ctx, interest, elsewhere, authorship.article_id):
            continue
        if interest.dated:
            end = None if interest.ongoing else interest.end_date
            if overlaps(interest.start_date, end, window_start, window_end):
                yield KnownTie(interest, DATED, elsewhere, by_notice_date)
            continue
        earlier = tuple(a for a in elsewhere if _dated_within(ctx.article(a), window_start, window_end))
        if earlier:
            yield KnownTie(interest, DECLARED_ELSEWHERE, earlier, by_notice_date)
            continue
        later = tuple(
            a
            for a in elsewhere
            if (not ctx.article(a).dated or ctx.article(a).ref_date > window_end)
            and _windows_overlap(ctx, a, window_start, window_end, months)
        )
        if later:
            yield KnownTie(interest, DECLARED_LATER, later)
        elif interest.provenance != Provenance.DISCLOSURE and not elsewhere:
            yield KnownTie(interest, UNDATED, ())


def funder_groups(ctx: AuditContext, article_id: int) -> dict[int, set[int]]:
    """Each funder of the article with its group (the funder and its parents)."""
    return {org: set(ctx.lineage(org)) for org in ctx.funders_by_article.get(article_id, ())}


def funded_by_group_of(ctx: AuditContext, article_id: int, interest: InterestRow) -> bool:
    """Whether the tie's organization, or one of its group, funded the article."""
    if not interest.organization_id:
        return False
    groups = funder_groups(ctx, article_id)
    if not groups:
        return False
    tie_group = set(ctx.lineage(interest.organization_id))
    return any(tie_group & group for group in groups.values())


def _dated_within(article, start, end) -> bool:
    return article.dated and start <= article.ref_date <= end


def _role_at_another_journal(ctx: AuditContext, interest: InterestRow, declared_on, article_id: int) -> bool:
    """A role at the journal that published every article declaring it (an eLife editor's eLife role)
    is that journal's business: no conflict for an article in another journal."""
    journal = _counterparty_key(ctx, interest)
    if not journal:
        return False
    journals = {normalize_organization_name(ctx.article(a).journal) for a in declared_on}
    return journals == {journal} and normalize_organization_name(ctx.articles[article_id].journal) != journal


def at_publishing_journal(ctx: AuditContext, interest: InterestRow, article_id: int) -> bool:
    """Whether the tie is to the journal publishing the article (its editor writing in it)."""
    journal = _counterparty_key(ctx, interest)
    return bool(journal) and normalize_organization_name(ctx.articles[article_id].journal) == journal


def _counterparty_key(ctx: AuditContext, interest: InterestRow) -> str:
    name = ctx.organization_name(interest.organization_id) if interest.organization_id else interest.organization_name
    return normalize_organization_name(name or "")


def _windows_overlap(ctx: AuditContext, other_article: int, start, end, months: int) -> bool:
    other_start, other_end = ctx.window(other_article, months)
    return overlaps(other_start, other_end, start, end)


def left_out_ties(ctx: AuditContext, months: int, bases: set[str]) -> Iterator[tuple[AuthorshipRow, KnownTie]]:
    """(authorship, tie) for every known tie of the given bases that a disclosure on file, one that
    does not declare nothing, leaves out (no declared tie of that kind to that organization, or of
    that kind to no named organization when the tie names none). Several records of one tie (the
    same kind to the same organization, declared on several articles) make one: the best dated."""
    for row in ctx.authorships:
        if row.disclosure_id is None or row.declares_none:
            continue
        ties = known_ties(ctx, row, months)
        if not ties:
            continue
        declared = declared_keys(ctx, row.disclosure_id)
        left_out: dict[tuple[str, str], list[KnownTie]] = {}
        for tie in ties:
            if tie.basis in bases and _key(tie.interest) not in declared:
                left_out.setdefault(_key(tie.interest), []).append(tie)
        for same in left_out.values():
            yield row, one_tie(same)


BASIS_STRENGTH = {DATED: 0, DECLARED_ELSEWHERE: 1, UNDATED: 2, DECLARED_LATER: 3}


def one_tie(records: list[KnownTie]) -> KnownTie:
    """Records of one tie as one: the best-dated record, declared on every article any of them was."""
    best = min(records, key=lambda t: (BASIS_STRENGTH[t.basis], t.interest.id))
    articles = {a for t in records if t.basis == best.basis for a in t.other_articles}
    return best._replace(other_articles=tuple(sorted(articles)))


# Royalties come from patents: a statement declaring either declares the tie.
CATEGORY_FAMILY = {InterestCategory.ROYALTIES: InterestCategory.PATENTS}


UNNAMED = "s*"


def _key(interest: InterestRow) -> tuple[str, str]:
    """(category, organization key); ties naming no organization are one of a kind per category, since
    their descriptions ("royalties from patents used in the study") vary from one statement to the next."""
    category = CATEGORY_FAMILY.get(interest.category, interest.category)
    return category, UNNAMED if interest.org_key.startswith("s") else interest.org_key


def declared_keys(ctx: AuditContext, disclosure_id: int) -> set[tuple[str, str]]:
    """(category, organization key) of every tie the disclosure declares."""
    key = ("declared_keys", disclosure_id)
    if key not in ctx.memo:
        ctx.memo[key] = {_key(ctx.interests[d.interest_id]) for d in ctx.declared_by_disclosure.get(disclosure_id, ())}
    return ctx.memo[key]
