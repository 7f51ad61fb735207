"""Money for the present work said without naming it so ("Part of the funding was provided by X", the
publication charge, the ICMJE form's answers) and exceptions to a sentence that no author has a tie.

Every statement here is invented in the shape of the real ones.
"""

from registry.parsing import parse_statement

AUTHORS = ["Jonas Smithers", "Alma Lindqvist"]


def read(statement: str) -> tuple[list[tuple], list[str]]:
    result = parse_statement(statement, AUTHORS)
    return [(it.author, it.category, it.organization) for it in result.items], result.declares_none


def test_a_sentence_that_opens_with_the_funding_speaks_of_the_work():
    assert read("Part of the funding was provided by Vaxco SA.") == ([(None, "manuscript_support", "Vaxco SA")], [])


def test_a_publication_charge_paid_by_a_company_supports_the_work():
    items, nones = read(
        "The authors declare no conflict of interest. Vaxco Biotech funded the open access publication charge."
    )
    assert items == [(None, "manuscript_support", "Vaxco Biotech")]
    assert nones == AUTHORS


def test_icmje_form_answers_are_read_one_by_one():
    items, nones = read(
        "All authors have completed the ICMJE uniform disclosure form at www.icmje.org/coi_disclosure.pdf and "
        "declare: financial support for the submitted work from Wellcome; JS holds a studentship from the "
        "Medical Research Council; no other relationships or activities that could appear to have influenced "
        "the submitted work."
    )
    assert items == [
        (None, "manuscript_support", "Wellcome"),
        ("Jonas Smithers", "grants", "Medical Research Council"),
    ]
    assert nones == ["Alma Lindqvist"]


def test_an_exception_to_no_author_having_a_tie_is_read():
    items, nones = read(
        "None of the contributing authors have any conflicts of interest, except that this research was funded "
        "by the Dutch Organisation for Health Research (ZonMw)."
    )
    assert items == [(None, "manuscript_support", "Dutch Organisation for Health Research")]
    assert nones == AUTHORS


def test_an_exception_naming_an_author_leaves_the_others_declaring_nothing():
    items, nones = read("None of the authors has any conflict of interest, except JS, who received grants from Vaxco.")
    assert items == [("Jonas Smithers", "grants", "Vaxco")]
    assert nones == ["Alma Lindqvist"]


def test_no_other_interests_without_a_subject_covers_the_authors_without_a_tie():
    items, nones = read("JS reports grants from Vaxco. No other interests are declared.")
    assert items == [("Jonas Smithers", "grants", "Vaxco")]
    assert nones == ["Alma Lindqvist"]


def test_no_other_interests_leaves_a_consortium_in_the_byline_out():
    result = parse_statement(
        "JS reports grants from Vaxco. No other interests are declared.",
        ["Jonas Smithers", "Alma Lindqvist", "COLLAB: Northern Cohort Group"],
    )
    assert result.declares_none == ["Alma Lindqvist"]
