"""The public set, kept: `Person.is_public` (authors of a published article), `Organization.is_public`
(named by a published declaration or funding a published article) and `Article.declares_ties` (an author
declares a tie in a disclosure in force), maintained by database triggers.

Computed on every list request, these conditions read every authorship or every declaration (seconds at
the large scale for the organizations' count). Kept as columns, a count or a page is an index read.

Only the database sees every write: the admin, the importers (some write raw SQL or COPY), the bulk
merges, publication and withdrawal, deletes. So triggers on each table the conditions read recompute
the flag of the people and organizations a write touches:

- article (its status), authorship (person, article), disclosure (authorship, status), declared interest
  (disclosure, interest), interest (organization), article funding (article, organization);
- on PostgreSQL, statement triggers (transition tables, so a COPY of a million declarations costs one
  statement) only note the ids they touch, in a temporary table; one deferred constraint trigger
  recomputes them once, at commit, however many statements of the transaction touched them (an
  imported article's authorships, disclosures, declarations and fundings arrive in four). It locks the
  rows it recomputes first, in id order, so two transactions publishing or withdrawing an author's
  articles at once cannot both keep a stale flag: the second waits for the first's commit and sees it.
  A reader inside the writing transaction sees the flags as they were until then: `refresh_now()`
  brings them up to date (nothing in the product reads them while writing; tests refresh at every
  statement, `refresh_at_each_statement()`, as their transaction never commits);
- on SQLite, per-row triggers (the only kind), each computing a value once and only for the rows whose
  flag the write can move: an insert can only set flags, a delete only clear them. A bulk writer that
  inserts thousands of rows a table (the importers' new articles) wraps them in `inserts_refreshed_once()`:
  its insert triggers skip the rows it adds (new ids above the marks it notes in a table of its own, inside
  its transaction, where no other connection sees them: SQLite takes one writer at a time) and it
  recomputes the flags those rows touch once, set-wise, before it leaves; updates and deletes, and every
  other writer's inserts, are refreshed row by row as always.

The flags themselves cannot be written stale: a write to a flag (an edit form holding an old copy,
anything) is replaced by the value the data gives, and a new row is given that value too (on PostgreSQL,
at commit).

`drift()` lists the rows whose flag disagrees with the data; `repair()` recomputes them (both used by
`manage.py public_set`). The triggers are (re)installed by the migration that adds the newest flag and
after every migrate, because SQLite drops a table's triggers when a migration rebuilds the table; a new
flag needs its own migration to install and repair again (an older migration runs before its column exists).
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import connection as default_connection
from django.db import transaction

from registry.enums import DISCLOSURE_STATUSES_IN_FORCE, ArticleStatus

PUBLISHED = ArticleStatus.PUBLISHED.value

PERSON_TABLE = "registry_person"
ORGANIZATION_TABLE = "registry_organization"
ARTICLE_TABLE = "registry_article"
IN_FORCE = ", ".join(f"'{status.value}'" for status in sorted(DISCLOSURE_STATUSES_IN_FORCE))
OPERATIONS = ("insert", "delete", "update")


def person_public_sql(person_id: str) -> str:
    # CROSS JOIN: SQLite then keeps the order written, the person's authorships first. Without statistics
    # (a registry nobody ran ANALYZE on, a table being filled) it started from the published articles'
    # index and probed each article's authorships for the person: a scan of every published article per
    # authorship written. PostgreSQL plans it as any inner join.
    return (
        "EXISTS (SELECT 1 FROM registry_authorship pa CROSS JOIN registry_article pr "
        f"WHERE pr.id = pa.article_id AND pa.person_id = {person_id} AND pr.status = '{PUBLISHED}')"
    )


def organization_public_sql(organization_id: str) -> str:
    declared = (
        "EXISTS (SELECT 1 FROM registry_interest oi "
        "JOIN registry_declaredinterest od ON od.interest_id = oi.id "
        "JOIN registry_disclosure os ON os.id = od.disclosure_id "
        "JOIN registry_authorship oa ON oa.id = os.authorship_id "
        "JOIN registry_article orr ON orr.id = oa.article_id "
        f"WHERE oi.organization_id = {organization_id} AND orr.status = '{PUBLISHED}')"
    )
    funded = (
        "EXISTS (SELECT 1 FROM registry_articlefunding ofu JOIN registry_article ofa ON ofa.id = ofu.article_id "
        f"WHERE ofu.organization_id = {organization_id} AND ofa.status = '{PUBLISHED}')"
    )
    return f"({declared} OR {funded})"


def declares_ties_sql(article_id: str) -> str:
    return (
        "EXISTS (SELECT 1 FROM registry_authorship ta JOIN registry_disclosure ts ON ts.authorship_id = ta.id "
        "JOIN registry_declaredinterest td ON td.disclosure_id = ts.id "
        f"WHERE ta.article_id = {article_id} AND ts.status IN ({IN_FORCE}))"
    )


# Every id whose flag is true, as one query each (for drift(): one pass over the tables, not a probe per row).
PUBLIC_PEOPLE = (
    "SELECT DISTINCT a.person_id AS id FROM registry_authorship a JOIN registry_article r ON r.id = a.article_id "
    f"WHERE r.status = '{PUBLISHED}'"
)
PUBLIC_ORGANIZATIONS = (
    "SELECT i.organization_id AS id FROM registry_interest i "
    "JOIN registry_declaredinterest d ON d.interest_id = i.id "
    "JOIN registry_disclosure s ON s.id = d.disclosure_id "
    "JOIN registry_authorship a ON a.id = s.authorship_id "
    f"JOIN registry_article r ON r.id = a.article_id WHERE r.status = '{PUBLISHED}' "
    "AND i.organization_id IS NOT NULL "
    "UNION SELECT f.organization_id FROM registry_articlefunding f JOIN registry_article r ON r.id = f.article_id "
    f"WHERE r.status = '{PUBLISHED}'"
)
ARTICLES_WITH_TIES = (
    "SELECT DISTINCT a.article_id AS id FROM registry_authorship a "
    "JOIN registry_disclosure s ON s.authorship_id = a.id "
    f"JOIN registry_declaredinterest d ON d.disclosure_id = s.id WHERE s.status IN ({IN_FORCE})"
)


@dataclass(frozen=True)
class Flag:
    """A kept boolean column: its table, its name, its value for one row as SQL, and every true row's id."""

    table: str
    column: str
    value_sql: Callable[[str], str]
    true_ids: str
    id_column: str  # what the Sources' queries return ids of this table as
    name: str  # of its value function; its refresh function and triggers add `_refresh`, `_keep`, `_keep_insert`


