"""/api/articles/ from plain rows: the articles of a page with their topics, funders, authors (each with
the person and the disclosure) and declared ties, read in one query as flat rows of five kinds, and put
together here as the dicts the renderer writes.

Each value comes from the database driver as it is (no Django converter, no model instance), and each
kind's dict is built by a dict literal made once from the serializers' fields (`_builder`). The database
used to write the JSON itself (each value through `to_json()` or `json_quote()`, joined as text, a sorted
subquery per disclosure): on PostgreSQL that was most of the server's time for a page, more than reading
the rows.

The serializers in registry/api/serializers.py stay the one description of that JSON (the OpenAPI
schema is made from them): every key, its order and the column it is read from come from their fields
here; only which rows are read, how each nested list is joined and ordered is written in this module. A
test checks that the serializers reading the instances give the same JSON.
"""

import weakref
from collections.abc import Sequence
from functools import cache

from django.db import connection
from django.db.models import Model, QuerySet
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

# Fields whose value is another record or a list of them: put together from rows of their own kind.
NESTED = (drf.BaseSerializer, drf.RelatedField, drf.ManyRelatedField, drf.SerializerMethodField)

# The kinds of row, in the order the query returns them.
ARTICLE, TOPIC, FUNDER, AUTHOR, TIE = range(5)

# A value's slot in the row, by the column's type: the branches of a UNION must agree on each column's
# type (PostgreSQL), so each kind puts its values in the slots of their type and leaves the others null.
SLOT_TYPES = {
    "AutoField": "int",
    "BigAutoField": "int",
    "IntegerField": "int",
    "BigIntegerField": "int",
    "SmallIntegerField": "int",
    "PositiveIntegerField": "int",
    "PositiveSmallIntegerField": "int",
    "ForeignKey": "int",
    "CharField": "text",
    "TextField": "text",
    "DateField": "date",
    "BooleanField": "bool",
}
SLOTS = {"int": 3, "text": 7, "date": 3, "bool": 2}
# kind, parent (the article or, for a tie, the disclosure), ref (an author's disclosure, a tie's
# organization), two text and two whole-number sort keys, then the slots.
HEAD = ("kind", "parent", "ref", "sort_text_1", "sort_text_2", "sort_int_1", "sort_int_2")
SLOT_COLUMNS = [(kind, n) for kind, count in SLOTS.items() for n in range(count)]
# The type of each column, which the first branch gives its nulls: PostgreSQL settles a UNION's types
# branch by branch from the first, and an untyped null there would be text.
SQL_TYPES = {"int": "bigint", "text": "text", "date": "date", "bool": "boolean"}
COLUMN_TYPES = ["int", "int", "int", "text", "text", "int", "int", *(kind for kind, _ in SLOT_COLUMNS)]
COLUMN_NAMES = [*HEAD, *(f"{kind}_{n}" for kind, n in SLOT_COLUMNS)]


def _q(name: str) -> str:
    return connection.ops.quote_name(name)


def _table(model: type[Model], alias: str) -> str:
    return f"{_q(model._meta.db_table)} {alias}"


def _column(model: type[Model], alias: str, name: str) -> str:
    return f"{alias}.{_q(model._meta.get_field(name).column)}"


class Shape:
    """One serializer's keys in order and, for each plain field, the model field it is read from (its
    `source` on the serializer's model)."""

    def __init__(self, serializer_class: type[drf.ModelSerializer]):
        self.model: type[Model] = serializer_class.Meta.model
        fields = serializer_class().fields
        self.keys = list(fields)
        self.plain = {
            name: self.model._meta.get_field(field.source)
            for name, field in fields.items()
            if not isinstance(field, NESTED)
        }
        for name, field in self.plain.items():
            if field.get_internal_type() not in SLOT_TYPES:  # e.g. a date-time, which DRF writes its own way
                raise TypeError(f"{serializer_class.__name__}.{name}: a {field.get_internal_type()} is not read here")


