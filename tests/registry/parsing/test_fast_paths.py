"""The parser's shortcuts read exactly what the plain forms they replace read (they exist for speed)."""

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from registry.parsing import authors, categories, clauses, nothing, orgnames, outcome, payees, spelling, text
from registry.parsing.firstchars import PrefixDispatch, leading_strings, with_first_letters
from registry.parsing.result import ParsedItem

# The plain forms, as they were before the shortcuts.
# (Soft and typographic hyphens join a word's parts, and "A/S" is one company form, as in the tokenizer.)
TOKEN_RE = re.compile(r"\b[A-Z]/S\b|\w(?:[\w'\u2019\-\u00ad\u2010\u2011.&]*\w)?\.?|[^\w\s]")
FOOTNOTE_SEP_RE = re.compile(r"\s*\|\|\s*")

PIECES = st.sampled_from(
    [
        "Inc.",
        "U.S.",
        "J-PML",
        "eLife's",
        "Merck & Co.",
        "a--b",
        "x.y.",
        "||",
        " || ",
        "|",
        "\n",
        "\t",
        "\u2003",
        "\x1c",
        "\x1f",
        "(",
        " .W",
        ")",
        ":",
        ";",
        "A/S",
        "\u00a0",
        "\u2019",
        "'",
        "no",
        "Novartis",
        "not",
        "none",
        "nothing",
        "innovation",
        "No.",
        "İ",
        "ß",
        "\u0301",
        "_no",
        "competing",
        "interests",
        "consultant",
        "Employee",
        "CEO",
        "vice president",
        "research support",
        "co-founder",
        " ",
        ",",
        ".",
    ]
)
TEXTS = st.lists(PIECES, max_size=30).map("".join) | st.text(max_size=60)


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.integers(0, 70), st.integers(0, 70))
def test_tokens_are_those_of_the_plain_regex(sample, a, b):
    a, b = min(a, len(sample)), min(max(a, b), len(sample))
    plain = [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(sample, a, b)]
    assert [(t.start, t.end, t.text) for t in text.tokenize(sample, a, b)] == plain


BOUNDARY_RE = re.compile(r"[.!?:](?=\s)|(?<=\s)\.(?=[A-Z])")


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.integers(0, 70), st.integers(0, 70))
@example(" .W.M.L is", 1, 10)
@example("a. .Dr. Nair", 0, 12)
def test_sentence_boundaries_are_those_of_the_plain_regex(sample, a, b):
    a, b = min(a, len(sample)), min(max(a, b), len(sample))
    assert [m.span() for m in text.BOUNDARY_RE.finditer(sample, a, b)] == [
        m.span() for m in BOUNDARY_RE.finditer(sample, a, b)
    ]


# Where a sentence whose full stop was lost may start, as one regex found it.
LOST_STOP_RE = re.compile(rf"\w\.?\s+([A-Z]{{2,4}})(?=\s*,|\s+(?:and|{'|'.join(sorted(clauses.OPENING_VERBS))})\b)")
LOST_STOP_PIECES = st.sampled_from(
    [
        "AB",
        "CD",
        "ABCDE",
        "J",
        "x",
        "Inc.",
        ".",
        "..",
        ",",
        " ",
        "  ",
        "\n",
        "\u00a0",
        "are",
        "and",
        "has",
        "_",
        "é",
        "1",
    ]
)


@settings(max_examples=500, deadline=None)
@given(st.lists(LOST_STOP_PIECES, max_size=16).map("".join), st.integers(0, 60))
@example("x. AB, CD are", 13)
@example("x ABCD, y", 9)
@example("Inc.  AB and\u00a0CD have", 30)
@example("_ AB, x\nCD, J. EF were", 30)
def test_lost_stops_are_where_the_plain_regex_finds_them(sample, b):
    b = min(b, len(sample))
    for a in range(b + 1):  # every start: what stands before the span must not count
        plain = [m.start(1) for m in LOST_STOP_RE.finditer(sample, a, b)]
        found = clauses.LOST_STOP_RE.finditer(sample, a, b)
        assert [m.start() for m in found if clauses._after_word(sample, m.start(), a)] == plain


@settings(max_examples=400, deadline=None)
@given(TEXTS.filter(lambda s: "\n" not in s))
def test_footnotes_are_those_of_the_plain_regex(sample):
    spans, pos = [], 0
    for m in FOOTNOTE_SEP_RE.finditer(sample):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(sample)))
    assert text.footnotes(sample) == [(a, b) for a, b in spans if sample[a:b].strip()]


