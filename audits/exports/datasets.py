"""The exported datasets as streams of row tuples in column order: findings, disclosures, interests.

Rows are read with values_list() in chunks, ordered by primary key, so an export builds no model
instances and its memory stays flat whatever the number of rows.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from django.db.models import QuerySet
from django.utils import timezone

from audits.exports.columns import DISCLOSURE_COLUMNS, FINDING_COLUMNS, INTEREST_COLUMNS, Column
from audits.models import AuditRun, Finding, FindingReview
from audits.selectors import findings_list, findings_of_run
from registry.models import DeclaredInterest, Disclosure, Interest

# Rows fetched per round trip: large enough that a million rows take few, small enough to stay light.
CHUNK_SIZE = 5000

# Adds the columns without a source to a batch of rows.
BatchExtension = Callable[[list[tuple]], list[tuple]]


@dataclass
class Dataset:
    """What one export holds: its columns, the query of its rows, and what it is (for JSON's header)."""

    name: str
    columns: tuple[Column, ...]
    queryset: QuerySet
    about: dict = field(default_factory=dict)
    # Called when the rows start to stream (findings: reads their latest reviews).
    start_extension: Callable[[], BatchExtension] | None = None

    def batches(self, size: int = CHUNK_SIZE) -> Iterator[list[tuple]]:
        """The rows as tuples in column order, a list of up to `size` at a time."""
        sources = [column.source for column in self.columns if column.source is not None]
        rows = self.queryset.values_list(*sources).iterator(chunk_size=size)
        extend = self.start_extension() if self.start_extension else None
        while batch := list(islice(rows, size)):
            yield extend(batch) if extend else batch

    def count(self) -> int:
        """The number of rows, for a progress bar; the joins that repeat rows are kept, expressions left out."""
        return self.queryset.values_list(*(c.source for c in self.columns if isinstance(c.source, str))).count()


def findings_dataset(*, run: AuditRun | None = None, filters: dict | None = None, viewer=None) -> Dataset:
    """Findings of a run, or every finding; either narrowed by the auditor's list filters. Only those
    the viewer may read (`Finding.objects.visible_to()`); the command line (no viewer) reads all."""
    filters = filters or {}
    findings = findings_list(filters, viewer=viewer)
    if run is not None:
        findings = findings_of_run(run) & findings
        about = {"run": run_header(run)}
    else:
        about = {"filters": {name: value for name, value in filters.items() if value not in (None, "")}}
    findings = findings.order_by("pk")
    return Dataset("findings", FINDING_COLUMNS, findings, about, start_extension=_with_latest_review(findings))


def _with_latest_review(findings: QuerySet[Finding]) -> Callable[[], BatchExtension]:
    def start() -> BatchExtension:
        # Reviews are auditors' decisions, few beside the findings: one query into a dictionary
        # costs less than three correlated subqueries on every one of a million rows.
        reviews = latest_reviews(findings)
        return lambda batch: [row + reviews.get(row[0], NOT_REVIEWED) for row in batch]

    return start


NOT_REVIEWED = (None, None, None)


def latest_reviews(findings: QuerySet[Finding]) -> dict[int, tuple]:
    """(reviewer, date, reason) of the latest review of each reviewed finding among these."""
    reviews = (
        FindingReview.objects.filter(finding__in=findings.values("pk"))
        .order_by("finding_id", "-created_at", "-id")
        .values_list("finding_id", "reviewer__username", "created_at", "reason")
    )
    latest: dict[int, tuple] = {}
    for finding_id, reviewer, created_at, reason in reviews.iterator(chunk_size=CHUNK_SIZE):
        latest.setdefault(finding_id, (reviewer, timezone.localdate(created_at), reason))
    return latest


def run_header(run: AuditRun) -> dict:
    """What the run was: JSON's header for its findings."""
    return {
        "id": run.pk,
        "status": run.status,
        "started_by": run.started_by.get_username() if run.started_by else None,
        "created_at": run.created_at.isoformat(),
        "finished_at": run.finished_at.isoformat() if run.finished_at else None,
        "scope": run.scope,
        "rules": run.rules,
        "parameters": run.parameters,
        "code_version": run.code_version,
        "duration_seconds": run.duration_seconds,
        "counts": run.counts,
    }


def disclosures_dataset(*, published_only: bool = False) -> Dataset:
    """Every disclosure (auditors read drafts too), or those of published articles only."""
    disclosures = Disclosure.objects.published() if published_only else Disclosure.objects.all()
    return Dataset("disclosures", DISCLOSURE_COLUMNS, disclosures.order_by("pk"), {"published_only": published_only})


def interests_dataset(*, published_only: bool = False) -> Dataset:
    """Every interest with each disclosure declaring it; or only declarations on published articles
    (which leaves out interests known from imports and registers alone)."""
    interests = Interest.objects.all()
    if published_only:
        # values_list() reuses this join, so the rows are the published declarations themselves.
        interests = interests.filter(declarations__in=DeclaredInterest.objects.published())
    interests = interests.order_by("pk", "declarations__id")
    return Dataset("interests", INTEREST_COLUMNS, interests, {"published_only": published_only})


REGISTRY_DATASETS = {"disclosures": disclosures_dataset, "interests": interests_dataset}
