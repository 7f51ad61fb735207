"""What the language tests compare: the (author, category, organization) rows a statement parses into."""

from registry.parsing import parse_statement


def triples(statement: str, authors: list[str]) -> list[tuple]:
    return [(it.author, it.category, it.organization) for it in parse_statement(statement, authors).items]
