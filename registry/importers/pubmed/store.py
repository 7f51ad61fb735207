"""One PubMed file into the registry, inside the caller's transaction: citations are written in
batches by the ArticleWriter, each only when it is not older than the version on record, and
DeleteCitation entries remove (or withdraw) the articles they name.
"""

import io
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import BinaryIO

from django.utils import timezone

from registry import services
from registry.enums import ArticleStatus
from registry.importers.articles.writer import ArticleWriter
from registry.importers.collection import young_collections_spaced
from registry.importers.formats.pubmed import PubmedCitation, PubmedDeletion, read_pubmed
from registry.models import Article

# Records written together: the writer reads organizations and people once per batch.
BATCH = 1000


@dataclass
class PubmedCounts:
    """What one file did, beyond the rows it created (which the runner counts)."""

    read: Counter = field(default_factory=Counter)

    LABELS = {
        "citations": "citations read",
        "created": "articles created",
        "updated": "articles updated",
        "superseded": "citations older than the version on record (skipped)",
        "withdrawn": "articles withdrawn (deleted from PubMed; they carry disclosures or editors' work)",
        "deleted": "articles deleted",
        "not_on_record": "deletions of PMIDs not on record",
    }

    def as_record(self) -> dict[str, int]:
        return {label: self.read[key] for key, label in self.LABELS.items()}


def import_pubmed_stream(
    raw: BinaryIO, *, file: str, source: str, actor, warnings: list[str], bulk: bool = True
) -> PubmedCounts:
    """Read and store one PubMed file. Raises ImportFailure on the first bad record; the caller's
    transaction then writes nothing of the file. `bulk`: citations new to the registry are written
    a batch at a time (off: one at a time, as updates always are; the same rows either way)."""
    items = read_pubmed(raw, file=file, warnings=warnings)
    return store_pubmed_items(items, file=file, source=source, actor=actor, warnings=warnings, bulk=bulk)


def store_pubmed_items(
    items: Iterable[PubmedCitation | PubmedDeletion], *, file: str, source: str, actor, warnings: list[str], bulk: bool
) -> PubmedCounts:
    """Store the citations and deletions of one file as read (by `read_pubmed`, here or in a reading
    process), in file order."""
    store = _Store(file=file, source=source, actor=actor, warnings=warnings, bulk=bulk)
    with young_collections_spaced():  # a batch's many objects would otherwise set off full collections
        for item in items:
            if isinstance(item, PubmedCitation):
                store.add(item)
            else:
                store.flush()
                store.remove(item)
        store.flush()
    return store.counts


def import_pubmed_data(data: bytes, *, file: str, source: str, actor, warnings: list[str]) -> int:
    """For the admin's upload page (the runner's transaction and record around it); what the file
    updated, withdrew and deleted is told in a warning, since the runner counts only rows created."""
    counts = import_pubmed_stream(
        io.BufferedReader(io.BytesIO(data)), file=file, source=source, actor=actor, warnings=warnings
    )
    warnings.append(f"{file}: " + ", ".join(f"{n} {label}" for label, n in counts.as_record().items()))
    return counts.read["citations"]


def _newer(citation: PubmedCitation, source: str, stored: dict) -> bool:
    """Whether the citation is at least as new as the record on file: a higher PMID version, or the
    same version from a file that does not sort before the one it was last read from."""
    version = stored["pmid_version"] or 0
    return (citation.version, source) >= (version, stored["pubmed_file"] or "")


class _Store:
    def __init__(self, *, file: str, source: str, actor, warnings: list[str], bulk: bool):
        self.file = file
        self.source = source
        self.actor = actor
        self.warnings = warnings
        self.writer = ArticleWriter(actor=actor, source=source, warnings=warnings, bulk=bulk)
        self.pending: dict[str, PubmedCitation] = {}
        self.counts = PubmedCounts()

    def add(self, citation: PubmedCitation) -> None:
        self.counts.read["citations"] += 1
        earlier = self.pending.get(citation.pmid)
        if earlier is not None:
            self.counts.read["superseded"] += 1
            if citation.version < earlier.version:
                return
        # Later in the file replaces earlier (the same version), and a higher version replaces a lower.
        self.pending[citation.pmid] = citation
        if len(self.pending) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        citations, self.pending = list(self.pending.values()), {}
        on_record = {
            row["pmid"]: row
            for row in Article.objects.filter(pmid__in=[c.pmid for c in citations])
            .order_by()
            .values("pk", "pmid", "pmid_version", "pubmed_file")
        }
        fresh = [c for c in citations if c.pmid not in on_record or _newer(c, self.source, on_record[c.pmid])]
        self.counts.read["superseded"] += len(citations) - len(fresh)
        by_doi = self.free_dois(fresh, on_record)
        started = timezone.now()
        self.writer.write_all([citation.article for citation in fresh])
        found = {on_record[c.pmid]["pk"] for c in fresh if c.pmid in on_record}
        found |= {by_doi[c.article.doi] for c in fresh if c.pmid not in on_record and c.article.doi in by_doi}
        self.counts.read["created"] += len(fresh) - len(found)
        if found:
            changed = Article.history.filter(id__in=found, history_type="~", history_date__gte=started)
            self.counts.read["updated"] += changed.values("id").distinct().count()

    def free_dois(self, citations: list[PubmedCitation], on_record: dict[str, dict]) -> dict[str, int]:
        """Leave out a DOI that another article holds (another PMID, or a record without a PMID when
        this PMID is on record already), or that two citations of the batch share; with a warning.
        Returns the articles on record by DOI that a citation will update."""
        dois = {c.article.doi for c in citations if c.article.doi}
        holders = {
            row["doi"]: row for row in Article.objects.filter(doi__in=dois).order_by().values("pk", "doi", "pmid")
        }
        taken: set[str] = set()
        for citation in citations:
            doi = citation.article.doi
            if not doi:
                continue
            holder = holders.get(doi)
            mine = on_record.get(citation.pmid)
            conflict = (
                doi in taken
                or (holder is not None and holder["pmid"] not in (None, citation.pmid))
                or (holder is not None and mine is not None and holder["pk"] != mine["pk"])
            )
            if conflict:
                self.warnings.append(
                    f"{self.file}:PMID {citation.pmid}: DOI {doi} belongs to another article; left out"
                )
                citation.article.doi = ""
            taken.add(doi)
        return {doi: row["pk"] for doi, row in holders.items() if doi in taken}

    def remove(self, deletion: PubmedDeletion) -> None:
        articles = {a.pmid: a for a in Article.objects.filter(pmid__in=deletion.pmids).order_by()}
        self.counts.read["not_on_record"] += len(set(deletion.pmids) - set(articles))
        reason = f"Deleted from PubMed ({self.source})"[:100]
        for article in articles.values():
            if (article.pubmed_file or "") > self.source:
                continue  # a later file has the record again
            outcome = services.remove_article(actor=self.actor, article=article, reason=reason)
            self.counts.read["withdrawn" if outcome == ArticleStatus.WITHDRAWN else "deleted"] += 1
