"""export_findings and export_registry as an auditor uses them from the shell, and their refusals."""

import csv
import json

import pandas as pd
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import load_workbook

from audits.models import AuditRun
from tests.audits.exports.hostile import HOSTILE_STATEMENT, build_registry
from tests.audits.helpers import audit
from tests.factories import AuthorshipFactory

pytestmark = pytest.mark.django_db


def export(command: str, *arguments: str) -> None:
    call_command(command, *arguments, "--no-progress")


def csv_records(path) -> list[dict]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture
def two_runs(db):
    """A first run finding Ann Lee's missing disclosure; a second also finding Bo Berg's."""
    AuthorshipFactory(person__name="Ann Lee", article__doi="10.5555/a")
    first = audit()
    AuthorshipFactory(person__name="Bo Berg", article__doi="10.5555/b")
    return first, audit()


def test_export_findings_takes_the_format_from_the_file_name(tmp_path, capsys, two_runs):
    first, latest = two_runs
    export("export_findings", "--output", str(tmp_path / "latest.csv"))
    assert [r["person"] for r in csv_records(tmp_path / "latest.csv")] == ["Ann Lee", "Bo Berg"]
    assert f"Wrote 2 findings of audit run {latest.pk} to {tmp_path / 'latest.csv'}" in capsys.readouterr().out
    export("export_findings", "--run", str(first.pk), "--output", str(tmp_path / "first.xlsx"))
    sheet = load_workbook(tmp_path / "first.xlsx")["findings"]
    assert [row[11] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Ann Lee"]
    export("export_findings", "--output", str(tmp_path / "latest.parquet"))
    assert pd.read_parquet(tmp_path / "latest.parquet")["article_doi"].tolist() == ["10.5555/a", "10.5555/b"]
    export("export_findings", "--format", "json", "--output", str(tmp_path / "latest.txt"))
    assert json.loads((tmp_path / "latest.txt").read_text(encoding="utf-8"))["run"]["id"] == latest.pk
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "first.xlsx",
        "latest.csv",
        "latest.parquet",
        "latest.txt",
    ]


def test_export_findings_of_every_run_narrowed_by_the_list_filters(tmp_path, capsys, two_runs):
    output = tmp_path / "findings.csv"
    export("export_findings", "--all-runs", "--article", "10.5555/b", "--status", "open", "--output", str(output))
    assert [r["person"] for r in csv_records(output)] == ["Bo Berg"]
    assert f"Wrote 1 findings to {output}" in capsys.readouterr().out


def test_export_findings_shows_a_progress_bar_unless_asked_not_to(tmp_path, capsys, two_runs):
    call_command("export_findings", "--output", str(tmp_path / "findings.csv"))
    assert "Exporting findings" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--run", "99"], r"No audit run 99\."),
        (["--severity", "dire"], "--severity 'dire': Select a valid choice. dire is not one of the available choices."),
        (["--person", "Ann"], "--person 'Ann': Enter a whole number."),
        (["--rule", "NOPE"], "--rule 'NOPE': Select a valid choice."),
        (["--run", "1", "--all-runs"], "argument --all-runs: not allowed with argument --run"),
        (["--format", "pdf"], "argument --format: invalid choice: 'pdf'"),
    ],
)
def test_export_findings_explains_bad_options(tmp_path, two_runs, arguments, message):
    with pytest.raises(CommandError, match=message):
        export("export_findings", *arguments, "--output", str(tmp_path / "findings.csv"))
    assert list(tmp_path.iterdir()) == []


def test_export_findings_before_any_audit_says_so(tmp_path):
    with pytest.raises(CommandError, match=r"No audit has finished yet\."):
        export("export_findings", "--output", str(tmp_path / "findings.csv"))
    AuditRun.objects.create(status="failed")
    with pytest.raises(CommandError, match=r"No audit has finished yet\."):
        export("export_findings", "--output", str(tmp_path / "findings.csv"))


def test_an_export_that_cannot_be_written_leaves_nothing_behind(tmp_path, two_runs):
    with pytest.raises(CommandError, match=r"Cannot write .*/missing/findings.csv: No such file or directory"):
        export("export_findings", "--output", str(tmp_path / "missing" / "findings.csv"))
    (tmp_path / "findings.csv").mkdir()  # the file name is taken by a folder: moving into place fails
    with pytest.raises(CommandError, match=r"Cannot write .*findings.csv: Is a directory"):
        export("export_findings", "--output", str(tmp_path / "findings.csv"))
    assert [path.name for path in tmp_path.iterdir()] == ["findings.csv"]


def test_export_registry_writes_disclosures_and_interests(tmp_path, capsys):
    registry = build_registry()
    export("export_registry", "--dataset", "disclosures", "--output", str(tmp_path / "disclosures.csv"))
    records = csv_records(tmp_path / "disclosures.csv")
    assert [(r["article_doi"], r["statement"]) for r in records] == [
        ("10.5555/published", "'" + HOSTILE_STATEMENT),
        ("10.5555/draft", "Consulting."),
    ]
    assert f"Wrote 2 disclosures to {tmp_path / 'disclosures.csv'}" in capsys.readouterr().out
    output = tmp_path / "interests.parquet"
    export("export_registry", "--dataset", "interests", "--published-only", "--output", str(output))
    frame = pd.read_parquet(output)
    assert frame["interest_id"].tolist() == [registry.fees.pk, registry.shares.pk]
    assert "Wrote 2 interest rows (one per declaration)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--dataset", "people", "--output", "x.csv"], "argument --dataset: invalid choice: 'people'"),
        (["--output", "x.csv"], "the following arguments are required: --dataset"),
        (["--dataset", "interests"], "the following arguments are required: --output"),
    ],
)
def test_export_registry_explains_bad_options(db, arguments, message):
    with pytest.raises(CommandError, match=message):
        export("export_registry", *arguments)
