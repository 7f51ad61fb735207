"""Query parameters a public list understands; any other is refused with 400 and the reason, so a
misspelt filter (`?jornal=`) does not silently return everything."""

from django_filters.filters import Filter
from rest_framework.exceptions import ValidationError

ALWAYS_ALLOWED = {"format"}


def filter_parameters(name: str, declared: Filter) -> list[str]:
    """The parameters one filter reads: a range filter reads `<name>_after` and `<name>_before`."""
    suffixes = getattr(declared.field.widget, "suffixes", None)
    return [f"{name}_{suffix}" if suffix else name for suffix in suffixes] if suffixes else [name]


def allowed_parameters(view) -> set[str]:
    allowed = set(ALWAYS_ALLOWED)
    filterset_class = getattr(view, "filterset_class", None)
    if filterset_class is not None:
        for name, declared in filterset_class.base_filters.items():
            allowed.update(filter_parameters(name, declared))
    if getattr(view, "search_kind", None):
        allowed.add("search")
    paginator = getattr(view, "paginator", None)
    if paginator is not None and view.action == "list":
        allowed.update(filter(None, [paginator.page_query_param, paginator.page_size_query_param]))
    return allowed


def check_parameters(view, request) -> None:
    """Raise a 400 naming every parameter the endpoint does not understand, and those it does."""
    allowed = allowed_parameters(view) if view.action == "list" else set(ALWAYS_ALLOWED)
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        raise ValidationError(
            {
                "detail": f"Unknown query parameter{'s' if len(unknown) > 1 else ''}: {', '.join(unknown)}.",
                "allowed": sorted(allowed),
            }
        )
