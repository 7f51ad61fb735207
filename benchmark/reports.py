"""The report figure (target: a report of 1,000 articles as PDF in 30 s), on the benchmark's scratch database.

The synthetic registry's articles share one journal; the report covers the latest REPORT_ARTICLES of them,
chosen by a publication date range as an editor-in-chief would ask for them.
"""

import io

from django.db.models import Max
from pypdf import PdfReader

from audits.reports import build_report, render_report, report_scope
from benchmark.measure import Figure, timed
from registry.models import Article

REPORT_ARTICLES = 1_000
TARGET_SECONDS = 30.0


def report_figure(articles: int = REPORT_ARTICLES) -> Figure:
    """Seconds to read and lay out the PDF report of a journal's latest `articles` articles."""
    name = f"audit report of {articles:,} articles as PDF"
    journal = Article.objects.values("journal").annotate(last=Max("published_date")).order_by("-last").first()
    if journal is None:
        return Figure(name, 0.0, "s", target=TARGET_SECONDS, higher_is_better=False, note="no articles")
    dates = (
        Article.objects.filter(journal=journal["journal"], published_date__isnull=False)
        .order_by("-published_date")
        .values_list("published_date", flat=True)[:articles]
    )
    dates = list(dates)
    scope = report_scope(journal=journal["journal"], date_from=dates[-1], date_to=dates[0])
    seconds, (report, content) = timed(lambda: _made(scope))
    note = (
        f"{report.article_count} articles, {report.total} findings, {len(PdfReader(io.BytesIO(content)).pages)} pages, "
        f"{len(content) / 1e6:.1f} MB"
    )
    return Figure(name, seconds, "s", target=TARGET_SECONDS, higher_is_better=False, note=note)


def _made(scope):
    report = build_report(scope)
    return report, render_report(report, "pdf")
