"""What an audit report says, read set-wise: the method, summary tables, charts and one section per article.

A fixed number of queries whatever the number of articles (the registry's rows are joined in bulk),
so that a report of a thousand articles takes seconds.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Prefetch
from django.utils import timezone

from audits.enums import SEVERITY_ORDER, ReviewStatus, Severity
from audits.models import AuditRun, Finding, FindingReview
from audits.reports.charts import BarChart, bar_chart
from audits.reports.scope import ReportScope
from audits.rules import all_rules
from registry.enums import ImportKind
from registry.models import Article, Authorship, DeclaredInterest, ImportRecord

SEVERITIES = dict(Severity.choices)
STATUSES = dict(ReviewStatus.choices)
IMPORT_KINDS = dict(ImportKind.choices)


@dataclass(frozen=True)
class RuleUsed:
    code: str
    title: str
    version: int
    parameters: dict


@dataclass(frozen=True)
class SourceUsed:
    kind: str
    label: str
    last_imported: datetime | None
    files: int


@dataclass
class AuthorSection:
    authorship: Authorship
    ties: list[DeclaredInterest] = field(default_factory=list)


@dataclass
class ArticleSection:
    article: Article | None
    authors: list[AuthorSection] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)  # confirmed and open
    dismissed: list[Finding] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"article-{self.article.pk}" if self.article else "no-article"


@dataclass
class Report:
    scope: ReportScope
    made_at: datetime
    rules: list[RuleUsed]
    sources: list[SourceUsed]
    by_rule_and_severity: list[tuple[str, str, dict[str, int], int]]
    by_status: list[tuple[str, int]]
    severities: list[tuple[str, str]]
    charts: list[BarChart]
    articles: list[ArticleSection]
    quiet: list[Article]  # audited, nothing found: listed in one paragraph, not given a section each
    total: int

    @property
    def article_count(self) -> int:
        return sum(section.article is not None for section in self.articles) + len(self.quiet)

    @property
    def dismissed(self) -> list[tuple[ArticleSection, Finding]]:
        return [(section, f) for section in self.articles for f in section.dismissed]


def _sort_key(finding: Finding):
    return (-SEVERITY_ORDER.get(finding.severity, -1), finding.rule_code, finding.pk)


def rules_used(scope: ReportScope) -> list[RuleUsed]:
    """The rules with versions and parameters: those of the run, else of the latest finished full audit."""
    catalogue = all_rules()
    run = scope.run or AuditRun.objects.filter(status="succeeded").order_by("-created_at").first()
    if run is None:
        return [RuleUsed(c, cls.title, cls.version, cls.resolve_parameters({})) for c, cls in catalogue.items()]
    return [
        RuleUsed(
            r["code"],
            catalogue[r["code"]].title if r["code"] in catalogue else r["code"],
            r["version"],
            run.parameters.get(r["code"], {}),
        )
        for r in run.rules
    ]


def sources_used() -> list[SourceUsed]:
    """Each kind of file the registry imports, and when one was last imported successfully (1 query)."""
    latest = {}
    for kind, created_at in ImportRecord.objects.filter(status="succeeded").values_list("kind", "created_at"):
        when, files = latest.get(kind, (None, 0))
        latest[kind] = (max(filter(None, [when, created_at])), files + 1)
    return [SourceUsed(kind, label, *latest.get(kind, (None, 0))) for kind, label in IMPORT_KINDS.items()]


def build_report(scope: ReportScope) -> Report:
    reviews = FindingReview.objects.select_related("reviewer").order_by("-created_at", "-id")
    findings = list(
        scope.findings()
        .select_related("article", "person", "organization")
        .prefetch_related(Prefetch("reviews", queryset=reviews))
    )
    article_ids = {f.article_id for f in findings}
    articles = (
        list(scope.articles().order_by("-published_date", "title"))
        if scope.run is None
        else list(Article.objects.filter(pk__in=article_ids - {None}).order_by("-published_date", "title"))
    )
    sections = {a.pk: ArticleSection(a) for a in articles}
    authorships = (
        Authorship.objects.filter(article__in=scope.articles().values("pk"))
        .select_related("person", "disclosure")
        .order_by("article_id", "position")
    )
    by_authorship = {}
    for authorship in authorships:
        if authorship.article_id in sections:
            author = AuthorSection(authorship)
            sections[authorship.article_id].authors.append(author)
            by_authorship[authorship.pk] = author
    ties = DeclaredInterest.objects.filter(disclosure__authorship__in=authorships.values("pk")).select_related(
        "interest__organization", "disclosure"
    )
    for tie in ties.order_by("span_start", "pk"):
        author = by_authorship.get(tie.disclosure.authorship_id)
        if author:
            author.ties.append(tie)
    loose = ArticleSection(None)
    for finding in sorted(findings, key=_sort_key):
        section = sections.get(finding.article_id, loose)
        (section.dismissed if finding.review_status == ReviewStatus.DISMISSED else section.findings).append(finding)
    found = [s for s in sections.values() if s.findings or s.dismissed]
    quiet = [s.article for s in sections.values() if not (s.findings or s.dismissed)]
    ordered = found + ([loose] if loose.findings or loose.dismissed else [])
    return Report(
        scope=scope,
        made_at=timezone.now(),
        rules=rules_used(scope),
        sources=sources_used(),
        by_rule_and_severity=_by_rule_and_severity(findings),
        by_status=[(label, sum(f.review_status == s for f in findings)) for s, label in STATUSES.items()],
        severities=sorted(SEVERITIES.items(), key=lambda item: -SEVERITY_ORDER[item[0]]),
        charts=_charts(findings),
        articles=ordered,
        quiet=quiet,
        total=len(findings),
    )


def _by_rule_and_severity(findings: list[Finding]):
    counts = defaultdict(Counter)
    for finding in findings:
        counts[finding.rule_code][finding.severity] += 1
    titles = all_rules()
    return [
        (code, titles[code].title if code in titles else code, dict(counts[code]), sum(counts[code].values()))
        for code in sorted(counts)
    ]


def _charts(findings: list[Finding]) -> list[BarChart]:
    per_month = Counter()
    for finding in findings:
        article = finding.article
        day = article and (article.published_date or article.accepted_date or article.received_date)
        per_month[day.strftime("%Y-%m") if day else "undated"] += 1
    per_rule = Counter(f.rule_code for f in findings)
    return [
        bar_chart("Findings per month of the article's date", sorted(per_month.items())),
        bar_chart("Findings per rule", sorted(per_rule.items(), key=lambda item: (-item[1], item[0]))),
    ]
