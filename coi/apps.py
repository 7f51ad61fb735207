"""The project as an app, for what spans the registry and the audits: the public page cache's write watch."""

from django.apps import AppConfig
from django.db.backends.signals import connection_created


class CoiConfig(AppConfig):
    name = "coi"
    verbose_name = "Conflict-of-interest registry"

    def ready(self):
        from coi.page_cache import watch_writes

        connection_created.connect(watch_writes, dispatch_uid="coi_page_cache_watch_writes")
