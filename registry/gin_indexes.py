"""GIN indexes that lookups read by equality keep no pending list (PostgreSQL; nothing elsewhere).

A GIN index gathers new entries in a pending list that every search through it reads in full, until a
vacuum or 4 MB of them folds the list in. Where the planner answers `column IN (...)` from a trigram
index on a column that imports write and read in the same breath (names, DOIs), each look-up read the
whole list; without it, a new value's trigrams go into the index at once. The operation of the
migrations that turn it off (0021, 0022), and its suspension for a bulk load.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection, migrations


def without_pending_list(*names: str) -> migrations.RunPython:
    """The migration operation: fast update off for these indexes, and their lists folded in now."""

    def forwards(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            for name in names:
                schema_editor.execute(f"ALTER INDEX IF EXISTS {name} SET (fastupdate = off)")
                schema_editor.execute(
                    "SELECT gin_clean_pending_list(i) FROM to_regclass(%s) AS i WHERE i IS NOT NULL", [name]
                )

    def backwards(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            for name in names:
                schema_editor.execute(f"ALTER INDEX IF EXISTS {name} RESET (fastupdate)")

    return migrations.RunPython(forwards, backwards)


# The indexes that have no pending list (migrations 0021 and 0022).
WITHOUT_PENDING_LIST = ("person_name_trgm", "organization_name_trgm", "organizationalias_name_trgm", "article_doi_trgm")


@contextmanager
def pending_lists_for_bulk_load() -> Iterator[None]:
    """Within a transaction that writes rows by the hundred thousand (the benchmark's generator), the
    pending lists on while it writes and off, folded in, before its commit: a row at a time, 280,000 names
    went into a trigram index in 22.8 s, through the list in 2.2 s. Should the transaction fail, its
    rollback undoes the change with the rest."""
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        for name in WITHOUT_PENDING_LIST:
            cursor.execute(f"ALTER INDEX IF EXISTS {name} SET (fastupdate = on)")
    yield
    with connection.cursor() as cursor:
        for name in WITHOUT_PENDING_LIST:
            cursor.execute(f"ALTER INDEX IF EXISTS {name} SET (fastupdate = off)")
            cursor.execute("SELECT gin_clean_pending_list(i) FROM to_regclass(%s) AS i WHERE i IS NOT NULL", [name])
