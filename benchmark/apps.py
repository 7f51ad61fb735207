from django.apps import AppConfig


class BenchmarkConfig(AppConfig):
    # An app only so that `manage.py bench` finds its command; it has no models.
    name = "benchmark"
    verbose_name = "Benchmark"
