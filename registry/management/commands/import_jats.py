"""manage.py import_jats PATH [PATH ...]: import JATS XML articles (files or folders)."""

from registry.importers import import_jats_paths
from registry.importers.command import ImportCommand


class Command(ImportCommand):
    help = "Import JATS XML articles (eLife, PLOS, PMC); idempotent, each file all or nothing."
    kind_label = "JATS files"

    def run_import(self, paths, *, actor, progress):
        return import_jats_paths(paths, actor=actor, progress=progress)
