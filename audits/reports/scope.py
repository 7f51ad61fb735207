"""What a report covers: one audit run, one article, or a journal's articles over a date range."""

from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet

from audits.enums import Presence
from audits.models import AuditRun, Finding, Occurrence
from registry.models import Article
from registry.validators import normalize_doi


class ReportScopeError(ValueError):
    """The report's scope names nothing in the registry, or is incomplete."""


@dataclass(frozen=True)
class ReportScope:
    label: str
    run: AuditRun | None = None
    article: Article | None = None
    journal: str = ""
    date_from: date | None = None
    date_to: date | None = None

    def findings(self) -> QuerySet[Finding]:
        """The findings reported: those the run found, or those still found on the articles covered."""
        if self.run is not None:
            return Finding.objects.filter(pk__in=Occurrence.objects.filter(run=self.run).values("finding_id"))
        return Finding.objects.filter(article__in=self.articles()).exclude(presence=Presence.RESOLVED)

    def articles(self) -> QuerySet[Article]:
        if self.run is not None:
            return Article.objects.filter(pk__in=self.findings().values("article_id"))
        if self.article is not None:
            return Article.objects.filter(pk=self.article.pk)
        dated = Q(published_date__gte=self.date_from, published_date__lte=self.date_to)
        return Article.objects.filter(dated, journal__iexact=self.journal)

    def slug(self) -> str:
        if self.run is not None:
            return f"run-{self.run.pk}"
        if self.article is not None:
            return f"article-{self.article.pk}"
        return f"journal-{self.date_from}-{self.date_to}"


def report_scope(
    *,
    run: int | None = None,
    article: str | None = None,
    journal: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
) -> ReportScope:
    """Exactly one of a run, an article DOI, or a journal with both dates."""
    given = [run is not None, bool(article), bool(journal)]
    if sum(given) != 1:
        raise ReportScopeError("Give one of a run, an article DOI, or a journal with a date range.")
    if run is not None:
        found = AuditRun.objects.filter(pk=run).first()
        if found is None:
            raise ReportScopeError(f"No audit run {run}.")
        return ReportScope(f"Audit run {found.pk} ({found.scope.get('label', 'everything')})", run=found)
    if article:
        try:
            doi = normalize_doi(article)
        except ValidationError as exc:
            raise ReportScopeError(exc.messages[0]) from exc
        found = Article.objects.filter(doi=doi).first()
        if found is None:
            raise ReportScopeError(f"No article with DOI {doi} in the registry.")
        return ReportScope(f"“{found.title}” (doi:{found.doi})", article=found)
    if date_from is None or date_to is None:
        raise ReportScopeError("A journal's report needs a date range: from and to.")
    if date_to < date_from:
        raise ReportScopeError("The date range ends before it starts.")
    label = f"{journal}, articles published {date_from.isoformat()} to {date_to.isoformat()}"
    return ReportScope(label, journal=journal, date_from=date_from, date_to=date_to)
