"""The public set, kept: `Person.is_public` (authors of a published article) and `Organization.is_public`
(named by a published declaration or funding a published article), maintained by database triggers.

Computed on every list request, these conditions read every authorship or every declaration (seconds at
the large scale for the organizations' count). Kept as columns, a count or a page is an index read.

Only the database sees every write: the admin, the importers (some write raw SQL or COPY), the bulk
merges, publication and withdrawal, deletes. So triggers on each table the conditions read recompute
the flag of the people and organizations a write touches:

- article (its status), authorship (person, article), disclosure (authorship), declared interest
  (disclosure, interest), interest (organization), article funding (article, organization);
- on PostgreSQL once per statement, over the statement's rows (transition tables, so a COPY of a
  million declarations recomputes each organization once), locking the rows it recomputes first so
  two transactions publishing or withdrawing an author's articles at once cannot both keep a stale
  flag; on SQLite once per row.

The flags themselves cannot be written stale: a write to `is_public` (an edit form holding an old copy,
anything) is replaced by the value the data gives, and a new row starts from that value too.

`drift()` lists the rows whose flag disagrees with the data; `repair()` recomputes them (both used by
`manage.py public_set`). The triggers are (re)installed by migration and after every migrate, because
SQLite drops a table's triggers when a migration rebuilds the table.
"""

from dataclasses import dataclass

from django.db import connection as default_connection

from registry.enums import ArticleStatus

PUBLISHED = ArticleStatus.PUBLISHED.value

PERSON_TABLE = "registry_person"
ORGANIZATION_TABLE = "registry_organization"


