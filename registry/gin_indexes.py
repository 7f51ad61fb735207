"""GIN indexes that lookups read by equality keep a short pending list (PostgreSQL; nothing elsewhere).

A GIN index gathers new entries in a pending list that every search through it reads in full, until a
vacuum or 4 MB of them folds the list in. Where the planner answers `column IN (...)` from a trigram
index on a column that imports write and read in the same breath (names, DOIs), each look-up read the
whole list. Without a list (0021, 0022) each new value went into the index a row at a time, which cost
bulk writers (a PubMed file's thousands of new names) about a tenth of their time; a list of 64 kB
(0023) is folded in every hundred names or so and read in a few pages. The migrations' operations, and
the bulk load's long list.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from django.db import connection, migrations

SHORT_LIST_KB = 64


def _on_postgresql(sql: str, names: tuple[str, ...], *, fold_in: bool = False) -> Callable:
    def run(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            for name in names:
                for statement in sql.split(";"):
                    schema_editor.execute(statement.format(name=name))
                if fold_in:  # what the list holds goes into the index now
                    schema_editor.execute(
                        "SELECT gin_clean_pending_list(i) FROM to_regclass(%s) AS i WHERE i IS NOT NULL", [name]
                    )

    return run


def without_pending_list(*names: str) -> migrations.RunPython:
    """Fast update off for these indexes, and their lists folded in now (0021, 0022)."""
    return migrations.RunPython(
        _on_postgresql("ALTER INDEX IF EXISTS {name} SET (fastupdate = off)", names, fold_in=True),
        _on_postgresql("ALTER INDEX IF EXISTS {name} RESET (fastupdate)", names),
    )


def with_short_pending_list(*names: str) -> migrations.RunPython:
    """Fast update on again for these indexes, with a list of SHORT_LIST_KB (0023)."""
    return migrations.RunPython(
        _on_postgresql(
            f"ALTER INDEX IF EXISTS {{name}} SET (fastupdate = on, gin_pending_list_limit = {SHORT_LIST_KB})", names
        ),
        _on_postgresql(
            "ALTER INDEX IF EXISTS {name} SET (fastupdate = off);"
            "ALTER INDEX IF EXISTS {name} RESET (gin_pending_list_limit)",
            names,
        ),
    )


# The indexes with a short pending list (migration 0023).
SHORT_PENDING_LIST = ("person_name_trgm", "organization_name_trgm", "organizationalias_name_trgm", "article_doi_trgm")


@contextmanager
def pending_lists_for_bulk_load() -> Iterator[None]:
    """Within a transaction that writes rows by the hundred thousand (the benchmark's generator), the
    pending lists long (4 MB, PostgreSQL's default) while it writes and short again, folded in, before its
    commit: a row at a time, 280,000 names went into a trigram index in 22.8 s, through the long list in
    2.2 s. Should the transaction fail, its rollback undoes the change with the rest."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        for name in SHORT_PENDING_LIST:
            cursor.execute(f"ALTER INDEX IF EXISTS {name} RESET (gin_pending_list_limit)")
    yield
    with connection.cursor() as cursor:
        for name in SHORT_PENDING_LIST:
            cursor.execute(f"ALTER INDEX IF EXISTS {name} SET (gin_pending_list_limit = {SHORT_LIST_KB})")
            cursor.execute("SELECT gin_clean_pending_list(i) FROM to_regclass(%s) AS i WHERE i IS NOT NULL", [name])
