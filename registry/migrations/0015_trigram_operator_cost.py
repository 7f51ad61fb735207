"""Tell PostgreSQL's planner what pg_trgm's `%>` operator costs: declared at the default cost of a plain
comparison, it made reading a whole table and comparing trigrams on every row look cheaper than the
trigram indexes of migration 0014 (search for a name: 340 ms by reading 280,000 people, 39 ms by the
index). Nothing on other databases."""

from django.db import migrations

# The function behind `%>` (word_similarity(b, a) >= pg_trgm.word_similarity_threshold).
FUNCTION = "word_similarity_commutator_op(text, text)"


def declare(cost: int):
    def alter(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"ALTER FUNCTION {FUNCTION} COST {cost}")

    return alter


class Migration(migrations.Migration):
    dependencies = [("registry", "0014_search_trigram_indexes")]

    operations = [migrations.RunPython(declare(100), declare(1))]
