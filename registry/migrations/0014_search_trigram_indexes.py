"""Trigram indexes for the reader search on PostgreSQL: `fuzzy.candidates` asks for names and titles
with a word trigram-similar to the query's (`%>`) or containing it (LIKE), which without them read every
row (140 ms for 25,000 people). Nothing on other databases, where search reads every candidate anyway."""

from django.db import migrations

# (index, table, indexed expression): each for the `candidates()` call on that column in reader/search.py.
INDEXES = [
    ("person_name_trgm", "registry_person", "normalized_name"),
    ("organization_name_trgm", "registry_organization", "normalized_name"),
    ("organizationalias_name_trgm", "registry_organizationalias", "normalized_name"),
    ("article_title_trgm", "registry_article", "title"),
    # icontains on a title is UPPER(title) LIKE UPPER('%word%').
    ("article_title_upper_trgm", "registry_article", "UPPER(title)"),
    ("article_doi_trgm", "registry_article", "doi"),  # doi__contains, the same candidates() call
    # _by_statement: every word of the query icontains in a statement.
    ("disclosure_statement_upper_trgm", "registry_disclosure", "UPPER(statement)"),
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, table, expression in INDEXES:
            schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (({expression}) gin_trgm_ops)")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for name, _, _ in INDEXES:
            schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("registry", "0013_article_preprint")]

    operations = [migrations.RunPython(create, drop)]