def person_public_sql(person_id: str) -> str:
    return (
        "EXISTS (SELECT 1 FROM registry_authorship pa JOIN registry_article pr ON pr.id = pa.article_id "
        f"WHERE pa.person_id = {person_id} AND pr.status = '{PUBLISHED}')"
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


# Every id that is public, as one query each (for drift(): one pass over the tables, not a probe per row).
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

_ORGS_OF_AUTHORSHIPS = (
    "JOIN registry_disclosure s ON s.authorship_id = {authorship} "
    "JOIN registry_declaredinterest d ON d.disclosure_id = s.id "
    "JOIN registry_interest i ON i.id = d.interest_id"
)


@dataclass(frozen=True)
class Source:
    """A table the public set reads: the columns whose change matters, and, from its changed rows
    (`{changed} c`), the people and organizations whose flag to recompute."""

    table: str
    columns: tuple[str, ...]
    people: str = ""
    organizations: str = ""


SOURCES = [
    Source(
        "registry_article",
        ("status",),
        people="SELECT a.person_id FROM {changed} c JOIN registry_authorship a ON a.article_id = c.id",
        organizations=(
            "SELECT i.organization_id FROM {changed} c JOIN registry_authorship a ON a.article_id = c.id "
            + _ORGS_OF_AUTHORSHIPS.format(authorship="a.id")
            + " UNION SELECT f.organization_id FROM {changed} c JOIN registry_articlefunding f ON f.article_id = c.id"
        ),
    ),
    Source(
        "registry_authorship",
        ("person_id", "article_id"),
        people="SELECT c.person_id FROM {changed} c",
        organizations="SELECT i.organization_id FROM {changed} c " + _ORGS_OF_AUTHORSHIPS.format(authorship="c.id"),
    ),
    Source(
        "registry_disclosure",
        ("authorship_id",),
        organizations=(
            "SELECT i.organization_id FROM {changed} c JOIN registry_declaredinterest d ON d.disclosure_id = c.id "
            "JOIN registry_interest i ON i.id = d.interest_id"
        ),
    ),
    Source(
        "registry_declaredinterest",
        ("disclosure_id", "interest_id"),
        organizations="SELECT i.organization_id FROM {changed} c JOIN registry_interest i ON i.id = c.interest_id",
    ),
    Source("registry_interest", ("organization_id",), organizations="SELECT c.organization_id FROM {changed} c"),
    Source(
        "registry_articlefunding",
        ("article_id", "organization_id"),
        organizations="SELECT c.organization_id FROM {changed} c",
    ),
]

FLAGGED = [(PERSON_TABLE, person_public_sql), (ORGANIZATION_TABLE, organization_public_sql)]


# PostgreSQL ---------------------------------------------------------------------------------------------


def _postgresql_statements() -> list[str]:
    statements = []
    for table, public_sql in FLAGGED:
        statements += [
            f"CREATE OR REPLACE FUNCTION {table}_public(row_id bigint) RETURNS boolean LANGUAGE sql STABLE "
            f"AS $$ SELECT {public_sql('row_id')} $$",
            # Recompute the flag of `ids`: lock them (in id order) first, so that the UPDATE's snapshot,
            # taken after the lock, sees what a concurrent writer of the same rows committed.
            f"""CREATE OR REPLACE FUNCTION {table}_refresh(ids bigint[]) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                IF ids IS NULL OR cardinality(ids) = 0 THEN RETURN; END IF;
                PERFORM 1 FROM {table} WHERE id = ANY(ids) ORDER BY id FOR UPDATE;
                UPDATE {table} SET is_public = {table}_public(id)
                WHERE id = ANY(ids) AND is_public IS DISTINCT FROM {table}_public(id);
            END $$""",
            # A new row, or a write of the flag itself, takes the value the data gives.
            f"""CREATE OR REPLACE FUNCTION {table}_keep_flag() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF TG_OP = 'INSERT' OR NEW.is_public IS DISTINCT FROM OLD.is_public THEN
                    NEW.is_public := {table}_public(NEW.id);
                END IF;
                RETURN NEW;
            END $$""",
            f"DROP TRIGGER IF EXISTS {table}_keep_flag ON {table}",
            f"CREATE TRIGGER {table}_keep_flag BEFORE INSERT OR UPDATE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {table}_keep_flag()",
        ]
    for source in SOURCES:
        keys = ", ".join(("id", *source.columns))
        changed_keys = " OR ".join(f"n.{column} IS DISTINCT FROM o.{column}" for column in source.columns)
        changed = {
            "INSERT": f"(SELECT {keys} FROM new_rows)",
            "DELETE": f"(SELECT {keys} FROM old_rows)",
            "UPDATE": (
                f"(SELECT {', '.join(f'n.{k}' for k in ('id', *source.columns))} FROM new_rows n "
                f"JOIN old_rows o ON o.id = n.id WHERE {changed_keys} "
                f"UNION ALL SELECT {', '.join(f'o.{k}' for k in ('id', *source.columns))} FROM old_rows o "
                f"JOIN new_rows n ON n.id = o.id WHERE {changed_keys})"
            ),
        }
        referencing = {
            "INSERT": "NEW TABLE AS new_rows",
            "DELETE": "OLD TABLE AS old_rows",
            "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
        }
        for operation, rows in changed.items():
            name = f"{source.table}_public_set_{operation.lower()}"
            body = []
            if source.people:
                query = source.people.format(changed=rows)
                body.append(f"PERFORM {PERSON_TABLE}_refresh(ARRAY(SELECT DISTINCT x.person_id FROM ({query}) x));")
            if source.organizations:
                query = source.organizations.format(changed=rows)
                body.append(
                    f"PERFORM {ORGANIZATION_TABLE}_refresh(ARRAY(SELECT DISTINCT x.organization_id "
                    f"FROM ({query}) x WHERE x.organization_id IS NOT NULL));"
                )
            statements += [
                f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ "
                f"BEGIN {' '.join(body)} RETURN NULL; END $$",
                f"DROP TRIGGER IF EXISTS {name} ON {source.table}",
                f"CREATE TRIGGER {name} AFTER {operation} ON {source.table} REFERENCING {referencing[operation]} "
                f"FOR EACH STATEMENT EXECUTE FUNCTION {name}()",
            ]
    return statements


# SQLite -------------------------------------------------------------------------------------------------


def _sqlite_statements() -> list[str]:
    statements = []
    for table, public_sql in FLAGGED:
        refresh_self = (
            f"UPDATE {table} SET is_public = {public_sql('NEW.id')} "
            f"WHERE id = NEW.id AND is_public IS NOT {public_sql('NEW.id')};"
        )
        statements += [
            f"DROP TRIGGER IF EXISTS {table}_keep_flag_insert",
            f"CREATE TRIGGER {table}_keep_flag_insert AFTER INSERT ON {table} BEGIN {refresh_self} END",
            f"DROP TRIGGER IF EXISTS {table}_keep_flag_update",
            f"CREATE TRIGGER {table}_keep_flag_update AFTER UPDATE OF is_public ON {table} "
            f"WHEN NEW.is_public IS NOT OLD.is_public BEGIN {refresh_self} END",
        ]
    for source in SOURCES:
        keys = ("id", *source.columns)

        def row(alias: str, keys=keys) -> str:
            return "(SELECT " + ", ".join(f"{alias}.{key} AS {key}" for key in keys) + ")"

        def body(alias: str, source=source) -> str:
            changed = row(alias)
            return " ".join(
                f"UPDATE {table} SET is_public = {public_sql(f'{table}.id')} "
                f"WHERE id IN ({query.format(changed=changed)}) AND is_public IS NOT {public_sql(f'{table}.id')};"
                for (table, public_sql), query in zip(FLAGGED, (source.people, source.organizations), strict=True)
                if query
            )

        changed_keys = " OR ".join(f"NEW.{column} IS NOT OLD.{column}" for column in source.columns)
        triggers = {
            "insert": f"AFTER INSERT ON {source.table} BEGIN {body('NEW')} END",
            "delete": f"AFTER DELETE ON {source.table} BEGIN {body('OLD')} END",
            "update": (
                f"AFTER UPDATE OF {', '.join(source.columns)} ON {source.table} WHEN {changed_keys} "
                f"BEGIN {body('NEW')} {body('OLD')} END"
            ),
        }
        for operation, definition in triggers.items():
            name = f"{source.table}_public_set_{operation}"
            statements += [f"DROP TRIGGER IF EXISTS {name}", f"CREATE TRIGGER {name} {definition}"]
    return statements


# Installing, checking, repairing ------------------------------------------------------------------------


def install(connection=default_connection) -> None:
    """Create or replace the triggers (idempotent)."""
    statements = _postgresql_statements() if connection.vendor == "postgresql" else _sqlite_statements()
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def installed(connection=default_connection) -> bool:
    """Whether every trigger is in place."""
    names = {f"{table}_keep_flag" for table, _ in FLAGGED} if connection.vendor == "postgresql" else set()
    if connection.vendor != "postgresql":
        names = {f"{table}_keep_flag_{op}" for table, _ in FLAGGED for op in ("insert", "update")}
    names |= {f"{s.table}_public_set_{op}" for s in SOURCES for op in ("insert", "delete", "update")}
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT DISTINCT tgname FROM pg_trigger WHERE NOT tgisinternal")
        else:
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        return names <= {name for (name,) in cursor.fetchall()}


@dataclass(frozen=True)
class Drift:
    """Rows whose flag disagrees with the data: shown though not public, or public but hidden."""

    people_shown: list[int]
    people_hidden: list[int]
    organizations_shown: list[int]
    organizations_hidden: list[int]

    @property
    def total(self) -> int:
        lists = (self.people_shown, self.people_hidden, self.organizations_shown, self.organizations_hidden)
        return sum(map(len, lists))


def _drifted(cursor, table: str, public_ids: str) -> tuple[list[int], list[int]]:
    cursor.execute(
        f"SELECT t.id, t.is_public FROM {table} t LEFT JOIN ({public_ids}) p ON p.id = t.id "
        "WHERE t.is_public <> (p.id IS NOT NULL) ORDER BY t.id"
    )
    rows = cursor.fetchall()
    return [row_id for row_id, flag in rows if flag], [row_id for row_id, flag in rows if not flag]


def drift(connection=default_connection) -> Drift:
    with connection.cursor() as cursor:
        people = _drifted(cursor, PERSON_TABLE, PUBLIC_PEOPLE)
        organizations = _drifted(cursor, ORGANIZATION_TABLE, PUBLIC_ORGANIZATIONS)
    return Drift(*people, *organizations)


def repair(connection=default_connection, chunk: int = 5000) -> Drift:
    """Recompute every drifted flag; returns what was wrong."""
    found = drift(connection)
    with connection.cursor() as cursor:
        for table, public_sql, ids in [
            (PERSON_TABLE, person_public_sql, found.people_shown + found.people_hidden),
            (ORGANIZATION_TABLE, organization_public_sql, found.organizations_shown + found.organizations_hidden),
        ]:
            for start in range(0, len(ids), chunk):
                part = ids[start : start + chunk]
                places = ", ".join(["%s"] * len(part))
                cursor.execute(
                    f"UPDATE {table} SET is_public = {public_sql(f'{table}.id')} WHERE id IN ({places})", part
                )
    return found
