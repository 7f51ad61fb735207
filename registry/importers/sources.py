"""Each kind of file declared once, as a `Source`: how its content is stored, which suffixes are
looked for in folders, and the `import_*_paths` entry points the commands and the benchmark call.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from registry.enums import ImportKind
from registry.importers.articles.records import ArticleRecord
from registry.importers.articles.together import files_together
from registry.importers.articles.writer import ArticleWriter
from registry.importers.formats.crossref import read_crossref
from registry.importers.formats.disclosures import import_disclosure_rows
from registry.importers.formats.jats import read_jats
from registry.importers.formats.orcid import import_orcid_record
from registry.importers.formats.xmlsafe import parse_xml
from registry.importers.open_payments.reader import import_open_payments_data
from registry.importers.pubmed.store import import_pubmed_data
from registry.importers.runner import ImportSummary, WriteTogether, import_data, import_paths

# JATS files a transaction, written together when new to the registry.
JATS_BATCH = 50

# (data, *, file as reported, source as recorded, actor, warnings) -> number of records read
Store = Callable[..., int]


def articles_from(read: Callable[..., list[ArticleRecord]]) -> Store:
    """A format that reads articles, `read(data, *, file, warnings)`, stored by the ArticleWriter."""

    def store(data: bytes, *, file: str, source: str, actor, warnings: list[str]) -> int:
        records = read(data, file=file, warnings=warnings)
        ArticleWriter(actor=actor, source=source, warnings=warnings).write_all(records)
        return len(records)

    return store


def read_jats_data(data: bytes, *, file: str, warnings: list[str]) -> list[ArticleRecord]:
    # Reading JATS warns of nothing; what it warns of is found by the ArticleWriter.
    return read_jats(parse_xml(data, file=file), file=file)


@dataclass(frozen=True)
class Source:
    kind: str
    store: Store
    suffixes: tuple[str, ...]
    batch: int = 1  # files a transaction when importing files and folders (each file all or nothing)
    write_together: WriteTogether | None = None  # writes files of a batch together (see the runner)

    def import_file(self, data: bytes, name: str, actor, warnings: list[str]) -> int:
        """The runner's importer: the runner's own warnings list goes to the format, so what it warns
        of reaches the summary and the import record. Provenance is the file name, without its folder."""
        return self.store(data, file=name, source=Path(name).name, actor=actor, warnings=warnings)

    def import_data(self, data: bytes, *, name: str, actor, summary: ImportSummary) -> bool:
        """One file's content (an upload), in its own transaction and recorded."""
        return import_data(data, name=name, kind=self.kind, importer=self.import_file, actor=actor, summary=summary)

    def import_paths(self, paths: Iterable[Path | str], *, actor=None, progress: bool = False) -> ImportSummary:
        """Files and folders of this kind; each file all or nothing, `batch` files a transaction."""
        how = {"suffixes": self.suffixes, "actor": actor, "progress": progress, "batch": self.batch}
        how["write_together"] = self.write_together
        return import_paths(paths, kind=self.kind, importer=self.import_file, **how)


SOURCES = {
    source.kind: source
    for source in (
        # A JATS file is one article: a batch of new ones is written together, a few statements for
        # all of them instead of some forty a file (and one commit).
        Source(
            ImportKind.JATS,
            articles_from(read_jats_data),
            (".xml", ".nxml"),
            batch=JATS_BATCH,
            write_together=files_together(read_jats_data),
        ),
        Source(ImportKind.CROSSREF, articles_from(read_crossref), (".json", ".jsonl", ".ndjson")),
        Source(ImportKind.ORCID, import_orcid_record, (".json", ".xml")),
        Source(ImportKind.DISCLOSURES, import_disclosure_rows, (".csv", ".xlsx")),
        # Uploads only: folders go through import_open_payments_paths, which streams each file.
        Source(ImportKind.OPEN_PAYMENTS, import_open_payments_data, (".csv",)),
        # Uploads only: files and folders go through registry.importers.pubmed.dispatch, which streams
        # each file and may hand it to a worker.
        Source(ImportKind.PUBMED, import_pubmed_data, (".xml.gz", ".xml")),
    )
}

import_jats_paths = SOURCES[ImportKind.JATS].import_paths
import_crossref_paths = SOURCES[ImportKind.CROSSREF].import_paths
import_orcid_paths = SOURCES[ImportKind.ORCID].import_paths
import_disclosure_paths = SOURCES[ImportKind.DISCLOSURES].import_paths
