from django.urls import path, register_converter

from audits import views
from audits.exports import FORMATS, REGISTRY_DATASETS


class ExportFormatConverter:
    """csv, xlsx, json or parquet; any other name is not found."""

    regex = "|".join(FORMATS)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class RegistryDatasetConverter(ExportFormatConverter):
    regex = "|".join(REGISTRY_DATASETS)


class ReportFormatConverter(ExportFormatConverter):
    regex = "pdf|html"


register_converter(ExportFormatConverter, "export_format")
register_converter(ReportFormatConverter, "report_format")
register_converter(RegistryDatasetConverter, "registry_dataset")

app_name = "audits"

urlpatterns = [
    path("rules/", views.rule_catalogue, name="rules"),
    path("runs/", views.run_list, name="runs"),
    path("runs/start/", views.start_run, name="start"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
    path("findings/", views.finding_list, name="findings"),
    path("findings/review/", views.bulk_review, name="bulk_review"),
    path("findings/<int:pk>/", views.finding_detail, name="finding"),
    path("findings/<int:pk>/review/", views.review, name="review"),
    path("report.<report_format:format>", views.report, name="report"),
    path("findings.<export_format:format>", views.export_findings, name="export_findings"),
    path("runs/<int:pk>/findings.<export_format:format>", views.export_run_findings, name="export_run"),
    path("exports/<registry_dataset:dataset>.<export_format:format>", views.export_registry, name="export_registry"),
]
