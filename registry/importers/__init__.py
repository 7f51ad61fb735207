"""Importers: JATS XML articles, Crossref works, ORCID records, spreadsheets of disclosures
and CMS Open Payments files.

Each file is imported all or nothing, in a transaction or a savepoint of its own (a bad file writes
nothing and is reported with its file, place and reason) and re-importing updates the same rows
instead of duplicating them.
"""

from registry.importers.errors import ImportFailure
from registry.importers.open_payments.reader import import_open_payments_paths
from registry.importers.runner import ImportSummary, import_paths
from registry.importers.sources import (
    import_crossref_paths,
    import_disclosure_paths,
    import_jats_paths,
    import_orcid_paths,
)

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
