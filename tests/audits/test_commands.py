"""run_audit and export_findings as an auditor uses them from the shell."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from audits.models import AuditRun, Finding
from tests.factories import AuthorshipFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_run_audit_narrows_to_one_article_and_records_parameters(capsys):
    target = AuthorshipFactory(article__doi="10.5555/target")
    AuthorshipFactory()
    call_command(
        "run_audit",
        "--article",
        "https://doi.org/10.5555/TARGET",
        "--param",
        "window_months=24",
        "--no-progress",
    )
    run = AuditRun.objects.get()
    assert run.scope == {"label": "article 10.5555/target", "article": "10.5555/target"}
    assert run.parameters["UNDISCLOSED_INTEREST"] == {"window_months": 24}
    assert list(Finding.objects.values_list("authorship_id", flat=True)) == [target.pk]
    out = capsys.readouterr().out
    assert f"Audit run {run.pk} over article 10.5555/target: 1 findings (1 new, 0 resolved)" in out


def test_run_audit_by_person_and_since_and_rule_parameter():
    person = PersonFactory(orcid="0000-0002-1825-0097")
    recent = AuthorshipFactory(person=person, article__received_date=datetime.date(2026, 2, 1))
    AuthorshipFactory(person=person, article__received_date=datetime.date(2019, 2, 1))
    call_command(
        "run_audit",
        "--person",
        "0000-0002-1825-0097",
        "--since",
        "2025-01-01",
        "--rules",
        "MISSING_DISCLOSURE,UNDISCLOSED_INTEREST",
        "--param",
        "UNDISCLOSED_INTEREST.window_months=12",
        "--no-progress",
    )
    run = AuditRun.objects.get()
    assert run.parameters == {"MISSING_DISCLOSURE": {}, "UNDISCLOSED_INTEREST": {"window_months": 12}}
    assert list(Finding.objects.values_list("authorship_id", flat=True)) == [recent.pk]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--article", "10.5555/none"], "No article with DOI 10.5555/none in the registry."),
        (["--person", "0000-0002-1825-0098"], "its check digit is 8 but should be 7"),
        (["--rules", "NOPE"], "Unknown rule NOPE"),
        (["--param", "window_months"], "expected NAME=VALUE"),
        (
            ["--param", "MISSING_DISCLOSURE.window_months=3"],
            "MISSING_DISCLOSURE has no parameter window_months",
        ),
    ],
)
def test_run_audit_explains_bad_options(arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("run_audit", *arguments, "--no-progress")
    assert AuditRun.objects.count() == 0


def test_export_findings_writes_the_runs_findings_as_json(tmp_path, capsys):
    AuthorshipFactory(person__name="Ann Lee", article__doi="10.5555/a")
    call_command("run_audit", "--no-progress")
    run = AuditRun.objects.get()
    output = tmp_path / "findings.json"
    call_command("export_findings", "--run", str(run.pk), "--format", "json", "--output", str(output))
    data = json.loads(output.read_text(encoding="utf-8"))
    assert data["run"]["id"] == run.pk
    assert data["run"]["counts"]["total"] == 1
    (record,) = data["findings"]
    finding = Finding.objects.get()
    assert record["fingerprint"] == finding.fingerprint
    assert record["rule_code"] == "MISSING_DISCLOSURE"
    assert record["article_doi"] == "10.5555/a"
    assert record["person"] == "Ann Lee"
    assert record["evidence"] == finding.evidence
    assert f"Wrote 1 findings of audit run {run.pk} to {output}" in capsys.readouterr().out


def test_export_of_an_unknown_run_is_refused(tmp_path):
    with pytest.raises(CommandError, match=r"No audit run 99\."):
        call_command("export_findings", "--run", "99", "--output", str(tmp_path / "x.json"))
