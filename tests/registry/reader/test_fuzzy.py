"""The word-by-word score behind the search's typo tolerance (the same on SQLite and PostgreSQL)."""

import pytest

from registry.reader.fuzzy import scores_of, word_score


@pytest.mark.parametrize(
    ("query", "text", "score"),
    [
        (["ole", "andreassen"], "Ole A. Andreassen", 100.0),
        (["ole", "a", "andreassen"], "Ole A. Andreassen", 101.0),  # the whole name
        (["andreassen"], "Ole A. Andreassen", 100.0),
        (["andr"], "Ole A. Andreassen", 100.0),  # part of a word
    ],
)
def test_exact_words_score_100(query, text, score):
    assert word_score(query, text) == score


def test_one_typo_in_a_long_word_passes_and_ranks_below_exact():
    assert 80 <= word_score(["andreasen"], "Ole A. Andreassen") < 100


@pytest.mark.parametrize(("query", "text"), [(["acne"], "Acme Pharma"), (["ole", "x"], "Ole Andreassen"), ([], "Any")])
def test_short_words_and_missing_words_do_not_match(query, text):
    assert word_score(query, text) == 0.0


TEXTS = ["Ole A. Andreassen", "Acme Pharma", "Ole Andreasen", "Andrea Olsen", "", "Pfizer Norge AS"]


@pytest.mark.parametrize("query", [["andreasen"], ["ole", "andreassen"], ["pfzer"], ["acne"], ["ole", "x"], []])
def test_scores_of_many_texts_are_each_texts_word_score(query):
    expected = {position: score for position, text in enumerate(TEXTS) if (score := word_score(query, text))}

    assert scores_of(query, TEXTS) == expected
