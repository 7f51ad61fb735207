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

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--all-rows",
            action="store_true",
            help=(
                "Store every row in the database. By default only the rows matched or possibly matched to "
                "someone in the registry are stored in full; every row is kept as Parquet in OPEN_PAYMENTS_FOLDER."
            ),
        )

    def handle(self, *args, all_rows=False, **options):
        self.store_all = all_rows or None
        return super().handle(*args, **options)

    def run_import(self, paths, *, actor, progress):
        return import_open_payments_paths(paths, actor=actor, progress=progress, store_all=self.store_all)
