"""The scoring rules of registry.parsing.evaluation, one by one (they are the shared scorer's)."""

import pytest

from registry.parsing.evaluation import PAIR, TRIPLE, evaluate, greedy_match, norm_org, org_match, unique


@pytest.mark.parametrize(
    ("name", "normal"),
    [
        ("Merck & Co., Inc.", "merck and"),
        ("Société Générale", "societe generale"),
        ("The Wellcome Trust", "wellcome trust"),
        ("Precision-Health.ai", "precision health ai"),
        ("Ørsted A/S", "rsted a s"),  # Ø has no ASCII decomposition: the scorer drops it
        (None, ""),
        ("The Company", ""),
    ],
)
def test_normal_form(name, normal):
    assert norm_org(name) == normal


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Pfizer", "Pfizer Inc.", True),  # equal once company forms go
        ("Merck", "Merck Sharp & Dohme", True),  # one inside the other, as whole words
        ("Lilly", "Lillyan Pharma", False),  # inside, but not as a whole word
        ("GlaxoSmithKline", "GlaxoSmithKlin", True),  # similarity 0.966
        ("Ledidi", "Lididi", False),  # similarity 0.833
        (None, None, True),
        (None, "Pfizer", False),
        ("", None, True),
    ],
)
def test_organizations_match(a, b, same):
    assert org_match(a, b) is same
    assert org_match(b, a) is same


def test_repeats_count_once():
    items = [
        {"author": "A", "category": "grants", "organization": "Pfizer"},
        {"author": "A", "category": "grants", "organization": "Pfizer Inc."},
        {"author": "A", "category": "consulting", "organization": "Pfizer"},
    ]
    assert unique(items, TRIPLE) == [items[0], items[2]]
    assert unique(items, PAIR) == [items[0]]


def test_matching_is_greedy_and_one_to_one():
    gold = [{"author": "A", "organization": "Merck"}, {"author": "A", "organization": "Merck Sharp & Dohme"}]
    pred = [{"author": "A", "organization": "Merck Sharp & Dohme"}]
    # The first gold item takes the only prediction ("Merck" is inside it), so the second finds none.
    assert greedy_match(gold, pred, PAIR) == [(0, 0)]


def test_an_empty_author_matches_null():
    assert greedy_match([{"author": None, "organization": "X"}], [{"author": "", "organization": "X"}], PAIR) == [
        (0, 0)
    ]


def test_figures_are_micro_averaged_over_lines():
    gold = [
        {"id": 1, "items": [{"author": "A", "category": "grants", "organization": "X"}], "declares_none": []},
        {
            "id": 2,
            "items": [{"author": "B", "category": "grants", "organization": f"Org {n}"} for n in range(3)],
            "declares_none": ["C"],
        },
    ]
    pred = [
        {"id": 1, "items": [], "declares_none": []},
        {
            "id": 2,
            "items": [{"author": "B", "category": "grants", "organization": f"Org {n}"} for n in range(3)],
            "declares_none": ["C", "D"],
        },
    ]
    result = evaluate(gold, pred)
    # Per line the triple F1 would average to 0.5; over all items it is 3 of 3 predicted, 3 of 4 labelled.
    assert (result.triples.matched, result.triples.predicted, result.triples.gold) == (3, 3, 4)
    assert (result.triples.precision, result.triples.recall) == (1.0, 0.75)
    assert result.triples.f1 == pytest.approx(6 / 7)
    assert (result.none.matched, result.none.predicted, result.none.gold) == (1, 2, 1)
    assert result.none.f1 == pytest.approx(2 / 3)


def test_a_line_without_prediction_counts_as_predicting_nothing():
    gold = [{"id": "a", "statement": "s", "items": [{"author": "A", "category": "grants", "organization": "X"}]}]
    result = evaluate(gold, [])
    assert (result.pairs.matched, result.pairs.predicted, result.pairs.gold) == (0, 0, 1)
    assert (result.pairs.precision, result.pairs.recall, result.pairs.f1) == (1.0, 0.0, 0.0)


def test_nothing_labelled_and_nothing_predicted_is_perfect():
    result = evaluate([{"id": 1, "items": [], "declares_none": []}], [{"id": 1, "items": [], "declares_none": []}])
    assert result.f1() == {"pairs": 1.0, "triples": 1.0, "none": 1.0}
    assert result.errors == []


def test_the_worst_lines_come_first_with_their_missed_and_extra_triples():
    def item(org, category="grants"):
        return {"author": "A", "category": category, "organization": org}

    gold = [
        {"id": "one", "statement": "one", "items": [item("X")]},
        {"id": "two", "statement": "two", "items": [item("X"), item("Y")]},
    ]
    pred = [
        {"id": "one", "items": [item("X", "consulting")]},
        {"id": "two", "items": [item("X"), item("Z"), item("W")]},
    ]
    worst = evaluate(gold, pred).worst(1)
    assert [(e.id, e.missed, e.extra, e.count) for e in worst] == [("two", [item("Y")], [item("Z"), item("W")], 3)]
