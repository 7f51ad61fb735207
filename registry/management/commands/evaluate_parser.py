"""manage.py evaluate_parser LABELS.jsonl [LABELS.jsonl ...]: how well the statement parser reads
hand-labelled statements.

Prints, for each labels file, precision, recall and F1 of (author, organization) pairs, (author, category,
organization) triples and "declares nothing", matched by the rules in registry.parsing.evaluation, then the
lines it gets most wrong. With --folds K the lines are split by a hash of their id into K folds; fold --fold
is held out: its figures are printed beside those of the rest, and its errors are never shown, so rules can be
written from the visible part while the held-out part measures how well they generalise.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from registry.parsing import predictions_line
from registry.parsing.evaluation import Counts, LineErrors, evaluate, split_folds
from registry.parsing.jsonl import InputError, read_records

KINDS = (
    ("pairs", "(author, organization)"),
    ("triples", "(author, category, organization)"),
    ("none", "declares nothing"),
)


class Command(BaseCommand):
    help = (
        "Score the statement parser against labels files (JSON lines: id, authors, statement, declares_none, "
        "items) and show its worst misses."
    )

    def add_arguments(self, parser):
        parser.add_argument("labels", type=Path, nargs="+", help="Labelled statements, one JSON object a line.")
        parser.add_argument("--worst", type=int, default=10, help="How many of the worst lines to show (10).")
        parser.add_argument(
            "--predictions", type=Path, help="Score this file of parsed lines instead of running the parser."
        )
        parser.add_argument("--folds", type=int, help="Split each file into this many folds (by a hash of the id).")
        parser.add_argument("--fold", type=int, default=0, help="The fold held out of sight (0).")
        parser.add_argument("--seed", type=int, default=0, help="Seed of the fold split (0).")

    def handle(self, *args, labels: list[Path], worst: int, predictions: Path | None = None, **options):
        folds, fold, seed = options.get("folds"), options.get("fold", 0), options.get("seed", 0)
        if folds is not None and (folds < 2 or not 0 <= fold < folds):
            raise CommandError("--folds must be at least 2 and --fold between 0 and folds - 1.")
        try:
            parsed = None if predictions is None else list(read_records(predictions, kind="parsed"))
        except InputError as exc:
            raise CommandError(str(exc)) from exc
        for number, path in enumerate(labels):
            if number:
                self.stdout.write("")
            self._one_file(path, parsed, worst, folds, fold, seed)

    def _one_file(self, labels: Path, parsed, worst: int, folds: int | None, fold: int, seed: int) -> None:
        try:
            gold = list(read_records(labels, kind="labels"))
        except InputError as exc:
            raise CommandError(str(exc)) from exc
        if not gold:
            raise CommandError(f"{labels}: no labelled lines.")
        preds = [predictions_line(record) for record in gold] if parsed is None else parsed
        if folds is None:
            self.stdout.write(f"{len(gold)} labelled statements in {labels}")
            result = evaluate(gold, preds)
        else:
            visible, held_out = split_folds(gold, folds, fold, seed)
            self.stdout.write(
                f"{len(gold)} labelled statements in {labels}; fold {fold} of {folds} held out (seed {seed}): "
                f"{len(visible)} visible, {len(held_out)} held out"
            )
            self.stdout.write("visible part:")
            result = evaluate(visible, preds)
            self._figures(result)
            self.stdout.write(f"held-out fold {fold}:")
            self._figures(evaluate(held_out, preds))
            self._worst(result, worst, " on the visible part")
            return
        self._figures(result)
        self._worst(result, worst, "")

    def _figures(self, result) -> None:
        for kind, label in KINDS:
            self.stdout.write(_figures(kind, label, getattr(result, kind)))

    def _worst(self, result, worst: int, where: str) -> None:
        shown = result.worst(worst)
        if shown:
            self.stdout.write(
                f"\nWorst misses{where} ({len(result.errors)} lines differ; (author, category, organization)):"
            )
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
