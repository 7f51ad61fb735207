"""manage.py audit_report: the audit report of a run, an article or a journal's articles, as PDF or HTML."""

from datetime import date
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from audits.reports import FORMATS, ReportScopeError, build_report, render_report, report_scope


def iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(f"{text!r} is not a date (YYYY-MM-DD)") from exc


class Command(BaseCommand):
    help = "Write the audit report (scope, method, summary, charts, each article's findings and reviews)."

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--run", type=int, help="Id of the audit run to report.")
        which.add_argument("--article", help="DOI of the article to report.")
        which.add_argument("--journal", help="Journal whose articles published in the date range to report.")
        parser.add_argument("--from", dest="date_from", type=iso_date, help="First publication date (YYYY-MM-DD).")
        parser.add_argument("--to", dest="date_to", type=iso_date, help="Last publication date (YYYY-MM-DD).")
        parser.add_argument("--format", choices=sorted(FORMATS), default=None, help="Default: the file's suffix.")
        parser.add_argument("--output", required=True, help="File to write.")

    def handle(self, *args, **options):
        output = Path(options["output"])
        format_name = options["format"] or output.suffix.lstrip(".").lower()
        if format_name not in FORMATS:
            raise CommandError(f"Give --format pdf or html (cannot tell from {output.name!r}).")
        try:
            scope = report_scope(
                run=options["run"],
                article=options["article"],
                journal=options["journal"],
                date_from=options["date_from"],
                date_to=options["date_to"],
            )
        except ReportScopeError as exc:
            raise CommandError(str(exc)) from exc
        report = build_report(scope)
        content = render_report(report, format_name)
        partial = output.with_name(output.name + ".partial")
        try:
            partial.write_bytes(content)
            partial.replace(output)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            raise CommandError(f"Cannot write {output}: {exc}") from exc
        self.stdout.write(f"Wrote {output}: {report.total} findings on {report.article_count} articles.")
