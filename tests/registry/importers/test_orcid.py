"""ORCID v3.0 records: names and other names, employments as affiliations, fundings as grants."""

import json

import pytest

from registry.enums import InterestCategory, Payee, Provenance
from registry.importers import import_orcid_paths
from registry.models import Affiliation, Interest, Person, PersonMatch
from tests import factories
from tests.helpers import DATA

pytestmark = pytest.mark.django_db
ORCID = DATA / "orcid"


def test_json_record_with_other_names_employment_and_funding():
    summary = import_orcid_paths([ORCID / "record-full-3.0.json"])

    assert summary.ok
    person = Person.objects.get()
    assert (person.name, person.given_names, person.family_name, person.orcid) == (
        "Three releasecandidate1",
        "Three",
        "releasecandidate1",
        "0000-0002-7319-2192",
    )
    assert sorted(person.name_variants.values_list("name", flat=True)) == [
        "Other Name",
        "dreamofaredbird",
        "{yo}",
        "{}",
    ]
    affiliation = Affiliation.objects.get()
    assert (
        affiliation.organization.name,
        affiliation.role,
        affiliation.department,
        str(affiliation.start_date),
        str(affiliation.end_date),
    ) == ("common:name", "role-title", "department-name", "1948-02-02", "1948-02-02")
    grant = Interest.objects.get()
    assert (
        grant.category,
        grant.organization_name,
        grant.payee,
        grant.specification,
        str(grant.start_date),
        str(grant.end_date),
        grant.provenance,
        grant.provenance_detail,
    ) == (
        InterestCategory.GRANTS,
        "Wellcome Trust",
        Payee.INSTITUTION,
        "Grant title; grant 1234",
        "2000-02-02",
        "2020-02-02",
        Provenance.IMPORT,
        "record-full-3.0.json",
    )
    assert grant.organization.identifiers.get().value == "10.13039/100000001"


def test_xml_record_and_then_its_employments_section():
    assert import_orcid_paths([ORCID / "record-3.0.xml"]).ok
    person = Person.objects.get(orcid="8888-8888-8888-8880")
    assert person.name == "credit-name"
    assert list(person.name_variants.values_list("name", flat=True)) == ["other-name-1"]

    summary = import_orcid_paths([ORCID / "employments-3.0.xml"])

    assert summary.ok
    assert Person.objects.count() == 1
    assert sorted(person.affiliations.values_list("organization__name", "role")) == [
        ("employment", "employment:role-title"),
        ("employment-org", "employment:role-title"),
    ]


def test_a_section_without_its_person_is_refused():
    path = ORCID / "employments-3.0.xml"

    summary = import_orcid_paths([path])

    assert [str(failure) for failure in summary.failures] == [
        f"{path}:/activities:employments: the record has no name, and no registry person has its ORCID iD "
        "8888-8888-8888-8880: import the person record first"
    ]
    assert Affiliation.objects.count() == 0


def test_reimport_is_idempotent():
    import_orcid_paths([ORCID / "record-full-3.0.json", ORCID / "record-3.0.xml"])

    summary = import_orcid_paths([ORCID / "record-full-3.0.json", ORCID / "record-3.0.xml"])

    assert set(summary.counts.values()) == {0}
    assert (Affiliation.objects.count(), Interest.objects.count()) == (2, 2)


def test_an_existing_person_with_the_orcid_is_updated_not_duplicated():
    known = factories.PersonFactory(name="Man-Hui Li", orcid="0000-0001-8254-7103")

    import_orcid_paths([ORCID / "0000-0001-8254-7103.json"])

    assert list(Person.objects.all()) == [known]
    assert PersonMatch.objects.get().reason == "Same ORCID iD 0000-0001-8254-7103."


def test_end_before_start_is_refused(tmp_path):
    record = json.loads((ORCID / "record-full-3.0.json").read_text(encoding="utf-8"))
    funding = record["activities-summary"]["fundings"]["group"][0]["funding-summary"][0]
    funding["end-date"]["year"]["value"] = "1990"
    path = tmp_path / "record.json"
    path.write_text(json.dumps(record), encoding="utf-8")

    (failure,) = import_orcid_paths([path]).failures

    assert str(failure) == (
        f"{path}:$.activities-summary.fundings[0][0]: The end date 1990-02-02 is before the start date 2000-02-02."
    )
    assert Person.objects.count() == 0
