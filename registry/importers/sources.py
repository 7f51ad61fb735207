"""One function per kind of file: read it, store it, and the `import_*_paths` entry points the
commands, the admin upload page and the benchmark call.
"""

from collections.abc import Iterable
from pathlib import Path

from registry.importers.articles.writer import ArticleWriter
from registry.importers.formats.crossref import read_crossref
from registry.importers.formats.disclosures import import_disclosure_rows
from registry.importers.formats.jats import read_jats
from registry.importers.formats.orcid import import_orcid_record
from registry.importers.formats.xmlsafe import parse_xml
from registry.importers.open_payments.reader import import_open_payments_data
from registry.importers.runner import ImportSummary, import_paths
from registry.models.imports import ImportKind


def _source(name: str) -> str:
    """The file name recorded as provenance (the folder it came from is not part of it)."""
    return Path(name).name


def import_jats_data(data: bytes, name: str, actor=None, warnings: list[str] | None = None) -> int:
    records = read_jats(parse_xml(data, file=name), file=name)
    ArticleWriter(actor=actor, source=_source(name), warnings=[] if warnings is None else warnings).write_all(records)
    return len(records)


def import_crossref_data(data: bytes, name: str, actor=None, warnings: list[str] | None = None) -> int:
    warnings = [] if warnings is None else warnings
    records = read_crossref(data, file=name, warnings=warnings)
    ArticleWriter(actor=actor, source=_source(name), warnings=warnings).write_all(records)
    return len(records)


def import_orcid_data(data: bytes, name: str, actor=None, warnings: list[str] | None = None) -> int:
    return import_orcid_record(
        data, file=name, source=_source(name), actor=actor, warnings=[] if warnings is None else warnings
    )


def import_disclosure_data(data: bytes, name: str, actor=None, warnings: list[str] | None = None) -> int:
    return import_disclosure_rows(
        data, file=name, source=_source(name), actor=actor, warnings=[] if warnings is None else warnings
    )


IMPORTERS = {
    ImportKind.JATS: (import_jats_data, (".xml", ".nxml")),
    ImportKind.CROSSREF: (import_crossref_data, (".json", ".jsonl", ".ndjson")),
    ImportKind.ORCID: (import_orcid_data, (".json", ".xml")),
    ImportKind.DISCLOSURES: (import_disclosure_data, (".csv", ".xlsx")),
    ImportKind.OPEN_PAYMENTS: (import_open_payments_data, (".csv",)),
}


def _paths(kind: str):
    importer, suffixes = IMPORTERS[kind]

    def run(paths: Iterable[Path | str], *, actor=None, progress: bool = False) -> ImportSummary:
        return import_paths(paths, kind=kind, importer=importer, suffixes=suffixes, actor=actor, progress=progress)

    run.__name__ = f"import_{kind}_paths"
    run.__doc__ = f"Import {ImportKind(kind).label} files and folders; one transaction per file."
    return run


import_jats_paths = _paths(ImportKind.JATS)
import_crossref_paths = _paths(ImportKind.CROSSREF)
import_orcid_paths = _paths(ImportKind.ORCID)
import_disclosure_paths = _paths(ImportKind.DISCLOSURES)
