"""Score duplicate-organization suggestions against labelled pairs of names."""

import json

from django.core.management.base import BaseCommand

from registry.identity.org_evaluation import score_organization_pairs


class Command(BaseCommand):
    help = "Precision and share of true duplicates merged or suggested, on labelled organization pairs."

    def add_arguments(self, parser):
        parser.add_argument("labels", help='JSON lines of {"a", "b", "label": same|related|different}.')
        parser.add_argument("--mistakes", action="store_true", help="List the tuning part's mistakes too.")

    def handle(self, *args, **options):
        result = score_organization_pairs(options["labels"])
        for part in ("all", "tuning", "held_out"):
            figures = result[part]
            self.stdout.write(
                f"{part}: {figures['pairs']} pairs, {figures['duplicates']} duplicates; "
                f"precision {figures['precision']}, merged or suggested {figures['recall']}"
            )
        if options["mistakes"]:
            for mistake in result["tuning_mistakes"]:
                self.stdout.write(json.dumps(mistake, ensure_ascii=False))
