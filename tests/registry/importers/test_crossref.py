"""Crossref work JSON: API responses, single works and one-work-per-line dumps."""

import json

import pytest

from registry.enums import ArticleStatus
from registry.importers import import_crossref_paths
from registry.models import Affiliation, Article, Authorship, Organization, OrganizationIdentifier, Person
from tests.helpers import DATA

pytestmark = pytest.mark.django_db
CROSSREF = DATA / "crossref"


def test_api_response_with_items():
    summary = import_crossref_paths([CROSSREF / "crossref_api_works.json"])

    assert summary.ok
    assert summary.records == 3
    article = Article.objects.get(doi="10.1007/s10107-009-0306-5")
    assert article.title.startswith("Fixed point and Bregman iterative methods for matrix rank minimization")
    assert (article.journal, article.article_type, str(article.published_date), article.status) == (
        "Mathematical Programming",
        "journal article",
        "2009-09-23",
        ArticleStatus.PUBLISHED,
    )
    assert sorted(article.topics.values_list("name", flat=True)) == ["General Mathematics", "Software"]
    assert list(Authorship.objects.filter(article=article).values_list("person__name", flat=True)) == [
        "Shiqian Ma",
        "Donald Goldfarb",
        "Lifeng Chen",
    ]
    # Without a publication date the work stays a draft.
    assert Article.objects.get(doi="10.1109/infvis.2005.1532150").status == ArticleStatus.DRAFT


def test_single_work_with_affiliations_and_a_nameless_author():
    summary = import_crossref_paths([CROSSREF / "crossref-works.single.json"])

    assert summary.warnings == ["$.author[3]: an author without a name; skipped"]
    article = Article.objects.get()
    assert article.title == (
        "Renormalized perturbation theory by the moment method for degenerate states: Anharmonic oscillators"
    )
    assert str(article.published_date) == "1998-01-01"  # printed as the year alone
    assert Authorship.objects.count() == 3
    diaz = Person.objects.get(name="Carlos G. Diaz")
    assert sorted(Affiliation.objects.filter(person=diaz).values_list("organization__name", flat=True)) == [
        "Some Department",
        "Some University",
    ]


def test_authors_orcids_and_funders(tmp_path):
    work = {
        "DOI": "10.5555/CROSSREF.1",
        "title": ["A funded work"],
        "container-title": ["Journal of Tests"],
        "type": "journal-article",
        "published-online": {"date-parts": [[2024, 3, 5]]},
        "author": [
            {
                "given": "Josiah",
                "family": "Carberry",
                "ORCID": "https://orcid.org/0000-0002-1825-0097",
                "affiliation": [
                    {
                        "name": "Department of Psychoceramics, Brown University, Providence, RI, USA",
                        "id": [{"id": "https://ror.org/05gq02987", "id-type": "ROR"}],
                    }
                ],
            }
        ],
        "funder": [{"name": "National Science Foundation", "DOI": "10.13039/100000001", "award": ["1234", "5678"]}],
    }
    path = tmp_path / "work.json"
    path.write_text(json.dumps({"status": "ok", "message-type": "work", "message": work}), encoding="utf-8")

    assert import_crossref_paths([path]).ok

    person = Person.objects.get()
    assert (person.name, person.orcid) == ("Josiah Carberry", "0000-0002-1825-0097")
    brown = Organization.objects.get(ror_id="05gq02987")
    assert (brown.name, brown.country) == ("Brown University", "US")
    assert Affiliation.objects.get().department == "Department of Psychoceramics"
    assert sorted(Article.objects.get().fundings.values_list("organization__name", "award_id")) == [
        ("National Science Foundation", "1234"),
        ("National Science Foundation", "5678"),
    ]
    assert OrganizationIdentifier.objects.get().value == "10.13039/100000001"
    assert set(import_crossref_paths([path]).counts.values()) == {0}


def test_an_invalid_orcid_on_one_line_refuses_the_whole_file():
    path = CROSSREF / "crossref-works.2018-01-21.badsample.json"

    summary = import_crossref_paths([path])

    assert [str(failure) for failure in summary.failures] == [
        f"{path}:line 12.author[0].ORCID: invalid ORCID iD: http://orcid.org/0000-0002-4447-597X is not a "
        "valid ORCID iD: its check digit is X but should be 8."
    ]
    assert Article.objects.count() == 0


def test_not_json(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"DOI": "10.5555/x",', encoding="utf-8")

    summary = import_crossref_paths([path])

    assert [str(failure) for failure in summary.failures] == [
        f"{path}:line 1: not JSON: Expecting property name enclosed in double quotes"
    ]


def test_invalid_doi(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"DOI": "not-a-doi", "title": ["T"]}), encoding="utf-8")

    (failure,) = import_crossref_paths([path]).failures

    assert (failure.location, failure.reason.split(":")[0]) == ("$.DOI", "invalid DOI")
