"""Reads of findings and runs for pages, admin and exports, and the public's summary of confirmed findings.

Findings are auditors' working data. A reader sees only counts of findings an auditor has confirmed,
that the latest audit still finds, on published articles, and never their summaries or evidence:
those may name ties known only from imports or registers. Rules grounded on editorial roles are left
out whatever their review, because who edited or reviewed an article is never public.
"""

from dataclasses import dataclass

from django.db.models import Case, Count, F, IntegerField, Max, Q, QuerySet, Value, When
from django.db.models.functions import Coalesce

from audits.enums import RULES_ON_PRIVATE_RECORDS, SEVERITY_ORDER, Presence, ReviewStatus, Severity
from audits.models import AuditRun, Finding, Occurrence
from audits.rules import all_rules
from registry.models import Article, Person
from registry.querysets import on_published_article

# The auditor's filters and the fields they narrow.
FILTERS = {
    "rule": "rule_code",
    "severity": "severity",
    "status": "review_status",
    "presence": "presence",
    "article": "article__doi",
    "person": "person_id",
    "organization": "organization_id",
}


def findings_visible_to(user) -> QuerySet[Finding]:
    """Every finding the user may read (see `FindingQuerySet.visible_to()`)."""
    return Finding.objects.visible_to(user)


# Filters of the workbench that need more than an equality.
RANGE_FILTERS = {
    "person_name": lambda name: Q(person__name__icontains=name),
    "organization_name": lambda name: Q(organization__name__icontains=name),
    "date_from": lambda day: Q(article_date__gte=day),
    "date_to": lambda day: Q(article_date__lte=day),
    "in_run": lambda run: Q(pk__in=Occurrence.objects.filter(run_id=run).values("finding_id")),
}

SEVERITY_RANK = Case(
    *(When(severity=severity, then=Value(rank)) for severity, rank in SEVERITY_ORDER.items()),
    default=Value(-1),
    output_field=IntegerField(),
)

# How recent an article is: published, else accepted, else received.
ARTICLE_DATE = Coalesce("article__published_date", "article__accepted_date", "article__received_date")


def matching_findings(filters: dict, *, viewer) -> QuerySet[Finding]:
    """Findings the viewer may read (`viewer` None: the command line) matching the auditor's filters,
    unordered and with nothing joined: for counts and bulk reviews."""
    given = {FILTERS[name]: value for name, value in filters.items() if name in FILTERS and value}
    findings = findings_visible_to(viewer).filter(**given)
    if filters.get("date_from") or filters.get("date_to"):
        findings = findings.alias(article_date=ARTICLE_DATE)
    for name, condition in RANGE_FILTERS.items():
        if filters.get(name):
            findings = findings.filter(condition(filters[name]))
    return findings


def findings_list(filters: dict, *, viewer) -> QuerySet[Finding]:
    """Findings matching the auditor's filters, most severe first, then the most recent articles first,
    with what a list row shows joined in."""
    findings = matching_findings(filters, viewer=viewer).select_related("article", "person", "organization")
    findings = findings.defer("evidence", "article__competing_interests_text", "article__funding_statement")
    return findings.alias(rank=SEVERITY_RANK, day=ARTICLE_DATE).order_by(
        F("rank").desc(), F("day").desc(nulls_last=True), "-id"
    )


def neighbours(filters: dict, pk: int, *, viewer) -> tuple[int | None, int | None]:
    """The findings before and after this one in the list's order, for working through it one by one (1 query)."""
    ids = list(findings_list(filters, viewer=viewer).values_list("pk", flat=True))
    if pk not in ids:
        return None, ids[0] if ids else None
    at = ids.index(pk)
    return (ids[at - 1] if at else None), (ids[at + 1] if at + 1 < len(ids) else None)


@dataclass(frozen=True)
class FindingGroup:
    """One line of a grouped view: an article or a person, with its matching findings beneath."""

    subject: Article | Person | None
    findings: list[Finding]


GROUPS = {"article": ("article_id", Article), "person": ("person_id", Person)}


def grouped_findings(filters: dict, by: str, *, viewer) -> QuerySet:
    """The groups (article or person ids) of the matching findings, the most severe and recent first.

    A page of it is turned into lines by `finding_groups()`; the two queries keep a page's cost fixed.
    """
    column, _ = GROUPS[by]
    return (
        matching_findings(filters, viewer=viewer)
        .order_by()
        .values(column)
        .annotate(top=Max(SEVERITY_RANK), day=Max(ARTICLE_DATE), count=Count("pk"))
        .order_by(F("top").desc(), F("day").desc(nulls_last=True), column)
    )


def finding_groups(filters: dict, by: str, page_of_groups, *, viewer) -> list[FindingGroup]:
    """The lines of one page of groups: two queries, the subjects and their findings."""
    column, model = GROUPS[by]
    ids = [row[column] for row in page_of_groups]
    subjects = model.objects.in_bulk([i for i in ids if i is not None])
    beneath: dict = {i: [] for i in ids}
    condition = Q(**{f"{column}__in": [i for i in ids if i is not None]})
    if None in ids:
        condition |= Q(**{f"{column}__isnull": True})
    for finding in findings_list(filters, viewer=viewer).filter(condition):
        beneath[getattr(finding, column)].append(finding)
    return [FindingGroup(subjects.get(i), beneath[i]) for i in ids]


def finding_history(finding: Finding) -> QuerySet[Occurrence]:
    return finding.occurrences.select_related("run").order_by("-run_id")


def findings_of_run(run: AuditRun) -> QuerySet[Finding]:
    return Finding.objects.filter(occurrences__run=run).select_related("article", "person", "organization")


@dataclass(frozen=True)
class ConfirmedCount:
    rule_code: str
    rule_title: str
    severity: str
    severity_label: str
    count: int


@dataclass(frozen=True)
class AuditSummary:
    rows: list[ConfirmedCount]

    @property
    def total(self) -> int:
        return sum(row.count for row in self.rows)


def public_findings() -> QuerySet[Finding]:
    return (
        Finding.objects.filter(on_published_article("article"), review_status=ReviewStatus.CONFIRMED)
        .exclude(presence=Presence.RESOLVED)
        .exclude(rule_code__in=RULES_ON_PRIVATE_RECORDS)
    )


def summarize(findings: QuerySet[Finding]) -> AuditSummary:
    """Counts by rule and severity, most severe first, in one query."""
    counts = findings.order_by().values_list("rule_code", "severity").annotate(count=Count("pk"))
    rules = all_rules()
    labels = dict(Severity.choices)
    rows = [
        ConfirmedCount(code, rules[code].title if code in rules else code, severity, labels.get(severity, severity), n)
        for code, severity, n in counts
    ]
    rows.sort(key=lambda row: (-SEVERITY_ORDER.get(row.severity, -1), row.rule_title))
    return AuditSummary(rows)


def author_audit_summary(person_id: int) -> AuditSummary:
    """Confirmed findings about the person on published articles (rules name the author of an
    authorship finding as its person too, so one indexed column serves)."""
    return summarize(public_findings().filter(person_id=person_id))


def article_audit_summary(article_id: int) -> AuditSummary:
    return summarize(public_findings().filter(article_id=article_id))
