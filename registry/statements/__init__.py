"""Statements written from the registry: an article's disclosures on file as competing-interest text in a
house style, for typesetting and for authors to confirm (the reverse of `registry.parsing`)."""

from registry.statements.declarations import AuthorDeclaration, Tie, article_by_doi, article_declarations
from registry.statements.wording import StatementStyle, render_statement

__all__ = [
    "AuthorDeclaration",
    "StatementStyle",
    "Tie",
    "article_by_doi",
    "article_declarations",
    "render_statement",
    "write_statement",
]


def write_statement(article, *, style: StatementStyle | str) -> str:
    """The article's competing-interest statement in `style`, from the disclosures in force (three queries)."""
    return render_statement(article_declarations(article), style=StatementStyle(style))
