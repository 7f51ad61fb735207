from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_roles(sender, **kwargs):
    from registry.permissions import ensure_role_groups

    ensure_role_groups()


def _install_public_set(sender, using, **kwargs):
    # Again after every migrate: SQLite drops a table's triggers when a migration rebuilds the table.
    from django.db import connections

    from registry import public_set

    connection = connections[using]
    with connection.cursor() as cursor:
        tables = {flag.table for flag in public_set.FLAGS}
        columns = {
            (table, column.name)
            for table in tables
            for column in connection.introspection.get_table_description(cursor, table)
        }
    if all((flag.table, flag.column) in columns for flag in public_set.FLAGS):  # not before the flags' migrations
        public_set.install(connection)

    from registry.api import stored_json

    if stored_json.TABLE in connection.introspection.table_names():  # not before its migration
        stored_json.install(connection)
        stored_json.add_missing_rows(connection)


class RegistryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "registry"
    verbose_name = "Registry"

    def ready(self):
        # Permissions exist only after every app migrated, hence the post_migrate hook.
        post_migrate.connect(_ensure_roles, dispatch_uid="registry_ensure_roles")
        post_migrate.connect(_install_public_set, sender=self, dispatch_uid="registry_install_public_set")
