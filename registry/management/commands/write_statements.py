"""manage.py write_statements --article DOI --style icmje|per-author [--output FILE]: an article's
competing-interest statement written from the disclosures on file, for typesetting or for authors to confirm."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from registry.enums import StatementStyle
from registry.files import replaced_when_complete
from registry.statements import article_by_doi, write_statement


class Command(BaseCommand):
    help = "Write an article's competing-interest statement from the disclosures on file, in a house style."

    def add_arguments(self, parser):
        parser.add_argument("--article", required=True, help="DOI of the article.")
        parser.add_argument("--style", choices=StatementStyle.values, default=StatementStyle.ICMJE)
        parser.add_argument("--output", "-o", type=Path, help="Write to this file instead of standard output.")

    def handle(self, *args, article: str, style: str, output: Path | None, **options):
        try:
            found = article_by_doi(article)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        if found is None:
            raise CommandError(f"No article with DOI {article.strip()} in the registry.")
        text = write_statement(found, style=style)
        if not text:
            raise CommandError(f"No author of {found.doi} has a disclosure on file: there is nothing to write.")
        if output is None:
            self.stdout.write(text)
            return
        directory = output.parent if str(output.parent) else Path(".")
        if not directory.is_dir():
            raise CommandError(f"{output}: no such folder {directory}")
        with replaced_when_complete(output, "w", encoding="utf-8") as out:
            out.write(text + "\n")
        if options.get("verbosity", 1) > 0:
            self.stderr.write(f"Wrote the statement of {found.doi} to {output}")
