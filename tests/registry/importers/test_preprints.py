"""A preprint and its published version: PubMed links them by a CommentsCorrections entry of type
UpdateOf (the published citation names the preprint's PMID and DOI), JATS by a related article of
type "preprint"; the article pages and the admin show the other version, whichever came in first.

The records below are made up for the tests (no published text)."""

import gzip

import pytest
from django.urls import reverse

from registry.importers.pubmed.dispatch import import_pubmed_paths
from registry.importers.sources import read_jats_data
from registry.models import Article
from tests.helpers import DATA

pytestmark = pytest.mark.django_db

PREPRINT_DOI = "10.1101/2024.06.11.598480"


def citation(pmid: str, doi: str, title: str, *, updates: str = "", journal: str = "bioRxiv") -> str:
    link = ""
    if updates:
        link = (
            '<CommentsCorrectionsList><CommentsCorrections RefType="UpdateOf">'
            f"<RefSource>bioRxiv. 2024 Jun 11:2024.06.11.598480. doi: {PREPRINT_DOI}</RefSource>"
            f'<PMID Version="1">{updates}</PMID></CommentsCorrections></CommentsCorrectionsList>'
        )
    return (
        f'<PubmedArticle><MedlineCitation Status="Publisher" Owner="NLM"><PMID Version="1">{pmid}</PMID>'
        f"<Article><Journal><JournalIssue><PubDate><Year>2024</Year><Month>Dec</Month><Day>24</Day></PubDate>"
        f"</JournalIssue><Title>{journal}</Title></Journal><ArticleTitle>{title}</ArticleTitle>"
        f'<ELocationID EIdType="doi" ValidYN="Y">{doi}</ELocationID>'
        "<AuthorList><Author><LastName>Doe</LastName><ForeName>Jane</ForeName></Author></AuthorList>"
        '<PublicationTypeList><PublicationType UI="D016428">Journal Article</PublicationType></PublicationTypeList>'
        f"</Article>{link}<CoiStatement>The authors declare no competing interests.</CoiStatement></MedlineCitation>"
        f'<PubmedData><ArticleIdList><ArticleId IdType="pubmed">{pmid}</ArticleId></ArticleIdList></PubmedData>'
        "</PubmedArticle>"
    )


def pubmed_file(tmp_path, name: str, *citations: str):
    path = tmp_path / name
    xml = "<?xml version='1.0'?><PubmedArticleSet>" + "".join(citations) + "</PubmedArticleSet>"
    path.write_bytes(gzip.compress(xml.encode()))
    return path


PREPRINT = citation("38915536", PREPRINT_DOI, "Visual cortex maturation (preprint).")
PUBLISHED = citation(
    "39733499", "10.1016/j.dcn.2024.101501", "Visual cortex maturation.", updates="38915536", journal="Dev Cogn"
)


@pytest.mark.parametrize("order", ["preprint first", "published first"])
def test_a_pubmed_citation_names_its_preprint_and_both_pages_link_the_other(tmp_path, client, order):
    files = [
        pubmed_file(tmp_path, "pubmed99n0001.xml.gz", PREPRINT),
        pubmed_file(tmp_path, "pubmed99n0002.xml.gz", PUBLISHED),
    ]
    for path in files if order == "preprint first" else files[::-1]:
        assert not import_pubmed_paths([path], workers=False).failures
    published = Article.objects.get(pmid="39733499")
    preprint = Article.objects.get(pmid="38915536")
    assert (published.preprint_pmid, published.preprint_doi) == ("38915536", PREPRINT_DOI)
    assert (preprint.preprint_pmid, preprint.preprint_doi) == ("", "")
    assert list(Article.objects.versions_of(published)) == [preprint]
    assert list(Article.objects.versions_of(preprint)) == [published]

    page = client.get(reverse("article", args=[published.doi])).content.decode()
    assert "<dt>Preprint</dt>" in page and f"doi:{PREPRINT_DOI}" in page
    page = client.get(reverse("article", args=[preprint.doi])).content.decode()
    assert "<dt>Published version</dt>" in page and "doi:10.1016/j.dcn.2024.101501" in page


def test_a_preprint_not_on_record_leaves_the_link_waiting(tmp_path, client):
    import_pubmed_paths([pubmed_file(tmp_path, "pubmed99n0002.xml.gz", PUBLISHED)], workers=False)
    published = Article.objects.get()
    assert (published.preprint_pmid, published.preprint_doi) == ("38915536", PREPRINT_DOI)
    assert list(Article.objects.versions_of(published)) == []
    assert "Preprint</dt>" not in client.get(reverse("article", args=[published.doi])).content.decode()


def test_the_admin_shows_the_other_version(tmp_path, admin_client):
    import_pubmed_paths([pubmed_file(tmp_path, "pubmed99n0001.xml.gz", PREPRINT, PUBLISHED)], workers=False)
    published, preprint = Article.objects.get(pmid="39733499"), Article.objects.get(pmid="38915536")
    page = admin_client.get(reverse("admin:registry_article_change", args=[published.pk])).content.decode()
    assert reverse("admin:registry_article_change", args=[preprint.pk]) in page
    assert PREPRINT_DOI in page


def test_a_jats_related_article_of_type_preprint_names_the_preprint(variant):
    # A bioRxiv/Europe PMC-style link in the front matter of a JATS article.
    path = variant(
        DATA / "jats" / "elife00036.xml",
        (
            "</title-group>",
            '</title-group><related-article related-article-type="preprint" ext-link-type="doi" '
            f'xlink:href="https://doi.org/{PREPRINT_DOI}"/>',
        ),
    )
    (record,) = read_jats_data(path.read_bytes(), file=path.name, warnings=[])
    assert record.preprint_doi == PREPRINT_DOI


def test_a_biorxiv_competing_interest_statement_section_is_the_statement(variant):
    # bioRxiv and medRxiv print the authors' declaration under "Competing Interest Statement".
    path = variant(
        DATA / "jats" / "elife00036.xml",
        (
            "<back>",
            '<back><sec id="coi"><title>Competing Interest Statement</title>'
            "<p>JD is a paid consultant for Acme Pharma.</p></sec>",
        ),
    )
    (record,) = read_jats_data(path.read_bytes(), file=path.name, warnings=[])
    assert [statement.text for statement in record.statements] == [
        "JD is a paid consultant for Acme Pharma.",
        "The authors declare that no competing interests exist.",  # the article's own footnote
    ]
