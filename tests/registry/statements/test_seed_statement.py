"""The seed article's statement written in both house styles, and read back by the parser."""

import pytest

from registry.enums import StatementStyle
from registry.parsing import parse_statement
from registry.statements import article_declarations, write_statement

ICMJE = (
    "Ivar W. Goksøyr reports participation on an advisory board for Norsk Psykedelisk Vitenskap, outside the "
    "submitted work. Lowan H. Stewart reports a leadership role on the board of Norsk Psykedelisk Vitenskap, "
    "outside the submitted work. Ingrid Autran reports stock or stock options (shareholder in a clinic providing "
    "ketamine treatment for depression), outside the submitted work. Ole A. Andreassen reports consulting fees "
    "from Precision-Health.ai and from Ledidi, consulting fees and lecture fees from BMS and from Lilly, lecture "
    "fees from Janssen, Lundbeck, Otsuka, and Sunovion, participation on an advisory board for Ledidi, and stock "
    "or stock options in Precision-Health.ai, Lididi, and Cortechs.ai, outside the submitted work. The other "
    "authors declare no competing interests."
)
PER_AUTHOR = """Tor-Morten Kvam declares no competing interests.

Ivar W. Goksøyr: participation on an advisory board for Norsk Psykedelisk Vitenskap.

Lowan H. Stewart: a leadership role on the board of Norsk Psykedelisk Vitenskap.

Mark Berthold-Losleben declares no competing interests.

Ingrid Autran: stock or stock options (shareholder in a clinic providing ketamine treatment for depression).

Ole A. Andreassen: consulting fees from Precision-Health.ai, Ledidi, BMS, and Lilly; lecture fees from BMS, \
Lilly, Janssen, Lundbeck, Otsuka, and Sunovion; participation on an advisory board for Ledidi; stock or stock \
options in Precision-Health.ai, Lididi, and Cortechs.ai."""


def test_icmje_wording(seed_article):
    assert write_statement(seed_article, style=StatementStyle.ICMJE) == ICMJE


def test_per_author_wording(seed_article):
    assert write_statement(seed_article, style="per-author") == PER_AUTHOR


@pytest.mark.parametrize("style", StatementStyle.values)
def test_parser_reads_back_the_declared_rows(seed_article, style):
    declarations = article_declarations(seed_article)
    result = parse_statement(write_statement(seed_article, style=style), [a.name for a in declarations])

    read = {(item.author, item.category, item.organization) for item in result.items}
    declared = {(a.name, tie.category, tie.organization or None) for a in declarations for tie in a.ties}
    assert read == declared
    assert result.declares_none == ["Tor-Morten Kvam", "Mark Berthold-Losleben"]
