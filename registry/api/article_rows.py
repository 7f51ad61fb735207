"""/api/articles/ as plain rows read with values_list(): the JSON that ArticleSerializer describes, without
a model instance, related manager or serializer field per row (a page of 50 articles holds some 3,000 of
them, and building them was nine tenths of the list's time).

The serializers in registry/api/serializers.py stay the one description of that JSON (the OpenAPI
schema is made from them): every key, its order and the column it is read from come from their fields
here; only how each nested list is fetched is written in this module.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable

from rest_framework import serializers as drf

from registry.api.serializers import (
    ArticleSerializer,
    AuthorSerializer,
    FundingSerializer,
    OrganizationRefSerializer,
    PersonRefSerializer,
    PublicDisclosureSerializer,
    PublicInterestSerializer,
)
from registry.models import Article, ArticleFunding, Authorship, DeclaredInterest

# Fields whose value is another record or a list of them: fetched by this module's own queries.
NESTED = (drf.BaseSerializer, drf.RelatedField, drf.ManyRelatedField, drf.SerializerMethodField)


class Shape:
    """One serializer's keys in order, the column each plain field is read from (its `source`, under
    `prefix` when reached through a join), and how a date is written."""

    def __init__(self, serializer_class: type[drf.Serializer], prefix: str = ""):
        fields = serializer_class().fields
        self.keys = list(fields)
        plain = {name: field for name, field in fields.items() if not isinstance(field, NESTED)}
        self.plain = list(plain)
        self.columns = [prefix + field.source for field in plain.values()]
        self.dates: list[tuple[str, Callable]] = [
            (name, field.to_representation)
            for name, field in plain.items()
            if isinstance(field, drf.DateField | drf.DateTimeField)
        ]

    def values(self, row: Iterable) -> dict:
        """Every key in the serializer's order: the plain fields' from their columns' values (in `columns`
        order), the nested ones None until set (setting a key keeps its place)."""
        values = dict.fromkeys(self.keys)
        values.update(zip(self.plain, row, strict=True))
        for name, write in self.dates:
            if values[name] is not None:
                values[name] = write(values[name])
        return values


ARTICLE = Shape(ArticleSerializer)
ARTICLE_COLUMNS = ARTICLE.columns
FUNDING = Shape(FundingSerializer)
FUNDER = Shape(OrganizationRefSerializer, "organization__")
AUTHOR = Shape(AuthorSerializer)
PERSON = Shape(PersonRefSerializer, "person__")
DISCLOSURE = Shape(PublicDisclosureSerializer, "disclosure__")
TIE = Shape(PublicInterestSerializer, "interest__")
TIE_ORGANIZATION = Shape(OrganizationRefSerializer, "interest__organization__")


def article_rows(articles: Iterable[Article]) -> list[dict]:
    """The serialized form of each of `articles` (published ones, with ARTICLE_COLUMNS loaded), in four
    queries whatever they hold: topics, funders, authors with their people and disclosures, and the
    declarations."""
    articles = list(articles)
    ids = [article.pk for article in articles]
    nested = {"topics": _topics(ids), "funders": _funders(ids), "authors": _authors(ids)}
    rows = []
    for article in articles:
        row = ARTICLE.values(getattr(article, column) for column in ARTICLE.columns)
        row.update((key, found[article.pk]) for key, found in nested.items())
        rows.append(row)
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
    width = len(FUNDING.columns)
    for article_id, *values in rows.values_list("article_id", *FUNDING.columns, *FUNDER.columns):
        funding = FUNDING.values(values[:width])
        funding["organization"] = FUNDER.values(values[width:])
        funders[article_id].append(funding)
    return funders


def _authors(ids: list[int]) -> dict[int, list[dict]]:
    columns = [*AUTHOR.columns, *PERSON.columns, "disclosure__id", *DISCLOSURE.columns]
    rows = Authorship.objects.filter(article_id__in=ids).order_by("article", "position", "pk")
    ties = _ties(ids)
    ends = _ends(AUTHOR, PERSON)
    authors = defaultdict(list)
    for article_id, *values in rows.values_list("article_id", *columns):
        author = AUTHOR.values(values[: ends[0]])
        author["person"] = PERSON.values(values[ends[0] : ends[1]])
        disclosure_id = values[ends[1]]
        if disclosure_id is not None:
            disclosure = DISCLOSURE.values(values[ends[1] + 1 :])
            disclosure["interests"] = ties[disclosure_id]
            author["disclosure"] = disclosure
        authors[article_id].append(author)
    return authors


def _ties(ids: list[int]) -> dict[int, list[dict]]:
    rows = (
        DeclaredInterest.objects.filter(disclosure__authorship__article_id__in=ids)
        .order_by("disclosure", "interest__category", "interest__organization_name", "pk")
        .values_list("disclosure_id", *TIE.columns, *TIE_ORGANIZATION.columns)
    )
    width = len(TIE.columns)
    ties = defaultdict(list)
    for disclosure_id, *values in rows:
        tie = TIE.values(values[:width])
        # The organization when the declared name was resolved to a record (its id is read), else null.
        resolved = values[width + TIE_ORGANIZATION.plain.index("id")] is not None
        tie["organization"] = TIE_ORGANIZATION.values(values[width:]) if resolved else None
        ties[disclosure_id].append(tie)
    return ties


def _ends(*shapes: Shape) -> list[int]:
    """Where each shape's columns end in a row that holds them one after another."""
    ends, end = [], 0
    for shape in shapes:
        end += len(shape.columns)
        ends.append(end)
    return ends
