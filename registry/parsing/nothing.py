"""Sentences that declare nothing ("The other authors declare that no competing interests exist")."""

from __future__ import annotations

import re

NONE_RE = re.compile(
    r"\bno\b(?:\s+[\w-]+){0,4}?\s+(?:competing|conflicting|conflicts?|financial|potential|relevant|declared"
    r"|disclosures?|interests?)\b"
    r"|\bnothing\s+to\s+(?:declare|disclose|report)\b"
    r"|\bnot\s+have\s+any\s+(?:competing|conflicts?|financial|relevant)\b"
    r"|\bnone\s+of\s+the\s+authors\b",
    re.IGNORECASE,
)
# The stock eLife/PLOS footnote, recognised without tokenising it.
STOCK_NONE_RE = re.compile(
    r"\s*(?:the\s+)?(?P<others>(?:all\s+)?(?:other|remaining)\s+)?(?P<who>authors?)\s+(?:have\s+)?"
    r"declared?s?\s+(?:that\s+)?(?:they\s+have\s+)?no\s+competing\s+interests?(?:\s+exists?)?\s*\.?\s*",
    re.IGNORECASE,
)
NONE_ONLY_RE = re.compile(r"\W*(?:none|nil|not\s+applicable)(?:\s+(?:declared|to\s+declare|reported))?\W*", re.I)
OTHERS_RE = re.compile(r"\b(?:other|remaining|rest\s+of\s+the)\b", re.IGNORECASE)


def none_position(text: str, start: int, end: int, low: str) -> int | None:
    """Offset of the no-conflict phrase in the sentence, or None if it declares something else."""
    if "no" not in low:
        return None  # "no", "not", "nothing", "none" all contain it
    if NONE_ONLY_RE.fullmatch(text, start, end):
        return start
    m = NONE_RE.search(text, start, end)
    return m.start() if m else None


def stock_none(text: str, start: int, end: int) -> str | None:
    """ "others", "authors" or "author" when the footnote is only the stock no-conflict sentence."""
    m = STOCK_NONE_RE.fullmatch(text, start, end)
    if not m:
        return None
    return "others" if m.group("others") else m.group("who").lower()


def says_others(text: str, start: int, pos: int) -> bool:
    """ "The other/remaining authors ...", "All other authors ..." before the no-conflict phrase."""
    return bool(OTHERS_RE.search(text, start, pos))
