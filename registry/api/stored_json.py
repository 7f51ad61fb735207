"""/api/articles/ from stored JSON: each article's JSON, as the list shows it, is kept in
`registry_articlejson` (ArticleJson), so that a page is one read of the page's ids with their texts and
the count (registry/api/pagination.py), the texts put into the response as they are (`orjson.Fragment`).
Serializing a page of 20 articles (some 470 rows through 2,200 index probes, then 97 KB of JSON) was
5-20 times the floor page.

Stale, not rebuilt, on write. Triggers on every table the JSON shows (the article, its topics and their
names, fundings and the funders' names, authorships, the people's names and ORCID iDs, disclosures,
declarations, interests, the organizations' names) clear the text of the articles a write touches and
count a new `version`, whatever writes them: the admin, the importers' raw SQL and COPY, the bulk merges,
publication, deletes. A new article gets its row from the article's insert trigger, a deleted one loses
it in its delete trigger.

Rebuilt on read, in bulk: a page whose texts are stale (or of an older `shape`, the JSON's description
having changed) writes them in one statement that builds them in SQL and returns them, so a page is 2
queries when a change made some of its articles stale, 1 when none is. Building in the writing
transaction instead would put the JSON of every article an import, a merge or an organization's rename
touches into that transaction (a whole registry's at generation), and on SQLite, whose triggers run once
a row, again at every row; reading builds each text once, when someone asks for it.

A text built from data older than the last change is never stored: the rebuild stores a text only where
the row's version is still the one the page read, and, on PostgreSQL, only on rows no writer holds
(`SKIP LOCKED`: a writer marks its articles stale inside its own transaction, so a row it holds may be
changing; the reader serves the text it built and leaves the row stale). On SQLite a statement that
writes reads the newest data under the database's write lock; the rebuild does not wait for that lock
(an import may hold it for seconds) and serves what it built without storing it. Either case costs the
page one query more, the text read without being stored.

The JSON is what ArticleSerializer describes, written by the database as text joined from each value's
JSON (json_quote() on SQLite, to_json() on PostgreSQL), compact, the bytes the API's renderer writes
(keys, their order and their columns from the serializers' fields, through article_rows' shapes).
"""

import hashlib
import json
from dataclasses import dataclass
from functools import cache

import orjson
from django.db import OperationalError
from django.db import connection as default_connection

from registry import public_set
from registry.api.article_rows import (
    ARTICLE_SHAPE,
    AUTHOR_SHAPE,
    DISCLOSURE,
    FUNDING,
    ORGANIZATION,
    PERSON,
    TIE_SHAPE,
    Shape,
    _column,
    _q,
    _table,
)
from registry.enums import ArticleStatus
from registry.models import (
    Article,
    ArticleFunding,
    ArticleJson,
    Authorship,
    DeclaredInterest,
    Disclosure,
    Interest,
    Organization,
    Person,
    Topic,
)

TABLE = ArticleJson._meta.db_table
ARTICLE_TABLE = Article._meta.db_table
TOPICS_TABLE = Article.topics.through._meta.db_table
PUBLISHED = ArticleStatus.PUBLISHED.value


# The JSON in SQL ------------------------------------------------------------------------------------


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


