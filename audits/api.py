"""The findings API for auditors: the findings page's list and filters as JSON, evidence included, read-only."""

from django import forms
from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError

from audits.forms import FindingFilterForm
from audits.models import Finding
from audits.selectors import findings_list
from registry.api.permissions import IsAuditor
from registry.models import Article, Organization, Person


class FindingArticleSerializer(serializers.ModelSerializer):
    class Meta:
        model = Article
        fields = ["id", "doi", "title", "status"]


class FindingPersonSerializer(serializers.ModelSerializer):
    class Meta:
        model = Person
        fields = ["id", "name", "orcid"]


class FindingOrganizationSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organization
        fields = ["id", "name"]


class FindingSerializer(serializers.ModelSerializer):
    article = FindingArticleSerializer(allow_null=True)
    person = FindingPersonSerializer(allow_null=True)
    organization = FindingOrganizationSerializer(allow_null=True)

    class Meta:
        model = Finding
        fields = [
            "id",
            "rule_code",
            "rule_version",
            "severity",
            "subject_type",
            "article",
            "authorship",
            "person",
            "organization",
            "interest",
            "summary",
            "evidence",
            "presence",
            "review_status",
            "first_seen_run",
            "last_seen_run",
            "updated_at",
        ]


def form_parameters(form_class: type[forms.Form]) -> list[OpenApiParameter]:
    """The form's fields as query parameters of the schema, so that the form stays their one definition."""
    parameters = []
    for name, field in form_class.base_fields.items():
        choices = [value for value, _ in getattr(field, "choices", []) if value]
        kind = OpenApiTypes.INT if isinstance(field, forms.IntegerField) else OpenApiTypes.STR
        description = str(field.label or name.capitalize())
        parameters.append(OpenApiParameter(name, kind, description=description, enum=choices or None))
    return parameters


@extend_schema_view(list=extend_schema(parameters=form_parameters(FindingFilterForm)))
class FindingViewSet(viewsets.ReadOnlyModelViewSet):
    """Findings, most severe first, then the most recent articles, filtered as on the auditors' findings page."""

    permission_classes = [IsAuditor]
    serializer_class = FindingSerializer
    # The findings page's form filters the list (see get_queryset); the detail is by id alone.
    filter_backends = []

    def get_queryset(self) -> QuerySet[Finding]:
        filters = self._filters() if self.action == "list" else {}
        # The list page leaves the evidence out; the API hands it over with each finding (the
        # article's long texts stay out: the API shows only its id, DOI, title and status).
        findings = findings_list(filters, viewer=self.request.user).defer(None)
        return findings.defer("article__competing_interests_text", "article__funding_statement")

    def _filters(self) -> dict:
        form = FindingFilterForm(self.request.query_params)
        if not form.is_valid():
            raise ValidationError({name: list(messages) for name, messages in form.errors.items()})
        return form.cleaned_data
