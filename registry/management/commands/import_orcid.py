"""manage.py import_orcid FILE [...]: import ORCID v3.0 records (JSON or XML)."""

from registry.importers import import_orcid_paths
from registry.importers.command import ImportCommand


class Command(ImportCommand):
    help = "Import ORCID v3.0 records: names, other names, employments and fundings; idempotent."
    kind_label = "ORCID files"

    def run_import(self, paths, *, actor, progress):
        return import_orcid_paths(paths, actor=actor, progress=progress)