class Dialect:
    """How each database writes JSON: text joined from each value's JSON, compact. Not with the databases'
    JSON objects: SQLite's (3.40) parse every nested value again at each level it is put into, PostgreSQL's
    write spaces between keys and values."""

    def __init__(self, vendor: str):
        self.sqlite = vendor == "sqlite"

    def object(self, shape: Shape, alias: str, nested: dict[str, str] | None = None) -> str:
        """The JSON object of one row of `shape`'s table under `alias`: plain keys from their columns,
        nested keys from the SQL given for them."""
        nested = nested or {}
        if set(nested) != set(shape.keys) - set(shape.plain):
            raise ValueError(f"{shape.model.__name__}: nested keys {sorted(nested)} of {shape.keys}")
        members = []
        for key in shape.keys:
            value = (
                nested[key] if key in nested else self.value(f"{alias}.{_q(shape.plain[key].column)}", shape.plain[key])
            )
            members.append(f"{_literal(json.dumps(key) + ':')} || {value}")
        return "('{' || " + " || ',' || ".join(members) + " || '}')"

    def value(self, column: str, field) -> str:
        # SQLite keeps booleans as 0 and 1, and dates as the ISO text DRF writes; PostgreSQL writes
        # booleans and dates as DRF does.
        if not self.sqlite:
            return f"COALESCE(to_json({column})::text, 'null')"
        if field.get_internal_type() == "BooleanField":
            return f"(CASE WHEN {column} IS NULL THEN 'null' WHEN {column} THEN 'true' ELSE 'false' END)"
        return f"json_quote({column})"

    def array(self, element: str, rest: str, order: str) -> str:
        """The JSON array of `element` over the rows of `FROM … WHERE …` (`rest`), in `order`; [] when none."""
        if self.sqlite:  # SQLite 3.40 takes no ORDER BY inside an aggregate; it aggregates in the subquery's order
            return (
                f"(SELECT '[' || COALESCE(group_concat(element, ','), '') || ']' "
                f"FROM (SELECT {element} AS element {rest} ORDER BY {order}))"
            )
        return f"('[' || COALESCE((SELECT string_agg({element}, ',' ORDER BY {order}) {rest}), '') || ']')"

    def string(self, column: str) -> str:
        return f"json_quote({column})" if self.sqlite else f"to_json({column})::text"


@cache
def json_sql(vendor: str) -> str:
    """The JSON of the row of `registry_article` (under its table's own name) of the enclosing query, as
    ArticleSerializer writes it; each nested list in the order article_rows reads it."""
    sql, c = Dialect(vendor), _column
    article_id = f"{_q(ARTICLE_TABLE)}.{_q(Article._meta.pk.column)}"
    through = Article.topics.through
    topics = sql.array(
        sql.string(c(Topic, "t", "name")),
        f"FROM {_table(through, 'at')} JOIN {_table(Topic, 't')} "
        f"ON {c(Topic, 't', 'id')} = {c(through, 'at', 'topic')} "
        f"WHERE {c(through, 'at', 'article')} = {article_id}",
        f"{c(Topic, 't', 'name')}, {c(Topic, 't', 'id')}",
    )
    funders = sql.array(
        sql.object(FUNDING, "f", {"organization": sql.object(ORGANIZATION, "fo")}),
        f"FROM {_table(ArticleFunding, 'f')} JOIN {_table(Organization, 'fo')} "
        f"ON {c(Organization, 'fo', 'id')} = {c(ArticleFunding, 'f', 'organization')} "
        f"WHERE {c(ArticleFunding, 'f', 'article')} = {article_id}",
        f"{c(Organization, 'fo', 'name')}, {c(ArticleFunding, 'f', 'id')}",
    )
    # A tie's organization when the declared name was resolved to a record, else null.
    tie_organization = (
        f"CASE WHEN {c(Interest, 'i', 'organization')} IS NULL THEN 'null' ELSE {sql.object(ORGANIZATION, 'io')} END"
    )
    ties = sql.array(
        sql.object(TIE_SHAPE, "i", {"organization": tie_organization}),
        f"FROM {_table(DeclaredInterest, 'di')} JOIN {_table(Interest, 'i')} "
        f"ON {c(Interest, 'i', 'id')} = {c(DeclaredInterest, 'di', 'interest')} "
        f"LEFT JOIN {_table(Organization, 'io')} ON {c(Organization, 'io', 'id')} = {c(Interest, 'i', 'organization')} "
        f"WHERE {c(DeclaredInterest, 'di', 'disclosure')} = {c(Disclosure, 'd', 'id')}",
        f"{c(Interest, 'i', 'category')}, {c(Interest, 'i', 'organization_name')}, {c(DeclaredInterest, 'di', 'id')}",
    )
    disclosure = (
        f"CASE WHEN {c(Disclosure, 'd', 'id')} IS NULL THEN 'null' "
        f"ELSE {sql.object(DISCLOSURE, 'd', {'interests': ties})} END"
    )
    authors = sql.array(
        sql.object(AUTHOR_SHAPE, "au", {"person": sql.object(PERSON, "p"), "disclosure": disclosure}),
        f"FROM {_table(Authorship, 'au')} JOIN {_table(Person, 'p')} "
        f"ON {c(Person, 'p', 'id')} = {c(Authorship, 'au', 'person')} "
        f"LEFT JOIN {_table(Disclosure, 'd')} ON {c(Disclosure, 'd', 'authorship')} = {c(Authorship, 'au', 'id')} "
        f"WHERE {c(Authorship, 'au', 'article')} = {article_id}",
        f"{c(Authorship, 'au', 'position')}, {c(Authorship, 'au', 'id')}",
    )
    return sql.object(ARTICLE_SHAPE, _q(ARTICLE_TABLE), {"topics": topics, "funders": funders, "authors": authors})


