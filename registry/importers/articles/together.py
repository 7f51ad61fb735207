"""Files of articles new to the registry written together: the records of a batch of files, read one
by one, stored by one ArticleWriter (a few multi-row statements for the whole batch instead of some
forty a file), each file keeping its own import record, counts, warnings and provenance.

Should the writer refuse anything, nothing of the batch is kept and its files are imported one at a
time by the runner, each all or nothing: a bad file is refused with its reason, the others are written.
"""

import hashlib
import logging
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from django.db import transaction

from registry.enums import ImportStatus, MatchStatus
from registry.importers.articles.fresh import new_records
from registry.importers.articles.origins import Origin
from registry.importers.articles.read_ahead import Read, ReadAhead
from registry.importers.articles.records import ArticleRecord
from registry.importers.articles.writer import ArticleWriter
from registry.importers.runner import COUNTED, ImportSummary, count_rows_since, last_ids, new_record
from registry.models import Article, Authorship, Disclosure, ImportRecord, Interest, Organization, Person, PersonMatch

logger = logging.getLogger(__name__)

# The counted rows an Origin holds, by model (the rest of COUNTED is read from the database).
_LABELS = {
    Article: "articles",
    Organization: "organizations",
    Authorship: "authorships",
    Disclosure: "disclosures",
    Interest: "interests",
}


@dataclass(eq=False)
class _File:
    path: Path
    data: bytes
    origin: Origin
    records: list[ArticleRecord]


def files_together(read: Read) -> Callable[[], AbstractContextManager[Callable[..., None]]]:
    """The runner's `write_together` for a format of articles read by `read(data, file=, warnings=)`:
    for one import, the function that writes a batch's files, the next batch's read meanwhile."""

    @contextmanager
    def importing() -> Iterator[Callable[..., None]]:
        reader = ReadAhead(read)
        try:
            yield partial(_write_together, reader)
        finally:
            reader.close()

    return importing


def _write_together(
    reader: ReadAhead, files: list[Path], *, kind: str, actor, summary: ImportSummary, one_by_one, upcoming=()
) -> None:
    """Import the files in their order inside the caller's transaction: each run of files whose
    articles are all new to the registry written together, any other file (unreadable or refused,
    a re-import, a DOI two files share) by `one_by_one([file])`, as are a run's files if it fails.
    The `upcoming` batch's files are read while these are written."""
    readable = {}
    for file in reader.files(files):
        if file.data is not None:  # else imported on its own next, which says why it is refused
            origin = Origin(source=file.path.name, warnings=file.warnings)
            readable[file.path] = _File(file.path, file.data, origin, file.records)
    reader.ahead(upcoming)
    writer = ArticleWriter(actor=actor, source=files[0].name, warnings=[])
    new = {file.path for file in _all_new(list(readable.values()), writer)}
    run: list[_File] = []
    for path in files:
        if path in new:
            run.append(readable[path])
            continue
        _write_run(run, kind=kind, actor=actor, summary=summary, one_by_one=one_by_one)
        run = []
        one_by_one([path])
    _write_run(run, kind=kind, actor=actor, summary=summary, one_by_one=one_by_one)


def _write_run(batch: list[_File], *, kind: str, actor, summary: ImportSummary, one_by_one) -> None:
    """Write these files' new articles with one ArticleWriter, or each file on its own should it fail."""
    if len(batch) < 2:
        one_by_one([file.path for file in batch])
        return
    writer = ArticleWriter(actor=actor, source=batch[0].origin.source, warnings=[])
    try:
        with transaction.atomic():
            before = last_ids()
            writer.write_all(
                [record for file in batch for record in file.records],
                origins={id(record): file.origin for file in batch for record in file.records},
            )
            counts = _counts(batch, before)
            ImportRecord.objects.bulk_create(
                [_record(file, kind=kind, actor=actor, counts=count) for file, count in zip(batch, counts, strict=True)]
            )
    except Exception:  # each file again on its own, all or nothing, refused with its reason
        logger.info("%d %s files written together were refused; importing them one by one", len(batch), kind)
        one_by_one([file.path for file in batch])
        return
    for file, count in zip(batch, counts, strict=True):
        summary.files += 1
        summary.records += len(file.records)
        summary.counts.update(count)
        summary.warnings += file.origin.warnings


def _all_new(files: list[_File], writer: ArticleWriter) -> list[_File]:
    """The files whose records are all new to the registry, with a DOI and PMID no other file names."""
    records = [record for file in files for record in file.records]
    writer.prefetch_articles(records)
    new = {id(record) for record in new_records(records, writer.find)}
    return [file for file in files if file.records and all(id(record) in new for record in file.records)]


def _counts(batch: list[_File], before: dict[str, int]) -> list[dict[str, int]]:
    """Each file's counts as if imported alone: the rows created for its records (people merged away
    by linking since are not counted, as when linked after the file alone), and the matches to confirm
    that linking listed for its new people (the later file's, when the pair holds two new people)."""
    owner: dict[int, int] = {}
    counts = []
    for index, file in enumerate(batch):
        count = Counter(dict.fromkeys(COUNTED, 0))
        count.update(file.origin.counts)
        for obj in file.origin.created:
            label = _LABELS.get(type(obj))
            if label:
                count[label] += 1
            elif type(obj) is Person:
                owner[obj.pk] = index
        counts.append(count)
    for pk in Person.objects.filter(pk__in=owner).values_list("pk", flat=True):
        counts[owner[pk]]["persons"] += 1
    pending = PersonMatch.objects.filter(pk__gt=before["matches to confirm"], status=MatchStatus.PENDING)
    for pair in pending.values_list("person_id", "candidate_id"):
        files = [owner[pk] for pk in pair if pk in owner]
        counts[max(files) if files else len(batch) - 1]["matches to confirm"] += 1
    _check_totals(counts, count_rows_since(before))
    return [{label: count[label] for label in COUNTED} for count in counts]


def _check_totals(counts: list[Counter], totals: dict[str, int]) -> None:
    """The files' counts add up to the rows the batch created; what no file accounts for is the last
    file's (and logged), so that the summary still says what was created."""
    for label in COUNTED:
        missing = totals[label] - sum(count[label] for count in counts)
        if missing:
            logger.warning("%d %s created by a batch of files were not counted for a file", missing, label)
            counts[-1][label] += missing


def _record(file: _File, *, kind: str, actor, counts: dict[str, int]) -> ImportRecord:
    record = new_record(kind=kind, name=str(file.path), actor=actor)
    record.sha256 = hashlib.sha256(file.data).hexdigest()
    record.status, record.counts, record.warnings = ImportStatus.SUCCEEDED, counts, file.origin.warnings
    return record
