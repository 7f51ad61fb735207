"""Who may download a report (it shows open findings and reviewers' names), and the command that writes one."""

import re

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from tests.audits.reports.conftest import SEED_DOI
from tests.audits.reports.helpers import pdf_text
from tests.factories import UserFactory, auditor, editor

pytestmark = pytest.mark.django_db


def report_url(format_name, **params):
    from urllib.parse import urlencode

    return f"{reverse('audits:report', args=[format_name])}?{urlencode(params)}"


def test_the_public_is_sent_to_log_in_and_editors_are_refused(client, seed_run):
    url = report_url("pdf", run=seed_run.pk)
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))
    for user in (editor(), UserFactory(is_staff=True)):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.get(report_url("html", article=SEED_DOI)).status_code == 403


def test_auditors_download_the_run_report_as_pdf(client, seed_run):
    client.force_login(auditor())
    response = client.get(report_url("pdf", run=seed_run.pk))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="audit-report-run-{seed_run.pk}.pdf"'
    assert "Ingrid Autran declared shares or stock options" in pdf_text(response.content)


def test_auditors_read_the_article_report_as_html(client, seed_run):
    client.force_login(auditor())
    response = client.get(report_url("html", article=f"https://doi.org/{SEED_DOI.upper()}"))
    assert response.status_code == 200
    assert f"doi:{SEED_DOI}" in response.content.decode()


def test_the_run_and_article_pages_offer_the_report_to_auditors_only(client, seed_run):
    client.force_login(auditor())
    run_page = client.get(reverse("audits:run", args=[seed_run.pk])).content.decode()
    assert f'href="{reverse("audits:report", args=["pdf"])}?run={seed_run.pk}"' in run_page
    article_page = client.get(f"/articles/{SEED_DOI}/").content.decode()
    assert f"{reverse('audits:report', args=['pdf'])}?article={SEED_DOI}" in article_page
    client.logout()
    assert "audit report of this article" not in client.get(f"/articles/{SEED_DOI}/").content.decode()


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"run": "999"}, "No audit run 999."),
        ({"run": "x"}, "'x' is not a run id."),
        ({"article": "not a doi"}, "not a DOI"),
        ({"journal": "Tidsskrift"}, "A journal's report needs a date range"),
        ({"journal": "T", "from": "2026-02-01", "to": "2026-01-01"}, "The date range ends before it starts."),
        ({}, "Give one of a run, an article DOI, or a journal with a date range."),
    ],
)
def test_a_report_of_nothing_is_a_bad_request_that_says_why(client, seed_run, params, message):
    client.force_login(auditor())
    response = client.get(report_url("pdf", **params))
    assert response.status_code == 400
    assert message in response.content.decode()


def test_the_command_writes_a_pdf_of_a_journal_over_a_date_range(seed_run, tmp_path, capsys):
    output = tmp_path / "report.pdf"
    call_command(
        "audit_report",
        "--journal=Tidsskrift for Den norske legeforening",
        "--from=2026-01-01",
        "--to=2026-12-31",
        "--format=pdf",
        f"--output={output}",
    )
    text = pdf_text(output.read_bytes())
    assert "Tidsskrift for Den norske legeforening, articles published 2026-01-01 to 2026-12-31" in text
    assert "Ole A. Andreassen declared consultancy fees and shares or stock options in Precision-Health.ai" in text
    assert capsys.readouterr().out.startswith(f"Wrote {output}: ")


def test_the_command_writes_html_of_a_run_and_refuses_an_unknown_article(seed_run, tmp_path):
    output = tmp_path / "report.html"
    call_command("audit_report", f"--run={seed_run.pk}", f"--output={output}")
    assert "<h1>Audit report</h1>" in output.read_text()
    with pytest.raises(CommandError, match=re.escape("No article with DOI 10.1234/none in the registry.")):
        call_command("audit_report", "--article=10.1234/none", f"--output={tmp_path / 'x.pdf'}")
    assert not (tmp_path / "x.pdf").exists()
