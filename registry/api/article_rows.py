"""/api/articles/'s list as plain rows read with values(): the same JSON as ArticleSerializer gives, without
a model instance, related manager or serializer field per row (a page of 50 articles holds some 3,000 of
them, and building them was nine tenths of the list's time)."""

from collections import defaultdict
from collections.abc import Iterable
from datetime import date

from registry.api.serializers import ArticleSerializer, PublicInterestSerializer
from registry.models import Article, ArticleFunding, Authorship, DeclaredInterest

ARTICLE_FIELDS = ArticleSerializer.Meta.fields
# The fields read straight from the article's own columns.
ARTICLE_COLUMNS = [name for name in ARTICLE_FIELDS if name not in ("topics", "funders", "authors")]
DISCLOSURE_COLUMNS = ("statement", "declares_none", "form", "completed_on", "status", "status_changed_on")
# PublicInterestSerializer's fields but the organization, with the column each is read from.
TIE_COLUMNS = {
    "category": "interest__category",
    "payee": "interest__payee",
    "name_as_declared": "interest__organization_name",
    "specification": "interest__specification",
    "start_date": "interest__start_date",
    "end_date": "interest__end_date",
    "ongoing": "interest__ongoing",
}
TIE_FIELDS = PublicInterestSerializer.Meta.fields


def article_rows(articles: Iterable[Article]) -> list[dict]:
    """The serialized form of each of `articles` (a page of published ones), in four queries whatever
    the page holds: topics, funders, authors with their people and disclosures, and the declarations."""
    articles = list(articles)
    ids = [article.pk for article in articles]
    topics = _topics(ids)
    funders = _funders(ids)
    authors = _authors(ids)
    rows = []
    for article in articles:
        row = {name: _plain(getattr(article, name)) for name in ARTICLE_COLUMNS}
        row.update(topics=topics[article.pk], funders=funders[article.pk], authors=authors[article.pk])
        rows.append({name: row[name] for name in ARTICLE_FIELDS})
    return rows


def _topics(ids: list[int]) -> dict[int, list[str]]:
    rows = Article.topics.through.objects.filter(article_id__in=ids).order_by("topic__name", "topic_id")
    topics = defaultdict(list)
    for article_id, name in rows.values_list("article_id", "topic__name"):
        topics[article_id].append(name)
    return topics


def _funders(ids: list[int]) -> dict[int, list[dict]]:
    rows = ArticleFunding.objects.filter(article_id__in=ids).order_by("article", "organization__name", "pk")
    funders = defaultdict(list)
    for article_id, organization_id, name, award_id in rows.values_list(
        "article_id", "organization_id", "organization__name", "award_id"
    ):
        funders[article_id].append({"organization": {"id": organization_id, "name": name}, "award_id": award_id})
    return funders


def _authors(ids: list[int]) -> dict[int, list[dict]]:
    columns = [
        "article_id",
        "position",
        "corresponding",
        "name_as_printed",
        "affiliations_as_printed",
        "person_id",
        "person__name",
        "person__orcid",
        "disclosure__id",
        *(f"disclosure__{name}" for name in DISCLOSURE_COLUMNS),
    ]
    rows = Authorship.objects.filter(article_id__in=ids).order_by("article", "position", "pk").values(*columns)
    ties = _ties(ids)
    authors = defaultdict(list)
    for row in rows:
        disclosure_id = row["disclosure__id"]
        disclosure = None
        if disclosure_id is not None:
            disclosure = {name: _plain(row[f"disclosure__{name}"]) for name in DISCLOSURE_COLUMNS}
            disclosure["interests"] = ties[disclosure_id]
        authors[row["article_id"]].append(
            {
                "position": row["position"],
                "corresponding": row["corresponding"],
                "name_as_printed": row["name_as_printed"],
                "affiliations_as_printed": row["affiliations_as_printed"],
                "person": {"id": row["person_id"], "name": row["person__name"], "orcid": row["person__orcid"]},
                "disclosure": disclosure,
            }
        )
    return authors


def _ties(ids: list[int]) -> dict[int, list[dict]]:
    rows = (
        DeclaredInterest.objects.filter(disclosure__authorship__article_id__in=ids)
        .order_by("disclosure", "interest__category", "interest__organization_name", "pk")
        .values_list(
            "disclosure_id", "interest__organization_id", "interest__organization__name", *TIE_COLUMNS.values()
        )
    )
    ties = defaultdict(list)
    for disclosure_id, organization_id, organization_name, *values in rows:
        tie = dict(zip(TIE_COLUMNS, map(_plain, values), strict=True))
        tie["organization"] = None if organization_id is None else {"id": organization_id, "name": organization_name}
        ties[disclosure_id].append({name: tie[name] for name in TIE_FIELDS})
    return ties


def _plain(value):
    """A date as DRF's DateField writes it; anything else as it is."""
    return value.isoformat() if isinstance(value, date) else value
