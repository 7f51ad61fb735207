"""Scoring of parsed statements against hand labels: the rules below decide what counts as a match,
and `evaluate_parser` and the dev-set test report figures by them.

Organizations match when their normalized forms are equal, one contains the other as whole words, or
their difflib similarity ratio is at least 0.9. Items are matched greedily one to one, and precision,
recall and F1 are micro-averaged over all lines: (author, organization) pairs, (author, category,
organization) triples, and the authors said to declare nothing.
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .text import words

Item = Mapping[str, Any]

# Company forms and articles that do not tell two organizations apart (the scorer's list).
SUFFIXES = words("inc ltd llc gmbh srl co corp corporation company plc ag sa nv bv as asa ab the limited incorporated")
PAIR = ("author", "organization")
TRIPLE = ("author", "category", "organization")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def norm_org(name: str | None) -> str:
    """ASCII, lower case, "&" as "and", without company forms: "Merck & Co., Inc." -> "merck and"."""
    if not name:
        return ""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = _NON_ALNUM.sub(" ", s.replace("&", " and "))
    return " ".join(w for w in s.split() if w not in SUFFIXES)


def org_match(a: str | None, b: str | None) -> bool:
    a, b = norm_org(a), norm_org(b)
    if not a or not b:
        return a == b
    if a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.9


def same_item(a: Item, b: Item, keys: Sequence[str]) -> bool:
    return all(
        org_match(a.get(k), b.get(k)) if k == "organization" else (a.get(k) or None) == (b.get(k) or None) for k in keys
    )


def unique(items: Iterable[Item], keys: Sequence[str]) -> list[Item]:
    """Items with repeats of the same key dropped (organizations compared in normal form), first kept."""
    seen, out = set(), []
    for it in items:
        key = tuple(norm_org(it.get(k)) if k == "organization" else (it.get(k) or "") for k in keys)
        if key not in seen:
            seen.add(key)
            out.append(it)
    return out


def greedy_match(gold: Sequence[Item], pred: Sequence[Item], keys: Sequence[str]) -> list[tuple[int, int]]:
    """(gold index, prediction index) pairs: each gold item takes the first unused prediction it matches."""
    used = [False] * len(pred)
    pairs = []
    for g, gold_item in enumerate(gold):
        for p, pred_item in enumerate(pred):
            if not used[p] and same_item(gold_item, pred_item, keys):
                used[p] = True
                pairs.append((g, p))
                break
    return pairs


@dataclass
class Counts:
    """Matched, predicted and gold totals of one kind, micro-averaged."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class LineErrors:
    """Where one line's predicted triples differ from its labels."""

    id: Any
    statement: str
    missed: list[Item]
    extra: list[Item]

    @property
    def count(self) -> int:
        return len(self.missed) + len(self.extra)


@dataclass
class Evaluation:
    lines: int = 0
    pairs: Counts = field(default_factory=Counts)
    triples: Counts = field(default_factory=Counts)
    none: Counts = field(default_factory=Counts)
    errors: list[LineErrors] = field(default_factory=list)

    def f1(self) -> dict[str, float]:
        return {"pairs": self.pairs.f1, "triples": self.triples.f1, "none": self.none.f1}

    def worst(self, count: int) -> list[LineErrors]:
        """The lines with the most missed and extra triples, most first (file order breaks ties)."""
        return sorted(self.errors, key=lambda e: -e.count)[:count]


def evaluate(gold_lines: Iterable[Mapping[str, Any]], pred_lines: Iterable[Mapping[str, Any]]) -> Evaluation:
    """Score predictions against labels; a label line without a prediction counts as an empty prediction."""
    preds = {p["id"]: p for p in pred_lines}
    result = Evaluation()
    for g in gold_lines:
        result.lines += 1
        p = preds.get(g["id"], {"items": [], "declares_none": []})
        for counts, keys in ((result.pairs, PAIR), (result.triples, TRIPLE)):
            gold_items, pred_items = unique(g.get("items") or [], keys), unique(p.get("items") or [], keys)
            matches = greedy_match(gold_items, pred_items, keys)
            counts.matched += len(matches)
            counts.predicted += len(pred_items)
            counts.gold += len(gold_items)
            if keys is TRIPLE and len(matches) != max(len(gold_items), len(pred_items)):
                hit_gold, hit_pred = {gi for gi, _ in matches}, {pi for _, pi in matches}
                result.errors.append(
                    LineErrors(
                        g["id"],
                        g.get("statement") or "",
                        [it for i, it in enumerate(gold_items) if i not in hit_gold],
                        [it for i, it in enumerate(pred_items) if i not in hit_pred],
                    )
                )
        gold_none, pred_none = set(g.get("declares_none") or []), set(p.get("declares_none") or [])
        result.none.matched += len(gold_none & pred_none)
        result.none.predicted += len(pred_none)
        result.none.gold += len(gold_none)
    return result


def fold_of(line_id: Any, folds: int, seed: int = 0) -> int:
    """The fold (0 .. folds-1) a labelled line belongs to: a hash of its id and the seed, so the split
    is the same on every run and machine and does not depend on the order or number of lines."""
    digest = hashlib.sha1(f"{seed}:{line_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") % folds


def split_folds(
    lines: Iterable[Mapping[str, Any]], folds: int, held_out: int, seed: int = 0
) -> tuple[list[Mapping[str, Any]], list[Mapping[str, Any]]]:
    """(visible, held-out) lines: the held-out part is fold `held_out` of `folds`."""
    if folds < 2:
        raise ValueError("folds must be at least 2")
    if not 0 <= held_out < folds:
        raise ValueError(f"fold must be between 0 and {folds - 1}")
    visible, kept = [], []
    for line in lines:
        (kept if fold_of(line["id"], folds, seed) == held_out else visible).append(line)
    return visible, kept