class Row:
    """How the plain values of one or more shapes sit in a kind's row: the SELECT list of its branch, and
    the Python expression of each shape's dict read back from a row `r`."""

    def __init__(self):
        self._next = dict.fromkeys(SLOTS, 0)
        self._values: dict[tuple[str, int], str] = {}

    def slot(self, field, sql: str) -> str:
        """Put the value `sql` of a column of `field`'s type in the next free slot of its type; the
        expression reading it from the row."""
        kind = SLOT_TYPES[field.get_internal_type()]
        n = self._next[kind]
        if n == SLOTS[kind]:
            raise ValueError(f"more than {SLOTS[kind]} {kind} values in one row")
        self._next[kind] = n + 1
        self._values[(kind, n)] = sql
        value = f"r[{len(HEAD) + SLOT_COLUMNS.index((kind, n))}]"
        if kind == "bool" and connection.vendor == "sqlite":  # SQLite gives 0 and 1
            return f"(None if {value} is None else {value} == 1)"
        return value

    def shape(self, shape: Shape, alias: str, nested: dict[str, str] | None = None) -> str:
        """The expression of `shape`'s dict, its plain values read from the table under `alias`, its
        nested keys' values the expressions given in `nested`."""
        nested = nested or {}
        if set(nested) != set(shape.keys) - set(shape.plain):
            raise ValueError(f"{shape.model.__name__}: nested keys {sorted(nested)} of {shape.keys}")
        values = {
            key: nested[key] if key in nested else self.slot(shape.plain[key], f"{alias}.{_q(shape.plain[key].column)}")
            for key in shape.keys
        }
        return "{" + ", ".join(f"{key!r}: {value}" for key, value in values.items()) + "}"

    def select(self, kind: int, parent: str, ref: str, sort: Sequence[str], rest: str, named: bool = False) -> str:
        """The branch of this kind: `FROM … WHERE …` (`rest`); `named`, its columns named (the first
        branch's names are the query's)."""
        values = [str(kind), parent, ref, *sort, *(self._values.get(slot, "NULL") for slot in SLOT_COLUMNS)]
        if named:
            values = [
                f"{f'CAST(NULL AS {SQL_TYPES[kind]})' if value == 'NULL' else value} AS {_q(name)}"
                for value, name, kind in zip(values, COLUMN_NAMES, COLUMN_TYPES, strict=True)
            ]
        return f"SELECT {', '.join(values)} {rest}"


def _builder(expression: str):
    """The function of a row `r` (and the ties by disclosure, `ties`) giving `expression`: a dict
    literal, as fast as Python builds a dict; made from the serializers' field names and the row's
    column numbers only."""
    return eval(f"lambda r, ties: {expression}", {"__builtins__": {}})


ARTICLE_SHAPE = Shape(ArticleSerializer)
FUNDING = Shape(FundingSerializer)
ORGANIZATION = Shape(OrganizationRefSerializer)
AUTHOR_SHAPE = Shape(AuthorSerializer)
PERSON = Shape(PersonRefSerializer)
DISCLOSURE = Shape(PublicDisclosureSerializer)
TIE_SHAPE = Shape(PublicInterestSerializer)


