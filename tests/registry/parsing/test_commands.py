"""manage.py parse_statements and evaluate_parser: the file formats, the figures, and bad input."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

GOKSOYR = (
    "The author has completed the ICMJE form and declares the following conflict of interest: "
    "he has served on the advisory board for Norsk Psykedelisk Vitenskap."
)
KVAM = "The author has completed the ICMJE form and declares no conflicts of interest."
ELIFE = (
    "JFM: Reviewing editor, eLife. || CW, JH: Co-founder of iRepertoire. || "
    "The other authors declare that no competing interests exist."
)
ELIFE_AUTHORS = ["Jeff F Miller", "Chunlin Wang", "Jian Han", "Ana Lopez"]

STATEMENTS = [
    {"id": "seed-goksøyr", "authors": ["Ivar W. Goksøyr"], "statement": GOKSOYR},
    {"id": 2, "authors": ["Tor-Morten Kvam"], "statement": KVAM, "file": "kept out of the output"},
    {"id": "elife", "authors": ELIFE_AUTHORS, "statement": ELIFE},
]
PARSED = [
    {
        "id": "seed-goksøyr",
        "declares_none": [],
        "items": [
            {
                "author": "Ivar W. Goksøyr",
                "category": "advisory_board",
                "organization": "Norsk Psykedelisk Vitenskap",
                "payee": "self",
                "specification": "advisory board",
            }
        ],
    },
    {"id": 2, "declares_none": ["Tor-Morten Kvam"], "items": []},
    {
        "id": "elife",
        "declares_none": ["Ana Lopez"],
        "items": [
            {
                "author": "Jeff F Miller",
                "category": "leadership",
                "organization": "eLife",
                "payee": "self",
                "specification": "Reviewing editor",
            },
            {
                "author": "Chunlin Wang",
                "category": "founder",
                "organization": "iRepertoire",
                "payee": "self",
                "specification": "Co-founder",
            },
            {
                "author": "Jian Han",
                "category": "founder",
                "organization": "iRepertoire",
                "payee": "self",
                "specification": "Co-founder",
            },
        ],
    },
]


def write_lines(path, lines) -> None:
    path.write_text("".join(line if isinstance(line, str) else json.dumps(line) + "\n" for line in lines), "utf-8")


def read_lines(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


# ---- parse_statements ----


def test_parse_statements_writes_one_line_per_statement_in_order(tmp_path):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_lines(source, [STATEMENTS[0], "\n", *STATEMENTS[1:]])  # a blank line is skipped
    assert run("parse_statements", str(source), "--output", str(target)) == f"Parsed 3 statements into {target}\n"
    assert read_lines(target) == PARSED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_parse_statements_output_is_what_the_shared_scorer_reads(tmp_path, dev_labels):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_lines(source, dev_labels)
    run("parse_statements", str(source), "-o", str(target))
    out = read_lines(target)
    assert [line["id"] for line in out] == [line["id"] for line in dev_labels]
    names = {line["id"]: set(line["authors"]) for line in dev_labels}
    for line in out:
        assert set(line) == {"id", "declares_none", "items"}
        assert set(line["declares_none"]) <= names[line["id"]]
        for item in line["items"]:
            assert item["author"] is None or item["author"] in names[line["id"]]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json\n", "not valid JSON (Expecting property name enclosed in double quotes at column 2)"),
        ('["a list"]\n', "expected a JSON object, got a list"),
        ('{"id": "x", "statement": "s"}\n', "missing 'authors'"),
        ('{"authors": []}\n', "missing 'id', 'statement'"),
        ('{"id": true, "authors": [], "statement": "s"}\n', "'id' must be a string or an integer, not a boolean"),
        ('{"id": "x", "authors": "A B", "statement": "s"}\n', "'authors' must be a list of strings, not a string"),
        (
            '{"id": "x", "authors": ["A", 3], "statement": "s"}\n',
            "'authors' must be a list of strings; item 2 is a number",
        ),
        ('{"id": "x", "authors": [], "statement": null}\n', "'statement' must be a string, not null"),
        ('{"id": "seed-goksøyr", "authors": [], "statement": "s"}\n', "id 'seed-goksøyr' repeats line 1"),
    ],
)
def test_a_bad_line_is_named_and_nothing_is_written(tmp_path, line, message):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_lines(source, [STATEMENTS[0], line, STATEMENTS[2]])
    with pytest.raises(CommandError) as error:
        run("parse_statements", str(source), "--output", str(target))
    assert str(error.value) == f"Nothing written; fix these lines first:\n{source}:2: {message}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl"]  # no output, no temporary file


def test_a_bad_line_leaves_an_earlier_output_as_it_was(tmp_path):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    target.write_text("earlier\n", "utf-8")
    source.write_bytes(json.dumps(STATEMENTS[0]).encode() + b"\n\xff\xfe\n")
    with pytest.raises(CommandError, match=r"in\.jsonl:2: not UTF-8 text"):
        run("parse_statements", str(source), "--output", str(target))
    assert target.read_text("utf-8") == "earlier\n"


def test_every_bad_line_is_listed_up_to_twenty(tmp_path):
    source = tmp_path / "in.jsonl"
    write_lines(source, ["[]\n"] * 25)
    with pytest.raises(CommandError) as error:
        run("parse_statements", str(source), "--output", str(tmp_path / "out.jsonl"))
    lines = str(error.value).splitlines()
    assert lines[1] == f"{source}:1: expected a JSON object, got a list"
    assert lines[20] == f"{source}:20: expected a JSON object, got a list"
    assert lines[21:] == ["... and 5 more faulty lines"]


def test_a_missing_input_file_is_named(tmp_path):
    source = tmp_path / "missing.jsonl"
    with pytest.raises(CommandError, match=r"missing\.jsonl:0: cannot be read: No such file or directory"):
        run("parse_statements", str(source), "--output", str(tmp_path / "out.jsonl"))
    assert list(tmp_path.iterdir()) == []


def test_a_missing_output_folder_is_named(tmp_path):
    source = tmp_path / "in.jsonl"
    write_lines(source, STATEMENTS)
    with pytest.raises(CommandError, match="no such folder"):
        run("parse_statements", str(source), "--output", str(tmp_path / "nowhere" / "out.jsonl"))


def test_an_empty_file_gives_an_empty_output(tmp_path):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text("", "utf-8")
    assert run("parse_statements", str(source), "--output", str(target)) == f"Parsed 0 statements into {target}\n"
    assert target.read_text("utf-8") == ""


# ---- evaluate_parser ----

LABELS = [
    {**STATEMENTS[0], "declares_none": [], "items": PARSED[0]["items"]},
    {**STATEMENTS[1], "declares_none": ["Tor-Morten Kvam"], "items": []},
    {
        **STATEMENTS[2],
        "declares_none": ["Ana Lopez"],
        "items": [
            {"author": "Jeff F Miller", "category": "leadership", "organization": "eLife"},
            {"author": "Chunlin Wang", "category": "founder", "organization": "iRepertoire"},
            {"author": "Jian Han", "category": "founder", "organization": "iRepertoire"},
            {"author": "Jian Han", "category": "stock", "organization": "iRepertoire Inc."},
        ],
    },
]


def test_evaluate_parser_prints_the_figures_and_the_worst_misses(tmp_path):
    labels = tmp_path / "labels.jsonl"
    write_lines(labels, LABELS)
    assert run("evaluate_parser", str(labels)).splitlines() == [
        f"3 labelled statements in {labels}",
        "pairs    precision 1.000  recall 1.000  F1 1.000   4 of 4 predicted, 4 labelled  (author, organization)",
        "triples  precision 1.000  recall 0.800  F1 0.889   4 of 4 predicted, 5 labelled  "
        "(author, category, organization)",
        "none     precision 1.000  recall 1.000  F1 1.000   2 of 2 predicted, 2 labelled  declares nothing",
        "",
        "Worst misses (1 lines differ; (author, category, organization)):",
        f"- elife: 1 missed, 0 extra — {ELIFE}",
        "    missed (Jian Han, stock, iRepertoire Inc.)",
    ]


def test_evaluate_parser_scores_a_file_of_parsed_lines(tmp_path):
    labels, parsed = tmp_path / "labels.jsonl", tmp_path / "parsed.jsonl"
    write_lines(labels, LABELS)
    write_lines(parsed, [PARSED[0], {"id": 2, "declares_none": [], "items": []}])
    out = run("evaluate_parser", str(labels), "--predictions", str(parsed), "--worst", "0").splitlines()
    assert out[1:4] == [
        "pairs    precision 1.000  recall 0.250  F1 0.400   1 of 1 predicted, 4 labelled  (author, organization)",
        "triples  precision 1.000  recall 0.200  F1 0.333   1 of 1 predicted, 5 labelled  "
        "(author, category, organization)",
        "none     precision 1.000  recall 0.000  F1 0.000   0 of 0 predicted, 2 labelled  declares nothing",
    ]
    assert len(out) == 4


def test_evaluate_parser_on_the_dev_set(dev_labels):
    from tests.helpers import DEV_LABELS

    out = run("evaluate_parser", str(DEV_LABELS), "--worst", "1").splitlines()
    assert out[:4] == [
        f"127 labelled statements in {DEV_LABELS}",
        "pairs    precision 1.000  recall 0.987  F1 0.994   307 of 307 predicted, 311 labelled  (author, organization)",
        "triples  precision 1.000  recall 0.990  F1 0.995   399 of 399 predicted, 403 labelled  "
        "(author, category, organization)",
        "none     precision 1.000  recall 1.000  F1 1.000   633 of 633 predicted, 633 labelled  declares nothing",
    ]


def test_evaluate_parser_names_a_bad_label_line(tmp_path):
    labels = tmp_path / "labels.jsonl"
    write_lines(labels, [LABELS[0], {**LABELS[1], "items": [{"author": 5}]}])
    with pytest.raises(CommandError) as error:
        run("evaluate_parser", str(labels))
    assert str(error.value) == f"{labels}:2: items[1].author must be a string or null, not a number"


def test_evaluate_parser_needs_labelled_lines(tmp_path):
    labels = tmp_path / "labels.jsonl"
    labels.write_text("\n", "utf-8")
    with pytest.raises(CommandError, match="no labelled lines"):
        run("evaluate_parser", str(labels))


def test_evaluate_parser_scores_each_labels_file(tmp_path):
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    write_lines(first, LABELS[:2])
    write_lines(second, LABELS[2:])
    out = run("evaluate_parser", str(first), str(second), "--worst", "0").splitlines()
    assert out == [
        f"2 labelled statements in {first}",
        "pairs    precision 1.000  recall 1.000  F1 1.000   1 of 1 predicted, 1 labelled  (author, organization)",
        "triples  precision 1.000  recall 1.000  F1 1.000   1 of 1 predicted, 1 labelled  "
        "(author, category, organization)",
        "none     precision 1.000  recall 1.000  F1 1.000   1 of 1 predicted, 1 labelled  declares nothing",
        "",
        f"1 labelled statements in {second}",
        "pairs    precision 1.000  recall 1.000  F1 1.000   3 of 3 predicted, 3 labelled  (author, organization)",
        "triples  precision 1.000  recall 0.750  F1 0.857   3 of 3 predicted, 4 labelled  "
        "(author, category, organization)",
        "none     precision 1.000  recall 1.000  F1 1.000   1 of 1 predicted, 1 labelled  declares nothing",
    ]


def test_evaluate_parser_holds_one_fold_out_and_never_shows_its_errors(dev_labels):
    from registry.parsing import predictions_line
    from registry.parsing.evaluation import evaluate, fold_of, split_folds
    from tests.helpers import DEV_LABELS

    visible, held_out = split_folds(dev_labels, 4, 1, seed=7)
    assert len(visible) + len(held_out) == 127 and held_out and visible
    assert {fold_of(line["id"], 4, 7) for line in held_out} == {1}
    assert 1 not in {fold_of(line["id"], 4, 7) for line in visible}
    out = run("evaluate_parser", str(DEV_LABELS), "--folds", "4", "--fold", "1", "--seed", "7", "--worst", "50")
    lines = out.splitlines()
    assert lines[0] == (
        f"127 labelled statements in {DEV_LABELS}; fold 1 of 4 held out (seed 7): "
        f"{len(visible)} visible, {len(held_out)} held out"
    )
    preds = [predictions_line(line) for line in dev_labels]
    seen, kept = evaluate(visible, preds), evaluate(held_out, preds)
    assert lines[1] == "visible part:"
    assert lines[2].split()[:7] == [
        "pairs",
        "precision",
        f"{seen.pairs.precision:.3f}",
        "recall",
        f"{seen.pairs.recall:.3f}",
        "F1",
        f"{seen.pairs.f1:.3f}",
    ]
    assert lines[5] == "held-out fold 1:"
    assert lines[6].endswith(
        f"{kept.pairs.matched} of {kept.pairs.predicted} predicted, {kept.pairs.gold} labelled  (author, organization)"
    )
    assert lines[8].endswith(
        f"{kept.none.matched} of {kept.none.predicted} predicted, {kept.none.gold} labelled  declares nothing"
    )
    shown = {line[2:].split(":")[0] for line in lines[9:] if line.startswith("- ")}
    assert shown == {str(e.id) for e in seen.errors}
    assert not shown & {str(line["id"]) for line in held_out}


@pytest.mark.parametrize("args", [("--folds", "1"), ("--folds", "3", "--fold", "3"), ("--folds", "3", "--fold", "-1")])
def test_evaluate_parser_refuses_a_fold_outside_the_split(tmp_path, args):
    labels = tmp_path / "labels.jsonl"
    write_lines(labels, LABELS)
    with pytest.raises(CommandError, match="--folds must be at least 2"):
        run("evaluate_parser", str(labels), *args)