@cache
def shape(vendor: str) -> str:
    """The name of the JSON's description: a text stored under another was written by other code."""
    return hashlib.sha1(json_sql(vendor).encode()).hexdigest()[:16]


def _built(vendor: str) -> str:
    """The JSON of the article whose id is the stored row's (in an UPDATE of the table)."""
    return f"(SELECT {json_sql(vendor)} FROM {_q(ARTICLE_TABLE)} WHERE {_q(ARTICLE_TABLE)}.id = {TABLE}.article_id)"


# Reading a page -------------------------------------------------------------------------------------


def page(rows: list[tuple[int, str | None, int | None, str | None]], connection=default_connection) -> list:
    """The JSON of each article of a page, in order, from its rows (id, stored text, version, shape):
    fragments the renderer writes as they are; the stale ones rebuilt, stored and read in one query."""
    current = shape(connection.vendor)
    texts = {pk: text for pk, text, _, kept in rows if text is not None and kept == current}
    stale = {pk: version for pk, text, version, kept in rows if pk not in texts}
    if stale:
        texts.update(rebuild(stale, connection))
    return [orjson.Fragment(texts[pk]) for pk, *_ in rows]


def rebuild(stale: dict[int, int | None], connection=default_connection) -> dict[int, str]:
    """Build the JSON of the articles `stale` (id: the version the caller read) and store each where the
    row is still at that version and no writer holds it; every text built is returned."""
    vendor = connection.vendor
    built: dict[int, str] = {}
    with connection.cursor() as cursor:
        if vendor == "postgresql":
            ids, versions = list(stale), [stale[pk] for pk in stale]
            cursor.execute(
                f"UPDATE {TABLE} SET text = {_built(vendor)}, shape = %s WHERE article_id IN ("
                f"SELECT j.article_id FROM {TABLE} j JOIN unnest(%s::bigint[], %s::bigint[]) s(id, version) "
                "ON j.article_id = s.id AND j.version = s.version FOR UPDATE OF j SKIP LOCKED"
                ") RETURNING article_id, text",
                [shape(vendor), ids, versions],
            )
            built.update(cursor.fetchall())
        else:
            places = ", ".join(["%s"] * len(stale))
            try:
                with _not_waiting(connection):
                    cursor.execute(
                        f"UPDATE {TABLE} SET text = {_built(vendor)}, shape = %s WHERE article_id IN ({places}) "
                        "RETURNING article_id, text",
                        [shape(vendor), *stale],
                    )
                    built.update(cursor.fetchall())
            except OperationalError:  # another connection is writing: serve the JSON without storing it
                built = {}
        missing = [pk for pk in stale if pk not in built]
        if missing:
            places = ", ".join(["%s"] * len(missing))
            cursor.execute(
                f"SELECT id, {json_sql(vendor)} FROM {_q(ARTICLE_TABLE)} WHERE id IN ({places})",
                missing,
            )
            built.update(cursor.fetchall())
    return built


class _not_waiting:
    """SQLite: no busy timeout for the block (a statement needing the write lock fails at once instead
    of waiting for another connection's transaction), as a pragma on the driver's connection."""

    def __init__(self, connection):
        self.raw = connection.connection

    def __enter__(self):
        (self.timeout,) = self.raw.execute("PRAGMA busy_timeout").fetchone()
        self.raw.execute("PRAGMA busy_timeout = 0")

    def __exit__(self, *exc):
        self.raw.execute(f"PRAGMA busy_timeout = {int(self.timeout)}")
        return False


# Keeping it: the triggers --------------------------------------------------------------------------


