"""manage.py export_findings [--run ID | --all-runs] [filters] [--format FORMAT] --output FILE"""

from django.core.management.base import CommandError

from audits.exports import findings_dataset
from audits.exports.command import ExportCommand
from audits.forms import FindingFilterForm
from audits.models import AuditRun


class Command(ExportCommand):
    help = (
        "Write the findings of an audit run (default: the latest finished one), or every finding with "
        "--all-runs, narrowed by the filters of the auditor's findings list, as CSV, XLSX, JSON or Parquet."
    )

    def add_arguments(self, parser):
        which = parser.add_mutually_exclusive_group()
        which.add_argument("--run", type=int, help="Audit run id (default: the latest finished run).")
        which.add_argument("--all-runs", action="store_true", help="Every finding, whichever run found it.")
        # The findings page's filters, under the same names.
        for name, field in FindingFilterForm().fields.items():
            values = [str(value) for value, _ in getattr(field, "choices", []) if value]
            label = field.label[0].lower() + field.label[1:] if field.label else name
            parser.add_argument(
                f"--{name}", help=f"Only findings with this {label}" + (f": {', '.join(values)}." if values else ".")
            )
        super().add_arguments(parser)

    def handle(self, *args, run=None, all_runs=False, **options):
        filters = self.filters(options)
        selected = None if all_runs else self.selected_run(run)
        count = self.write(findings_dataset(run=selected, filters=filters), options)
        source = f" of audit run {selected.pk}" if selected else ""
        self.stdout.write(f"Wrote {count} findings{source} to {options['output']}")

    @staticmethod
    def filters(options: dict) -> dict:
        """The filter options, checked as the findings page checks them."""
        given = {name: options[name] for name in FindingFilterForm.base_fields if options.get(name) is not None}
        form = FindingFilterForm(given)
        if not form.is_valid():
            problems = [f"--{name} {given[name]!r}: {' '.join(errors)}" for name, errors in form.errors.items()]
            raise CommandError("; ".join(problems))
        return form.cleaned_data

    @staticmethod
    def selected_run(run: int | None) -> AuditRun:
        runs = AuditRun.objects.select_related("started_by")
        selected = runs.filter(pk=run).first() if run else runs.filter(status="succeeded").first()
        if selected is None:
            raise CommandError(f"No audit run {run}." if run else "No audit has finished yet.")
        return selected
