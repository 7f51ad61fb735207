"""Importers: JATS XML articles, Crossref works, ORCID records, spreadsheets of disclosures
and CMS Open Payments files.

Each file is imported all or nothing, in a transaction or a savepoint of its own (a bad file writes
nothing and is reported with its file, place and reason) and re-importing updates the same rows
instead of duplicating them.

The names below are loaded on first use, so that a process that only reads files (the PubMed reading
process) imports the readers without Django's models.
"""

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from registry.importers.errors import ImportFailure
    from registry.importers.open_payments.reader import import_open_payments_paths
    from registry.importers.runner import ImportSummary, import_paths
    from registry.importers.sources import (
        import_crossref_paths,
        import_disclosure_paths,
        import_jats_paths,
        import_orcid_paths,
    )

_MODULES = {
    "ImportFailure": "registry.importers.errors",
    "ImportSummary": "registry.importers.runner",
    "import_crossref_paths": "registry.importers.sources",
    "import_disclosure_paths": "registry.importers.sources",
    "import_jats_paths": "registry.importers.sources",
    "import_open_payments_paths": "registry.importers.open_payments.reader",
    "import_orcid_paths": "registry.importers.sources",
    "import_paths": "registry.importers.runner",
}

__all__ = [
    "ImportFailure",
    "ImportSummary",
    "import_crossref_paths",
    "import_disclosure_paths",
    "import_jats_paths",
    "import_open_payments_paths",
    "import_orcid_paths",
    "import_paths",
]


def __getattr__(name: str):
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(_MODULES[name]), name)
