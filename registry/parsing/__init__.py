"""Rule-based parser of competing-interest statements into (author, category, organization) items."""

from __future__ import annotations

from typing import Any

from .parser import parse_statement
from .result import CATEGORIES, ParsedItem, ParseResult

__all__ = ["CATEGORIES", "ParseResult", "ParsedItem", "parse_statement", "predictions_line"]

PASS_THROUGH = ("file", "split", "authors", "statement")


def predictions_line(record: dict[str, Any]) -> dict[str, Any]:
    """One scorer line ({"id", "declares_none", "items", ...}) for one labels/input line."""
    result = parse_statement(record.get("statement") or "", record.get("authors") or [])
    out: dict[str, Any] = {"id": record.get("id")}
    for key in PASS_THROUGH:
        if key in record:
            out[key] = record[key]
    out["declares_none"] = result.declares_none
    out["items"] = [{k: v for k, v in it.to_dict().items() if k != "specification"} for it in result.items]
    return out
