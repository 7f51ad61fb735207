"""manage.py parse_statements INPUT.jsonl --output OUTPUT.jsonl: the statement parser over a file.

Each input line is {"id", "authors": [full names in byline order], "statement"}; each output line is
{"id", "declares_none", "items": [{"author", "category", "organization", "payee", "specification"}]},
the format evaluate_parser and registry.parsing.evaluation score. A faulty input line writes nothing.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from registry.files import replaced_when_complete
from registry.parsing import parsed_line
from registry.parsing.jsonl import InputError, read_records


class Command(BaseCommand):
    help = "Parse the competing-interest statements of a JSON-lines file into structured rows (JSON lines)."

    def add_arguments(self, parser):
        parser.add_argument("input", type=Path, help='JSON lines: {"id", "authors", "statement"}.')
        parser.add_argument("--output", "-o", type=Path, required=True, help="Where to write the rows.")

    def handle(self, *args, input: Path, output: Path, **options):
        directory = output.parent if str(output.parent) else Path(".")
        if not directory.is_dir():
            raise CommandError(f"{output}: no such folder {directory}")
        # A faulty line leaves no partial file.
        count = 0
        try:
            with replaced_when_complete(output, "w", encoding="utf-8") as out:
                for record in read_records(input):
                    out.write(json.dumps(parsed_line(record), ensure_ascii=False) + "\n")
                    count += 1
        except InputError as exc:
            raise CommandError(f"Nothing written; fix these lines first:\n{exc}") from exc
        if options.get("verbosity", 1) > 0:
            self.stdout.write(self.style.SUCCESS(f"Parsed {count} statements into {output}"))
