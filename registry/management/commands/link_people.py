"""manage.py link_people: link person records across the whole registry by weighed evidence."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from registry.identity.linking import link_people


class Command(BaseCommand):
    help = (
        "Compare person records that may be one person; link above the threshold, queue for an editor "
        "between thresholds, keep apart below. Editors' decisions (rejections, unlinks) are respected."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Decide and report; write nothing.")
        parser.add_argument("--report", type=Path, help="Write every pair compared, with its evidence, as JSON.")

    def handle(self, *args, dry_run: bool, report: Path | None, **options):
        result = link_people(actor=None, dry_run=dry_run, reason="Linked by manage.py link_people")
        prefix = "Would have: " if dry_run else ""
        self.stdout.write(
            f"{prefix}{result.count('linked')} linked, {result.count('queued')} queued, "
            f"{result.count('refused') + sum(o.action.startswith('refused:') for o in result.outcomes)} refused, "
            f"{result.count('kept apart by an editor')} kept apart by an editor; {result.compared} pairs compared"
        )
        if report is not None:
            rows = [outcome.as_dict() for outcome in result.outcomes]
            report.write_text(json.dumps({"dry_run": dry_run, "pairs": rows}, indent=2), encoding="utf-8")
            self.stdout.write(f"Wrote {report}")