PERSON = Flag(PERSON_TABLE, "is_public", person_public_sql, PUBLIC_PEOPLE, "person_id", "registry_person_public")
ORGANIZATION = Flag(
    ORGANIZATION_TABLE,
    "is_public",
    organization_public_sql,
    PUBLIC_ORGANIZATIONS,
    "organization_id",
    "registry_organization_public",
)
ARTICLE = Flag(
    ARTICLE_TABLE, "declares_ties", declares_ties_sql, ARTICLES_WITH_TIES, "article_id", "registry_article_ties"
)
FLAGS = [PERSON, ORGANIZATION, ARTICLE]

_ORGS_OF_AUTHORSHIPS = (
    "JOIN registry_disclosure s ON s.authorship_id = {authorship} "
    "JOIN registry_declaredinterest d ON d.disclosure_id = s.id "
    "JOIN registry_interest i ON i.id = d.interest_id"
)


@dataclass(frozen=True)
class Source:
    """A table the flags read: the columns whose change matters, and, by flag, the query that gives from its
    changed rows (`{changed} c`) the ids whose flag to recompute (as the flag's `id_column`)."""

    table: str
    columns: tuple[str, ...]
    affects: dict[Flag, str]


SOURCES = [
    Source(
        "registry_article",
        ("status",),
        {
            PERSON: "SELECT a.person_id FROM {changed} c JOIN registry_authorship a ON a.article_id = c.id",
            ORGANIZATION: (
                "SELECT i.organization_id FROM {changed} c JOIN registry_authorship a ON a.article_id = c.id "
                + _ORGS_OF_AUTHORSHIPS.format(authorship="a.id")
                + " UNION SELECT f.organization_id FROM {changed} c "
                "JOIN registry_articlefunding f ON f.article_id = c.id"
            ),
        },
    ),
    Source(
        "registry_authorship",
        ("person_id", "article_id"),
        {
            PERSON: "SELECT c.person_id FROM {changed} c",
            ORGANIZATION: "SELECT i.organization_id FROM {changed} c " + _ORGS_OF_AUTHORSHIPS.format(authorship="c.id"),
            ARTICLE: "SELECT c.article_id FROM {changed} c",
        },
    ),
    Source(
        "registry_disclosure",
        ("authorship_id", "status"),
        {
            ORGANIZATION: (
                "SELECT i.organization_id FROM {changed} c JOIN registry_declaredinterest d ON d.disclosure_id = c.id "
                "JOIN registry_interest i ON i.id = d.interest_id"
            ),
            ARTICLE: "SELECT a.article_id FROM {changed} c JOIN registry_authorship a ON a.id = c.authorship_id",
        },
    ),
    Source(
        "registry_declaredinterest",
        ("disclosure_id", "interest_id"),
        {
            ORGANIZATION: "SELECT i.organization_id FROM {changed} c JOIN registry_interest i ON i.id = c.interest_id",
            ARTICLE: (
                "SELECT a.article_id FROM {changed} c JOIN registry_disclosure s ON s.id = c.disclosure_id "
                "JOIN registry_authorship a ON a.id = s.authorship_id"
            ),
        },
    ),
    Source("registry_interest", ("organization_id",), {ORGANIZATION: "SELECT c.organization_id FROM {changed} c"}),
    Source(
        "registry_articlefunding",
        ("article_id", "organization_id"),
        {ORGANIZATION: "SELECT c.organization_id FROM {changed} c"},
    ),
]