def test_blank_lines_also_separate_footnotes():
    sample = "A: one.\n\nB: two\r\n \r\nC: three || D: four\nstill four"
    assert [sample[a:b] for a, b in text.footnotes(sample)] == [
        "A: one.",
        "B: two",
        "C: three",
        "D: four\nstill four",
    ]


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_the_none_word_check_never_hides_a_none_phrase(sample):
    # The check only skips sentences where NONE_RE cannot match.
    if nothing.NONE_RE.search(sample):
        assert nothing._has_none_word(sample.lower())


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.integers(0, 70))
def test_the_none_phrase_search_finds_what_the_plain_regex_finds(sample, a):
    a = min(a, len(sample))
    found = nothing.NONE_SEARCH_RE.search(sample, a)
    assert (found and found.span()) == ((m := nothing.NONE_RE.search(sample, a)) and m.span())


def test_the_none_phrase_search_on_the_labelled_statements(dev_labels):
    for record in dev_labels:
        statement = record["statement"]
        for a in range(0, len(statement), 7):
            found, plain = nothing.NONE_SEARCH_RE.search(statement, a), nothing.NONE_RE.search(statement, a)
            assert (found and found.span()) == (plain and plain.span())


def test_a_first_letters_look_ahead_only_where_the_letters_are_known():
    for pattern in (re.compile(r"\w+no", re.I), re.compile(r"(?:no)?", re.I), re.compile(r"[^x]")):
        assert with_first_letters(pattern) is pattern  # a class such as \w at the start, an empty match
    ahead = with_first_letters(re.compile(r"\bno\b|(?<=x)none|n['\u2019]t|kein|(?-i:K)lein", re.I))
    assert ahead.pattern.startswith("(?=(?i:[kn]))")
    # the class ignores case as the literals do: the Kelvin sign is a "k", the dotted capital I an "i"
    assert ahead.search("\u212aein Konflikt").start() == 0
    assert with_first_letters(re.compile(r"inga", re.I)).search("\u0130NGA") is not None
    # a pattern that heeds case: its first characters as written, or in part ignoring case, a class that does
    heeds = with_first_letters(re.compile(r"\bJournal\s+of|(?<=the )Institute|[a-c]+\d"))
    assert heeds.pattern.startswith("(?=[IJabc])")
    assert [m.start() for m in heeds.finditer("journal of, Journal of the Institute, institute ab1")] == [12, 27, 48]
    in_part = with_first_letters(re.compile(r"\bJournal|(?i:institute)"))
    assert in_part.pattern.startswith("(?=(?i:[ij]))")
    assert [m.start() for m in in_part.finditer("journal, Journal, INSTITUTE")] == [9, 18]


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_the_searches_behind_first_letters_find_what_the_plain_regexes_find(sample):
    for plain, fast in (
        (categories.BOILERPLATE_RE, categories.BOILERPLATE_SEARCH_RE),
        (categories.MS_CONTEXT_RE, categories.MS_CONTEXT_SEARCH_RE),
        (categories.BODY_OF_RE, categories.BODY_OF_SEARCH_RE),
        (payees.THROUGH_RE, payees.THROUGH_SEARCH_RE),
    ):
        assert [m.span() for m in fast.finditer(sample)] == [m.span() for m in plain.finditer(sample)]


def test_the_searches_behind_first_letters_on_the_labelled_statements(dev_labels):
    for record in dev_labels:
        statement = record["statement"]
        for plain, fast in (
            (categories.BOILERPLATE_RE, categories.BOILERPLATE_SEARCH_RE),
            (categories.MS_CONTEXT_RE, categories.MS_CONTEXT_SEARCH_RE),
            (categories.BODY_OF_RE, categories.BODY_OF_SEARCH_RE),
            (payees.THROUGH_RE, payees.THROUGH_SEARCH_RE),
        ):
            for a in range(0, len(statement), 11):
                found, expected = fast.search(statement, a), plain.search(statement, a)
                assert (found and found.span()) == (expected and expected.span())


NONE_WORD_RE = re.compile(r"(?<!\w)no(?:|t|thing|ne)(?!\w)")


@settings(max_examples=400, deadline=None)
@given(TEXTS)
@example("no_no ano nothing")
def test_the_none_word_is_found_where_the_plain_regex_finds_it(sample):
    low = sample.lower()
    assert [m.span() for m in nothing.NONE_WORD_RE.finditer(low)] == [m.span() for m in NONE_WORD_RE.finditer(low)]


