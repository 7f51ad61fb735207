"""GIN indexes that lookups read by equality keep no pending list (PostgreSQL; nothing elsewhere).

A GIN index gathers new entries in a pending list that every search through it reads in full, until a
vacuum or 4 MB of them folds the list in. Where the planner answers `column IN (...)` from a trigram
index on a column that imports write and read in the same breath (names, DOIs), each look-up read the
whole list; without it, a new value's trigrams go into the index at once. The operation of the
migrations that turn it off (0021, 0022).
"""

from django.db import migrations


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
