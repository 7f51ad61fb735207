"""manage.py import_crossref FILE.json [...]: import Crossref work records (API response, single
work, or one work per line)."""

from registry.importers import import_crossref_paths
from registry.importers.command import ImportCommand


class Command(ImportCommand):
    help = "Import Crossref work JSON (authors, ORCID iDs, affiliations, funders, dates); idempotent."
    kind_label = "Crossref files"

    def run_import(self, paths, *, actor, progress):
        return import_crossref_paths(paths, actor=actor, progress=progress)
