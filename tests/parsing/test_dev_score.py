"""The parser scored on the labelled dev set with the agreed scorer's rules (registry.parsing.evaluation)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from registry.parsing import predictions_line
from registry.parsing.evaluation import evaluate

from .conftest import DEV_LABELS

SHARED_SCORER = Path(__file__).resolve().parents[3] / "shared" / "tools" / "score_statements.py"


def test_dev_set_meets_the_bars(dev_labels):
    assert len(dev_labels) == 127
    result = evaluate(dev_labels, [predictions_line(rec) for rec in dev_labels])
    figures = result.f1()
    assert figures["pairs"] >= 0.99, figures
    assert figures["triples"] >= 0.99, figures
    assert figures["none"] == 1.0, figures


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason="the shared scorer is not beside this checkout")
def test_the_figures_are_those_of_the_shared_scorer(dev_labels, tmp_path):
    predictions = [predictions_line(rec) for rec in dev_labels]
    path = tmp_path / "predictions.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in predictions), encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(SHARED_SCORER), str(DEV_LABELS), str(path)], capture_output=True, text=True, check=True
    ).stdout
    result = evaluate(dev_labels, predictions)
    for kind in ("pairs", "none", "triples"):
        counts = getattr(result, kind)
        line = f"{kind:8s} precision {counts.precision:.3f}  recall {counts.recall:.3f}  F1 {counts.f1:.3f}"
        assert line in out.splitlines()


def test_predictions_line_has_the_scorer_format(dev_labels):
    rec = dev_labels[0]
    out = predictions_line(rec)
    assert out["id"] == rec["id"]
    assert out["authors"] == rec["authors"] and out["statement"] == rec["statement"]
    assert set(out) >= {"id", "declares_none", "items"}
    for item in out["items"]:
        assert set(item) == {"author", "category", "organization", "payee"}


def test_predictions_line_without_optional_keys():
    out = predictions_line({"id": "x", "statement": "The authors declare no competing interests.", "authors": ["A B"]})
    assert out == {
        "id": "x",
        "authors": ["A B"],
        "statement": "The authors declare no competing interests.",
        "declares_none": ["A B"],
        "items": [],
    }
