"""The OpenAPI schema's error responses: every operation says which errors it may answer with and their
body (`{"detail": ...}`), beside the success drf-spectacular derives from the serializers."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers
from rest_framework.permissions import AllowAny


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="Why the request failed.")


class ParameterErrorSerializer(ErrorSerializer):
    allowed = serializers.ListField(
        child=serializers.CharField(), required=False, help_text="The query parameters the endpoint reads."
    )


ERRORS = {
    "400": OpenApiResponse(ParameterErrorSerializer, _("An unknown or malformed query parameter, or an invalid body.")),
    "401": OpenApiResponse(ErrorSerializer, _("No valid token was given.")),
    "403": OpenApiResponse(ErrorSerializer, _("The token's user may not do this.")),
    "404": OpenApiResponse(ErrorSerializer, _("No such record, or not public.")),
    "429": OpenApiResponse(ErrorSerializer, _("Too many requests; retry after the time in Retry-After.")),
}


class RegistryAutoSchema(AutoSchema):
    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code in self.error_codes():
            responses.setdefault(code, self._get_response_for_code(ERRORS[code], code, direction=direction))
        return responses

    def error_codes(self) -> list[str]:
        codes = ["400"]  # every endpoint refuses unknown or malformed parameters
        if "{" in self.path:
            codes.append("404")
        if any(not issubclass(permission, AllowAny) for permission in self.view.permission_classes):
            codes += ["401", "403"]
        if self.view.throttle_classes:
            codes.append("429")
        return codes
