"""Editors record an author's disclosure through the API, by token; the service writes it with history."""

from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import generics, serializers, status
from rest_framework.response import Response
from rest_framework.settings import api_settings

from registry.api.permissions import CanRecordDisclosures
from registry.enums import DisclosureForm, InterestCategory, Payee
from registry.models import Article, Authorship, Disclosure, Interest, Organization
from registry.services import InterestInput, record_disclosure

API_REASON = "Recorded through the API"


def as_drf_error(exc: DjangoValidationError) -> serializers.ValidationError:
    """A model's validation error as a 400 with its field messages (errors of no one field as DRF names them)."""
    errors = serializers.as_serializer_error(exc)
    if NON_FIELD_ERRORS in errors:
        errors[api_settings.NON_FIELD_ERRORS_KEY] = errors.pop(NON_FIELD_ERRORS)
    return serializers.ValidationError(errors)


class InterestInputSerializer(serializers.Serializer):
    category = serializers.ChoiceField(choices=InterestCategory.choices)
    organization = serializers.PrimaryKeyRelatedField(
        queryset=Organization.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text="The registry's id.",
    )
    organization_name = serializers.CharField(
        required=False, allow_blank=True, max_length=300, default="", help_text="The name exactly as declared."
    )
    payee = serializers.ChoiceField(choices=Payee.choices, default=Payee.SELF)
    specification = serializers.CharField(required=False, allow_blank=True, default="")
    amount = serializers.DecimalField(
        max_digits=14, decimal_places=2, min_value=Decimal(0), required=False, allow_null=True, default=None
    )
    currency = serializers.CharField(
        required=False, allow_blank=True, max_length=3, default="", help_text="ISO 4217, e.g. NOK."
    )
    start_date = serializers.DateField(required=False, allow_null=True, default=None)
    end_date = serializers.DateField(required=False, allow_null=True, default=None)
    ongoing = serializers.BooleanField(required=False, default=False)

    def validate(self, attrs: dict) -> InterestInput:
        """The model's own checks (dates in order, an amount with its currency, a named counterparty) run
        here, so that a bad row is reported with its index and field before anything is written."""
        probe = Interest(**attrs)
        try:
            probe.full_clean(exclude=["person"], validate_unique=False, validate_constraints=False)
        except DjangoValidationError as exc:
            raise as_drf_error(exc) from exc
        return InterestInput(**{**attrs, "currency": probe.currency})


class DisclosureInputSerializer(serializers.Serializer):
    authorship = serializers.PrimaryKeyRelatedField(queryset=Authorship.objects.select_related("person"))
    statement = serializers.CharField(allow_blank=True, help_text="The statement as written.")
    declares_none = serializers.BooleanField(required=False, default=False)
    form = serializers.ChoiceField(choices=DisclosureForm.choices, default=DisclosureForm.FREE_TEXT)
    completed_on = serializers.DateField(required=False, allow_null=True, default=None)
    interests = InterestInputSerializer(many=True, required=False, default=list)
    change_reason = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        write_only=True,
        help_text="Why a published article's disclosure on file is corrected (required then).",
    )

    def validate_authorship(self, authorship: Authorship) -> Authorship:
        if authorship.article_id != self.context["article"].pk:
            raise serializers.ValidationError("This authorship is not on this article.")
        return authorship

    def validate(self, attrs: dict) -> dict:
        if attrs["declares_none"] and attrs["interests"]:
            raise serializers.ValidationError(
                {"interests": ["A disclosure that declares no interests cannot list interests."]}
            )
        return attrs


class RecordedInterestSerializer(serializers.ModelSerializer):
    """An interest as the editor recorded it, amount included (this is the editor's own answer)."""

    class Meta:
        model = Interest
        fields = [
            "id",
            "category",
            "organization",
            "organization_name",
            "payee",
            "specification",
            "amount",
            "currency",
            "start_date",
            "end_date",
            "ongoing",
        ]


class RecordedDisclosureSerializer(serializers.ModelSerializer):
    interests = serializers.SerializerMethodField()

    class Meta:
        model = Disclosure
        fields = ["id", "authorship", "statement", "declares_none", "form", "completed_on", "status", "interests"]

    @extend_schema_field(RecordedInterestSerializer(many=True))
    def get_interests(self, disclosure: Disclosure) -> list[dict]:
        declared = disclosure.declared_interests.select_related("interest")
        return RecordedInterestSerializer([row.interest for row in declared], many=True).data


class ArticleDisclosureView(generics.GenericAPIView):
    """Record one author's disclosure on an article (draft or published), replacing what was on file; a
    published article's disclosure on file is corrected, with the reason given, and marked so."""

    # Editors write on drafts too, so the article is looked up among all of them, not the published.
    queryset = Article.objects.all()
    serializer_class = DisclosureInputSerializer
    permission_classes = [CanRecordDisclosures]
    filter_backends = []
    pagination_class = None

    @extend_schema(
        request=DisclosureInputSerializer,
        responses={
            201: RecordedDisclosureSerializer,
            200: OpenApiResponse(RecordedDisclosureSerializer, description="The disclosure on file was replaced."),
        },
    )
    def post(self, request, pk: int) -> Response:
        article = self.get_object()
        serializer = DisclosureInputSerializer(
            data=request.data, context={**self.get_serializer_context(), "article": article}
        )
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        change_reason = data.pop("change_reason")
        on_file = Disclosure.objects.filter(authorship=data["authorship"]).exists()
        try:
            disclosure = record_disclosure(actor=request.user, reason=API_REASON, correction_note=change_reason, **data)
        except DjangoValidationError as exc:  # what only the database's state can tell, e.g. a clash on merge
            if getattr(exc, "code", None) == "correction_needs_reason":
                raise serializers.ValidationError({"change_reason": exc.messages}) from exc
            raise as_drf_error(exc) from exc
        answer = RecordedDisclosureSerializer(disclosure).data
        return Response(answer, status=status.HTTP_200_OK if on_file else status.HTTP_201_CREATED)
