"""The parser scored on the labelled dev set with the agreed scorer's rules (registry.parsing.evaluation)."""

from registry.parsing import predictions_line
from registry.parsing.evaluation import evaluate


def test_dev_set_meets_the_bars(dev_labels):
    assert len(dev_labels) == 127
    result = evaluate(dev_labels, [predictions_line(rec) for rec in dev_labels])
    figures = result.f1()
    assert figures["pairs"] >= 0.99, figures
    assert figures["triples"] >= 0.99, figures
    assert figures["none"] == 1.0, figures


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
