"""Refresh the editors' queue of probable duplicate organizations, optionally writing it as JSON lines."""

import json

from django.core.management.base import BaseCommand

from registry.identity.org_suggestions import refresh_merge_suggestions


class Command(BaseCommand):
    help = "Suggest organization records that are probably one organization (a queue for editors)."

    def add_arguments(self, parser):
        parser.add_argument("--output", help='Write the suggestions here, one {"a", "b", "score", "reason"} a line.')

    def handle(self, *args, **options):
        suggestions = refresh_merge_suggestions()
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8") as out:
                for suggestion in suggestions:
                    out.write(json.dumps(suggestion.as_json(), ensure_ascii=False) + "\n")
        self.stdout.write(f"{len(suggestions)} merge suggestion(s).")
