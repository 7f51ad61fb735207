"""What the import_* management commands share: arguments, the progress bar, FILE:LOCATION: reason
lines for refused files, a summary, and a non-zero exit when any file was refused.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from registry.importers.runner import ImportSummary


class ImportCommand(BaseCommand):
    kind_label = "files"

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path, help="Files, or folders to import recursively.")
        parser.add_argument("--user", help="Username recorded as the actor in history.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def run_import(self, paths, *, actor, progress: bool) -> ImportSummary:
        raise NotImplementedError

    def handle(self, *args, paths, user=None, no_progress=False, **options):
        actor = None
        if user:
            actor = get_user_model().objects.filter(username=user).first()
            if actor is None:
                raise CommandError(f"No user named {user!r}.")
        missing = [str(path) for path in paths if not path.exists()]
        if missing:
            raise CommandError(f"No such file or folder: {', '.join(missing)}")
        progress = not no_progress and options.get("verbosity", 1) > 0
        summary = self.run_import(paths, actor=actor, progress=progress)
        for failure in summary.failures:
            self.stderr.write(str(failure))
        if options.get("verbosity", 1) > 1:
            for warning in summary.warnings:
                self.stderr.write(f"warning: {warning}")
        for line in summary.lines():
            self.stdout.write(line)
        if summary.failures:
            raise CommandError(f"{len(summary.failures)} of {summary.files} {self.kind_label} refused.")
