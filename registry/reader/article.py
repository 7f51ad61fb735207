"""The article page: its authors in order, each with their disclosure, its funders and other apps' sections."""

from collections import defaultdict
from dataclasses import dataclass
from functools import cached_property

from django.utils.safestring import SafeString

from registry.models import Article, ArticleFunding, Authorship, DeclaredInterest, Topic
from registry.reader import markup
from registry.reader.sections import PageSection, article_sections
from registry.reader.statements import STATEMENT_FIELDS, Statement
from registry.reader.ties import Tie, sort_key, ties_from


@dataclass
class ArticleAuthor:
    authorship: Authorship
    ties: list[Tie]

    @property
    def person(self):
        return self.authorship.person

    @cached_property
    def disclosure(self) -> Statement | None:
        return Statement.of(getattr(self.authorship, "disclosure", None))

    @property
    def statement(self) -> SafeString:
        return markup.statement(self.disclosure)


@dataclass
class ArticlePage:
    article: Article
    topics: list[Topic]
    fundings: list[ArticleFunding]
    authors: list[ArticleAuthor]
    sections: list[PageSection]
    versions: list[tuple[str, Article]]  # ("Preprint", its preprint) or ("Published version", ...)


def article_page(article: Article) -> ArticlePage:
    """Everything the page shows of a published article, in six queries after the article's own."""
    return ArticlePage(
        article=article,
        topics=list(article.topics.only("name")),  # 1
        fundings=_fundings(article),  # 2
        authors=_authors(article),  # 3, 4
        sections=article_sections.sections(article),  # 5: one per section (the audits' summary)
        versions=_versions(article),  # 6
    )


def _versions(article: Article) -> list[tuple[str, Article]]:
    found = Article.objects.published().versions_of(article).only("doi", "pmid", "title").order_by("pk")
    return [
        (
            "Preprint"
            if (other.doi and other.doi == article.preprint_doi) or (other.pmid and other.pmid == article.preprint_pmid)
            else "Published version",
            other,
        )
        for other in found
    ]


def _fundings(article: Article) -> list[ArticleFunding]:
    return list(
        article.fundings.select_related("organization").only(
            "article_id", "award_id", "organization__name", "organization__ror_id"
        )
    )


def _authors(article: Article) -> list[ArticleAuthor]:
    authorships = (
        article.authorships.select_related("person", "disclosure")
        .only(
            "article_id",
            "position",
            "corresponding",
            "name_as_printed",
            "affiliations_as_printed",
            "person__name",
            "person__orcid",
            *(f"disclosure__{name}" for name in STATEMENT_FIELDS),
        )
        .order_by("position")
    )
    ties_of = _ties_by_authorship(article)
    return [ArticleAuthor(authorship, ties_of.get(authorship.pk, [])) for authorship in authorships]


def _ties_by_authorship(article: Article) -> dict[int, list[Tie]]:
    """The ties each author's disclosure declares, in the ICMJE form's order."""
    declared = DeclaredInterest.objects.filter(disclosure__authorship__article=article).order_by()
    grouped = defaultdict(list)
    for (authorship_id,), tie in ties_from(declared, prefix="interest__", extra=("disclosure__authorship_id",)):
        grouped[authorship_id].append(tie)
    return {key: sorted(group, key=sort_key) for key, group in grouped.items()}
