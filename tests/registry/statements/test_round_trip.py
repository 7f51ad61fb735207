"""Round trip: any disclosures written in either house style and read by the statement parser give back the
same (author, category, organization) rows, the same authors declaring nothing, and the institution payee."""

import pytest
from hypothesis import HealthCheck, given, settings

from registry.enums import StatementStyle
from registry.names import normalize_organization_name
from registry.parsing import parse_statement
from registry.parsing.categories import MONEY
from registry.statements import AuthorDeclaration, render_statement
from tests.registry.statements.strategies import articles

ROUND_TRIP = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def written_rows(authors: list[AuthorDeclaration]) -> set[tuple[str, str, str]]:
    return {
        (author.name, tie.category, normalize_organization_name(tie.organization))
        for author in authors
        for tie in author.ties
    }


def read_rows(items) -> set[tuple[str, str, str]]:
    # Organizations compare by the registry's name key (the one resolve_organizations() uses), which
    # reads "&" as "and" and leaves out company forms: "Smith and Nephew Ltd" is written "Smith & Nephew
    # Ltd", and the parser reads "Novo Nordisk A/S" as "Novo Nordisk".
    return {(item.author, item.category, normalize_organization_name(item.organization or "")) for item in items}


def institution_rows(rows) -> set[tuple[str, str, str]]:
    return {row for row in rows if row[1] in MONEY}


@pytest.mark.parametrize("style", StatementStyle.values)
@ROUND_TRIP
@given(authors=articles())
def test_written_statement_reads_back(style, authors):
    text = render_statement(authors, style=StatementStyle(style))
    result = parse_statement(text, [author.name for author in authors])

    assert read_rows(result.items) == written_rows(authors), text
    assert set(result.declares_none) == {author.name for author in authors if author.declares_nothing}, text
    # The parser reads a payee only for payments ("paid to their institution"); other ties read as self.
    paid_to_institution = {
        (author.name, tie.category, normalize_organization_name(tie.organization))
        for author in authors
        for tie in author.ties
        if tie.payee == "institution" and tie.category in MONEY
    }
    read_institution = read_rows(item for item in result.items if item.payee == "institution")
    assert read_institution == paid_to_institution, text
