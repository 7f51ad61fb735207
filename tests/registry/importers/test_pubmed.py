"""PubMed/MEDLINE files: what a citation becomes, newer versions, DeleteCitation, the command."""

import gzip
import shutil
from io import StringIO

import pytest
from django.core.management import call_command

from registry.enums import ArticleStatus, ImportKind, ImportStatus, InterestCategory
from registry.importers.formats.pubmed import PubmedCitation, PubmedDeletion, read_pubmed
from registry.importers.pubmed.dispatch import import_pubmed_paths
from registry.importers.runner import ImportSummary
from registry.importers.sources import SOURCES
from registry.models import Article, Disclosure, ImportRecord, Person
from tests.helpers import DATA

PUBMED = DATA / "pubmed"
BASELINE = PUBMED / "pubmed26n0001-sample.xml.gz"
UPDATE = PUBMED / "pubmed26n0002-sample.xml.gz"


def read(path) -> list:
    with path.open("rb") as raw:
        return list(read_pubmed(raw, file=path.name, warnings=[]))


def test_a_citation_is_read_with_its_authors_statement_topics_and_dates():
    items = read(BASELINE)
    assert [item.pmid for item in items] == ["31839806", "31839755", "31839739", "31839813", "41588158"]
    first = items[0].article
    assert (first.pmid, first.doi, first.journal) == (
        "31839806",
        "10.1177/1756284819891081",
        "Therapeutic advances in gastroenterology",
    )
    assert (str(first.received_date), str(first.accepted_date), str(first.published_date)) == (
        "2019-08-09",
        "2019-10-15",
        "2019-12-04",
    )
    author = first.authors[0]
    assert (author.name, author.given_names, author.family_name, author.orcid) == (
        "Joao Goncalves",
        "Joao",
        "Goncalves",
        "0000-0002-1245-3715",
    )
    assert [aff.organization.name for aff in first.authors[1].affiliations] == ["Samsung Bioepis Co. Ltd"]
    assert first.topics == ["adalimumab", "anti-TNF", "biologic therapies", "biosimilar", "inflammatory bowel disease"]
    assert [s.text for s in first.statements] == [
        "Conflict of interest statement: J. Goncalves has received consulting fees from Astra Zeneca, Biogen, "
        "Novartis, Pfizer, Samsung Bioepis, and Sandoz. G. Myung, M. Park, D. Jeong, and J. Ghil are employees "
        "of Samsung Bioepis Co., Ltd."
    ]


def test_grants_are_funders_a_medline_date_a_date_and_a_missing_doi_is_allowed():
    items = {item.pmid: item.article for item in read(BASELINE)}
    funders = [(f.organization.name, f.organization.kind, f.award_ids) for f in items["41588158"].funders]
    assert funders == [
        ("University of Hong Kong (HKU)", "funder", ["2311101555"]),
        ("RCUK | Medical Research Council (MRC)", "funder", ["MR/T0333771"]),
    ]
    assert str(items["31839739"].published_date) == "2019-09-01"  # <MedlineDate>2019 Sep-Oct</MedlineDate>
    assert items["31839755"].doi == ""


def test_an_update_file_holds_a_deletion():
    items = read(UPDATE)
    assert isinstance(items[0], PubmedCitation)
    assert items[0].article.title.startswith("Corrected title: ")
    assert isinstance(items[1], PubmedDeletion)
    assert items[1].pmids == ["31839755", "31839813", "99999999"]


def test_mesh_check_tags_are_not_topics(tmp_path):
    xml = gzip.decompress(BASELINE.read_bytes()).replace(
        b"<KeywordList",
        b'<MeshHeadingList><MeshHeading><DescriptorName UI="D006801">Humans</DescriptorName></MeshHeading>'
        b'<MeshHeading><DescriptorName UI="D000068879">Adalimumab</DescriptorName>'
        b'<QualifierName UI="Q1">therapeutic use</QualifierName></MeshHeading></MeshHeadingList><KeywordList',
        1,
    )
    path = tmp_path / "mesh.xml"
    path.write_bytes(xml)
    assert read(path)[0].article.topics[:3] == ["Adalimumab", "anti-TNF", "biologic therapies"]


