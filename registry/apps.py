from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _ensure_roles(sender, **kwargs):
    from registry.permissions import ensure_role_groups

    ensure_role_groups()


class RegistryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "registry"
    verbose_name = "Registry"

    def ready(self):
        # Permissions exist only after every app migrated, hence the post_migrate hook.
        post_migrate.connect(_ensure_roles, dispatch_uid="registry_ensure_roles")
