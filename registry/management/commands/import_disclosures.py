"""manage.py import_disclosures FILE.csv|FILE.xlsx [...]: import a spreadsheet of interests.

The columns are documented in registry/importers/formats/disclosures.py and in the template the admin
offers for download.
"""

from registry.importers import import_disclosure_paths
from registry.importers.command import ImportCommand


class Command(ImportCommand):
    help = "Import a CSV or XLSX of disclosed interests (one row per author, organization and category)."
    kind_label = "spreadsheets"

    def run_import(self, paths, *, actor, progress):
        return import_disclosure_paths(paths, actor=actor, progress=progress)
