"""Which ties the registry knows were active in an article's look-back window, and on what basis."""

from collections.abc import Iterator
from typing import NamedTuple

from audits.context import AuditContext, AuthorshipRow, InterestRow
from audits.dates import overlaps
from registry.enums import InterestCategory, Provenance

DATED = "dated"  # the tie's own dates overlap the window
DECLARED_ELSEWHERE = "declared_elsewhere"  # undated, declared on another article whose window overlaps
UNDATED = "undated"  # undated, known from an import, a register or an editor


class KnownTie(NamedTuple):
    interest: InterestRow
    basis: str
    other_articles: tuple[int, ...]  # articles where the same author declared it


def known_ties(ctx: AuditContext, authorship: AuthorshipRow, months: int) -> Iterator[KnownTie]:
    """Ties of the author that may have been active in the 36 months (by default) before the article.

    Support for a manuscript concerns that manuscript only, so it never carries over to another.
    """
    window_start, window_end = ctx.window(authorship.article_id, months)
    for interest in ctx.interests_by_person.get(authorship.person_id, ()):
        if interest.category == InterestCategory.MANUSCRIPT_SUPPORT:
            continue
        elsewhere = tuple(
            sorted(
                article_id
                for article_id in ctx.declared_articles_by_interest.get(interest.id, ())
                if article_id != authorship.article_id
            )
        )
        if interest.dated:
            end = None if interest.ongoing else interest.end_date
            if overlaps(interest.start_date, end, window_start, window_end):
                yield KnownTie(interest, DATED, elsewhere)
            continue
        overlapping = tuple(a for a in elsewhere if _windows_overlap(ctx, a, window_start, window_end, months))
        if overlapping:
            yield KnownTie(interest, DECLARED_ELSEWHERE, overlapping)
        elif interest.provenance != Provenance.DISCLOSURE and not elsewhere:
            yield KnownTie(interest, UNDATED, ())


def _windows_overlap(ctx: AuditContext, other_article: int, start, end, months: int) -> bool:
    other_start, other_end = ctx.window(other_article, months)
    return overlaps(other_start, other_end, start, end)


def declared_keys(ctx: AuditContext, disclosure_id: int) -> set[tuple[str, str]]:
    """(category, organization key) of every tie the disclosure declares."""
    keys = set()
    for declaration in ctx.declared_by_disclosure.get(disclosure_id, ()):
        interest = ctx.interests[declaration.interest_id]
        keys.add((interest.category, interest.org_key))
    return keys