def test_the_trigger_dispatch_matches_what_the_whole_grammar_matches(dev_labels):
    checked = 0
    for record in dev_labels:
        statement = record["statement"]
        for tok in text.tokenize(statement):
            whole = categories.TRIGGER_RE.match(statement, tok.start)
            for pattern in (
                categories.TRIGGER_DISPATCH.pattern_for(tok.low),
                categories.TRIGGER_DISPATCH.pattern_for_word(tok.low),
            ):
                split = pattern.match(statement, tok.start) if pattern else None
                assert (whole and (whole.span(), whole.lastgroup)) == (split and (split.span(), split.lastgroup))
            checked += 1
    assert checked > 5000


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(categories._FIRST_WORDS.split()), st.sampled_from(["", " ", " of ", "s ", " fees from X"]))
def test_the_trigger_dispatch_on_every_first_word(word, tail):
    for written in (word, word.upper(), word.capitalize()):
        sample = f"He is {written}{tail}"
        whole = categories.TRIGGER_RE.match(sample, 6)
        dispatch = categories.TRIGGER_DISPATCH
        for pattern in (dispatch.pattern_for(written.lower()), dispatch.pattern_for_word(written.lower())):
            split = pattern.match(sample, 6) if pattern else None
            assert (whole and (whole.span(), whole.lastgroup)) == (split and (split.span(), split.lastgroup))


# Words that share their first letters with relation phrases without being one ("competing", "chiefly",
# "patently"), and the phrases themselves, in any case, with what may follow them.
WORD_STARTS = st.sampled_from([*categories._FIRST_WORDS.split(), "compet", "interest", "receiv", "chief", "co-"])
WORD_ENDS = st.text(alphabet="aeilnorstyd-.'", max_size=6)
WORD_TAILS = st.sampled_from(["", " ", " of ", "s ", " fees from X", ",", " (", "\n", " advisory board of Y"])


@settings(max_examples=500, deadline=None)
@given(WORD_STARTS, WORD_ENDS, WORD_TAILS, st.sampled_from([str.lower, str.upper, str.capitalize]))
def test_a_word_tries_the_phrases_the_whole_grammar_would_find_there(start, end, tail, case):
    sample = f"He is {case(start + end)}{tail}"
    toks = text.tokenize(sample)
    tok = next(t for t in toks if t.start == 6)
    whole = categories.TRIGGER_RE.match(sample, 6)
    pattern = categories.TRIGGER_DISPATCH.pattern_for_word(tok.low)
    split = pattern.match(sample, 6) if pattern else None
    assert (whole and (whole.span(), whole.lastgroup)) == (split and (split.span(), split.lastgroup))


def test_a_word_no_phrase_starts_with_tries_none():
    dispatch = categories.TRIGGER_DISPATCH
    for word in ("competing", "interest", "received", "chiefly"):  # they share only the first letters
        assert dispatch.pattern_for(word) is not None
        assert dispatch.pattern_for_word(word) is None
    assert dispatch.pattern_for_word("consultant").match("consultant fees").lastgroup is not None


def test_leading_strings():
    assert leading_strings(r"\b(?:co-?founders?|founded)\b", re.I) == {"co", "fo"}
    assert leading_strings(r"(?:(?<=\bis\s)|(?<=\bare\s))related\s+to", re.I) == {"re"}
    assert leading_strings(r"(?-i:CEO|VP)", re.I) == {"ce", "vp"}
    assert leading_strings(r"a|b", 0) == {"a", "b"}  # matches shorter than two characters
    assert leading_strings(r"\w+ly", re.I) is None  # any letter may start it
    assert leading_strings(r"patent\s+fees", re.I, 8) is None  # white space, unless a character stands for it
    assert leading_strings(r"patent\s+fees|owns", re.I, 8, space=" ") == {"patent f", "patent  ", "owns"}


def test_a_dispatch_keeps_alternatives_it_cannot_read_everywhere():
    dispatch = PrefixDispatch([r"(?P<a>apple)", r"(?P<w>\w+ing)", r"(?P<x>x)"])
    assert dispatch.pattern_for("apples").match("apples").lastgroup == "a"
    assert dispatch.pattern_for("going").match("going").lastgroup == "w"
    assert dispatch.pattern_for("xylophone").match("xylophone").lastgroup == "x"  # shorter than the key
    assert dispatch.pattern_for("z").match("zing").lastgroup == "w"  # a key shorter than two letters


