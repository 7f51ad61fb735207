"""manage.py evaluate_parser LABELS.jsonl: how well the statement parser reads hand-labelled statements.

Prints precision, recall and F1 of (author, organization) pairs, (author, category, organization)
triples and "declares nothing", matched by the rules in registry.parsing.evaluation, then the lines it gets most wrong.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from registry.parsing import predictions_line
from registry.parsing.evaluation import Counts, LineErrors, evaluate
from registry.parsing.jsonl import InputError, read_records

KINDS = (
    ("pairs", "(author, organization)"),
    ("triples", "(author, category, organization)"),
    ("none", "declares nothing"),
)


class Command(BaseCommand):
    help = (
        "Score the statement parser against a labels file (JSON lines: id, authors, statement, declares_none, "
        "items) and show its worst misses."
    )

    def add_arguments(self, parser):
        parser.add_argument("labels", type=Path, help="Labelled statements, one JSON object a line.")
        parser.add_argument("--worst", type=int, default=10, help="How many of the worst lines to show (10).")
        parser.add_argument(
            "--predictions", type=Path, help="Score this file of parsed lines instead of running the parser."
        )

    def handle(self, *args, labels: Path, worst: int, predictions: Path | None = None, **options):
        try:
            gold = list(read_records(labels, kind="labels"))
            if predictions is None:
                preds = [predictions_line(record) for record in gold]
            else:
                preds = list(read_records(predictions, kind="parsed"))
        except InputError as exc:
            raise CommandError(str(exc)) from exc
        if not gold:
            raise CommandError(f"{labels}: no labelled lines.")
        result = evaluate(gold, preds)
        self.stdout.write(f"{result.lines} labelled statements in {labels}")
        for kind, label in KINDS:
            self.stdout.write(_figures(kind, label, getattr(result, kind)))
        shown = result.worst(worst)
        if shown:
            self.stdout.write(f"\nWorst misses ({len(result.errors)} lines differ; (author, category, organization)):")
            for errors in shown:
                self.stdout.write(_errors(errors))


def _figures(kind: str, label: str, counts: Counts) -> str:
    return (
        f"{kind:8} precision {counts.precision:.3f}  recall {counts.recall:.3f}  F1 {counts.f1:.3f}"
        f"   {counts.matched} of {counts.predicted} predicted, {counts.gold} labelled  {label}"
    )


def _errors(errors: LineErrors) -> str:
    statement = " ".join(errors.statement.split())
    lines = [f"- {errors.id}: {len(errors.missed)} missed, {len(errors.extra)} extra — {statement[:160]}"]
    lines += [f"    missed {_triple(item)}" for item in errors.missed]
    lines += [f"    extra  {_triple(item)}" for item in errors.extra]
    return "\n".join(lines)


def _triple(item) -> str:
    return f"({item.get('author')}, {item.get('category')}, {item.get('organization')})"