class Query:
    """The query of the rows of every kind for a set of articles, and the builders of their dicts."""

    def __init__(self, vendor: str):
        c = _column
        ids = "IN ({ids})"  # filled by article_rows() with the articles' ids or a query of them, or "= ANY($1)"
        null = "NULL"
        self.build = {}

        article = Row()
        self.build[ARTICLE] = _builder(
            article.shape(ARTICLE_SHAPE, "a", {"topics": "[]", "funders": "[]", "authors": "[]"})
        )
        branches = [
            article.select(
                ARTICLE,
                c(Article, "a", "id"),
                null,
                [null] * 4,
                f"FROM {_table(Article, 'a')} WHERE {c(Article, 'a', 'id')} {ids}",
                named=True,
            )
        ]

        topic = Row()
        self.build[TOPIC] = _builder(topic.slot(Topic._meta.get_field("name"), c(Topic, "t", "name")))
        through = Article.topics.through
        branches.append(
            topic.select(
                TOPIC,
                c(through, "at", "article"),
                null,
                [c(Topic, "t", "name"), null, c(Topic, "t", "id"), null],
                f"FROM {_table(through, 'at')} JOIN {_table(Topic, 't')} "
                f"ON {c(Topic, 't', 'id')} = {c(through, 'at', 'topic')} WHERE {c(through, 'at', 'article')} {ids}",
            )
        )

        funder = Row()
        self.build[FUNDER] = _builder(funder.shape(FUNDING, "f", {"organization": funder.shape(ORGANIZATION, "fo")}))
        branches.append(
            funder.select(
                FUNDER,
                c(ArticleFunding, "f", "article"),
                null,
                [c(Organization, "fo", "name"), null, c(ArticleFunding, "f", "id"), null],
                f"FROM {_table(ArticleFunding, 'f')} JOIN {_table(Organization, 'fo')} "
                f"ON {c(Organization, 'fo', 'id')} = {c(ArticleFunding, 'f', 'organization')} "
                f"WHERE {c(ArticleFunding, 'f', 'article')} {ids}",
            )
        )

        author = Row()
        # r[2], the author's disclosure (null when none is on file); its ties are filled as their rows come.
        disclosure = author.shape(DISCLOSURE, "d", {"interests": "ties.setdefault(r[2], [])"})
        self.build[AUTHOR] = _builder(
            author.shape(
                AUTHOR_SHAPE,
                "au",
                {"person": author.shape(PERSON, "p"), "disclosure": f"(None if r[2] is None else {disclosure})"},
            )
        )
        branches.append(
            author.select(
                AUTHOR,
                c(Authorship, "au", "article"),
                c(Disclosure, "d", "id"),
                [null, null, c(Authorship, "au", "position"), c(Authorship, "au", "id")],
                f"FROM {_table(Authorship, 'au')} JOIN {_table(Person, 'p')} "
                f"ON {c(Person, 'p', 'id')} = {c(Authorship, 'au', 'person')} "
                f"LEFT JOIN {_table(Disclosure, 'd')} "
                f"ON {c(Disclosure, 'd', 'authorship')} = {c(Authorship, 'au', 'id')} "
                f"WHERE {c(Authorship, 'au', 'article')} {ids}",
            )
        )

        tie = Row()
        # A tie's organization when the declared name was resolved to a record (r[2], its id), else null.
        organization = tie.shape(ORGANIZATION, "io")
        self.build[TIE] = _builder(
            tie.shape(TIE_SHAPE, "i", {"organization": f"(None if r[2] is None else {organization})"})
        )
        branches.append(
            tie.select(
                TIE,
                c(DeclaredInterest, "di", "disclosure"),
                c(Organization, "io", "id"),
                [
                    c(Interest, "i", "category"),
                    c(Interest, "i", "organization_name"),
                    c(DeclaredInterest, "di", "id"),
                    null,
                ],
                f"FROM {_table(DeclaredInterest, 'di')} "
                f"JOIN {_table(Disclosure, 'd')} "
                f"ON {c(Disclosure, 'd', 'id')} = {c(DeclaredInterest, 'di', 'disclosure')} "
                f"JOIN {_table(Authorship, 'au')} ON {c(Authorship, 'au', 'id')} = {c(Disclosure, 'd', 'authorship')} "
                f"JOIN {_table(Interest, 'i')} ON {c(Interest, 'i', 'id')} = {c(DeclaredInterest, 'di', 'interest')} "
                f"LEFT JOIN {_table(Organization, 'io')} "
                f"ON {c(Organization, 'io', 'id')} = {c(Interest, 'i', 'organization')} "
                f"WHERE {c(Authorship, 'au', 'article')} {ids}",
            )
        )
        self.branches = branches
        # By kind (so every author, and its disclosure, comes before the ties), then each nested list in
        # its serializer's order, text sorted by the database as before.
        self.order = "ORDER BY 1, 4, 5, 6, 7"