NAME_PARTS = st.sampled_from(
    [
        "Jeff",
        "Sébastien",
        "Iñaki",
        "Müßig",
        "Ł",
        "A.",
        "Dé",
        "Lé",
        "Ole",
        "Mc",
        "F",
        "Miller",
        "The",
        "the",
        "MacDonald",
        "Van",
        "de",
        "O'Neil",
        "GW",
        "Jean-Paul",
        "X.",
        "Ørjan",
        "Ann",
        "Jr",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(NAME_PARTS, min_size=1, max_size=10).map(" ".join))
def test_a_plain_name_spells_its_initials_as_the_general_rules_do(name):
    index = authors.AuthorIndex((name,))
    tokens = index._name_tokens(0)
    assert tokens == authors._name_tokens(name, index.collab[0])
    for short in (False, True):
        part = tokens if not short else ([tokens[0], tokens[-1]] if len(tokens) > 2 else [])
        if short and len(tokens) == 2 and 2 <= len(tokens[0]) <= 3 and tokens[0].isupper() and tokens[0].isalpha():
            part = [tokens[0][0], tokens[-1]]  # "GV" for "GW Venter" too
        keys = spelling.name_variants(part) if part else set()
        keys |= {spelling.fold(key).upper() for key in keys}
        assert index._spelling(0, short) == keys


@pytest.mark.parametrize(
    ("pattern", "first"),
    [(text.HEADER_RE, text.HEADER_FIRST), (nothing.STOCK_NONE_RE, nothing.STOCK_FIRST)],
)
def test_a_footnote_is_only_tried_where_its_pattern_can_start(pattern, first):
    after_spaces = pattern.pattern.removeprefix(r"\s*")
    assert leading_strings(after_spaces, re.IGNORECASE, 1) <= {c.lower() for c in first}
    # IGNORECASE also lets these stand for "i"; they must be let through too.
    assert not {"i"} & leading_strings(after_spaces, re.IGNORECASE, 1) or {"\u0130", "\u0131"} <= first


ORG_NAMES = st.sampled_from(
    [
        "Pfizer",
        "Pfizer Inc.",
        "Pfizer, Inc",
        "Merck & Co.",
        "Merck and Co",
        "Merck Sharp & Dohme",
        "Novartis",
        "Novartis Pharma AG",
        "The",
        "Inc.",
        "GSK",
        "GlaxoSmithKline",
        "Glaxo Smith Kline",
        "Hoffmann-La Roche",
        "F. Hoffmann-La Roche Ltd",
        "Sanofi-Aventis",
        "Sanofi Aventis",
        "AB",
        "Ab",
    ]
)


def _plain_variants(names):
    normed = [outcome.norm(name) for name in names]
    pairs = []
    for i in range(len(names)):
        for j in range(i + 1, len(names)):
            na, nb = normed[i], normed[j]
            short, long = sorted((len(na), len(nb)))
            if na == nb or (short >= 4 and 3 * short >= 2 * long and fuzz.ratio(na, nb) >= 80):
                pairs.append((names[i], names[j]))
    return pairs


@settings(max_examples=200, deadline=None)
@given(st.lists(ORG_NAMES | st.text(min_size=1, max_size=20), min_size=2, max_size=45, unique=True))
def test_variant_pairs_of_a_long_list_are_those_of_the_pairwise_loop(names):
    """From MATRIX_FROM names on the pairs are scored in one matrix; they and their order stay the same."""
    items = [ParsedItem(None, "grants", name, "self", "grants", (0, 1)) for name in names]
    normed = [outcome.norm(name) for name in names]
    assert outcome._variant_matrix(names, normed, [len(n) for n in normed]) == _plain_variants(names)
    assert outcome._variants(items) == _plain_variants(names)


@pytest.mark.parametrize("word", [*sorted(orgnames.COMPANY_FORMS), "inc..", "s.r.l..", "a/s.", ".", "..", "pfizer"])
@pytest.mark.parametrize("dots", ["", ".", ".."])
def test_a_company_form_is_told_as_the_plain_test_tells_it(word, dots):
    tok = text.Tok(0, len(word + dots), word + dots)
    plain = tok.low in orgnames.COMPANY_FORMS or tok.low.rstrip(".") in orgnames.COMPANY_FORMS
    assert orgnames.is_company_form(tok) == plain


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(categories._FIRST_WORDS.split()) | st.text(max_size=8))
def test_the_relation_phrase_of_a_word_is_the_dispatch_s(word):
    low = word.lower()
    plain = categories.TRIGGER_DISPATCH.pattern_for_word(low) if low[:4] in categories.TRIGGER_KEYS else None
    assert categories._pattern_for(low) is plain
