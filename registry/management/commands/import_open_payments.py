"""manage.py import_open_payments FILE [FILE ...]: import CMS Open Payments CSV files.

General, research and ownership files of any program year; the kind is read from each header.
"""

from registry.importers.command import ImportCommand
from registry.importers.open_payments.reader import import_open_payments_paths


class Command(ImportCommand):
    help = (
        "Import CMS Open Payments CSV files (general, research, ownership) and match recipients to people; "
        "idempotent, one transaction per file."
    )
    kind_label = "Open Payments files"

    def run_import(self, paths, *, actor, progress):
        return import_open_payments_paths(paths, actor=actor, progress=progress)
