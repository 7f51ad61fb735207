"""Duplicate suggestions judge distinctive words: invented pairs of each kind of evidence."""

import pytest

from registry.identity.org_similarity import compare_names


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Brightwater Therapeutics", "Brightwatter Therapeutics"),  # typo in the distinctive word
        ("Quillon Academica of Sciences", "Quillon Academia of Sciences"),  # typo in a generic word
        ("Norrland Medical Research Council (NMRC)", "Norrland Medical Research Council"),  # acronym added
        ("NMRC", "Norrland Medical Research Council"),  # acronym alone
        ("ZKB", "ZephyrKlineBerg"),  # acronym of a camel-case name
        ("Ostwald-Gesellschaft", "Ostwald Society"),  # translation
        ("Universität Falkenburg", "University of Falkenburg"),  # translation
        ("Veltrix Pharma GmbH", "Veltrix Pharma"),  # company form
        ("Carden Bio Labs", "CardenBio Labs"),  # spacing
        ("UK Carden Research Council", "Carden Research Council"),  # country qualifier
        ("QA Westfield", "Quillon Academy, Westfield"),  # two letters pinned down by the other words
        ("Veltrix Arthritis (VA)", "VA"),  # two letters the name itself gives as its acronym
    ],
)
def test_real_duplicates_are_suggested(a, b):
    assert compare_names(a, b).relation == "same"
    assert compare_names(b, a).relation == "same"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("University of Arlen", "University of Borwick"),  # only generic words in common
        ("Veltrix Pharmaceuticals", "Quorvan Pharmaceuticals"),
        ("National Science Foundation", "Ruritania Science Foundation"),
        ("Quillon Institute, Arlen University", "Quillon Institute, Borwick University"),  # sibling units
        ("Quillon Institute of Biophysics", "Quillon Institute of Biochemistry"),
        ("University of Arlen, Westfield", "University of Arlen"),  # a campus of the whole
        ("Arlen University Medical Center", "Arlen University Medical School"),  # different kinds of unit
        ("University of Bern", "University of Bonn"),  # short words are not typos of each other
        ("VA", "Veltrix Arthritis"),  # two letters alone spell too many names
        ("SCHARP", "Sharp"),  # an acronym in capitals is spelled on purpose, no typo of a word
        ("BRIGHTWATER", "Brightwatter"),
    ],
)
def test_different_and_related_names_are_not_suggested(a, b):
    assert not compare_names(a, b).duplicate
    assert not compare_names(b, a).duplicate


def test_a_campus_is_related_to_its_university():
    assert compare_names("University of Arlen, Westfield", "University of Arlen").relation == "related"