# PostgreSQL ---------------------------------------------------------------------------------------------

# The ids a transaction's writes touched, by flag (its place in FLAGS): a temporary table, one a session,
# made by the first write that needs it; emptied by the refresh and at every commit.
TOUCHED = "registry_public_set_touched"
# One row a transaction that touched anything, whose deferred constraint trigger refreshes the touched
# ids once, at commit (or when `SET CONSTRAINTS registry_public_set_refresh IMMEDIATE` asks for it).
PENDING = "registry_public_set_pending"
REFRESH = "registry_public_set_refresh"
# Set (for the transaction) once the pending row is written, so that later writes do not add another.
PENDING_SETTING = "registry.public_set_pending"


def _touch_sql(selects: list[str]) -> str:
    """PL/pgSQL: note the ids `selects` give (each `SELECT flag_index, id`) as touched, and ask for the
    refresh at commit if this transaction has not yet."""
    return f"""
        IF to_regclass('pg_temp.{TOUCHED}') IS NULL THEN
            CREATE TEMPORARY TABLE {TOUCHED} (flag smallint NOT NULL, id bigint NOT NULL) ON COMMIT DELETE ROWS;
        END IF;
        INSERT INTO pg_temp.{TOUCHED} (flag, id) {" UNION ALL ".join(selects)};
        IF FOUND AND current_setting('{PENDING_SETTING}', true) IS DISTINCT FROM 'on' THEN
            PERFORM set_config('{PENDING_SETTING}', 'on', true);
            INSERT INTO {PENDING} DEFAULT VALUES;
        END IF;"""


# A statement trigger's transition tables, by operation.
REFERENCING = {
    "INSERT": "NEW TABLE AS new_rows",
    "DELETE": "OLD TABLE AS old_rows",
    "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
}


def row_of(alias: str, columns: tuple[str, ...]) -> str:
    """A SQLite row trigger's row (NEW or OLD) as a one-row query of its id and `columns`."""
    return "(SELECT " + ", ".join(f"{alias}.{key} AS {key}" for key in ("id", *columns)) + ")"


