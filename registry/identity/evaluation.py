"""Scoring person linking against hand-clustered name groups (labels/people-dev.jsonl): each line
has a `name_key` and `clusters` of DOIs, one cluster per real person. Pairwise precision, recall and
F1 over the authorships the labels name; every third group (by hash) is held out from tuning."""

import hashlib
import json
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

from registry.importers.articles.people import person_key
from registry.models import Authorship


def load_groups(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def is_held_out(name_key: str) -> bool:
    """Every third name group, chosen by a hash of its name: not looked at while tuning."""
    return int(hashlib.sha256(name_key.encode("utf-8")).hexdigest(), 16) % 3 == 0


@dataclass
class PairScores:
    groups: int
    items: int
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int
    missing: list[str]  # "name_key doi" with no such author in the registry
    errors: list[str]  # pairs linked wrongly or left apart
    error_pairs: list[tuple[int, int]]

    @property
    def precision(self) -> float:
        return self.correct_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.correct_pairs / self.true_pairs if self.true_pairs else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def as_dict(self) -> dict:
        return {
            "groups": self.groups,
            "authorships": self.items,
            "true_pairs": self.true_pairs,
            "predicted_pairs": self.predicted_pairs,
            "correct_pairs": self.correct_pairs,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "missing": len(self.missing),
        }


def score_groups(groups: list[dict]) -> PairScores:
    """Compare the registry's people with the labelled clusters, pair by pair.

    Items are (group, DOI) authorships; besides the labelled ones, any other authorship of the same
    name on an article of the registry counts as its own person, so a wrong merge costs precision.
    """
    items: list[tuple[str, str, int, int]] = []  # (name key, doi, cluster number or -1, person id)
    missing: list[str] = []
    for number, group in enumerate(groups):
        key = group["name_key"]
        found = _authorships_named(key)
        labelled = {doi.lower(): index for index, cluster in enumerate(group["clusters"]) for doi in cluster}
        for doi in labelled:
            if doi not in found:
                missing.append(f"{key} {doi}")
        for doi, person_id in found.items():
            cluster = labelled.get(doi)
            items.append((key, doi, number * 1000 + cluster if cluster is not None else -1, person_id))
    true_pairs = predicted = correct = 0
    errors, error_pairs = [], []
    for x, y in combinations(items, 2):
        same_label = x[2] >= 0 and x[2] == y[2]
        same_person = x[3] == y[3]
        true_pairs += same_label
        predicted += same_person
        correct += same_label and same_person
        if same_label != same_person:
            kind = "apart" if same_label else "wrongly linked"
            errors.append(f"{kind}: {x[0]} {x[1]} (#{x[3]}) / {y[0]} {y[1]} (#{y[3]})")
            error_pairs.append((x[3], y[3]))
    return PairScores(len(groups), len(items), true_pairs, predicted, correct, missing, errors, error_pairs)


def _authorships_named(name_key: str) -> dict[str, int]:
    """DOI -> person of the authorship printed under this name (normal form), on every article."""
    rows = Authorship.objects.order_by()
    found = {}
    for doi, printed, person_id in rows.values_list("article__doi", "name_as_printed", "person_id"):
        if person_key(printed) == name_key and doi:
            found[doi.lower()] = person_id
    return found
