"""manage.py rematch_open_payments: match every Open Payments row kept as Parquet against the
registry's people again, and store the rows now matched or possibly matched to someone (people
added since the files were imported)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from registry.importers.open_payments.scanfile import rematch, scanned


class Command(BaseCommand):
    help = "Match the Open Payments rows kept as Parquet against the registry's people again; store the new matches."

    def handle(self, *args, **options):
        with transaction.atomic():
            written = rematch()
        self.stdout.write(
            f"{len(scanned())} Parquet file(s) read; {written} payment record(s) newly matched and stored."
        )
