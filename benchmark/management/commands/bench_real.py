"""manage.py bench_real PATH [PATH ...]: the audit on real JATS articles, on a scratch database, scored
per rule against labelled expectations (findings per 100 articles, severities, precision, recall)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from benchmark.real import load_expectations, measure_real, report_lines
from benchmark.scratch import scratch_database

DEFAULT_EXPECTATIONS = Path(settings.BASE_DIR) / "benchmark" / "expectations" / "corpus.jsonl"


class Command(BaseCommand):
    help = (
        "Import real JATS files (or folders) into a scratch database, link people, audit everything and "
        "score each rule against labelled expectations. Never touches the configured database's data."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="JATS files or folders of them.")
        parser.add_argument("--expectations", type=Path, default=DEFAULT_EXPECTATIONS)

    def handle(self, *args, paths, expectations, **options):
        try:
            cases = load_expectations(expectations)
        except (OSError, ValueError) as exc:
            raise CommandError(f"Cannot read the expectations: {exc}") from exc
        settings.DEBUG = False
        with scratch_database():
            report = measure_real(paths, cases)
        for line in report_lines(report):
            self.stdout.write(line)
