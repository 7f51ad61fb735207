"""manage.py write_statements: the statement to stdout or a file, and clear errors for a bad DOI."""

import pytest
from django.core.management import CommandError, call_command

from tests.registry.statements.conftest import SEED_DOI
from tests.registry.statements.test_seed_statement import ICMJE, PER_AUTHOR


def test_writes_the_icmje_wording_to_stdout(seed_article, capsys):
    call_command("write_statements", "--article", SEED_DOI, "--style", "icmje")

    assert capsys.readouterr().out == ICMJE + "\n"


def test_writes_per_author_to_a_file_and_accepts_a_doi_link(seed_article, tmp_path):
    output = tmp_path / "statement.txt"
    call_command(
        "write_statements", "--article", f"https://doi.org/{SEED_DOI.upper()}", "--style", "per-author", "-o", output
    )

    assert output.read_text(encoding="utf-8") == PER_AUTHOR + "\n"


def test_an_unknown_doi_is_a_clear_error(db):
    with pytest.raises(CommandError, match=r"^No article with DOI 10\.5555/missing in the registry\.$"):
        call_command("write_statements", "--article", "10.5555/missing")


def test_a_malformed_doi_is_a_clear_error(db):
    with pytest.raises(CommandError, match="is not a DOI"):
        call_command("write_statements", "--article", "not-a-doi")


def test_an_unknown_style_is_refused(seed_article):
    with pytest.raises(CommandError, match="invalid choice: 'apa'"):
        call_command("write_statements", "--article", SEED_DOI, "--style", "apa")