@cache
def _query(vendor: str) -> Query:
    return Query(vendor)


def article_rows(articles: Sequence[int] | QuerySet) -> list[dict]:
    """The serialized form of each article of `articles` (ids, or a query of them: values("pk")), in the
    order of the ids given (a query's: the database's), as ArticleSerializer writes it."""
    if not isinstance(articles, QuerySet):
        ids = list(articles)
        if not ids:
            return []
        ids_sql, ids_params = ", ".join(["%s"] * len(ids)), ids
    else:
        ids = None
        ids_sql, ids_params = articles.order_by().query.sql_with_params()
    query = _query(connection.vendor)
    with connection.cursor() as cursor:
        if ids is not None and connection.vendor == "postgresql":
            cursor.execute(f"EXECUTE {_prepared(query)}(%s::bigint[])", [ids])
        else:
            sql = " UNION ALL ".join(branch.replace("IN ({ids})", f"IN ({ids_sql})") for branch in query.branches)
            cursor.execute(f"{sql} {query.order}", [*ids_params] * len(query.branches))
        rows = cursor.fetchall()
    return _assemble(query, rows, ids)


# A page's ids on PostgreSQL go to the rows' query prepared once a connection: planning that union of
# five joins was 1.5-2 ms of the server's 3-5 for a page of 20, and the 10 KB of its text were sent each
# time. (SQLite's driver keeps its statements prepared by itself.)
PREPARED_NAME = "registry_article_rows"
_prepared_on: "weakref.WeakSet" = weakref.WeakSet()  # the driver's connections holding the statement


def _prepared(query: Query) -> str:
    """The name of the rows' query prepared on this connection (prepared now if it is not yet), which
    takes the articles' ids as one array. The PREPARE goes to the driver's connection itself, as the
    connection's setup does: it is no query of the page, and it outlives a rolled-back transaction."""
    raw = connection.connection
    if raw not in _prepared_on:
        held = raw.execute("SELECT 1 FROM pg_prepared_statements WHERE name = %s", [PREPARED_NAME]).fetchone()
        if held:  # prepared by an earlier copy of this module on the same connection
            raw.execute(f"DEALLOCATE {PREPARED_NAME}")
        sql = " UNION ALL ".join(branch.replace("IN ({ids})", "= ANY($1)") for branch in query.branches)
        raw.execute(f"PREPARE {PREPARED_NAME}(bigint[]) AS {sql} {query.order}")
        _prepared_on.add(raw)
    return PREPARED_NAME


def _assemble(query: Query, rows: list[tuple], ids: list[int] | None) -> list[dict]:
    """The articles' dicts from their rows, which come by kind: articles, topics, funders, authors, ties."""
    build = query.build
    articles: dict[int, dict] = {}
    ties: dict[int, list[dict]] = {}  # by disclosure
    lists = {TOPIC: "topics", FUNDER: "funders", AUTHOR: "authors"}
    for row in rows:
        kind = row[0]
        if kind == ARTICLE:
            articles[row[1]] = build[ARTICLE](row, ties)
        elif kind == TIE:
            ties[row[1]].append(build[TIE](row, ties))
        else:
            articles[row[1]][lists[kind]].append(build[kind](row, ties))
    if ids is None:
        return list(articles.values())
    return [articles[pk] for pk in ids if pk in articles]


def forget_prepared(db) -> None:
    """Drop the rows' query prepared on `db`'s connection, as a new connection has none (for tests)."""
    if db.vendor == "postgresql" and db.connection in _prepared_on:
        db.connection.execute(f"DEALLOCATE {PREPARED_NAME}")
        _prepared_on.discard(db.connection)