def _shown(shape: Shape, *keys: str) -> tuple[str, ...]:
    """The columns of `shape`'s table the JSON shows (its id aside), and the keys joining it to an article."""
    return (*(field.column for field in shape.plain.values() if not field.primary_key), *keys)


_OF_DISCLOSURES = "JOIN registry_authorship a ON a.id = s.authorship_id"
_OF_DECLARATIONS = "JOIN registry_disclosure s ON s.id = d.disclosure_id " + _OF_DISCLOSURES


@dataclass(frozen=True)
class Source:
    """A table the JSON shows: the columns whose change changes it, and the query of the articles whose
    JSON a set of its rows (`{changed} c`, with the id and those columns) is in."""

    table: str
    columns: tuple[str, ...]
    articles: str


SOURCES = [
    # The status too, which the JSON does not show: a published article's text is never one kept from
    # before its publication (or withdrawal), whatever wrote it.
    Source(ARTICLE_TABLE, _shown(ARTICLE_SHAPE, "status"), "SELECT c.id FROM {changed} c"),
    Source(TOPICS_TABLE, ("article_id", "topic_id"), "SELECT c.article_id FROM {changed} c"),
    Source(
        Topic._meta.db_table,
        ("name",),
        f"SELECT at.article_id FROM {{changed}} c JOIN {TOPICS_TABLE} at ON at.topic_id = c.id",
    ),
    Source(
        ArticleFunding._meta.db_table,
        _shown(FUNDING, "article_id", "organization_id"),
        "SELECT c.article_id FROM {changed} c",
    ),
    Source(
        Organization._meta.db_table,
        _shown(ORGANIZATION),
        "SELECT f.article_id FROM {changed} c JOIN registry_articlefunding f ON f.organization_id = c.id "
        "UNION SELECT a.article_id FROM {changed} c JOIN registry_interest i ON i.organization_id = c.id "
        "JOIN registry_declaredinterest d ON d.interest_id = i.id " + _OF_DECLARATIONS,
    ),
    Source(
        Authorship._meta.db_table,
        _shown(AUTHOR_SHAPE, "article_id", "person_id"),
        "SELECT c.article_id FROM {changed} c",
    ),
    Source(
        Person._meta.db_table,
        _shown(PERSON),
        "SELECT a.article_id FROM {changed} c JOIN registry_authorship a ON a.person_id = c.id",
    ),
    Source(
        Disclosure._meta.db_table,
        _shown(DISCLOSURE, "authorship_id"),
        "SELECT a.article_id FROM {changed} c JOIN registry_authorship a ON a.id = c.authorship_id",
    ),
    Source(
        DeclaredInterest._meta.db_table,
        ("disclosure_id", "interest_id"),
        "SELECT a.article_id FROM {changed} c JOIN registry_disclosure s ON s.id = c.disclosure_id " + _OF_DISCLOSURES,
    ),
    Source(
        Interest._meta.db_table,
        _shown(TIE_SHAPE, "organization_id"),
        "SELECT a.article_id FROM {changed} c JOIN registry_declaredinterest d ON d.interest_id = c.id "
        + _OF_DECLARATIONS,
    ),
]
OPERATIONS = ("insert", "delete", "update")


def _trigger(source: Source, operation: str) -> str:
    return f"{source.table}_json_{operation}"


def _postgresql_statements() -> list[str]:
    statements = []
    for source in SOURCES:
        for operation, rows in public_set.transition_rows(source.columns).items():
            operation = operation.lower()
            # Stale: the text cleared and the version counted, the rows locked in id order (two writers
            # marking the same articles take them in the same order).
            body = (
                f"UPDATE {TABLE} SET text = NULL, version = version + 1 WHERE article_id IN ("
                f"SELECT j.article_id FROM {TABLE} j WHERE j.article_id IN ({source.articles.format(changed=rows)}) "
                "ORDER BY j.article_id FOR UPDATE);"
            )
            if source.table == ARTICLE_TABLE and operation == "insert":
                body = (
                    f"INSERT INTO {TABLE} (article_id, text, version, shape) SELECT id, NULL, 0, '' FROM new_rows "
                    f"ON CONFLICT (article_id) DO UPDATE SET text = NULL, version = {TABLE}.version + 1;"
                )
            elif source.table == ARTICLE_TABLE and operation == "delete":
                body = f"DELETE FROM {TABLE} WHERE article_id IN (SELECT id FROM old_rows);"
            name = _trigger(source, operation)
            statements += [
                f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                f"BEGIN {body} RETURN NULL; END $$",
                f"DROP TRIGGER IF EXISTS {name} ON {source.table}",
                f"CREATE TRIGGER {name} AFTER {operation.upper()} ON {source.table} "
                f"REFERENCING {public_set.REFERENCING[operation.upper()]} FOR EACH STATEMENT EXECUTE FUNCTION {name}()",
            ]
    return statements