def any_changed(columns: tuple[str, ...]) -> str:
    """A SQLite update trigger's condition: one of `columns` changed."""
    return " OR ".join(f"NEW.{column} IS NOT OLD.{column}" for column in columns)


def transition_rows(columns: tuple[str, ...]) -> dict[str, str]:
    """By operation, the rows a statement trigger's transition tables give (the id and `columns`): the
    inserted, the deleted, or the updated ones whose `columns` changed, before and after."""
    keys = ("id", *columns)
    changed_keys = " OR ".join(f"n.{column} IS DISTINCT FROM o.{column}" for column in columns)
    return {
        "INSERT": f"(SELECT {', '.join(keys)} FROM new_rows)",
        "DELETE": f"(SELECT {', '.join(keys)} FROM old_rows)",
        "UPDATE": (
            f"(SELECT {', '.join(f'n.{k}' for k in keys)} FROM new_rows n "
            f"JOIN old_rows o ON o.id = n.id WHERE {changed_keys} "
            f"UNION ALL SELECT {', '.join(f'o.{k}' for k in keys)} FROM old_rows o "
            f"JOIN new_rows n ON n.id = o.id WHERE {changed_keys})"
        ),
    }


def _postgresql_statements() -> list[str]:
    statements = [f"CREATE UNLOGGED TABLE IF NOT EXISTS {PENDING} (id bigserial PRIMARY KEY)"]
    for flag in FLAGS:
        table, column, name = flag.table, flag.column, flag.name
        statements += [
            f"CREATE OR REPLACE FUNCTION {name}(row_id bigint) RETURNS boolean LANGUAGE sql STABLE "
            f"AS $$ SELECT {flag.value_sql('row_id')} $$",
            # Recompute the flag of `ids`: lock them (in id order) first, so that the queries after it, each
            # with a snapshot taken after the lock, see what a concurrent writer of the same rows committed.
            # Which of them are true is one query over them all (the set's own query, narrowed to `ids`):
            # evaluated row by row, the condition is planned without the statistics of tables an import
            # filled in this same transaction, and each call costs a scan.
            f"""CREATE OR REPLACE FUNCTION {name}_refresh(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
            DECLARE trues bigint[];
            BEGIN
                IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
                PERFORM 1 FROM {table} WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
                trues := ARRAY(SELECT p.id FROM ({flag.true_ids}) p WHERE p.id = ANY(ids));
                UPDATE {table} SET {column} = true WHERE id = ANY(trues) AND NOT {column};
                UPDATE {table} SET {column} = false
                WHERE id = ANY(ARRAY(SELECT unnest(ids) EXCEPT SELECT unnest(trues))) AND {column};
            END $$""",
            # A write of the flag itself (outside the refresh, which runs in a trigger) takes the value
            # the data gives.
            f"""CREATE OR REPLACE FUNCTION {name}_keep() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.{column} := {name}(NEW.id);
                RETURN NEW;
            END $$""",
            f"DROP TRIGGER IF EXISTS {name}_keep ON {table}",
            f"CREATE TRIGGER {name}_keep BEFORE UPDATE OF {column} ON {table} FOR EACH ROW "
            f"WHEN (NEW.{column} IS DISTINCT FROM OLD.{column} AND pg_trigger_depth() = 0) "
            f"EXECUTE FUNCTION {name}_keep()",
            # A new row is refreshed with the rest: whatever it was inserted with, the commit sets it.
            f"""CREATE OR REPLACE FUNCTION {name}_keep_insert() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN {_touch_sql([f"SELECT {FLAGS.index(flag)}, id FROM new_rows"])} RETURN NULL; END $$""",
            f"DROP TRIGGER IF EXISTS {name}_keep_insert ON {table}",
            f"CREATE TRIGGER {name}_keep_insert AFTER INSERT ON {table} REFERENCING NEW TABLE AS new_rows "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {name}_keep_insert()",
        ]
    collect = " ".join(
        f"{flag.name}_ids := ARRAY(SELECT DISTINCT id FROM pg_temp.{TOUCHED} WHERE flag = {index});"
        for index, flag in enumerate(FLAGS)
    )
    refresh = " ".join(f"PERFORM {flag.name}_refresh({flag.name}_ids);" for flag in FLAGS)
    statements += [
        f"""CREATE OR REPLACE FUNCTION {REFRESH}() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE {" ".join(f"{flag.name}_ids bigint[];" for flag in FLAGS)}
        BEGIN
            PERFORM set_config('{PENDING_SETTING}', '', true);
            DELETE FROM {PENDING} WHERE id = NEW.id;
            {collect}
            DELETE FROM pg_temp.{TOUCHED};
            {refresh}
            RETURN NULL;
        END $$""",
        f"DROP TRIGGER IF EXISTS {REFRESH} ON {PENDING}",
        f"CREATE CONSTRAINT TRIGGER {REFRESH} AFTER INSERT ON {PENDING} DEFERRABLE INITIALLY DEFERRED "
        f"FOR EACH ROW EXECUTE FUNCTION {REFRESH}()",
    ]
    for source in SOURCES:
        for operation, rows in transition_rows(source.columns).items():
            name = f"{source.table}_flags_{operation.lower()}"
            selects = [
                f"SELECT {FLAGS.index(flag)}, x.{flag.id_column} FROM ({query.format(changed=rows)}) x "
                f"WHERE x.{flag.id_column} IS NOT NULL"
                for flag, query in source.affects.items()
            ]
            statements += [
                f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                f"BEGIN {_touch_sql(selects)} RETURN NULL; END $$",
                f"DROP TRIGGER IF EXISTS {name} ON {source.table}",
                f"CREATE TRIGGER {name} AFTER {operation} ON {source.table} REFERENCING {REFERENCING[operation]} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()",
            ]
    return statements


