"""A small copy of the agreed scorer's matching rules (shared/tools/score_statements.py) for tests."""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from pathlib import Path

LABELS = Path(__file__).resolve().parent.parent / "data" / "labels" / "statements-dev.jsonl"
SUFFIXES = {
    "inc",
    "ltd",
    "llc",
    "gmbh",
    "srl",
    "co",
    "corp",
    "corporation",
    "company",
    "plc",
    "ag",
    "sa",
    "nv",
    "bv",
    "as",
    "asa",
    "ab",
    "the",
    "limited",
    "incorporated",
}


def load_labels() -> list[dict]:
    with LABELS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def norm_org(name: str | None) -> str:
    if not name:
        return ""
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    s = re.sub(r"[^a-z0-9]+", " ", s.replace("&", " and "))
    return " ".join(w for w in s.split() if w not in SUFFIXES)


def org_match(a: str | None, b: str | None) -> bool:
    a, b = norm_org(a), norm_org(b)
    if not a or not b:
        return a == b
    if a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} ":
        return True
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.9


def _uniq(items: list[dict], keys: tuple[str, ...]) -> list[dict]:
    seen, out = set(), []
    for it in items:
        k = tuple(norm_org(it.get(x)) if x == "organization" else (it.get(x) or "") for x in keys)
        if k not in seen:
            seen.add(k)
            out.append(it)
    return out


def _matches(gold: list[dict], pred: list[dict], keys: tuple[str, ...]) -> int:
    used = [False] * len(pred)
    hits = 0
    for g in gold:
        for i, p in enumerate(pred):
            same = all(
                org_match(g.get(k), p.get(k)) if k == "organization" else (g.get(k) or None) == (p.get(k) or None)
                for k in keys
            )
            if not used[i] and same:
                used[i] = True
                hits += 1
                break
    return hits


def f1(tp: int, n_pred: int, n_gold: int) -> float:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return 2 * p * r / (p + r) if p + r else 0.0


def score(gold_lines: list[dict], pred_lines: list[dict]) -> dict[str, float]:
    """Micro-averaged F1 of pairs, triples and none, as the agreed scorer computes them."""
    preds = {p["id"]: p for p in pred_lines}
    tot = {k: [0, 0, 0] for k in ("pairs", "triples", "none")}
    for g in gold_lines:
        p = preds.get(g["id"], {"items": [], "declares_none": []})
        for kind, keys in (
            ("pairs", ("author", "organization")),
            ("triples", ("author", "category", "organization")),
        ):
            gi, pi = _uniq(g["items"], keys), _uniq(p.get("items") or [], keys)
            tot[kind][0] += _matches(gi, pi, keys)
            tot[kind][1] += len(pi)
            tot[kind][2] += len(gi)
        gn, pn = set(g.get("declares_none") or []), set(p.get("declares_none") or [])
        tot["none"][0] += len(gn & pn)
        tot["none"][1] += len(pn)
        tot["none"][2] += len(gn)
    return {k: f1(*v) for k, v in tot.items()}
