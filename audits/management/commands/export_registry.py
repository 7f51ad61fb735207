"""manage.py export_registry --dataset disclosures|interests [--published-only] [--format FORMAT] --output FILE"""

from audits.exports import REGISTRY_DATASETS
from audits.exports.command import ExportCommand


class Command(ExportCommand):
    help = (
        "Write every disclosure, or every interest with the disclosures declaring it, as CSV, XLSX, JSON or "
        "Parquet. Drafts are included (auditors read everything) unless --published-only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dataset", choices=sorted(REGISTRY_DATASETS), required=True)
        parser.add_argument(
            "--published-only",
            action="store_true",
            help="Only records of published articles (interests: only their declarations there). The columns "
            "are the auditors' all the same: this narrows the rows, it does not make a public export.",
        )
        super().add_arguments(parser)

    def handle(self, *args, dataset, published_only=False, **options):
        count = self.write(REGISTRY_DATASETS[dataset](published_only=published_only), options)
        rows = "disclosures" if dataset == "disclosures" else "interest rows (one per declaration)"
        self.stdout.write(f"Wrote {count} {rows} to {options['output']}")
