"""What the export commands share: --format, --output and --no-progress, and writing with a progress bar."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from audits.exports import FORMATS, Dataset, export_to_path


class ExportCommand(BaseCommand):
    def add_arguments(self, parser):
        parser.add_argument(
            "--format",
            choices=sorted(FORMATS),
            help="csv, xlsx, json or parquet (default: the output file's extension, else json).",
        )
        parser.add_argument("--output", type=Path, required=True, help="File to write.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def write(self, dataset: Dataset, options: dict) -> int:
        """Write the dataset as the options say, with a progress bar for long exports; returns the number of rows."""
        output = options["output"]
        format = options["format"] or self.format_of(output)
        show_progress = not options["no_progress"] and options["verbosity"] > 0
        bar = (
            tqdm(total=dataset.count(), desc=f"Exporting {dataset.name}", unit="rows", leave=False)
            if show_progress
            else None
        )
        try:
            return export_to_path(dataset, format, output, progress=bar.update if bar else None)
        except OSError as exc:
            raise CommandError(f"Cannot write {output}: {exc.strerror}") from exc
        finally:
            if bar is not None:
                bar.close()

    @staticmethod
    def format_of(output: Path) -> str:
        suffix = output.suffix.lower().lstrip(".")
        return suffix if suffix in FORMATS else "json"
