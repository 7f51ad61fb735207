"""The public set's triggers again: on SQLite their insert triggers skip the rows of an open batch
(`public_set.inserts_refreshed_once()`), whose marks go in a table of their own; nothing changes on PostgreSQL.
"""

from django.db import migrations

from registry import public_set


def install(apps, schema_editor):
    """The triggers again, with the batch marks' table on SQLite (`public_set.inserts_refreshed_once()`)."""
    public_set.install(schema_editor.connection)


class Migration(migrations.Migration):

    dependencies = [
        ('registry', '0024_article_json'),
    ]

    operations = [
        migrations.RunPython(install, migrations.RunPython.noop, elidable=False),
    ]
