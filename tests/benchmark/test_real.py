"""The real-article benchmark: import JATS files, audit, and score each rule against labelled cases."""

import json

import pytest

from benchmark.real import Expectation, FoundRow, load_expectations, measure_real, report_lines, score
from tests.helpers import DATA

pytestmark = pytest.mark.django_db

WALTER = "Peter Walter"
CASES = [
    # eLife.05434 (received 2014-10-31): PW declares a UCSF patent. eLife.08153 (received 2015-04-16):
    # "The authors declare that no competing interests exist" for all but two others.
    {
        "rule": "NONE_DECLARED_BUT_INTERESTS",
        "doi": "10.7554/eLife.08153",
        "person": WALTER,
        "expect": "finding",
        "why": "UCSF patent declared on eLife.05434 (2014-10-31), within 36 months before",
    },
    # eLife.04418 (received 2014-08-19) declares nothing; the patent is declared only later.
    {
        "rule": "NONE_DECLARED_BUT_INTERESTS",
        "doi": "10.7554/eLife.04418",
        "person": WALTER,
        "severity": "high",
        "expect": "no_finding",
        "why": "declared only on a later article, undated",
    },
]


@pytest.fixture
def expectations(tmp_path):
    path = tmp_path / "cases.jsonl"
    path.write_text("".join(json.dumps(case) + "\n" for case in CASES), encoding="utf-8")
    return load_expectations(path)


def test_real_benchmark_scores_each_rule_against_the_cases(expectations):
    files = [DATA / "jats" / name for name in ("elife04418.xml", "elife05434.xml", "elife08153.xml")]
    report = measure_real(files, expectations)
    assert (report.articles, report.refused) == (3, 0)
    none_declared = report.scores["NONE_DECLARED_BUT_INTERESTS"]
    assert (none_declared.expected, none_declared.true_positives) == (1, 1)
    assert none_declared.severities == {"medium": 1, "low": 1}
    assert none_declared.precision == 1.0
    assert report.missed == [] and report.wrong == []
    lines = report_lines(report)
    assert lines[0].startswith("3 articles (0 files refused)")
    assert any(line.startswith("NONE_DECLARED_BUT_INTERESTS") and "1.00 (1/1)" in line for line in lines)


def test_an_expectation_without_its_reason_is_refused(tmp_path):
    path = tmp_path / "cases.jsonl"
    path.write_text('{"rule": "FUNDER_TIE", "expect": "finding"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"cases\.jsonl:1: needs rule, expect"):
        load_expectations(path)


def test_a_case_that_only_says_a_finding_would_be_right_counts_for_precision_not_recall():
    pair = ("World Health Organization", "WHO")
    case = Expectation("ORGANIZATION_NAME_VARIANT", "finding", "acronym", organizations=pair, recall=False)
    other = Expectation(
        "ORGANIZATION_NAME_VARIANT", "finding", "typo", organizations=("Ledidi", "Lididi"), recall=False
    )
    found = FoundRow("ORGANIZATION_NAME_VARIANT", "low", "", "", pair, "")
    report = score([found], [case, other], articles=2)
    variant = report.scores["ORGANIZATION_NAME_VARIANT"]
    assert (variant.precision, variant.recall) == (1.0, None)
    assert report.missed == [] and report.wrong == []


def test_information_is_counted_apart_from_the_findings_to_review():
    found = [
        FoundRow("MULTIPLE_TIES_SAME_ENTITY", "info", "10.1/a", "Ann Lee", ("Acme",), ""),
        FoundRow("MULTIPLE_TIES_SAME_ENTITY", "info", "10.1/a", "Ann Lee", ("Beta",), ""),
        FoundRow("MISSING_DISCLOSURE", "medium", "10.1/a", "Bo Ma", (), ""),
    ]
    report = score(found, [], articles=4)
    assert (report.findings, report.to_review) == (3, 1)
    lines = report_lines(report)
    assert lines[0] == (
        "4 articles (0 files refused), 3 findings (75.0 per 100 articles), 1 to review, information left out "
        "(25.0 per 100 articles)"
    )
    assert lines[3].split() == ["MULTIPLE_TIES_SAME_ENTITY", "50.0", "0%", "0%", "0%", "100%", "-", "-"]
