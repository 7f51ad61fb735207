"""/api/articles/ as JSON the database writes: each article of a page, with its topics, funders, authors,
their disclosures and declared ties, as one JSON text read in the same query as the page itself (each
value's JSON joined as text: `json_quote()` on SQLite, `to_json()` on PostgreSQL; see `Dialect`). Built in
Python, the 2,000-odd objects of a page of 50 articles (model instances first, plain rows after) were
nearly all of the list's time.

The serializers in registry/api/serializers.py stay the one description of that JSON (the OpenAPI
schema is made from them): every key, its order and the column it is read from come from their fields
here; only how each nested list is joined and ordered is written in this module. A test checks that the
serializers reading the instances give the same JSON.
"""

import json
from collections.abc import Iterable
from functools import cache

import orjson
from django.db import connection
from django.db.models import Model, QuerySet
from django.db.models.expressions import RawSQL
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
from registry.models import (
    Article,
    ArticleFunding,
    Authorship,
    DeclaredInterest,
    Disclosure,
    Interest,
    Organization,
    Person,
    Topic,
)

# Fields whose value is another record or a list of them: written by this module's own subqueries.
NESTED = (drf.BaseSerializer, drf.RelatedField, drf.ManyRelatedField, drf.SerializerMethodField)
# The annotation holding an article's JSON.
JSON_ANNOTATION = "api_json"


class Shape:
    """One serializer's keys in order and, for each plain field, the column it is read from (its `source`
    on the serializer's model)."""

    def __init__(self, serializer_class: type[drf.ModelSerializer]):
        self.model: type[Model] = serializer_class.Meta.model
        fields = serializer_class().fields
        self.keys = list(fields)
        self.plain = {name: field for name, field in fields.items() if not isinstance(field, NESTED)}
        for name, field in self.plain.items():
            if isinstance(field, drf.DateTimeField):  # the database would write it otherwise than DRF
                raise TypeError(f"{serializer_class.__name__}.{name}: a date-time is not written in SQL")

    def object(self, sql: "Dialect", alias: str, nested: dict[str, str]) -> str:
        """The JSON object of one row of the model's table under `alias`: plain keys from their columns,
        nested keys from the SQL given for them."""
        if set(nested) != set(self.keys) - set(self.plain):
            raise ValueError(f"{self.model.__name__}: nested keys {sorted(nested)} of {self.keys}")
        pairs = []
        for key in self.keys:
            if key in nested:
                value = nested[key]
            else:
                field = self.model._meta.get_field(self.plain[key].source)
                value = sql.value(f"{alias}.{connection.ops.quote_name(field.column)}", field)
            pairs.append((key, value))
        return sql.object(pairs)


class Dialect:
    """How each database writes the JSON: as text joined from each value's JSON (json_quote() on SQLite,
    to_json() on PostgreSQL), compact, the bytes the API's renderer writes. Not with the databases' JSON
    objects: SQLite's (3.40) parse every nested value again at each level it is put into, PostgreSQL's
    write spaces between keys and values."""

    def __init__(self, vendor: str):
        self.sqlite = vendor == "sqlite"

    def object(self, pairs: list[tuple[str, str]]) -> str:
        members = " || ',' || ".join(f"{_literal(json.dumps(key) + ':')} || {value}" for key, value in pairs)
        return f"('{{' || {members} || '}}')"

    def value(self, column: str, field) -> str:
        # The JSON of the column's value, null included. SQLite keeps booleans as 0 and 1, and dates as
        # the ISO text DRF writes; PostgreSQL writes booleans and dates as DRF does.
        if not self.sqlite:
            return f"COALESCE(to_json({column})::text, 'null')"
        if field.get_internal_type() == "BooleanField":
            return f"(CASE WHEN {column} IS NULL THEN 'null' WHEN {column} THEN 'true' ELSE 'false' END)"
        return f"json_quote({column})"

    def array(self, element: str, rest: str, order: str) -> str:
        """The JSON array of `element` over the rows of `FROM … WHERE …` (`rest`), in `order`; [] when none."""
        if self.sqlite:
            # SQLite 3.40 takes no ORDER BY inside an aggregate; it aggregates in the subquery's order.
            return (
                f"(SELECT '[' || COALESCE(group_concat(element, ','), '') || ']' "
                f"FROM (SELECT {element} AS element {rest} ORDER BY {order}))"
            )
        return f"('[' || COALESCE((SELECT string_agg({element}, ',' ORDER BY {order}) {rest}), '') || ']')"

    def strings(self, column: str, rest: str, order: str) -> str:
        """The JSON array of the text `column` over the rows of `rest`, in `order`."""
        return self.array(f"json_quote({column})" if self.sqlite else f"to_json({column})::text", rest, order)


