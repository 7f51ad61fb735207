"""What each author of an ArticleRecord declares, read from the record's competing-interest statements
alone (no database): the part of the disclosures a reading process can work out ahead of the writer.
"""

from dataclasses import dataclass, replace

from registry.importers.articles.records import ArticleRecord
from registry.parsing import parse_statement

# One author's plan: (statement, parsed items, declares none).
AuthorPlan = tuple[str, list, bool]


@dataclass
class StatementPlans:
    """A plan per author in byline order (None: nothing to record for that author), and how many of the
    article-level statement's interests name no author."""

    per_author: list[AuthorPlan | None]
    unattributed: int = 0


def statement_plans(record: ArticleRecord) -> StatementPlans:
    """Per-author statements (linked by xref) belong to their author; an article-level statement is
    parsed and split among the authors by name or initials."""
    if not record.statements:
        return StatementPlans([None] * len(record.authors))
    by_key = {statement.key: statement for statement in record.statements if statement.key}
    linked = {key for author in record.authors for key in author.statement_keys}
    general = " ".join(s.text for s in record.statements if not s.key or s.key not in linked)
    names = [author.name for author in record.authors]
    general_result = parse_statement(general, names) if general else None
    unattributed = [] if general_result is None else [i for i in general_result.items if i.author is None]
    # Parsed only for an author the source left unlinked: most articles link every author.
    unlinked = general_result is None and any(
        not any(key in by_key for key in author.statement_keys) for author in record.authors
    )
    catch_all = catch_all_statement(record, linked, names) if unlinked else None
    plans: list[AuthorPlan | None] = []
    for author in record.authors:
        own = [by_key[key].text for key in author.statement_keys if key in by_key]
        if not own and general_result is None and catch_all is not None:
            # "The other authors declare ..." covers an author the source forgot to link to it.
            plans.append((catch_all, [], True))
            continue
        if own:
            statement = " ".join(dict.fromkeys(own))
            result = parse_statement(statement, [author.name])
            items = result.items
            declares_none = author.name in result.declares_none
            named = [i for i in general_result.items if i.author == author.name] if general_result else []
            if named:
                # A group's statement naming this author ("conducted by IK at ..., a Science Exchange
                # lab") adds to the author's own: the tie is declared, on this article.
                statement, items = appended(statement, items, general, named)
        elif general_result is not None:
            statement, result = general, general_result
            items = [
                item for item in result.items if item.author == author.name or (item.author is None and len(names) == 1)
            ]
            declares_none = author.name in result.declares_none
        else:
            plans.append(None)
            continue
        role_text, role_items = byline_role(author, record.journal)
        if role_items:
            statement, items = appended(statement, items, role_text, role_items)
        plans.append((statement, items, declares_none and not items))
    return StatementPlans(plans, unattributed=len(unattributed))


def byline_role(author, journal: str) -> tuple[str, list]:
    """A role printed under the author's name that names no organization of its own ("Editor-in-Chief"
    on an eLife editorial) is a role at the publishing journal, stated on the article itself."""
    if not author.byline_role or not journal:
        return "", []
    text = f"{author.byline_role}, {journal} (byline)."
    items = parse_statement(text, [author.name]).items
    if not items or any(item.organization != journal for item in items):
        return "", []  # "Chair of Patients Know Best": a role elsewhere, not at the journal
    return text, list(items)


def catch_all_statement(record: ArticleRecord, linked: set[str], names: list[str]) -> str | None:
    """A linked statement that declares nothing for everyone it does not name ("The other authors
    declare that no competing interests exist"), or None."""
    for statement in record.statements:
        if statement.key not in linked:
            continue
        result = parse_statement(statement.text, names)
        if not result.items and set(names) <= set(result.declares_none):
            return statement.text
    return None


def appended(statement: str, items: list, text: str, more: list) -> tuple[str, list]:
    """The statement with `text` added after it, and its items with `more` (parsed from `text`), whose
    spans move to where `text` now stands."""
    shift = len(statement) + 1
    moved = [replace(item, span=(item.span[0] + shift, item.span[1] + shift)) for item in more]
    return f"{statement} {text}", [*items, *moved]