def test_the_funding_section_of_an_abstract_names_funders(tmp_path):
    """The Lancet journals print a trial's sponsors in the abstract, and GrantList often leaves them out."""
    xml = gzip.decompress(BASELINE.read_bytes()).replace(
        b"<AuthorList",
        b'<Abstract><AbstractText Label="FINDINGS">Vaxco Therapeutics made the drug.</AbstractText>'
        b'<AbstractText Label="FUNDING" NlmCategory="BACKGROUND">Vaxco Therapeutics and the Quillon Foundation.'
        b"</AbstractText></Abstract><AuthorList",
        1,
    )
    path = tmp_path / "funding.xml"
    path.write_bytes(xml)
    funders = [(f.organization.name, f.organization.kind) for f in read(path)[0].article.funders]
    assert funders == [("Vaxco Therapeutics", "funder"), ("Quillon Foundation", "funder")]


@pytest.mark.django_db
def test_a_baseline_file_creates_articles_authors_and_disclosures():
    summary = import_pubmed_paths([BASELINE])

    assert summary.ok, summary.failures
    article = Article.objects.get(pmid="31839806")
    assert (article.doi, article.pmid_version, article.pubmed_file, article.status) == (
        "10.1177/1756284819891081",
        1,
        "pubmed26n0001-sample.xml.gz",
        ArticleStatus.PUBLISHED,
    )
    assert Article.objects.get(pmid="31839755").doi is None
    assert list(article.authorships.values_list("name_as_printed", flat=True)) == [
        "Joao Goncalves",
        "Gihyun Myung",
        "MinJeong Park",
        "Deokyoon Jeong",
        "Jeehoon Ghil",
    ]
    assert Person.objects.get(orcid="0000-0002-1245-3715").name == "Joao Goncalves"
    goncalves = Disclosure.objects.get(authorship__article=article, authorship__position=1)
    assert sorted(goncalves.declared_interests.values_list("interest__category", "interest__organization_name")) == [
        (InterestCategory.CONSULTING, "Astra Zeneca"),
        (InterestCategory.CONSULTING, "Biogen"),
        (InterestCategory.CONSULTING, "Novartis"),
        (InterestCategory.CONSULTING, "Pfizer"),
        (InterestCategory.CONSULTING, "Samsung Bioepis"),
        (InterestCategory.CONSULTING, "Sandoz"),
    ]
    assert Disclosure.objects.get(authorship__article__pmid="31839813", authorship__position=1).declares_none
    funded = Article.objects.get(pmid="41588158")
    assert sorted(funded.fundings.values_list("organization__name", "award_id")) == [
        ("RCUK | Medical Research Council (MRC)", "MR/T0333771"),
        ("University of Hong Kong (HKU)", "2311101555"),
    ]
    record = ImportRecord.objects.get()
    assert (record.kind, record.status, record.file_name) == (ImportKind.PUBMED, ImportStatus.SUCCEEDED, str(BASELINE))
    assert record.counts["articles created"] == 5
    assert record.counts["citations read"] == 5


@pytest.mark.django_db
def test_an_update_file_replaces_a_citation_deletes_one_and_withdraws_one_with_a_disclosure():
    import_pubmed_paths([BASELINE])
    summary = import_pubmed_paths([UPDATE])

    assert summary.ok, summary.failures
    assert Article.objects.get(pmid="41588158").title.startswith("Corrected title: ")
    assert not Article.objects.filter(pmid="31839755").exists()  # nothing but what the import wrote
    withdrawn = Article.objects.get(pmid="31839813")  # declares nothing: a disclosure on file
    assert withdrawn.status == ArticleStatus.WITHDRAWN
    assert withdrawn.history.first().history_change_reason == "Deleted from PubMed (pubmed26n0002-sample.xml.gz)"
    counts = ImportRecord.objects.get(file_name=str(UPDATE)).counts
    assert (
        counts["articles updated"],
        counts["articles deleted"],
        counts["articles withdrawn (deleted from PubMed; they carry disclosures or editors' work)"],
        counts["deletions of PMIDs not on record"],
    ) == (1, 1, 1, 1)


