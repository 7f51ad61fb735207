"""The default audit of the seed article says what a careful reader would: the name variant, the
several ties to one company and the ties relevant to the article's subject, and nothing about authors who
declare nothing and have no known ties."""

from pathlib import Path

import pytest
from django.conf import settings

from audits.models import Finding
from registry.models import Person
from registry.seed import load_seed_file
from tests.audits.helpers import audit

pytestmark = pytest.mark.django_db


@pytest.fixture
def seed_run(db):
    load_seed_file(Path(settings.BASE_DIR) / "fixtures" / "seed" / "tidsskriftet-2026-mdma.json")
    return audit()


def findings(run, rule, person=None):
    found = Finding.objects.filter(occurrences__run=run, rule_code=rule)
    if person:
        found = found.filter(person__name=person)
    return found


def test_ledidi_and_lididi_are_reported_as_one_company(seed_run):
    (finding,) = findings(seed_run, "ORGANIZATION_NAME_VARIANT")
    assert finding.summary == (
        "“Ledidi” and “Lididi” are probably the same organization (names 83% alike); "
        "Ole A. Andreassen declared consultancy fees from Ledidi and an advisory board seat at Ledidi; "
        "Ole A. Andreassen declared shares or stock options in Lididi. Merge them if they are."
    )
    assert finding.evidence["names"] == ["Ledidi", "Lididi"]


def test_andreassen_has_several_kinds_of_tie_to_one_company(seed_run):
    summaries = sorted(f.summary for f in findings(seed_run, "MULTIPLE_TIES_SAME_ENTITY", "Ole A. Andreassen"))
    assert summaries == [
        "Ole A. Andreassen declared consultancy fees and an advisory board seat at Ledidi: "
        "two kinds of tie to one company.",
        "Ole A. Andreassen declared consultancy fees and lecture fees or honoraria from BMS (Bristol-Myers Squibb): "
        "two kinds of tie to one company.",
        "Ole A. Andreassen declared consultancy fees and lecture fees or honoraria from Lilly (Eli Lilly and Company): "
        "two kinds of tie to one company.",
        "Ole A. Andreassen declared consultancy fees and shares or stock options in Precision-Health.ai: "
        "two kinds of tie to one company.",
    ]


def test_autrans_clinic_shares_are_relevant_to_an_article_on_depression(seed_run):
    (finding,) = findings(seed_run, "RELEVANT_INTEREST", "Ingrid Autran")
    # Declared, so medium: high is kept for a financial tie left out of a disclosure.
    assert finding.severity == "medium"
    assert finding.summary == (
        "Ingrid Autran declared shares or stock options (shareholder in a clinic providing ketamine treatment "
        "for depression); the tie concerns depression and ketamine treatment (related to depression) — "
        "the article discusses depression."
    )


def test_autrans_relevance_also_comes_from_the_description_alone(seed_run):
    Person.objects.get(name="Ingrid Autran").interests.get().topics.clear()
    run = audit(rules=["RELEVANT_INTEREST"])
    (finding,) = findings(run, "RELEVANT_INTEREST", "Ingrid Autran")
    assert "ketamine treatment" in finding.summary
    assert finding.evidence["matches"][0]["source"] == "tie"


def test_the_psychedelic_science_organization_is_relevant_for_goksoyr_and_stewart(seed_run):
    for person, tie in [
        ("Ivar W. Goksøyr", "an advisory board seat at Norsk Psykedelisk Vitenskap"),
        ("Lowan H. Stewart", "a board or leadership role at Norsk Psykedelisk Vitenskap"),
    ]:
        (finding,) = findings(seed_run, "RELEVANT_INTEREST", person)
        assert finding.summary == (
            f"{person} declared {tie}; Norsk Psykedelisk Vitenskap is active in psychedelic-assisted therapy "
            "and MDMA-assisted therapy — the article discusses MDMA-assisted therapy and psychedelic-assisted therapy."
        )


def test_andreassens_ties_to_companies_selling_depression_treatments_are_relevant(seed_run):
    organizations = sorted(f.organization.name for f in findings(seed_run, "RELEVANT_INTEREST", "Ole A. Andreassen"))
    assert organizations == [
        "Eli Lilly and Company",
        "H. Lundbeck A/S",
        "Janssen Pharmaceuticals",
        "Otsuka Pharmaceutical Co., Ltd.",
        "Sunovion Pharmaceuticals Inc.",
    ]


def test_authors_who_declare_nothing_and_have_no_known_ties_get_no_finding(seed_run):
    for name in ["Tor-Morten Kvam", "Mark Berthold-Losleben"]:
        assert not Finding.objects.filter(person__name=name).exists()
        assert not Finding.objects.filter(summary__contains=name).exists()
