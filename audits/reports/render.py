"""A report as HTML (the page auditors read) and as PDF (WeasyPrint lays out the same HTML for print)."""

from django.template.loader import render_to_string

from audits.reports.content import Report

FORMATS = {"html": "text/html; charset=utf-8", "pdf": "application/pdf"}


def report_html(report: Report) -> str:
    return render_to_string("audits/report.html", {"report": report})


def report_pdf(report: Report) -> bytes:
    from weasyprint import HTML  # imported here: it loads Pango, which pages that never print do not need

    return HTML(string=report_html(report)).write_pdf()


def render_report(report: Report, format_name: str) -> bytes:
    if format_name == "pdf":
        return report_pdf(report)
    return report_html(report).encode("utf-8")
