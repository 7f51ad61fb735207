"""The parser scored on the labelled dev set with the agreed scorer's matching rules."""

from registry.parsing import predictions_line

from .scoring import load_labels, score


def test_dev_set_meets_the_bars():
    gold = load_labels()
    assert len(gold) >= 100
    figures = score(gold, [predictions_line(rec) for rec in gold])
    assert figures["pairs"] >= 0.90, figures
    assert figures["triples"] >= 0.80, figures
    assert figures["none"] >= 0.95, figures


def test_predictions_line_has_the_scorer_format():
    rec = load_labels()[0]
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