ARTICLE = Shape(ArticleSerializer)
FUNDING = Shape(FundingSerializer)
ORGANIZATION = Shape(OrganizationRefSerializer)
AUTHOR = Shape(AuthorSerializer)
PERSON = Shape(PersonRefSerializer)
DISCLOSURE = Shape(PublicDisclosureSerializer)
TIE = Shape(PublicInterestSerializer)


def _table(model: type[Model], alias: str) -> str:
    return f"{connection.ops.quote_name(model._meta.db_table)} {alias}"


def _column(model: type[Model], alias: str, name: str) -> str:
    return f"{alias}.{connection.ops.quote_name(model._meta.get_field(name).column)}"


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@cache
def article_json_sql(vendor: str) -> str:
    """The JSON of the article of the enclosing query (its table under its own name), as
    ArticleSerializer writes it."""
    sql, c = Dialect(vendor), _column
    article = connection.ops.quote_name(Article._meta.db_table)
    article_id = f"{article}.{connection.ops.quote_name(Article._meta.pk.column)}"
    through = Article.topics.through
    topics = sql.strings(
        c(Topic, "t", "name"),
        f"FROM {_table(through, 'at')} JOIN {_table(Topic, 't')} "
        f"ON {c(Topic, 't', 'id')} = {c(through, 'at', 'topic')} "
        f"WHERE {c(through, 'at', 'article')} = {article_id}",
        f"{c(Topic, 't', 'name')}, {c(Topic, 't', 'id')}",
    )
    funders = sql.array(
        FUNDING.object(sql, "f", {"organization": ORGANIZATION.object(sql, "fo", {})}),
        f"FROM {_table(ArticleFunding, 'f')} JOIN {_table(Organization, 'fo')} "
        f"ON {c(Organization, 'fo', 'id')} = {c(ArticleFunding, 'f', 'organization')} "
        f"WHERE {c(ArticleFunding, 'f', 'article')} = {article_id}",
        f"{c(Organization, 'fo', 'name')}, {c(ArticleFunding, 'f', 'id')}",
    )
    # A tie's organization when the declared name was resolved to a record, else null.
    tie_organization = (
        f"CASE WHEN {c(Interest, 'i', 'organization')} IS NULL THEN 'null' "
        f"ELSE {ORGANIZATION.object(sql, 'io', {})} END"
    )
    ties = sql.array(
        TIE.object(sql, "i", {"organization": tie_organization}),
        f"FROM {_table(DeclaredInterest, 'di')} JOIN {_table(Interest, 'i')} "
        f"ON {c(Interest, 'i', 'id')} = {c(DeclaredInterest, 'di', 'interest')} "
        f"LEFT JOIN {_table(Organization, 'io')} ON {c(Organization, 'io', 'id')} = {c(Interest, 'i', 'organization')} "
        f"WHERE {c(DeclaredInterest, 'di', 'disclosure')} = {c(Disclosure, 'd', 'id')}",
        f"{c(Interest, 'i', 'category')}, {c(Interest, 'i', 'organization_name')}, {c(DeclaredInterest, 'di', 'id')}",
    )
    disclosure = (
        f"CASE WHEN {c(Disclosure, 'd', 'id')} IS NULL THEN 'null' "
        f"ELSE {DISCLOSURE.object(sql, 'd', {'interests': ties})} END"
    )
    authors = sql.array(
        AUTHOR.object(sql, "au", {"person": PERSON.object(sql, "p", {}), "disclosure": disclosure}),
        f"FROM {_table(Authorship, 'au')} JOIN {_table(Person, 'p')} "
        f"ON {c(Person, 'p', 'id')} = {c(Authorship, 'au', 'person')} "
        f"LEFT JOIN {_table(Disclosure, 'd')} ON {c(Disclosure, 'd', 'authorship')} = {c(Authorship, 'au', 'id')} "
        f"WHERE {c(Authorship, 'au', 'article')} = {article_id}",
        f"{c(Authorship, 'au', 'position')}, {c(Authorship, 'au', 'id')}",
    )
    return ARTICLE.object(sql, article, {"topics": topics, "funders": funders, "authors": authors})


def with_json(articles: QuerySet[Article]) -> QuerySet[Article]:
    """`articles` with each one's JSON (in JSON_ANNOTATION) and no other column but the id."""
    return articles.only("id").annotate(**{JSON_ANNOTATION: RawSQL(article_json_sql(connection.vendor), ())})


def article_rows(articles: Iterable[Article]) -> list[orjson.Fragment]:
    """The serialized form of each of `articles` (read through with_json()), as JSON the renderer puts in
    its output as it is (registry/api/renderers.py)."""
    return [orjson.Fragment(getattr(article, JSON_ANNOTATION)) for article in articles]
