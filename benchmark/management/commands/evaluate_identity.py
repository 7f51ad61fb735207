"""manage.py evaluate_identity: import the corpus into a scratch database, link people, and score the
links against hand-clustered name groups (pairwise precision, recall, F1; dev and held-out)."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from benchmark.scratch import scratch_database
from registry.identity.evaluation import is_held_out, load_groups, score_groups
from registry.identity.linking import link_people
from registry.identity.org_evaluation import score_organization_pairs
from registry.identity.profiles import load_profiles
from registry.identity.scoring import assess
from registry.importers import import_jats_paths

# The shared data folder beside the checkout (or beside the folder of worktrees).
SHARED = next(
    (p / "shared" for p in Path(settings.BASE_DIR).parents[:2] if (p / "shared").is_dir()),
    Path(settings.BASE_DIR).parent / "shared",
)


class Command(BaseCommand):
    help = "Score person linking and organization duplicate suggestions against hand labels (dev and held-out)."

    def add_arguments(self, parser):
        parser.add_argument("--people", type=Path, default=SHARED / "labels" / "people-dev.jsonl")
        parser.add_argument(
            "--jats",
            type=Path,
            nargs="+",
            default=[SHARED / "corpus" / "jats" / name for name in ("elife", "plos", "pmc")],
            help="Folders (or files) of JATS XML to import: the articles the labels refer to, and more.",
        )
        parser.add_argument(
            "--organizations",
            type=Path,
            default=SHARED / "labels" / "organization-pairs-dev.jsonl",
            help='Organization name pairs ({"a", "b", "label": same|related|different} a line) to score the '
            "duplicate suggestions against.",
        )
        parser.add_argument(
            "--only", choices=["people", "organizations"], help="Score one half only (both by default)."
        )
        parser.add_argument("--show-errors", action="store_true", help="List wrong pairs of the dev part only.")
        parser.add_argument("--json", type=Path, help="Also write the figures to this file.")

    def handle(self, *args, people: Path, jats: list[Path], organizations: Path, show_errors, only, **options):
        result = {}
        if only != "organizations":
            result["people"] = self.people_scores(people, jats, show_errors)
        if only != "people":
            result["organizations"] = self.organization_scores(organizations, show_errors)
        if options["json"]:
            options["json"].write_text(json.dumps(result, indent=2), encoding="utf-8")

    def people_scores(self, people: Path, jats: list[Path], show_errors: bool) -> dict:
        if not people.exists():
            raise CommandError(f"{people}: no such file")
        paths = sorted(p for folder in jats for p in (folder.glob("*.xml") if folder.is_dir() else [folder]))
        groups = load_groups(people)
        parts = {
            "dev": [g for g in groups if not is_held_out(g["name_key"])],
            "held-out": [g for g in groups if is_held_out(g["name_key"])],
            "all": groups,
        }
        result = {}
        with scratch_database():
            import_jats_paths(paths)
            report = link_people(actor=None, reason="Linked by evaluate_identity")
            self.stdout.write(
                f"Imported {len(paths)} files; whole-registry run: {report.count('linked')} linked, "
                f"{report.count('queued')} queued"
            )
            for part, chosen in parts.items():
                scores = score_groups(chosen)
                result[part] = scores.as_dict()
                self.stdout.write(
                    f"people {part:9} groups {scores.groups:3} pairs {scores.true_pairs:4}  "
                    f"precision {scores.precision:.3f}  recall {scores.recall:.3f}  F1 {scores.f1:.3f}"
                    + (f"  ({len(scores.missing)} labelled authorships not found)" if scores.missing else "")
                )
                if show_errors and part == "dev":
                    self.explain(scores)
        return result

    def explain(self, scores) -> None:
        """Each wrong pair of the dev part with the evidence weighed for it."""
        profiles, facts = load_profiles({pk for pair in scores.error_pairs for pk in pair})
        for line, (a, b) in zip(scores.errors, scores.error_pairs, strict=True):
            self.stdout.write(f"  {line}")
            if a != b:
                self.stdout.write(f"    {assess(profiles[a], profiles[b], facts=facts).explain()}")
        for line in scores.missing:
            self.stdout.write(f"  not found: {line}")

    def organization_scores(self, path: Path, show_errors: bool) -> dict:
        """Duplicate suggestions against labelled pairs: precision, and the share of true duplicates
        already one record or suggested; "related" pairs count as not duplicates."""
        if not path.exists():
            raise CommandError(f"{path}: no such file")
        result = score_organization_pairs(path)
        for part in ("tuning", "held_out", "all"):
            figures = result[part]
            self.stdout.write(
                f"organizations {part:9} pairs {figures['pairs']:4} duplicates {figures['duplicates']:3}  "
                f"precision {figures['precision']}  merged or suggested {figures['recall']}"
            )
        if show_errors:
            for mistake in result["tuning_mistakes"]:
                self.stdout.write(f"  {json.dumps(mistake, ensure_ascii=False)}")
        return result
