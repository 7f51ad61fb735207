"""The synthetic registry's people for person linking: one researcher under several records and
name variants, common names shared by different researchers, and linking scored against that truth."""

import random

import pytest

from benchmark.identity import linking_figures, pairwise_scores
from benchmark.synthetic import Generator, Scale
from benchmark.synthetic_people import Identities, Researcher, orcid_for, variant_name
from registry.models import Authorship, Person
from registry.validators import validate_orcid


def test_orcid_ids_are_well_formed_and_distinct():
    ids = [orcid_for(n) for n in (0, 1, 97, 10**9)]
    for value in ids:
        validate_orcid(value)
    assert (ids[0], len(set(ids))) == ("0000-0000-0000-0001", 4)


def test_a_researcher_is_printed_under_the_variants_editors_meet():
    rng = random.Random(3)
    researcher = Researcher("Tora", "K", "Benavides")
    printed = {variant_name(rng, researcher) for _ in range(200)}
    assert printed == {"Tora K. Benavides", "Tora K. Bénavides", "Tora Benavides", "T. K. Benavides"}


def test_pairwise_scores_count_pairs_of_records_against_researchers():
    truth = Identities({1: 1, 2: 1, 3: 1, 4: 4, 5: 4})  # two researchers: records 1-3 and 4-5
    # One cluster joins 1 and 2 rightly; another joins 3 with 4 wrongly; 5 stays alone.
    precision, recall = pairwise_scores({1: 1, 2: 1, 3: 3, 4: 3}, truth)
    assert (precision, recall) == (0.5, 0.25)  # 1 of 2 linked pairs right; 1 of 4 true pairs found


@pytest.mark.django_db(transaction=True)
def test_the_generator_records_which_records_are_one_researcher_and_linking_is_scored():
    scale = Scale("tiny", articles=150, people=120, companies=40, ties_per_person=2, planted_per_rule=1)
    planted = Generator(scale, seed=7).generate()
    truth = planted.identities.researcher_of

    duplicates = {record: researcher for record, researcher in truth.items() if record != researcher}
    assert duplicates  # some researchers got a second record
    assert Authorship.objects.filter(person_id__in=duplicates).count() == len(duplicates)
    assert not Person.objects.filter(pk__in=duplicates, orcid__isnull=False).exists()

    figures = {figure.name: figure for figure in linking_figures(planted.identities, articles=3)}
    assert sorted(figures) == [
        "person linking precision",
        "person linking recall",
        "person linking, one article's authors",
        "person linking, whole registry (deciding)",
        "person linking, whole registry (writing)",
    ]
    assert figures["person linking precision"].value == 1.0
    assert 0.5 < figures["person linking recall"].value <= 1.0