# SQLite -------------------------------------------------------------------------------------------------


# The marks of an open `inserts_refreshed_once()`: a table's rows above its mark are refreshed at its end,
# not by their insert triggers. Written and emptied inside the writer's transaction (no one else sees a row).
PAUSED = "registry_public_set_paused"


def _refresh_sqlite(flag: Flag, ids_sql: str, *, now: str = "") -> str:
    """Recompute the flag of `ids_sql`, flipping the ones that differ (never null: the value is computed once
    a row); `now` limits it to the rows whose flag is that now (an insert can only set flags, a delete only
    clear them: every condition is a plain EXISTS over the tables' rows)."""
    table, column, value = flag.table, flag.column, flag.value_sql(f"{flag.table}.id")
    state = {"": "", "set": f" AND {column}", "clear": f" AND NOT {column}"}[now]
    return f"UPDATE {table} SET {column} = NOT {column} WHERE id IN ({ids_sql}){state} AND {column} <> {value};"


def _unpaused(table: str) -> str:
    """An insert trigger's condition: the new row is not one an open `inserts_refreshed_once()` refreshes."""
    return f"WHEN NOT EXISTS (SELECT 1 FROM {PAUSED} p WHERE p.tbl = '{table}' AND NEW.id > p.mark)"


def _inserted_refresh_sqlite() -> list[str]:
    """Recompute, set-wise, every flag that the rows above the open batch's marks can move."""

    def above(table: str, keys) -> str:
        mark = f"(SELECT mark FROM {PAUSED} WHERE tbl = '{table}')"
        return f"(SELECT {', '.join(keys)} FROM {table} WHERE id > {mark})"

    ids: dict[Flag, list[str]] = {flag: [f"SELECT id FROM {above(flag.table, ('id',))} s"] for flag in FLAGS}
    for source in SOURCES:
        for flag, query in source.affects.items():
            ids[flag].append(query.format(changed=above(source.table, ("id", *source.columns))))
    return [_refresh_sqlite(flag, " UNION ".join(selects)) for flag, selects in ids.items()]


def _marks_sqlite() -> str:
    tables = sorted({flag.table for flag in FLAGS} | {source.table for source in SOURCES})
    marks = " UNION ALL ".join(f"SELECT '{table}', COALESCE(MAX(id), 0) FROM {table}" for table in tables)
    return f"INSERT INTO {PAUSED} (tbl, mark) {marks}"


