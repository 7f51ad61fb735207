"""What the parser keeps while it reads one statement: its text, tokens, author index and the ties so far."""

from __future__ import annotations

from dataclasses import dataclass, field

from .authors import AuthorIndex
from .text import TokenIndex


@dataclass(slots=True)
class DraftItem:
    author: int | None
    category: str
    org: str | None
    payee: str
    spec: str
    span: tuple[int, int]
    footnote: int


@dataclass(slots=True)
class ParseState:
    text: str
    index: AuthorIndex
    single: bool
    toks: TokenIndex
    items: list[DraftItem] = field(default_factory=list)
    nones: list[tuple[str, list[int | None]]] = field(default_factory=list)
    covered: set[int] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)
