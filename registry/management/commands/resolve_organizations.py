"""Link ties and payments recorded with a counterparty's name only to organization records."""

from django.core.management.base import BaseCommand

from registry.identity.org_backfill import resolve_named_counterparties


class Command(BaseCommand):
    help = (
        "Link every declared tie and register payment that names its counterparty but points at no "
        "organization: to the record its name or alias stands for, or to a new unreviewed one."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Report what would be linked; write nothing.")

    def handle(self, *args, dry_run: bool, **options):
        report = resolve_named_counterparties(actor=None, dry_run=dry_run)
        verb = "Would link" if dry_run else "Linked"
        self.stdout.write(
            f"{verb} {report.interests} tie(s) and {report.payments} payment(s); "
            f"{len(report.created)} new unreviewed organization(s)."
        )
        for name in report.created:
            self.stdout.write(f"  new: {name}")