@contextmanager
def inserts_refreshed_once(connection=default_connection) -> Iterator[None]:
    """Rows inserted inside are refreshed together when it ends, in one statement a flag, instead of one
    trigger run a row (SQLite): worth it for many rows (about seven queries more). It is atomic (a
    savepoint), so no row can stay unrefreshed. PostgreSQL refreshes once a transaction anyway: nothing to
    do there."""
    if connection.vendor != "sqlite":
        yield
        return
    with transaction.atomic(using=connection.alias):
        with connection.cursor() as cursor:
            cursor.execute(_marks_sqlite())
        yield
        with connection.cursor() as cursor:
            for statement in _inserted_refresh_sqlite():
                cursor.execute(statement)
            cursor.execute(f"DELETE FROM {PAUSED}")


def _sqlite_statements() -> list[str]:
    statements = [f"CREATE TABLE IF NOT EXISTS {PAUSED} (tbl text PRIMARY KEY, mark integer NOT NULL)"]
    for flag in FLAGS:
        table, column, name = flag.table, flag.column, flag.name
        refresh_self = _refresh_sqlite(flag, "NEW.id")
        statements += [
            f"DROP TRIGGER IF EXISTS {name}_keep_insert",
            f"CREATE TRIGGER {name}_keep_insert AFTER INSERT ON {table} {_unpaused(table)} BEGIN {refresh_self} END",
            f"DROP TRIGGER IF EXISTS {name}_keep_update",
            f"CREATE TRIGGER {name}_keep_update AFTER UPDATE OF {column} ON {table} "
            f"WHEN NEW.{column} IS NOT OLD.{column} BEGIN {refresh_self} END",
        ]
    for source in SOURCES:

        def body(*aliases: str, now: str = "", source=source) -> str:
            return " ".join(
                _refresh_sqlite(
                    flag,
                    " UNION ".join(query.format(changed=row_of(alias, source.columns)) for alias in aliases),
                    now=now,
                )
                for flag, query in source.affects.items()
            )

        changed_keys = any_changed(source.columns)
        triggers = {
            "insert": f"AFTER INSERT ON {source.table} {_unpaused(source.table)} BEGIN {body('NEW', now='clear')} END",
            "delete": f"AFTER DELETE ON {source.table} BEGIN {body('OLD', now='set')} END",
            "update": (
                f"AFTER UPDATE OF {', '.join(source.columns)} ON {source.table} WHEN {changed_keys} "
                f"BEGIN {body('NEW', 'OLD')} END"
            ),
        }
        for operation, definition in triggers.items():
            name = f"{source.table}_flags_{operation}"
            statements += [f"DROP TRIGGER IF EXISTS {name}", f"CREATE TRIGGER {name} {definition}"]
    return statements


# Installing, checking, repairing ------------------------------------------------------------------------


# Triggers and functions of the first version (people and organizations only), replaced by the above.
_RETIRED_TABLES = [PERSON_TABLE, ORGANIZATION_TABLE]


def _retired_statements(vendor: str) -> list[str]:
    if vendor == "postgresql":
        triggers = [(f"{table}_keep_flag", table) for table in _RETIRED_TABLES] + [
            (f"{source.table}_public_set_{operation}", source.table) for source in SOURCES for operation in OPERATIONS
        ]
        functions = [f"{name}()" for name, _ in triggers] + [f"{table}_refresh(bigint[])" for table in _RETIRED_TABLES]
        return [f"DROP TRIGGER IF EXISTS {name} ON {table}" for name, table in triggers] + [
            f"DROP FUNCTION IF EXISTS {function}" for function in functions
        ]
    names = [f"{table}_keep_flag_{operation}" for table in _RETIRED_TABLES for operation in ("insert", "update")]
    names += [f"{source.table}_public_set_{operation}" for source in SOURCES for operation in OPERATIONS]
    return [f"DROP TRIGGER IF EXISTS {name}" for name in names]


