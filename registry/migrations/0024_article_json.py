"""Each article's JSON as /api/articles/ lists it, kept (registry/api/stored_json.py): the table and a row
for every article, its text to be built when a page first shows it. The triggers that mark a text stale are
installed after every migrate (registry/apps.py), as the public flags' are: written here, they and the
JSON's SQL would be today's, and would break on a database that a later migration has not yet given the
columns they read."""

import django.db.models.deletion
from django.db import migrations, models

from registry.api import stored_json


def add_rows(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO registry_articlejson (article_id, text, version, shape) SELECT id, NULL, 0, '' "
            "FROM registry_article"
        )


def drop_triggers(apps, schema_editor):
    stored_json.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("registry", "0023_short_pending_lists"),
    ]

    operations = [
        migrations.CreateModel(
            name="ArticleJson",
            fields=[
                (
                    "article",
                    models.OneToOneField(
                        db_constraint=False,
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="stored_json",
                        serialize=False,
                        to="registry.article",
                    ),
                ),
                ("text", models.TextField(null=True)),
                ("version", models.BigIntegerField(default=0)),
                ("shape", models.CharField(blank=True, max_length=16)),
            ],
        ),
        migrations.RunPython(add_rows, drop_triggers, elidable=False),
    ]
