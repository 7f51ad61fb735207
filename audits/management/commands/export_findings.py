"""manage.py export_findings --run ID --format json --output FILE"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from audits.exports import WRITERS
from audits.models import AuditRun


class Command(BaseCommand):
    help = "Write the findings of an audit run to a file."

    def add_arguments(self, parser):
        parser.add_argument("--run", type=int, help="Audit run id (default: the latest finished run).")
        parser.add_argument("--format", choices=sorted(WRITERS), default="json")
        parser.add_argument("--output", type=Path, required=True)

    def handle(self, *args, run=None, format, output, **options):
        runs = AuditRun.objects.select_related("started_by")
        selected = runs.filter(pk=run).first() if run else runs.filter(status="succeeded").first()
        if selected is None:
            raise CommandError(f"No audit run {run}." if run else "No audit has finished yet.")
        try:
            with output.open("w", encoding="utf-8") as handle:
                count = WRITERS[format](selected, handle)
        except OSError as exc:
            raise CommandError(f"Cannot write {output}: {exc.strerror}") from exc
        self.stdout.write(f"Wrote {count} findings of audit run {selected.pk} to {output}")