@pytest.mark.django_db
def test_an_older_file_does_not_overwrite_a_newer_version():
    import_pubmed_paths([UPDATE])
    import_pubmed_paths([BASELINE])

    assert Article.objects.get(pmid="41588158").title.startswith("Corrected title: ")
    counts = ImportRecord.objects.get(file_name=str(BASELINE)).counts
    assert counts["citations older than the version on record (skipped)"] == 1
    assert counts["articles created"] == 4


@pytest.mark.django_db
def test_a_higher_pmid_version_replaces_a_lower_one_in_the_same_file(tmp_path):
    xml = gzip.decompress(UPDATE.read_bytes())
    start, end = xml.index(b"<PubmedArticle>"), xml.index(b"</PubmedArticle>") + len(b"</PubmedArticle>")
    second = xml[start:end].replace(b'<PMID Version="1">41588158', b'<PMID Version="2">41588158', 1)
    second = second.replace(b"Corrected title: ", b"Version two: ")
    path = tmp_path / "versions.xml"
    path.write_bytes(xml[:start] + second + xml[start:end] + xml[end:])

    import_pubmed_paths([path])

    article = Article.objects.get(pmid="41588158")
    assert (article.pmid_version, article.title[:13]) == (2, "Version two: ")


@pytest.mark.django_db
def test_a_pubmed_record_updates_the_article_a_jats_file_created_under_its_doi():
    article = Article(title="As JATS had it", doi="10.1177/1756284819891081")
    article._change_reason = "Imported from 1756284819891081.xml"  # as the JATS importer records it
    article.save()

    import_pubmed_paths([BASELINE])

    article.refresh_from_db()
    assert (article.pmid, article.title[:22]) == ("31839806", "SB5 shows cross-immuno")
    assert Article.objects.filter(doi="10.1177/1756284819891081").count() == 1


@pytest.mark.django_db
def test_reimporting_a_file_creates_nothing_more():
    import_pubmed_paths([BASELINE])
    before = (Article.objects.count(), Person.objects.count(), Disclosure.objects.count())
    import_pubmed_paths([BASELINE])

    assert (Article.objects.count(), Person.objects.count(), Disclosure.objects.count()) == before
    counts = ImportRecord.objects.order_by("pk").last().counts
    assert (counts["articles created"], counts["articles updated"], counts["persons"]) == (0, 0, 0)


@pytest.mark.django_db
def test_the_command_imports_a_folder_and_prints_what_each_kind_of_change_did(tmp_path):
    shutil.copy(BASELINE, tmp_path)
    shutil.copy(UPDATE, tmp_path)
    out, err = StringIO(), StringIO()
    call_command("import_pubmed", str(tmp_path), "--no-progress", stdout=out, stderr=err)

    lines = out.getvalue().splitlines()
    assert lines[0].startswith("2 of 2 file(s) imported, 0 refused; 6 record(s) read in ")
    assert lines[2] == (
        "PubMed: 6 citations read, 5 articles created, 1 articles updated, "
        "0 citations older than the version on record (skipped), "
        "1 articles withdrawn (deleted from PubMed; they carry disclosures or editors' work), "
        "1 articles deleted, 1 deletions of PMIDs not on record."
    )
    assert err.getvalue() == ""


@pytest.mark.django_db
def test_an_upload_is_imported_like_any_other_kind_with_its_record():
    summary = ImportSummary(kind=ImportKind.PUBMED)
    SOURCES[ImportKind.PUBMED].import_data(
        BASELINE.read_bytes(), name="pubmed26n0001-sample.xml.gz", actor=None, summary=summary
    )

    record = ImportRecord.objects.get()
    assert (record.kind, record.status, record.counts["articles"]) == (ImportKind.PUBMED, ImportStatus.SUCCEEDED, 5)
    assert record.warnings[-1] == (
        "pubmed26n0001-sample.xml.gz: 5 citations read, 5 articles created, 0 articles updated, "
        "0 citations older than the version on record (skipped), "
        "0 articles withdrawn (deleted from PubMed; they carry disclosures or editors' work), "
        "0 articles deleted, 0 deletions of PMIDs not on record"
    )
