"""manage.py bench_real PATH [PATH ...]: the audit on real JATS articles, on a scratch database, scored
per rule against labelled expectations (findings per 100 articles, severities, precision, recall)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from benchmark.real import load_expectations, measure_real, report_lines
from benchmark.scratch import scratch_database

EXPECTATIONS = Path(settings.BASE_DIR) / "benchmark" / "expectations"


class Command(BaseCommand):
    help = (
        "Import real JATS files (or folders) into a scratch database, link people, audit everything and "
        "score each rule against labelled expectations. Never touches the configured database's data."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="JATS files or folders of them.")
        parser.add_argument(
            "--expectations",
            type=Path,
            nargs="+",
            default=sorted(EXPECTATIONS.glob("*.jsonl")),
            help="JSON-lines files of labelled cases (default: every file in benchmark/expectations/).",
        )

        parser.add_argument("--findings", type=Path, help="Also write every finding to this JSON-lines file.")

    def handle(self, *args, paths, expectations, findings, **options):
        try:
            cases = [case for path in expectations for case in load_expectations(path)]
        except (OSError, ValueError) as exc:
            raise CommandError(f"Cannot read the expectations: {exc}") from exc
        settings.DEBUG = False
        with scratch_database():
            report = measure_real(paths, cases, findings_to=findings)
        for line in report_lines(report):
            self.stdout.write(line)
