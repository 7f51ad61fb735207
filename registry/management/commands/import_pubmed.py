"""manage.py import_pubmed FILE.xml.gz|FOLDER ...: import PubMed/MEDLINE baseline and update files."""

from registry.importers.command import ImportCommand
from registry.importers.pubmed.dispatch import import_pubmed_paths


class Command(ImportCommand):
    help = (
        "Import PubMed/MEDLINE XML (baseline and update files, gzipped or not, or folders of them): "
        "articles by PMID and DOI, authors, affiliations, MeSH topics, grants and competing-interest "
        "statements; DeleteCitation withdraws or deletes. One transaction per file; on Celery workers "
        "when CELERY_BROKER_URL is set."
    )
    kind_label = "PubMed files"

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument("--in-process", action="store_true", help="Import here even when a broker is configured.")

    def handle(self, *args, in_process=False, **options):
        self.in_process = in_process
        return super().handle(*args, **options)

    def run_import(self, paths, *, actor, progress):
        return import_pubmed_paths(paths, actor=actor, progress=progress, workers=False if self.in_process else None)
