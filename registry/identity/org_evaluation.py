"""How well duplicate organizations are found, measured against labelled pairs of names.

A labels file has one JSON object a line: {"a": name, "b": name, "label": "same" | "related" |
"different"}. A pair counts as found when resolution already makes the two names one record (the
same normal form, or names and aliases of one entry of the maintained list) or when the suggestion
scorer proposes merging them. Only "same" pairs are duplicates: a "related" pair suggested is a
false suggestion. Pairs whose hash falls in the held-out part are scored apart, so that tuning on
the rest can be checked on names never looked at.
"""

import hashlib
import json
from collections import Counter
from pathlib import Path

from registry.identity.org_similarity import compare_names
from registry.names import normalize_organization_name

HELD_OUT_BUCKETS = 4  # one pair in four (by hash) is held out


def is_held_out(a: str, b: str) -> bool:
    key = "\x1f".join(sorted([a, b]))
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % HELD_OUT_BUCKETS == 0


def read_labels(path: str | Path) -> list[dict]:
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def list_keys() -> dict[str, str]:
    """Normal form -> list entry key, for every name and alias of the maintained list."""
    from registry.identity.organization_list import DEFAULT_LIST, read_list

    keys: dict[str, str] = {}
    if DEFAULT_LIST.exists():
        for row in read_list(DEFAULT_LIST):
            for name in [row.name, *row.aliases]:
                keys.setdefault(normalize_organization_name(name), row.key)
    return keys


def outcome(a: str, b: str, known: dict[str, str]) -> tuple[str, str]:
    """("merged" | "suggested" | "apart", reason) for one pair of names."""
    ka, kb = normalize_organization_name(a), normalize_organization_name(b)
    if ka == kb:
        return "merged", "the same normal form"
    if known.get(ka) and known.get(ka) == known.get(kb):
        return "merged", f"names of one listed organization ({known[ka]})"
    verdict = compare_names(a, b)
    return ("suggested" if verdict.duplicate else "apart"), verdict.reason


def _figures(rows: list[dict]) -> dict:
    counts = Counter()
    for row in rows:
        found = row["outcome"] != "apart"
        counts[("found" if found else "missed", row["label"] == "same")] += 1
    true_found, false_found = counts[("found", True)], counts[("found", False)]
    duplicates = true_found + counts[("missed", True)]
    return {
        "pairs": len(rows),
        "duplicates": duplicates,
        "found": true_found + false_found,
        "true_found": true_found,
        "precision": round(true_found / (true_found + false_found), 3) if true_found + false_found else None,
        "recall": round(true_found / duplicates, 3) if duplicates else None,
    }


def score_organization_pairs(labels_path: str | Path) -> dict:
    """Precision and share of true duplicates merged or suggested, overall, on the tuning part and
    on the held-out part; with each mistake for reading."""
    known = list_keys()
    rows = []
    for label in read_labels(labels_path):
        result, reason = outcome(label["a"], label["b"], known)
        rows.append({**label, "outcome": result, "reason": reason, "held_out": is_held_out(label["a"], label["b"])})
    mistakes = [
        {key: row[key] for key in ("a", "b", "label", "outcome", "reason")}
        for row in rows
        if (row["outcome"] != "apart") != (row["label"] == "same") and not row["held_out"]
    ]
    return {
        "all": _figures(rows),
        "tuning": _figures([row for row in rows if not row["held_out"]]),
        "held_out": _figures([row for row in rows if row["held_out"]]),
        "tuning_mistakes": mistakes,
    }
