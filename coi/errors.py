"""Error responses of the whole site that say why a request was refused."""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse

# Refusals about a request's size, whose reason is safe to repeat to its sender: (what, setting).
# Other suspicious requests (a forged Host header, say) get no explanation.
EXPLAINED = {
    TooManyFieldsSent: ("Too many parameters: at most {limit} are accepted.", "DATA_UPLOAD_MAX_NUMBER_FIELDS"),
    TooManyFilesSent: ("Too many files: at most {limit} are accepted.", "DATA_UPLOAD_MAX_NUMBER_FILES"),
    RequestDataTooBig: ("The request body is too large: at most {limit} bytes.", "DATA_UPLOAD_MAX_MEMORY_SIZE"),
}


def bad_request_reason(exception: Exception | None) -> str:
    for kind, (template, setting) in EXPLAINED.items():
        if isinstance(exception, kind):
            return template.format(limit=getattr(settings, setting))
    return "Bad request."


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """handler400: the reason in the API's JSON shape under /api/, in plain text elsewhere."""
    reason = bad_request_reason(exception)
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": reason}, status=400)
    return HttpResponseBadRequest(reason, content_type="text/plain; charset=utf-8")
