"""Rule-based parser of competing-interest statements into (author, category, organization) items."""

from __future__ import annotations

import sys
from typing import Any

from . import compiling

# The modules compiled by `make setup`, when their build is of these very sources (see compiling.py).
_BUILD = compiling.fresh_build()
if _BUILD is not None:
    __path__.insert(0, str(_BUILD))
    try:
        from . import parser as _compiled_parser  # noqa: F401 (loads the compiled modules, or fails here)
    except ImportError:  # a build that does not load here: the sources instead
        __path__.remove(str(_BUILD))
        for _name in [*compiling.MODULES, compiling.GROUP.rsplit(".", 1)[1] + "__mypyc"]:
            sys.modules.pop(f"{__name__}.{_name}", None)
        _BUILD = None

from .authors import author_index  # noqa: E402
from .parser import parse_statement  # noqa: E402
from .result import CATEGORIES, ParsedItem, ParseResult  # noqa: E402
from .spelling import fold  # noqa: E402

__all__ = [
    "CATEGORIES",
    "ParseResult",
    "ParsedItem",
    "clear_caches",
    "compiled",
    "parse_statement",
    "parsed_line",
    "predictions_line",
]

PASS_THROUGH = ("file", "split", "authors", "statement")


def parsed_line(record: dict[str, Any]) -> dict[str, Any]:
    """One output line of `manage.py parse_statements`: {"id", "declares_none", "items"}, each item with
    its author (as given in `authors`, or None), category slug, organization, payee and specification."""
    result = parse_statement(record.get("statement") or "", record.get("authors") or [])
    return {
        "id": record.get("id"),
        "declares_none": result.declares_none,
        "items": [item.to_dict() for item in result.items],
    }


def predictions_line(record: dict[str, Any]) -> dict[str, Any]:
    """One scorer line ({"id", "declares_none", "items", ...}) for one labels/input line."""
    parsed = parsed_line(record)
    out: dict[str, Any] = {"id": parsed["id"]}
    for key in PASS_THROUGH:
        if key in record:
            out[key] = record[key]
    out["declares_none"] = parsed["declares_none"]
    out["items"] = [{k: v for k, v in item.items() if k != "specification"} for item in parsed["items"]]
    return out


def clear_caches() -> None:
    """Forget what was learnt about earlier author lists, as if every statement came from a new article."""
    author_index.cache_clear()
    fold.cache_clear()


def compiled() -> bool:
    """Whether the parser runs as the modules compiled by `make setup` (else as its Python sources)."""
    return _BUILD is not None