def install(connection=default_connection) -> None:
    """Create or replace the triggers (idempotent)."""
    statements = _retired_statements(connection.vendor)
    statements += _postgresql_statements() if connection.vendor == "postgresql" else _sqlite_statements()
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def trigger_names(vendor: str) -> set[str]:
    if vendor == "postgresql":
        names = {f"{flag.name}_{trigger}" for flag in FLAGS for trigger in ("keep", "keep_insert")} | {REFRESH}
    else:
        names = {f"{flag.name}_keep_{operation}" for flag in FLAGS for operation in ("insert", "update")}
    return names | {f"{source.table}_flags_{operation}" for source in SOURCES for operation in OPERATIONS}


def inserted_flags_kept(connection=default_connection) -> bool:
    """Whether a new row inserted with the flag the data will give it is left as it is: on PostgreSQL the
    refresh at commit rewrites only the rows whose flag differs (a rewrite that also writes the row into
    every index again), so a writer that knows the flag beforehand spares it; on SQLite the insert trigger
    recomputes the flag at once, from rows not written yet, and setting it would cost an update more."""
    return connection.vendor == "postgresql"


def refresh_now(connection=default_connection) -> None:
    """Bring the flags up to date with this transaction's writes before its commit, for a reader in the
    same transaction (PostgreSQL refreshes at commit; SQLite at every row, so there is nothing to do)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET CONSTRAINTS {REFRESH} IMMEDIATE")
            cursor.execute(f"SET CONSTRAINTS {REFRESH} DEFERRED")


def refresh_at_each_statement(connection=default_connection) -> None:
    """For the rest of this transaction, refresh the flags at the end of every statement instead of at
    commit: for tests, whose transaction is rolled back, never committed, and which read the flags as
    they write."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET CONSTRAINTS {REFRESH} IMMEDIATE")


def installed(connection=default_connection) -> bool:
    """Whether every trigger is in place."""
    return trigger_names(connection.vendor) <= triggers_in_place(connection)


def triggers_in_place(connection=default_connection) -> set[str]:
    """The names of the triggers the database holds (not its own, for constraints)."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT DISTINCT tgname FROM pg_trigger WHERE NOT tgisinternal")
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        return {name for (name,) in cursor.fetchall()}


@dataclass(frozen=True)
class Drift:
    """By flag ("person", "organization", "article"), the ids whose flag is true though the data says
    false (`wrongly_true`: shown though not public) and the other way round."""

    wrongly_true: dict[str, list[int]]
    wrongly_false: dict[str, list[int]]

    @property
    def total(self) -> int:
        return sum(len(ids) for ids in [*self.wrongly_true.values(), *self.wrongly_false.values()])


LABELS = {PERSON: "person", ORGANIZATION: "organization", ARTICLE: "article"}


def drift(connection=default_connection) -> Drift:
    wrongly_true, wrongly_false = {}, {}
    with connection.cursor() as cursor:
        for flag, label in LABELS.items():
            cursor.execute(
                f"SELECT t.id, t.{flag.column} FROM {flag.table} t LEFT JOIN ({flag.true_ids}) p ON p.id = t.id "
                f"WHERE t.{flag.column} <> (p.id IS NOT NULL) ORDER BY t.id"
            )
            rows = cursor.fetchall()
            wrongly_true[label] = [row_id for row_id, value in rows if value]
            wrongly_false[label] = [row_id for row_id, value in rows if not value]
    return Drift(wrongly_true, wrongly_false)


def repair(connection=default_connection, chunk: int = 5000) -> Drift:
    """Recompute every drifted flag; returns what was wrong."""
    found = drift(connection)
    with connection.cursor() as cursor:
        for flag, label in LABELS.items():
            ids = found.wrongly_true[label] + found.wrongly_false[label]
            for start in range(0, len(ids), chunk):
                part = ids[start : start + chunk]
                places = ", ".join(["%s"] * len(part))
                cursor.execute(
                    f"UPDATE {flag.table} SET {flag.column} = {flag.value_sql(f'{flag.table}.id')} "
                    f"WHERE id IN ({places})",
                    part,
                )
    return found
