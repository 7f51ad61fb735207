"""Each article's JSON as /api/articles/ lists it, kept (registry/api/stored_json.py): the table, the
triggers that mark a text stale when anything it shows is written, a row for every article and the JSON of
every published one."""

import django.db.models.deletion
from django.db import migrations, models

from registry.api import stored_json


def keep_json(apps, schema_editor):
    stored_json.install(schema_editor.connection)
    stored_json.fill(schema_editor.connection)


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
        migrations.RunPython(keep_json, drop_triggers, elidable=False),
    ]
