"""Reading statement files (one JSON object a line) with every fault named by file and line.

A statement line is {"id", "authors": [full names in byline order], "statement"}; a label line adds
"declares_none" and "items", written by hand; a parsed line has "id", "declares_none", "items".
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

MAX_REPORTED = 20
REQUIRED = {
    "statements": ("id", "authors", "statement"),
    "labels": ("id", "authors", "statement", "declares_none", "items"),
    "parsed": ("id", "declares_none", "items"),
}


class InputError(ValueError):
    """Faults in an input file; the message names the file and line of each (up to MAX_REPORTED)."""

    def __init__(self, path: Path, faults: list[tuple[int, str]], total: int) -> None:
        self.path, self.faults, self.total = path, faults, total
        lines = [f"{path}:{line}: {message}" for line, message in faults]
        if total > len(faults):
            lines.append(f"... and {total - len(faults)} more faulty lines")
        super().__init__("\n".join(lines))


def read_records(path: Path, *, kind: str = "statements") -> Iterator[dict[str, Any]]:
    """The file's records of `kind` (statements, labels or parsed) in order, checked as they are read;
    blank lines are skipped.

    Raises InputError once the whole file has been read if any line is faulty, so a caller that
    writes as it goes must not keep what it wrote (the commands write to a temporary file).
    """
    faults: list[tuple[int, str]] = []
    total = 0
    seen: dict[Any, int] = {}
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(path, [(0, f"cannot be read: {exc.strerror or exc}")], 1) from exc
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            message, record = _check_line(raw, REQUIRED[kind])
            if message is None and record["id"] in seen:
                message = f"id {record['id']!r} repeats line {seen[record['id']]}"
            if message is not None:
                total += 1
                if len(faults) < MAX_REPORTED:
                    faults.append((number, message))
                continue
            seen[record["id"]] = number
            if not total:
                yield record
    if total:
        raise InputError(path, faults, total)


def _check_line(raw: bytes, required: tuple[str, ...]) -> tuple[str | None, dict[str, Any]]:
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return "not UTF-8 text", {}
    except json.JSONDecodeError as exc:
        return f"not valid JSON ({exc.msg} at column {exc.colno})", {}
    if not isinstance(record, dict):
        return f"expected a JSON object, got {_kind(record)}", {}
    missing = [key for key in required if key not in record]
    if missing:
        return "missing " + ", ".join(repr(key) for key in missing), {}
    return _check_types(record, required), record


def _check_types(record: dict[str, Any], required: tuple[str, ...]) -> str | None:
    if isinstance(record["id"], bool) or not isinstance(record["id"], str | int):
        return f"'id' must be a string or an integer, not {_kind(record['id'])}"
    if "statement" in required and not isinstance(record["statement"], str):
        return f"'statement' must be a string, not {_kind(record['statement'])}"
    for key in ("authors", "declares_none"):
        fault = _string_list(record, key) if key in required else None
        if fault:
            return fault
    if "items" not in required:
        return None
    if not isinstance(record["items"], list):
        return f"'items' must be a list, not {_kind(record['items'])}"
    for number, item in enumerate(record["items"], start=1):
        if not isinstance(item, dict):
            return f"items[{number}] must be an object, not {_kind(item)}"
        for key in ("author", "category", "organization"):
            value = item.get(key)
            if value is not None and not isinstance(value, str):
                return f"items[{number}].{key} must be a string or null, not {_kind(value)}"
    return None


def _string_list(record: dict[str, Any], key: str) -> str | None:
    value = record[key]
    if not isinstance(value, list):
        return f"{key!r} must be a list of strings, not {_kind(value)}"
    for number, name in enumerate(value, start=1):
        if not isinstance(name, str):
            return f"{key!r} must be a list of strings; item {number} is {_kind(name)}"
    return None


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number" if isinstance(value, int | float) else type(value).__name__
    )