def _sqlite_statements() -> list[str]:
    statements = []
    for source in SOURCES:

        def stale(*aliases: str, source=source) -> str:
            # A text already stale stays so: on SQLite the rebuild reads the newest data under the write
            # lock, so the version is only PostgreSQL's guard.
            articles = " UNION ".join(
                source.articles.format(changed=public_set.row_of(alias, source.columns)) for alias in aliases
            )
            return (
                f"UPDATE {TABLE} SET text = NULL, version = version + 1 "
                f"WHERE article_id IN ({articles}) AND text IS NOT NULL;"
            )

        changed_keys = public_set.any_changed(source.columns)
        triggers = {
            "insert": f"AFTER INSERT ON {source.table} BEGIN {stale('NEW')} END",
            "delete": f"AFTER DELETE ON {source.table} BEGIN {stale('OLD')} END",
            "update": (
                f"AFTER UPDATE OF {', '.join(source.columns)} ON {source.table} WHEN {changed_keys} "
                f"BEGIN {stale('NEW', 'OLD')} END"
            ),
        }
        if source.table == ARTICLE_TABLE:
            triggers["insert"] = (
                f"AFTER INSERT ON {source.table} BEGIN "
                f"INSERT OR REPLACE INTO {TABLE} (article_id, text, version, shape) VALUES (NEW.id, NULL, 0, ''); END"
            )
            triggers["delete"] = (
                f"AFTER DELETE ON {source.table} BEGIN DELETE FROM {TABLE} WHERE article_id = OLD.id; END"
            )
        for operation, definition in triggers.items():
            name = _trigger(source, operation)
            statements += [f"DROP TRIGGER IF EXISTS {name}", f"CREATE TRIGGER {name} {definition}"]
    return statements


def trigger_names() -> set[str]:
    return {_trigger(source, operation) for source in SOURCES for operation in OPERATIONS}


def install(connection=default_connection) -> None:
    """Create or replace the triggers (idempotent)."""
    statements = _postgresql_statements() if connection.vendor == "postgresql" else _sqlite_statements()
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def uninstall(connection=default_connection) -> None:
    with connection.cursor() as cursor:
        for source in SOURCES:
            for operation in OPERATIONS:
                name = _trigger(source, operation)
                if connection.vendor == "postgresql":
                    cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {source.table}")
                    cursor.execute(f"DROP FUNCTION IF EXISTS {name}()")
                else:
                    cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


def installed(connection=default_connection) -> bool:
    return trigger_names() <= public_set.triggers_in_place(connection)


def add_missing_rows(connection=default_connection) -> None:
    """A row, its text to be built, for every article that has none: one written while the triggers were
    not installed (during a migrate) would otherwise be built at every read and never kept."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {TABLE} (article_id, text, version, shape) SELECT a.id, NULL, 0, '' FROM {ARTICLE_TABLE} a "
            f"WHERE NOT EXISTS (SELECT 1 FROM {TABLE} j WHERE j.article_id = a.id)"
        )


def stored_drift(connection=default_connection) -> list[int]:
    """The published articles whose stored, fresh text differs from the JSON their data gives now (a
    check: none, unless a write went round the triggers)."""
    vendor = connection.vendor
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT j.article_id FROM {TABLE} j JOIN {ARTICLE_TABLE} ON {ARTICLE_TABLE}.id = j.article_id "
            f"WHERE j.text IS NOT NULL AND j.shape = %s AND {ARTICLE_TABLE}.status = %s "
            f"AND j.text <> {json_sql(vendor)} ORDER BY j.article_id",
            [shape(vendor), PUBLISHED],
        )
        return [pk for (pk,) in cursor.fetchall()]
