"""manage.py load_seed [FILE ...]: load seed files (default: every file in fixtures/seed/)."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from registry.seed import SeedError, load_seed_file


class Command(BaseCommand):
    help = "Load registry seed files (JSON); idempotent. Without arguments, loads fixtures/seed/*.json."

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="*", type=Path)

    def handle(self, *args, files, **options):
        paths = files or sorted((Path(settings.BASE_DIR) / "fixtures" / "seed").glob("*.json"))
        if not paths:
            raise CommandError("No seed files found.")
        for path in paths:
            try:
                counts = load_seed_file(path)
            except SeedError as exc:
                raise CommandError(str(exc)) from exc
            summary = ", ".join(f"{count} {kind}" for kind, count in counts.items())
            self.stdout.write(self.style.SUCCESS(f"Loaded {path.name}: {summary}"))
