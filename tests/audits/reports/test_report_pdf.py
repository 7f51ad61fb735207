"""The report of the seed article's audit, read back from the PDF: what an editor-in-chief gets."""

import pytest

from audits.enums import ReviewStatus
from audits.models import Finding
from audits.reports import build_report, render_report, report_scope
from audits.services import review_finding
from tests.audits.reports.conftest import SEED_DOI
from tests.audits.reports.helpers import pdf_pages, pdf_text
from tests.factories import auditor

pytestmark = pytest.mark.django_db

AUTRAN = (
    "Ingrid Autran declared shares or stock options (shareholder in a clinic providing ketamine treatment for "
    "depression); the tie concerns depression and ketamine treatment (related to depression) — the article "
    "discusses depression."
)


def finding(rule, person):
    return Finding.objects.get(rule_code=rule, person__name=person)


def test_the_run_report_names_scope_method_and_each_finding_of_the_seed_article(seed_run):
    reviewer = auditor(username="ada", first_name="Ada", last_name="Lind")
    review_finding(actor=reviewer, finding=finding("RELEVANT_INTEREST", "Ingrid Autran"), decision="confirmed")
    dismissed = finding("RELEVANT_INTEREST", "Ivar W. Goksøyr")
    review_finding(actor=reviewer, finding=dismissed, decision="dismissed", reason="Unpaid board seat, disclosed.")

    content = render_report(build_report(report_scope(run=seed_run.pk)), "pdf")

    assert content.startswith(b"%PDF-")
    text = pdf_text(content)
    assert f"Scope: Audit run {seed_run.pk} (the whole registry)" in text
    assert "Clinical and non-clinical use of MDMA" in text
    assert "Method" in text and "(RELEVANT_INTEREST) 3" in text  # the rule and its version
    assert "Data sources" in text and "JATS XML article never 0" in text
    assert AUTRAN in text
    assert "Decision: Confirmed by Ada Lind" in text
    for summary in Finding.objects.exclude(review_status=ReviewStatus.DISMISSED).values_list("summary", flat=True):
        assert summary in text
    # Dismissed findings are listed apart, with who dismissed them and why.
    dismissed_part = text.split("Dismissed findings Findings an auditor looked at")[1]
    assert "Ivar W. Goksøyr declared an advisory board seat at Norsk Psykedelisk Vitenskap" in dismissed_part
    assert "Ada Lind, " in dismissed_part and "Unpaid board seat, disclosed." in dismissed_part
    assert "Page 1 of " in text


def test_the_article_report_prints_each_disclosure_beside_its_ties(seed_run):
    content = render_report(build_report(report_scope(article=SEED_DOI)), "pdf")

    text = pdf_text(content)
    assert "holds stock options/shares in Precision-Health.ai, Lididi and Cortechs.ai" in text
    assert (
        "11. Stock or stock options: Lididi — as written: “holds stock options/shares in Precision-Health.ai, "
        "Lididi and Cortechs.ai”"
    ) in text
    assert f"doi:{SEED_DOI}" in text
    assert pdf_pages(content) >= 2


def test_the_summary_counts_findings_by_rule_and_by_review_status(seed_run):
    report = build_report(report_scope(run=seed_run.pk))

    by_rule = {code: total for code, _, _, total in report.by_rule_and_severity}
    assert by_rule == seed_run.counts["by_rule"]
    assert dict(report.by_status) == {"Open": seed_run.counts["total"], "Confirmed": 0, "Dismissed": 0}
    (per_month, per_rule) = report.charts
    assert dict(per_rule.rows) == seed_run.counts["by_rule"]
    assert "<svg" in str(per_rule.svg) and "RELEVANT_INTEREST" in str(per_rule.svg)


def test_a_journal_report_covers_the_articles_published_in_the_range(seed_run):
    scope = report_scope(
        journal="Tidsskrift for Den norske legeforening", date_from=_day("2026-01-01"), date_to=_day("2026-12-31")
    )
    report = build_report(scope)
    assert [s.article.doi for s in report.articles if s.article] == [SEED_DOI]
    empty = build_report(
        report_scope(
            journal="Tidsskrift for Den norske legeforening", date_from=_day("2020-01-01"), date_to=_day("2020-12-31")
        )
    )
    assert (empty.total, empty.article_count) == (0, 0)


def test_articles_with_no_findings_are_listed_together_not_given_a_section_each(seed_run):
    from tests.factories import ArticleFactory

    ArticleFactory(title="A quiet trial", doi="10.5555/quiet.1", journal="Tidsskrift for Den norske legeforening")
    scope = report_scope(
        journal="Tidsskrift for Den norske legeforening", date_from=_day("2026-01-01"), date_to=_day("2026-12-31")
    )
    report = build_report(scope)
    assert [a.title for a in report.quiet] == ["A quiet trial"]
    assert report.article_count == 2
    text = pdf_text(render_report(report, "pdf"))
    assert "1 article audited with nothing found: A quiet trial (doi:10.5555/quiet.1)." in text


def _day(text):
    from datetime import date

    return date.fromisoformat(text)
